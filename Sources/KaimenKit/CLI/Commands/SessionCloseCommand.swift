import Foundation

/// `kaimen session close`: scores the confirmed ballots, writes the results and seals them.
public enum SessionCloseCommand: Command {
    public static let path = ["session", "close"]
    public static let abstract = "Close a session: score the confirmed ballots, write results/, and seal them in the journal."
    public static let usage = "kaimen session close DIR --by NAME [--accept-missing REASON]"
    public static let discussion = """
        Refuses while sheets are missing, entered once or in conflict (it lists them), unless
        --accept-missing gives a reason, which is recorded; unconfirmed ballots are then not
        counted. Scores exactly as `score` does and writes the same files as `score --out` into
        DIR/results/ (DIR/results/v2/ after an appeal, …). The seal record holds the SHA-256 of
        the inputs, of every output file and of the journal head. State: open or reopened → closed.
        """
    public static let examples = ["kaimen session close 2014-mid --by 王秘书", "kaimen session close 2014-mid --by 王秘书 --accept-missing \"R20 因病缺席\""]
    public static let options: [OptionSpec] = [
        .option("--accept-missing", "REASON", "Close although sheets are not confirmed (recorded)."),
        SessionCommandSupport.by, SessionCommandSupport.lang,
    ]

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = SessionCommandSupport.language(args)
        guard let (dir, url) = SessionCommandSupport.folder(args, usage: usage, console: console),
              let by = SessionCommandSupport.operatorName(args, usage: usage, console: console) else { return .usage }
        do {
            let folder = try SessionFolder.open(url)
            let (seal, session) = try folder.close(by: by, acceptMissing: args.value("--accept-missing"), lang: lang)
            let results = seal.content["results"]?.stringValue ?? "results"
            let files = seal.content["outputs"]?.objectValue?.count ?? 0
            console.out(SessionCommandSupport.clean(SummaryExport.table(session.report, lang: lang).text()))
            console.outLine(lang.t("会话已结束：结果 \(files) 个文件写入 \(PathText.join(dir, results))/，封存于记录 \(seal.seq)",
                                   "session closed: \(files) result files in \(PathText.join(dir, results))/, sealed by record \(seal.seq)"))
            console.outLine(lang.t("日志末条哈希（可公示，供日后核验）：\(seal.hash)", "journal head hash (post it, so the record can be checked later): \(seal.hash)"))
            return .success
        } catch {
            SessionCommandSupport.report(error.diagnostics, dir: dir, lang: lang, console: console)
            console.errLine(lang.t("会话未结束", "the session was not closed"))
            return .failure
        }
    }
}
