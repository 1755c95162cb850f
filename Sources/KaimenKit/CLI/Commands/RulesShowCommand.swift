/// `kaimen rules show FILE`: the effective criteria after `extends`.
public enum RulesShowCommand: Command {
    public static let path = ["rules", "show"]
    public static let abstract = Localized(zh: "打印规则文件生效的评分标准（展开 extends 之后）。", en: "Print the effective criteria of a rules file, after `extends`.")
    public static let usage = "kaimen rules show FILE [--format table|json]"
    public static let discussion = Localized(zh: """
        table 按终端对齐打印各方面及其标准（汉字占两列），然后是每个单位须填报的指标
        （编号、名称、类型、计量单位、空单元格的含义）；json 打印展开 extends 后的完整规则文件，
        kaimen 可以再次读取。
        """, en: """
        `table` prints areas and their standards aligned for a terminal (Chinese text is two
        columns wide), then the metrics each unit must submit (id, name, kind, unit, what an
        empty cell means); `json` prints a complete rules file with `extends` resolved, which
        kaimen can load again.
        """)
    public static let examples: [Localized] = [.init(same: "kaimen rules show rules/dongcheng-2019.jsonc"),
                                               .init(same: "kaimen rules show rules/dongcheng-2019.jsonc --format json > effective.json")]
    public static let options: [OptionSpec] = [.format(.init(zh: "输出格式。", en: "Output format."), choices: ["table", "json"]), .lang]

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = args.language
        guard args.positionals.count == 1 else {
            return usageError(CommandMessages.showTakesOne(args.positionals.count), console: console, lang: lang)
        }
        guard let rules = loadRules(args.positionals[0], console: console, lang: lang) else { return .failure }
        if args.value("--format") == "json" {
            var json = RulesEncoder.encode(rules)
            if case .object(var o) = json { o["$schema"] = .string("./schema.json"); json = .object(o) }
            console.out(json.rendered())
        } else {
            console.out(RulesTable.render(rules, lang: lang, width: console.outWidth))
        }
        return .success
    }
}
