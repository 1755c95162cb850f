import Foundation

/// `kaimen session resolve`: settles a disagreement between entries.
public enum SessionResolveCommand: Command {
    public static let path = ["session", "resolve"]
    public static let abstract = "Settle one item of a sheet where the entries disagree: the value, who, and why."
    public static let usage = "kaimen session resolve DIR --rep ID --unit ID --standard ID (--score N | --blank) --reason TEXT --by NAME"
    public static let discussion = "Records the value (checked against the standard's range and step) and the reason. State: open or reopened."
    public static let examples = ["kaimen session resolve 2014-mid --rep R05 --unit X02 --standard rights.ballot --score 3.5 --reason \"核对原始评分表\" --by 王秘书"]
    public static let options: [OptionSpec] = [
        SessionCommandSupport.rep, SessionCommandSupport.unit,
        .option("--standard", "ID", "The ballot item (as in ballot files)."),
        .option("--score", "N", "The value on the paper sheet."),
        .flag("--blank", "The cell is blank on the paper sheet."),
        SessionCommandSupport.reason,
        SessionCommandSupport.by, SessionCommandSupport.lang,
    ]

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = SessionCommandSupport.language(args)
        guard let (dir, url) = SessionCommandSupport.folder(args, usage: usage, console: console),
              let by = SessionCommandSupport.operatorName(args, usage: usage, console: console) else { return .usage }
        guard let rep = args.value("--rep"), let unit = args.value("--unit"), let item = args.value("--standard"),
              (args.value("--score") != nil) != args.has("--blank") else {
            console.errLine("error: give `--rep`, `--unit`, `--standard`, and either `--score N` or `--blank`")
            console.errLine("usage: \(usage)")
            return .usage
        }
        do {
            let folder = try SessionFolder.open(url)
            let r = try folder.resolve(.init(representative: rep, unit: unit), item: item, score: args.value("--score"),
                                       reason: args.value("--reason") ?? "", by: by)
            let state = folder.state.decision(.init(representative: rep, unit: unit), items: folder.setup.expected.items).state
            console.outLine(lang.t("已裁定（记录 \(r.seq)）；该评分表现在：\(SessionMessages.stateName(state).zh)",
                                   "resolved (record \(r.seq)); the sheet is now \(SessionMessages.stateName(state).en)"))
            return .success
        } catch {
            return SessionCommandSupport.fail(error, dir: dir, lang: lang, console: console)
        }
    }
}
