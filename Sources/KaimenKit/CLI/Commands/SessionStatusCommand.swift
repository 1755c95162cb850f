import Foundation

/// `kaimen session status`: what is entered, confirmed, in conflict or missing.
public enum SessionStatusCommand: Command {
    public static let path = ["session", "status"]
    public static let abstract = Localized(zh: "显示会话进展：应收、已录入、已确认、不一致和未录入的评分表。",
                                           en: "Show where a session stands: sheets expected, entered, confirmed, in conflict, missing.")
    public static let usage = "kaimen session status DIR [--format table|json] [--lang zh|en]"
    public static let discussion = Localized(zh: """
        按组，以及按代表和单位：评分表的状态、空白格和不一致的项；已执行的回避；
        能否结束会话；申诉复核之后，它改变了什么。从不显示只由一名录入员录入的值。任何状态均可。
        结束前，一旦有评分表已确认：列出待复核的分数，即与其他代表中位数相差较远的分数
        （即 `kaimen panel` 复核清单的区间）。
        """, en: """
        Per group, and per representative and unit: the sheet's state, its blank cells and
        conflicting items; the recusals applied; whether the session can be closed; after an
        appeal, what it changed. Never shows a value typed by one operator only. Any state.
        Before close, once some sheets are confirmed: the marks to re-check, those far
        from the other representatives' median (the corridor of `kaimen panel`).
        """)
    public static let examples: [Localized] = [.init(same: "kaimen session status 2014-mid"), .init(same: "kaimen session status 2014-mid --format json")]
    public static let options: [OptionSpec] = [
        .format(.init(zh: "table 供人阅读，json 供其他工具使用。", en: "Table for people, JSON for other tools."), choices: ["table", "json"]),
        SessionCommandSupport.lang,
    ]

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = SessionCommandSupport.language(args)
        guard let (dir, url) = SessionCommandSupport.folder(args, usage: usage, console: console) else { return .usage }
        do {
            let folder = try SessionFolder.open(url, shown: dir, writable: false, waiting: SessionCommandSupport.busyNotice(dir, lang: lang, console: console))
            // Input copies changed since `init` are said here too (no later command will
            // record), and so is what is no longer as sealed: both as `SessionStatus` found them.
            let status = SessionStatus(folder: folder)
            let found = SessionCommandSupport.report(folder.journal.diagnostics + status.inputProblems + status.sealProblems + status.resultLinks + status.unlistedFiles, dir: dir, lang: lang, console: console)
            let changes = AppealChange.between(folder.state.seals)
            let recheck = recheckList(folder, counted: status.counted)
            let text = args.value("--format") == "json" ? StatusReport.json(status, changes: changes, recheck: recheck)
                                                        : StatusReport.text(status, changes: changes, recheck: recheck, dir: dir, lang: lang)
            console.out(SessionCommandSupport.clean(text))
            // The status is printed whole, but a changed input copy or a damaged journal is a
            // problem found (exit 1): a script that checks the status before `close` must not
            // read it as all well.
            return found
        } catch {
            SessionCommandSupport.report(error.diagnostics, dir: dir, lang: lang, console: console)
            return .failure
        }
    }

    /// The marks to re-check before close, of the ballots `counted` (`SessionStatus.counted`);
    /// `nil` when closed or nothing can be scored yet.
    static func recheckList(_ folder: SessionFolder, counted: ConfirmedBallots?) -> [RecheckList.Entry]? {
        guard folder.state.phase != .closed, let counted else { return nil }
        var inputs = SessionInputs(folder, counted: counted)
        // The corridor reads the ballots alone: no unit is traced (every unit's score sheet was
        // made and dropped unseen: 1099 → 956 MiB at 20 000 units).
        inputs.inputs.traceAtMost = 0
        guard inputs.confirmedSheets > 0, let session = try? inputs.score() else { return nil }
        return RecheckList.of(session)
    }
}
