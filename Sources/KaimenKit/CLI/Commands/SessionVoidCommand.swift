import Foundation

/// `kaimen session void`: declares a sheet void.
public enum SessionVoidCommand: Command {
    public static let path = ["session", "void"]
    public static let abstract = Localized(zh: "宣布一张评分表作废（污损、无法辨认）：既不计入，也不算缺失。",
                                           en: "Declare a sheet void (spoiled, unreadable): neither counted nor missing.")
    public static let usage = "kaimen session void DIR --rep ID --unit ID --reason TEXT --by NAME [--override]"
    public static let discussion = Localized(zh: "连同理由一起记录；该评分表的录入仍留在日志中。状态：进行中或已重新打开。",
                                             en: "Recorded with its reason; the sheet's entries stay in the journal. State: open or reopened.")
    public static let examples: [Localized] = [
        .init(zh: "kaimen session void 2014-mid --rep R20 --unit X07 --reason \"评分表污损无法辨认\" --by 王秘书",
              en: "kaimen session void 2014-mid --rep R20 --unit X07 --reason \"sheet spoiled, unreadable\" --by Wang"),
    ]
    public static let options: [OptionSpec] = [
        SessionCommandSupport.rep, SessionCommandSupport.unit,
        SessionCommandSupport.reason,
        .flag("--override", .init(zh: "作废一张已有确认分数的评分表（这些分数将不计入）。",
                                  en: "Void a sheet that has confirmed scores (they will not count).")),
        SessionCommandSupport.by, SessionCommandSupport.lang,
    ]

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = SessionCommandSupport.language(args)
        guard let (dir, url) = SessionCommandSupport.folder(args, usage: usage, console: console),
              let by = SessionCommandSupport.operatorName(args, usage: usage, reason: true, console: console) else { return .usage }
        guard let rep = args.value("--rep"), let unit = args.value("--unit") else {
            return usageError(CommandMessages.missingOptions(["--rep", "--unit"].filter { args.value($0) == nil }), console: console, lang: lang)
        }
        return SessionCommandSupport.writing(url, dir: dir, lang: lang, console: console) { folder throws(SessionError) in
            let r = try folder.void(.init(representative: rep, unit: unit), reason: args.value("--reason") ?? "", by: by,
                                    override: args.has("--override"))
            console.outLine(lang.t("已声明作废（记录 \(r.seq)）", "declared void (record \(r.seq))"))
            return .success
        }
    }
}
