/// `kaimen explain UNIT…`: the whole derivation of a unit's result.
public enum ExplainCommand: Command {
    public static let path = ["explain"]
    public static let abstract = "Explain every number of a unit's result, in Chinese (or --lang en)."
    public static let usage = "kaimen explain UNIT… --rules FILE --units FILE --roster FILE --ballots FILE [--lang zh|en]"
    public static let discussion = """
        For each UNIT (a unit id, or `all`): every standard's inputs, method, intermediate
        values and points; ballots kept and dropped by trimming, by representative; recused
        ballots; bonus, deductions and vetoes; and which tie-break decided its rank.
        With no input options, explains a unit of the bundled Xicheng sample.
        """
    public static let examples = [
        "kaimen explain X03 --rules rules/xicheng-2014.jsonc --units samples/xicheng-2014/units.csv --roster samples/xicheng-2014/roster.csv --ballots samples/xicheng-2014/ballots.csv",
        "kaimen explain X03 --lang en",
    ]
    public static let options: [OptionSpec] = ScoreCommand.options.filter { ["--rules", "--units", "--roster", "--ballots", "--lang", "--strict"].contains($0.name) }

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = args.language
        guard !args.positionals.isEmpty else {
            return usageError(CommandMessages.nameUnits, console: console, lang: lang)
        }
        var args = args
        if ["--rules", "--units", "--roster", "--ballots"].allSatisfy({ args.value($0) == nil }) {
            if let message = DefaultCommand.missingSample(console) {
                console.error(message, lang)
                return .failure
            }
            for (k, v) in DefaultCommand.sampleOptions { args.options[k] = v }
        }
        guard let inputs = ScoreCommand.inputs(args, console: console) else { return .usage }
        let session: ScoringSession
        do {
            session = try ScoringSession.run(inputs)
        } catch {
            for d in error.diagnostics { console.errLine(relative(d, console, lang)) }
            return .failure
        }
        let ids = args.positionals == ["all"] ? session.ranking.order.map { session.table.units[$0].id } : args.positionals
        var failed = false
        let explanation = UnitExplanation(session: session, lang: lang)
        for (n, id) in ids.enumerated() {
            guard let u = session.table.index(ofUnit: id) else {
                console.error(CommandMessages.noUnit(id).joined(hint: Localized.didYouMean(id, among: session.table.units.map(\.id))), lang)
                failed = true
                continue
            }
            if n > 0 { console.outLine(String(repeating: "─", count: 40)) }
            console.out(explanation.render(unit: u))
        }
        return failed ? .failure : .success
    }
}
