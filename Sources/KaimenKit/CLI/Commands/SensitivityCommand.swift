import Foundation

/// `kaimen sensitivity`: how fragile a ranking is.
public enum SensitivityCommand: Command {
    public static let path = ["sensitivity"]
    public static let abstract = "Rank ranges and fragile grades over many varied scenarios (seeded)."
    public static let usage = "kaimen sensitivity (--rules FILE --units FILE --roster FILE --ballots FILE | DIR) [--scenarios N] [--seed S] [--vary LIST] [--weights P] [--fragile P] [--format table|csv|json|markdown|html]"
    public static let discussion = """
        Scores the session, then again under N scenarios (default 1000) drawn from the seed:
        each area's weight moved by up to ±P% (renormalised so the maximum total stays the
        same), another ballot aggregation (mean, median, trimmed mean with k = 1 or 2), one
        representative left out in turn, or a bootstrap draw of the representatives. The data
        are read and the rules compiled once. For every unit it prints its actual rank, the
        5%–95% range of its rank, its best and worst, how often it holds each grade, and
        flags a grade or a place inside the quota that changes in more than --fragile percent
        of the scenarios. The same seed always gives the same result. --format html writes a
        page with the rank ranges drawn as a chart. Given a session folder DIR (`kaimen session
        init`), analyses its inputs and confirmed ballots instead of the four files.
        """
    public static let examples = [
        "kaimen sensitivity --rules rules/xicheng-2014.jsonc --units samples/xicheng-2014/units.csv --roster samples/xicheng-2014/roster.csv --ballots samples/xicheng-2014/ballots.csv",
        "kaimen sensitivity 2014-mid --scenarios 200",
        "kaimen sensitivity … --vary leave-one-out --scenarios 27 --format html > sensitivity.html",
    ]
    public static let options: [OptionSpec] = [
        .option("--rules", "FILE", "The rules file (.jsonc)."),
        .option("--units", "FILE", "Units and their metrics (.csv or .json)."),
        .option("--roster", "FILE", "The representatives (.csv)."),
        .option("--ballots", "FILE", "The ballots (.csv, long or wide)."),
        .option("--scenarios", "N", "How many scenarios.", default: "1000"),
        .option("--seed", "S", "The seed the scenarios are drawn from.", default: "1"),
        .option("--vary", "LIST", "What to vary, comma-separated: weights, aggregation, leave-one-out, bootstrap.", default: "weights,aggregation,leave-one-out,bootstrap"),
        .option("--weights", "P", "How far each area's weight moves, in percent.", default: "10"),
        .option("--fragile", "P", "Flag a grade or quota place that changes in more than P% of scenarios.", default: "10"),
        .option("--format", "FORMAT", "How to print the result.", choices: ["table", "csv", "json", "markdown", "html"], default: "table"),
        .option("--lang", "LANG", "Language of headings and notes.", choices: ["zh", "en"], default: "zh"),
    ]

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = Language(rawValue: args.value("--lang") ?? "zh") ?? .zh
        var folder: SessionInputs?
        let inputs: ScoringSession.Inputs
        if let dir = args.positionals.first {
            if args.positionals.count > 1 { return CompareCommand.usageError("unexpected argument `\(args.positionals[1])`", console) }
            if let message = SessionCommandSupport.conflictingInputs(args, ["--rules", "--units", "--roster", "--ballots"]) {
                return CompareCommand.usageError(message.text(lang), console)
            }
            guard let loaded = SessionCommandSupport.inputs(dir, lang: lang, console: console) else { return .failure }
            folder = loaded
            inputs = loaded.inputs
        } else {
            guard let given = ScoreCommand.inputs(args, console: console) else { return .usage }
            inputs = given
        }
        guard let count = Int(args.value("--scenarios") ?? ""), (1...1_000_000).contains(count),
              let seed = UInt64(args.value("--seed") ?? ""),
              let weights = Int(args.value("--weights") ?? ""), (0...100).contains(weights),
              let fragile = Int(args.value("--fragile") ?? ""), (0...100).contains(fragile) else {
            return CompareCommand.usageError("`--scenarios` (1 to 1000000), `--seed`, `--weights` and `--fragile` (0 to 100) take whole numbers", console)
        }
        let vary = Set((args.value("--vary") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        if let unknown = vary.first(where: { !Scenario.Variation.names.contains($0) }) {
            return CompareCommand.usageError("`--vary` does not know `\(unknown)`; use " + Scenario.Variation.names.map { "`\($0)`" }.joined(separator: ", ")
                                             + (String.didYouMean(unknown, among: Scenario.Variation.names).map { "; \($0)" } ?? ""), console)
        }
        let variation = Scenario.Variation(weightPercent: vary.contains("weights") ? weights : 0, aggregation: vary.contains("aggregation"),
                                           leaveOneOut: vary.contains("leave-one-out"), bootstrap: vary.contains("bootstrap"))
        let session: ScoringSession
        do { session = try ScoringSession.run(inputs, readFile: folder?.readFile) } catch {
            if let dir = args.positionals.first { SessionCommandSupport.report(error.diagnostics, dir: dir, lang: lang, console: console) } else {
                for d in error.diagnostics { console.errLine(relative(d, console, lang)) }
            }
            let n = error.diagnostics.filter { $0.severity == .error }.count
            console.errLine(lang.t("\(n) 个错误，未分析", "\(n) error\(n == 1 ? "" : "s"); nothing analysed"))
            return .failure
        }
        let result = Sensitivity.run(session, count: count, seed: seed, variation: variation, fragilePercent: fragile)
        let table = SensitivityExport.table(result, lang: lang)
        switch args.value("--format") {
        case "csv": console.out(String(decoding: table.csv().dropFirst(3), as: UTF8.self))
        case "json": console.out(SensitivityExport.json(result).rendered())
        case "html": console.out(SensitivityExport.html(result, rulesTitle: "\(session.rules.metadata.title)（\(session.rules.metadata.version)）", lang: lang))
        case "markdown":
            console.out(table.markdown())
            console.out("\n" + SensitivityExport.summary(result, lang: lang).map { "- \($0)\n" }.joined())
        default:
            console.outLine("\(session.rules.metadata.title)（\(session.rules.metadata.version)）")
            console.out(table.text())
            console.out("\n" + SensitivityExport.summary(result, lang: lang).map { $0 + "\n" }.joined())
        }
        return .success
    }
}
