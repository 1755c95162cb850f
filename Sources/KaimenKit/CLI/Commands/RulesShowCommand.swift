/// `kaimen rules show FILE`: the effective criteria after `extends`.
public enum RulesShowCommand: Command {
    public static let path = ["rules", "show"]
    public static let abstract = "Print the effective criteria of a rules file, after `extends`."
    public static let usage = "kaimen rules show FILE [--format table|json]"
    public static let discussion = """
        `table` prints areas and their standards aligned for a terminal (Chinese text is two
        columns wide), then the metrics each unit must submit (id, name, kind, unit, what an
        empty cell means); `json` prints a complete rules file with `extends` resolved, which
        kaimen can load again.
        """
    public static let examples = ["kaimen rules show rules/dongcheng-2019.jsonc",
                                  "kaimen rules show rules/dongcheng-2019.jsonc --format json > effective.json"]
    public static let options: [OptionSpec] = [.option("--format", "FORMAT", "Output format.", choices: ["table", "json"], default: "table"), .lang]

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
            console.out(RulesTable.render(rules, lang: lang))
        }
        return .success
    }
}
