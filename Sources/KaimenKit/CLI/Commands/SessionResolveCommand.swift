import Foundation

/// `kaimen session resolve`: settles a disagreement between entries.
public enum SessionResolveCommand: Command {
    public static let path = ["session", "resolve"]
    public static let abstract = Localized(zh: "裁定评分表中两次录入不一致的一项：取值、裁定人和理由。",
                                           en: "Settle one item of a sheet where the entries disagree: the value, who, and why.")
    public static let usage = "kaimen session resolve DIR --rep ID --unit ID --standard ID (--score N | --blank) --reason TEXT --by NAME"
    public static let discussion = Localized(zh: "记录取值（按该标准的分值范围和步长检查）和理由。状态：进行中或已重新打开。",
                                             en: "Records the value (checked against the standard's range and step) and the reason. State: open or reopened.")
    public static let examples: [Localized] = [
        .init(zh: "kaimen session resolve 2014-mid --rep R05 --unit X02 --standard rights.ballot --score 3.5 --reason \"核对原始评分表\" --by 王秘书",
              en: "kaimen session resolve 2014-mid --rep R05 --unit X02 --standard rights.ballot --score 3.5 --reason \"checked the paper sheet\" --by Wang"),
    ]
    public static let options: [OptionSpec] = [
        SessionCommandSupport.rep, SessionCommandSupport.unit,
        .option("--standard", "ID", .init(zh: "评议项：编号，或录入表表头所写的标准名称。", en: "The ballot item: its id, or the standard's name as a typed sheet's header writes it.")),
        .option("--score", "N", .init(zh: "纸质评分表上的分数。", en: "The value on the paper sheet.")),
        .flag("--blank", .init(zh: "纸质评分表上该格为空。", en: "The cell is blank on the paper sheet.")),
        .flag("--override", .init(zh: "更改两次录入已一致（或已裁定）的一项；原值记入日志。",
                                  en: "Change an item the entries already agree on (or already settled); the value replaced is recorded.")),
        SessionCommandSupport.reason,
        SessionCommandSupport.by, SessionCommandSupport.lang,
    ]

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = SessionCommandSupport.language(args)
        guard let (dir, url) = SessionCommandSupport.folder(args, usage: usage, console: console),
              let by = SessionCommandSupport.operatorName(args, usage: usage, reason: true, console: console) else { return .usage }
        guard let rep = args.value("--rep"), let unit = args.value("--unit"), let item = args.value("--standard"),
              (args.value("--score") != nil) != args.has("--blank") else {
            return usageError(SessionMessages.resolveNeedsOptions, console: console, lang: lang)
        }
        return SessionCommandSupport.writing(url, dir: dir, lang: lang, console: console) { folder throws(SessionError) in
            let r = try folder.resolve(.init(representative: rep, unit: unit), item: item, score: args.value("--score"),
                                       reason: args.value("--reason") ?? "", by: by, override: args.has("--override"))
            let state = folder.state.decision(.init(representative: rep, unit: unit), items: folder.setup.expected.items).state
            let replaced = r.content["replaces"].map { SessionMessages.replaced($0.stringValue, by: r.content["score"]?.stringValue) }
                ?? Localized(zh: "", en: "")
            // The value as recorded, and the item by its key: a `４` typed full-width, or a name
            // given to --standard, is seen as read (a secretary's trial could not tell).
            let value = SessionMessages.cellText(r.content["score"]?.stringValue), key = r.content["standard"]?.stringValue ?? item
            console.outLine(SessionCommandSupport.clean(lang.t("已裁定 \(rep) × \(unit) · \(key) 为 \(value.zh)（记录 \(r.seq)）\(replaced.zh)；该评分表现在：\(SessionMessages.stateName(state).zh)",
                                                               "resolved \(rep) × \(unit) · \(key) as \(value.en) (record \(r.seq))\(replaced.en); the sheet is now \(SessionMessages.stateName(state).en)")))
            return .success
        }
    }
}
