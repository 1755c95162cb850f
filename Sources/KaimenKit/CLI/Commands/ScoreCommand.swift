import Foundation

/// `kaimen score`: scores units from their metrics and the representatives' ballots.
public enum ScoreCommand: Command {
    public static let path = ["score"]
    public static let abstract = "Score units: points, totals, grades and a ranking, with the warnings."
    public static let usage = "kaimen score --rules FILE --units FILE --roster FILE --ballots FILE [--format table|csv|json|markdown] [--out DIR]"
    public static let discussion = """
        Prints the ranked table (rank, unit, category, total, grade, area subtotals), then the
        warnings: recusals, insufficient ballots, standards not assessed, vetoes, quota moves.
        With --out, also writes the summary (summary.csv, summary.json) and one score sheet
        per unit (sheets/<unit>.csv and .json), atomically: if any input is bad, nothing is
        written. CSV files are UTF-8 with BOM for Excel and WPS.
        """
    public static let examples = [
        "kaimen score --rules rules/xicheng-2014.jsonc --units samples/xicheng-2014/units.csv --roster samples/xicheng-2014/roster.csv --ballots samples/xicheng-2014/ballots.csv",
        "kaimen score --rules rules/xicheng-2014.jsonc --units samples/xicheng-2014/units.csv --roster samples/xicheng-2014/roster.csv --ballots samples/xicheng-2014/ballots.csv --out out/",
    ]
    public static let options: [OptionSpec] = [
        .option("--rules", "FILE", "The rules file (.jsonc)."),
        .option("--units", "FILE", "Units and their metrics (.csv or .json)."),
        .option("--roster", "FILE", "The representatives (.csv)."),
        .option("--ballots", "FILE", "The ballots (.csv, long or wide)."),
        .option("--format", "FORMAT", "How to print the ranking.", choices: ["table", "csv", "json", "markdown"], default: "table"),
        .option("--out", "DIR", "Also write the summary and score sheets here."),
        .option("--lang", "LANG", "Language of notes and headings.", choices: ["zh", "en"], default: "zh"),
        .flag("--strict", "Treat a ballot for the representative's own unit as an error."),
        .flag("--quiet", "Print no warnings."),
    ]

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        guard args.positionals.isEmpty else {
            console.errLine("error: unexpected argument `\(args.positionals[0])`; `\(path.joined(separator: " "))` takes only options")
            console.errLine("usage: \(usage)")
            return .usage
        }
        guard let inputs = inputs(args, console: console) else { return .usage }
        let lang = Language(rawValue: args.value("--lang") ?? "zh") ?? .zh
        let session: ScoringSession
        do {
            session = try ScoringSession.run(inputs)
        } catch {
            for d in error.diagnostics { console.errLine(relative(d, console)) }
            let n = error.diagnostics.filter { $0.severity == .error }.count
            console.errLine("\(n) error\(n == 1 ? "" : "s"); nothing was scored\(args.value("--out") != nil ? " and nothing written" : "")")
            return .failure
        }
        let summary = SummaryExport.table(session, lang: lang)
        switch args.value("--format") {
        case "csv": console.out(String(decoding: SummaryExport.table(session, lang: lang, standardColumns: true).csv().dropFirst(3), as: UTF8.self))
        case "json": console.out(SummaryExport.json(session, lang: lang).rendered())
        case "markdown": console.out(summary.markdown())
        default:
            console.outLine("\(session.rules.metadata.title)（\(session.rules.metadata.version)）· \(session.table.units.count) \(lang.t("个单位", "units"))")
            console.out(summary.text())
        }
        if !args.has("--quiet") {
            for d in session.inputWarnings { console.errLine(relative(d, console)) }
            let warnings = SessionWarnings.collect(session, lang: lang)
            if !warnings.isEmpty {
                console.errLine(lang.t("\n提示（\(warnings.count) 条）：", "\nWarnings (\(warnings.count)):"))
                for w in warnings { console.errLine("  " + w) }
            }
        }
        if let out = args.value("--out") {
            let dir = URL(fileURLWithPath: resolve(out, in: console.currentDirectory))
            do {
                let files = try OutputFiles.write(session, to: dir, lang: lang)
                console.errLine(lang.t("已写入 \(files.count) 个文件到 \(out)", "wrote \(files.count) files to \(out)"))
            } catch {
                console.errLine("error: could not write to `\(out)`: \(error)")
                return .failure
            }
        }
        return .success
    }

    /// The four input files from the options; prints what is missing.
    static func inputs(_ args: ParsedArguments, console: Console) -> ScoringSession.Inputs? {
        let names = ["--rules", "--units", "--roster", "--ballots"]
        let missing = names.filter { args.value($0) == nil }
        if !missing.isEmpty {
            console.errLine("error: missing " + missing.map { "`\($0)`" }.joined(separator: ", "))
            console.errLine("usage: \(usage)")
            return nil
        }
        return ScoringSession.Inputs(rules: args.value("--rules")!, units: args.value("--units")!, roster: args.value("--roster")!,
                                     ballots: args.value("--ballots")!, strict: args.has("--strict"), baseDirectory: console.currentDirectory)
    }
}
