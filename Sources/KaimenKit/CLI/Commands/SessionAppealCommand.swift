import Foundation

/// `kaimen session appeal`: reopens a closed session for one unit (申诉复核).
public enum SessionAppealCommand: Command {
    public static let path = ["session", "appeal"]
    public static let abstract = Localized(zh: "为一个单位的申诉复核重新打开已结束的会话。", en: "Reopen a closed session for one unit's review (an appeal).")
    public static let usage = "kaimen session appeal DIR --unit ID --reason TEXT --by NAME"
    public static let discussion = Localized(zh: """
        然后用 `session enter` 录入（两次）对该单位评分表的更正；更正注明所更正的录入，
        被更正的录入仍留在日志中。再次结束会话时写出 results/v2/。
        状态：已结束（或已重新打开，以加入另一个单位）。
        """, en: """
        Corrections to that unit's sheets are then entered (twice) with `session enter`; they name
        the entries they correct, which stay in the journal. Closing again writes results/v2/.
        State: closed (or reopened, to add another unit).
        """)
    public static let examples: [Localized] = [
        .init(zh: "kaimen session appeal 2014-mid --unit X04 --reason \"恒泰餐饮申诉：R09 评分表录入有误\" --by 王秘书",
              en: "kaimen session appeal 2014-mid --unit X04 --reason \"appeal by X04: sheet of R09 mistyped\" --by Wang"),
    ]
    public static let options: [OptionSpec] = [
        .option("--unit", "ID", .init(zh: "申诉复核的单位。", en: "The unit whose result is reviewed.")),
        .option("--reason", "TEXT", .init(zh: "申诉内容（记入日志）。", en: "The appeal (recorded).")),
        SessionCommandSupport.by, SessionCommandSupport.lang,
    ]

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = SessionCommandSupport.language(args)
        guard let (dir, url) = SessionCommandSupport.folder(args, usage: usage, console: console),
              let by = SessionCommandSupport.operatorName(args, usage: usage, reason: true, console: console) else { return .usage }
        guard let unit = args.value("--unit") else {
            return usageError(CommandMessages.missingOptions(["--unit"]), console: console, lang: lang)
        }
        return SessionCommandSupport.writing(url, dir: dir, lang: lang, console: console) { folder throws(SessionError) in
            let r = try folder.appeal(unit: unit, reason: args.value("--reason") ?? "", by: by)
            console.outLine(lang.t("会话已为 \(unit) 重新开放（记录 \(r.seq)）；更正的评分表请两人各录入一次，然后再次结束会话（结果写入 \(SessionFolder.resultsPath(version: folder.state.nextVersion))/）",
                                   "session reopened for \(unit) (record \(r.seq)); enter the corrected sheets twice, then close again (results go to \(SessionFolder.resultsPath(version: folder.state.nextVersion))/)"))
            return .success
        }
    }
}
