import Foundation

/// `kaimen session close`: scores the confirmed ballots, writes the results and seals them.
public enum SessionCloseCommand: Command {
    public static let path = ["session", "close"]
    public static let abstract = Localized(zh: "结束会话：为已确认的票评分，写出 results/，并在日志中封存。",
                                           en: "Close a session: score the confirmed ballots, write results/, and seal them in the journal.")
    public static let usage = "kaimen session close DIR --by NAME [--accept-missing REASON] [--format table|json] [--lang zh|en]"
    public static let discussion = Localized(zh: """
        有评分表未录入、只录入一次或两次录入不一致时拒绝结束（并一一列出），
        除非 --accept-missing 给出理由（记入日志）；此时未确认的票不计入。
        评分方式与 `score` 完全相同，并把与 `score --out` 相同的文件写入 DIR/results/
        （申诉复核后为 DIR/results/v2/ 等），语言由 --lang 决定（默认中文）并记入封存记录。
        封存记录包含各输入文件、每个输出文件和日志末条的 SHA-256。状态：进行中或已重新打开 → 已结束。
        """, en: """
        Refuses while sheets are missing, entered once or in conflict (it lists them), unless
        --accept-missing gives a reason, which is recorded; unconfirmed ballots are then not
        counted. Scores exactly as `score` does and writes the same files as `score --out` into
        DIR/results/ (DIR/results/v2/ after an appeal, …), in the language of --lang (Chinese by
        default), which the seal records. The seal record holds the SHA-256 of the inputs, of
        every output file and of the journal head. State: open or reopened → closed.
        """)
    public static let examples: [Localized] = [
        .init(zh: "kaimen session close 2014-mid --by 王秘书", en: "kaimen session close 2014-mid --by Wang"),
        .init(zh: "kaimen session close 2014-mid --by 王秘书 --accept-missing \"R20 因病缺席\"",
              en: "kaimen session close 2014-mid --by Wang --accept-missing \"R20 absent, ill\" --lang en"),
    ]
    public static let options: [OptionSpec] = [
        .option("--accept-missing", "REASON", .init(zh: "即使有评分表未确认也结束会话（理由记入日志）。", en: "Close although sheets are not confirmed (recorded).")),
        SessionCommandSupport.by,
        .format(.init(zh: "table 供人阅读；json 供其他工具使用（末条哈希、封存的清单摘要、计数与结果文件夹，键名不随 --lang 变）。",
                      en: "Table for people; JSON for other tools (the head hash, the sealed manifest's digest, counts and the results folder, keys the same in every language)."),
                choices: ["table", "json"]),
        .language(.init(zh: "信息、表格和 results/ 中结果文件的语言。", en: "Language of messages, tables and the result files in results/.")),
    ]

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = SessionCommandSupport.language(args)
        guard let (dir, url) = SessionCommandSupport.folder(args, usage: usage, console: console),
              let by = SessionCommandSupport.operatorName(args, usage: usage, console: console) else { return .usage }
        do {
            let folder = try SessionFolder.open(url, shown: dir, waiting: SessionCommandSupport.busyNotice(dir, lang: lang, console: console))
            SessionCommandSupport.report(folder.journal.diagnostics, dir: dir, lang: lang, console: console)  // a torn tail set aside
            let (seal, session, replaced, written) = try folder.close(by: by, acceptMissing: args.value("--accept-missing"), lang: lang)
            let results = seal.content["results"]?.stringValue ?? "results"
            // Every file the seal accounts for, its manifest.json too: the files `status` and
            // `verify` count in the folder (they said 24 unsealed where this said 23 written).
            let files = Verifier.listedPaths(seal).count
            // With `--format json` standard output holds the one object, printed last; the
            // sentences said there for a person go to standard error.
            let json = args.value("--format") == "json"
            let say: (String) -> Void = json ? { console.errLine($0) } : { console.outLine($0) }
            if !json {
                console.out(SessionCommandSupport.clean(SummaryExport.table(session.report, lang: lang).text()))
                console.outLine(PaperTexts.summaryNote(session.rules, lang: lang, largestGap: PaperTexts.largestRoundingGap(session.report)))
            }
            // What --accept-missing left out, sheet by sheet, then the warnings `score` prints.
            let uncounted = seal.content["uncounted"]?.arrayValue?.compactMap(\.stringValue) ?? []
            if !uncounted.isEmpty {
                let state = folder.state, items = folder.setup.expected.items
                let inConflict = Set(folder.setup.expected.sheets.filter { state.decision($0, items: items).state == .conflict }
                    .map { "\($0.representative)×\($0.unit)" })
                console.errLine(SessionCommandSupport.clean(SessionMessages.uncounted(whole: uncounted.filter { !inConflict.contains($0) },
                                                                                      partly: uncounted.filter(inConflict.contains),
                                                                                      reason: args.value("--accept-missing") ?? "").text(lang)))
            }
            // The input copies' warnings were shown at `init`; their hints (add a column, correct a
            // cell) cannot be followed in a session, whose copies are sealed by hash: said so first.
            if !session.report.inputWarnings.isEmpty { console.errLine(SessionMessages.inputWarningsAgain.text(lang)) }
            SessionCommandSupport.report(session.report.inputWarnings, dir: dir, lang: lang, console: console)
            console.warnings(SessionWarnings.collect(session.report, lang: lang), lang: lang)
            if replaced > 0 {
                say(SessionMessages.unsealedReplaced(replaced, folder: PathText.join(dir, results)).text(lang))
            }
            // An old set put back, and one of those open in Excel, WPS or LibreOffice, as every `--out` says it (since 0.29.6).
            written.say(in: PathText.join(dir, results), console: console, lang: lang)
            // An appeal round that changed no unit's rank, total or grade (no correction entered,
            // or none that mattered) seals a version like the one before: said, so that the
            // committee posts it as the appeal's answer, not as new results (a secretary's test).
            let earlier = folder.journal.records.last { $0.kind == .seal && $0.seq < seal.seq }
            let unchanged = earlier.flatMap { $0.content["ranking"] == seal.content["ranking"] ? $0 : nil }
            if let earlier = unchanged, let version = seal.content["version"] {
                say(SessionMessages.appealChangedNothing(version: version.intValue ?? 0,
                                                                     earlier: earlier.content["version"]?.intValue ?? 0).text(lang))
            }
            say(lang.t("会话已结束：结果 \(files) 个文件写入 \(PathText.join(dir, results))/，封存于记录 \(seal.seq)",
                       "session closed: \(files) result files in \(PathText.join(dir, results))/, sealed by record \(seal.seq)"))
            say(lang.t("日志末条哈希（可公示，供日后核验）：\(seal.hash)", "journal head hash (post it, so the record can be checked later): \(seal.hash)"))
            say(SessionMessages.postHandwritten(PostedHead.handwritten(seal.hash)).text(lang))
            if json {
                console.out(closedJSON(seal, folder: PathText.join(dir, results), files: files, units: session.report.scores.unitCount,
                                       replaced: replaced, sameAs: unchanged?.content["version"]?.intValue))
            }
            return .success
        } catch {
            SessionCommandSupport.report(error.diagnostics, dir: dir, lang: lang, console: console)
            // A session closed before stays closed: "not closed" would contradict the message;
            // and a folder that holds no session has none to close.
            let isSession = FileManager.default.fileExists(atPath: url.appendingPathComponent(Journal.fileName).path)
            if isSession && !error.diagnostics.contains(where: { $0.code == DiagnosticCode.sessionClosed.rawValue }) {
                console.errLine(lang.t("会话未结束", "the session was not closed"))
            }
            return .failure
        }
    }

    /// `--format json` (docs/session.md): what the close sealed, in keys that are the same in every language.
    static func closedJSON(_ seal: JournalRecord, folder: String, files: Int, units: Int, replaced: Int, sameAs: Int?) -> String {
        let c = seal.content
        let uncounted = c["uncounted"]?.arrayValue ?? []
        return JSONOut.object([
            "closed": .bool(true), "record": .num(seal.seq), "head": .string(seal.hash),
            "headHandwritten": .string(PostedHead.handwritten(seal.hash)),
            "version": c["version"] ?? .null, "results": .string(folder), "files": .num(files),
            "manifest": c["manifest"] ?? .null, "ballots": c["ballots"] ?? .null, "lang": c["lang"] ?? .null,
            "units": .num(units), "uncounted": .array(uncounted), "uncountedSheets": .num(uncounted.count),
            "acceptMissing": c["acceptMissing"] ?? .null, "replacedUnsealed": .num(replaced),
            "sameRankingAs": sameAs.map { JSONOut.num($0) } ?? .null,
        ]).rendered()
    }
}
