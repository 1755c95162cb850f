import Foundation

/// `kaimen session void`: declares a sheet void.
public enum SessionVoidCommand: Command {
    public static let path = ["session", "void"]
    public static let abstract = "Declare a sheet void (spoiled, unreadable): neither counted nor missing."
    public static let usage = "kaimen session void DIR --rep ID --unit ID --reason TEXT --by NAME"
    public static let discussion = "Recorded with its reason; the sheet's entries stay in the journal. State: open or reopened."
    public static let examples = ["kaimen session void 2014-mid --rep R20 --unit X07 --reason \"评分表污损无法辨认\" --by 王秘书"]
    public static let options: [OptionSpec] = [
        SessionCommandSupport.rep, SessionCommandSupport.unit,
        SessionCommandSupport.reason,
        SessionCommandSupport.by, SessionCommandSupport.lang,
    ]

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = SessionCommandSupport.language(args)
        guard let (dir, url) = SessionCommandSupport.folder(args, usage: usage, console: console),
              let by = SessionCommandSupport.operatorName(args, usage: usage, console: console) else { return .usage }
        guard let rep = args.value("--rep"), let unit = args.value("--unit") else {
            console.errLine("error: give `--rep` and `--unit`")
            console.errLine("usage: \(usage)")
            return .usage
        }
        do {
            let r = try SessionFolder.open(url).void(.init(representative: rep, unit: unit), reason: args.value("--reason") ?? "", by: by)
            console.outLine(lang.t("已声明作废（记录 \(r.seq)）", "declared void (record \(r.seq))"))
            return .success
        } catch {
            return SessionCommandSupport.fail(error, dir: dir, lang: lang, console: console)
        }
    }
}
