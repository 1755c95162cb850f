import Foundation

/// `kaimen session enter`: records a typed file of score sheets.
public enum SessionEnterCommand: Command {
    public static let path = ["session", "enter"]
    public static let abstract = Localized(zh: "把录入的评分表（长表或宽表，CSV 或 Excel 工作簿）录入进行中的会话。", en: "Enter typed score sheets (long or wide, CSV or an Excel workbook) into an open session.")
    public static let usage = "kaimen session enter DIR FILE --by NAME [--identical] [--different-person]"
    public static let discussion = Localized(zh: """
        按规则、代表名单、单位和日程表检查每一行（该组不听取汇报的单位、应回避的单位、
        超出范围或不合步长的分数、未知编号；录入模板的表号、姓名和单位名称与编号不符：
        表号按 `kaimen sheets DIR` 从会话的输入副本打印的核对）；
        有任何问题时，该文件的内容一概不记录。
        重复录入同一文件不会增加新记录。双人录入时，两名不同的录入员一致后评分表才计入；
        第二次录入完成前，不显示第一名录入员录入的值。录入同样评分表的两个名字一个包含另一个
        （如 甲 与 录入员甲）时，按同一人拒绝录入；确是两个人时加 --different-person。
        状态：进行中或已重新打开。
        """, en: """
        Checks every row against the rules, roster, units and schedule (a unit the group does
        not hear, a recused unit, an out-of-range or off-step score, an unknown id; the entry
        template's sheet id, name or unit name not fitting the ids: sheet ids as `kaimen sheets DIR`
        prints them from the session's input copies); any problem and nothing
        from the file is recorded. Re-entering the same file records nothing new.
        With double entry, each sheet counts once two different operators agree; the first
        operator's values are never shown before the second entry is in. A name that holds, or is
        held in, the name of another operator of the same sheets (Li, Li Ming) is refused as one
        person; --different-person says they are two. State: open or reopened.
        """)
    public static let examples: [Localized] = [
        .init(zh: "kaimen session enter 2014-mid samples/xicheng-2014/typed-a.csv --by 录入员甲",
              en: "kaimen session enter 2014-mid samples/xicheng-2014/typed-a.csv --by typist-a"),
    ]
    public static let options: [OptionSpec] = [
        SessionCommandSupport.by,
        .flag("--identical", .init(zh: "文件与另一录入员已录入的文件逐字节相同，确是两人各自录入。",
                                   en: "The file is byte for byte one another operator entered, and two people did type it.")),
        .flag("--different-person", .init(zh: "--by 的名字与录入了同样评分表的另一录入员的名字相近（一个包含另一个），但确是两个不同的人。",
                                          en: "The --by name and that of another operator of the same sheets look alike (one holds the other), but they are two people.")),
        SessionCommandSupport.lang,
    ]

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = SessionCommandSupport.language(args)
        guard let (dir, url) = SessionCommandSupport.folder(args, usage: usage, count: 2, console: console),
              let by = SessionCommandSupport.operatorName(args, usage: usage, console: console) else { return .usage }
        let file = args.positionals[1]
        // A file first is the secretary's usual slip (`session enter typed-a.csv 2014-mid`):
        // said before the folder in its place is read as the typed file.
        if SessionFolder.isFile(url.path) {
            var said = SessionError.notAFolder(FolderName(url, shown: dir), creating: false).diagnostics
            if FileManager.default.fileExists(atPath: PathText.join(resolve(file, in: console.currentDirectory), Journal.fileName)) {
                said[0].hintText = SessionMessages.folderFirstHint(folder: file, file: dir)
            }
            return SessionCommandSupport.report(said, dir: dir, lang: lang, console: console)
        }
        let data: Data
        do { data = try InputFile.read(resolve(file, in: console.currentDirectory)) } catch {
            console.errLine(SessionCommandSupport.clean(NearInput.hinted(UnreadableFile.diagnostic(file, error), base: console.currentDirectory).rendered(lang)))
            return .failure
        }
        return SessionCommandSupport.writing(url, dir: dir, lang: lang, console: console) { folder throws(SessionError) in
            let outcome = try folder.enter(data, fileName: file, by: by, identical: args.has("--identical"),
                                           differentPerson: args.has("--different-person"))
            SessionCommandSupport.report(outcome.warnings, dir: dir, lang: lang, console: console)
            defer {
                if !outcome.untyped.isEmpty {
                    let wholeFile = outcome.record == nil && outcome.unchanged.isEmpty
                    console.outLine(SessionCommandSupport.clean(SessionMessages.untypedRows(outcome.untyped, rows: outcome.untypedRows, dir: dir, wholeFile: wholeFile).text(lang)))
                }
            }
            guard let record = outcome.record else {
                if outcome.unchanged.isEmpty {
                    console.outLine(SessionMessages.noSheetToRecord.text(lang))
                } else {
                    console.outLine(lang.t("没有新内容：这 \(outcome.unchanged.count) 张评分表 \(by) 都已按相同内容录入过，未做记录",
                                           "nothing new: \(by) already entered \(outcome.unchanged.count == 1 ? "this sheet" : "these \(outcome.unchanged.count) sheets") with the same values; nothing recorded"))
                }
                return .success
            }
            console.outLine(lang.t("已记录 \(outcome.decisions.count) 张评分表（记录 \(record.seq)）", "recorded \(outcome.decisions.count) sheet\(outcome.decisions.count == 1 ? "" : "s") (record \(record.seq))")
                            + (outcome.unchanged.isEmpty ? "" : lang.t("；\(outcome.unchanged.count) 张此前已录入，相同，跳过", "; \(outcome.unchanged.count) already entered identically, skipped")))
            if !outcome.toldApart.isEmpty {
                console.outLine(SessionCommandSupport.clean(SessionMessages.toldApart(by: by, from: outcome.toldApart).text(lang)))
            }
            let count = { (s: DoubleEntry.SheetState) in outcome.decisions.filter { $0.decision.state == s }.count }
            // Of the sheets this file recorded, not of the session (`status` counts those): a
            // secretary's test read "已确认 1 张" after 56 skipped as the session's total.
            console.outLine(lang.t("这次记录的 \(outcome.decisions.count) 张中：已确认 \(count(.confirmed)) 张，待第二人录入 \(count(.once)) 张，不一致 \(count(.conflict)) 张（全场见 `kaimen session status`）",
                                   "of the \(outcome.decisions.count) recorded now: confirmed \(count(.confirmed)), waiting for a second entry \(count(.once)), in conflict \(count(.conflict)) (the whole session: `kaimen session status`)"))
            let names = BallotItem.names(of: folder.setup.rules)
            // By where each blank stands now: still waiting for the second typist, or settled as
            // blank; one in conflict is listed below with its values instead.
            let decided = Dictionary(outcome.decisions.map { ($0.sheet, $0.decision) }, uniquingKeysWith: { a, _ in a })
            for confirmed in [false, true] {
                let cells = outcome.blankCells.compactMap { c -> (sheet: ExpectedBallots.Sheet, items: [String])? in
                    let items = c.items.filter { item in
                        switch decided[c.sheet]?.items[item] {
                        case .confirmed(nil): return confirmed
                        case .pending: return !confirmed
                        default: return false
                        }
                    }
                    return items.isEmpty ? nil : (c.sheet, items)
                }
                if !cells.isEmpty {
                    console.outLine(SessionCommandSupport.clean(SessionMessages.blankCellsEntered(cells, names: names, confirmed: confirmed).text(lang)))
                }
            }
            for (sheet, d) in outcome.decisions where d.state == .conflict {
                let entries = outcome.entries[sheet] ?? []
                for item in d.conflicts {
                    // Each value with who typed it: whose typing to check against the paper.
                    let shown = SessionMessages.typings(DoubleEntry.typings(entries, item: item)).text(lang)
                    let named = (zh: names[item].map { "\($0)（\(item)）" } ?? item, en: names[item].map { "\($0) (\(item))" } ?? item)
                    console.outLine(SessionCommandSupport.clean(lang.t("  不一致：\(sheet.representative) × \(sheet.unit) · \(named.zh)：\(shown)",
                                                                       "  conflict: \(sheet.representative) × \(sheet.unit) · \(named.en): \(shown)")))
                }
            }
            if count(.conflict) > 0 {
                console.outLine(lang.t("  由第三名录入员对照纸质评分表再录入一次，或用 `kaimen session resolve` 裁定；`kaimen session status` 列出每一项的裁定命令",
                                       "  have a third operator enter it from the paper sheet, or settle it with `kaimen session resolve`; `kaimen session status` lists the command for each item"))
            }
            return .success
        }
    }
}
