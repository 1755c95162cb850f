import Foundation

/// `kaimen score`: scores units from their metrics and the representatives' ballots.
public enum ScoreCommand: Command {
    public static let path = ["score"]
    public static let abstract = "Score units: points, totals, grades and a ranking, with the warnings."
    public static let usage = "kaimen score --rules FILE --units FILE --roster FILE --ballots FILE [--format table|csv|json|markdown|none] [--out DIR [--force]]"
    public static let discussion = """
        Prints the ranked table (rank, unit, category, total, grade, area subtotals), then the
        warnings: recusals, insufficient ballots, standards not assessed, vetoes, quota moves.
        With --out, also writes the summary (summary.csv with every standard's points) and, for
        up to 10 000 units, summary.json and one score sheet per unit (sheets/<unit>.csv and
        .json), with manifest.json (SHA-256 of every input and output file). The folder is
        replaced as a whole set: it shows the old set or the new one, never a mix; if any input
        is bad, nothing is written. A non-empty folder kaimen did not write (no manifest.json) is
        replaced only with --force. CSV files are UTF-8 with BOM for Excel and WPS.

        Large inputs are scored by the bulk engine (byte-level readers, both cores); its results
        are identical to the checked engine's, which reads anything the bulk readers do not
        (and is used whenever an input has a problem, so messages are always the same).
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
        .option("--format", "FORMAT", "How to print the ranking (none prints nothing).", choices: ["table", "csv", "json", "markdown", "none"], default: "table"),
        .option("--out", "DIR", "Also write the summary and score sheets here."),
        .lang,
        .option("--top", "N", "Rows of the table to print (default: all up to 1000 units, else 50)."),
        .option("--engine", "ENGINE", "Which engine scores: auto picks bulk for large inputs.", choices: ["auto", "bulk", "checked"], default: "auto"),
        .option("--threads", "N", "Threads for the bulk engine (default: the cores)."),
        .flag("--sheets", "Write score sheets even for more than 10 000 units."),
        .flag("--summary-only", "With --out, write summary.csv only."),
        .flag("--publish-representatives", "With --out, name the representatives and show their ballots in 公示.html and summary.xlsx (default: anonymous)."),
        .flag("--force", "With --out, replace a non-empty folder that has no manifest.json (everything in it is removed)."),
        .flag("--strict", "Treat a ballot for the representative's own unit, or a veto that cannot be checked, as an error."),
        .flag("--quiet", "Print no warnings."),
        .flag("--progress", "Show a progress line (default when standard error is a terminal)."),
        .flag("--timings", "Print the time of each stage on standard error."),
    ]

    static let sheetLimit = 10_000

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = args.language
        guard args.positionals.isEmpty else {
            return usageError(CommandMessages.takesOnlyOptions(args.positionals[0], path.joined(separator: " ")), console: console, lang: lang)
        }
        guard let inputs = inputs(args, console: console) else { return .usage }
        let threads = args.value("--threads").flatMap(Int.init) ?? ProcessInfo.processInfo.activeProcessorCount
        let top = args.value("--top").flatMap(Int.init)
        if args.value("--top") != nil && top == nil || args.value("--threads") != nil && threads < 1 {
            return usageError(CommandMessages.wholeNumberOptions, console: console, lang: lang, showUsage: false)
        }
        let start = Date()
        let progress = (args.has("--progress") || console.errIsTerminal) && !args.has("--quiet") ? ProgressLine(console: console) : nil
        // Pick the engine.
        let engine = args.value("--engine") ?? "auto"
        let unitsSize = (try? FileManager.default.attributesOfItem(atPath: PathText.resolve(inputs.units, in: inputs.baseDirectory))[.size] as? Int) ?? 0
        var report: ScoreReport?
        var session: ScoringSession?
        var clock = StageClock()
        var fallbacks: Int?
        var handOver: BulkHandOver?
        do {
            if engine == "bulk" || (engine == "auto" && unitsSize > 1 << 20) {
                switch try BulkRun.attempt(inputs, threads: threads,
                                           progress: { stage, total in progress?.begin(stage, total: total) },
                                           advance: { progress?.advance($0) }) {
                case .success(let bulk):
                    report = bulk.report
                    clock.append(bulk.timings)
                    fallbacks = bulk.fallbacks
                case .failure(let why):
                    handOver = why
                }
            }
            progress?.finish()
            if report == nil {
                let s = try ScoringSession.run(inputs)
                session = s
                report = s.report
                clock.append(s.timings)
            }
        } catch {
            progress?.finish()
            for d in error.diagnostics { console.errLine(relative(d, console, lang)) }
            let n = error.errorCount
            console.errLine(CommandMessages.notScored(errors: n, wroteNothing: args.value("--out") != nil).text(lang))
            return .failure
        }
        guard let report else { return .failure }
        let n = report.scores.unitCount
        switch args.value("--format") {
        case "csv": console.out(String(decoding: SummaryWriter.csv(report, lang: lang, threads: threads).dropFirst(3), as: UTF8.self))
        case "json": console.out(String(decoding: SummaryWriter.json(report, lang: lang, threads: threads, warningLimit: n > 1000 ? 20 : nil), as: UTF8.self))
        case "markdown": console.out(SummaryExport.table(report, lang: lang).markdown())
        case "none": break
        default:
            console.outLine("\(report.rules.metadata.title)（\(report.rules.metadata.version)）· \(n) \(lang.t("个单位", "units"))")
            let shown = top ?? (n > 1000 ? 50 : n)
            console.out(SummaryExport.table(report, lang: lang, limit: shown).text())
            if shown < n {
                console.outLine(lang.t("……另有 \(n - shown) 个单位未列出（--top N 多列，--format csv 或 --out 得到全部）",
                                       "… \(n - shown) more units not shown (--top N for more; --format csv or --out for all)"))
            }
        }
        if !args.has("--quiet") {
            for d in report.inputWarnings { console.errLine(relative(d, console, lang)) }
            let warnings = SessionWarnings.collect(report, lang: lang, limit: n > 1000 ? 20 : nil)
            if !warnings.isEmpty {
                console.errLine(lang.t("\n提示（\(warnings.count) 条）：", "\nWarnings (\(warnings.count)):"))
                for w in warnings { console.errLine("  " + w) }
            }
        }
        if let out = args.value("--out") {
            let dir = URL(fileURLWithPath: resolve(out, in: console.currentDirectory))
            var sheets = session
            if sheets == nil && (n <= sheetLimit || args.has("--sheets")) && !args.has("--summary-only") {
                sheets = try? ScoringSession.run(inputs)
            }
            do {
                let inputFiles = [inputs.rules] + report.rules.sourceFiles.dropFirst() + [inputs.units, inputs.roster, inputs.ballots]
                let options = OutputOptions.commitOptions(args, console: console, inputs: inputFiles)
                let files = try OutputFiles.write(report, sheets: (n <= sheetLimit || args.has("--sheets")) ? sheets : nil, to: dir,
                                                  lang: lang, threads: threads, summaryOnly: args.has("--summary-only"),
                                                  namesRepresentatives: args.has("--publish-representatives"), options: options)
                if !args.has("--quiet") {
                    console.errLine(lang.t("已写入 \(files.count) 个文件到 \(out)", "wrote \(files.count) files to \(out)"))
                    if n > OutputFiles.jsonLimit && !args.has("--summary-only") {
                        console.errLine(lang.t("（超过 \(OutputFiles.jsonLimit) 个单位，汇总只写 summary.csv）",
                                               "(more than \(OutputFiles.jsonLimit) units: the summary is written as summary.csv only)"))
                    }
                    if n > sheetLimit && !args.has("--sheets") && !args.has("--summary-only") {
                        console.errLine(lang.t("（超过 \(sheetLimit) 个单位，未写逐单位评分表；需要时加 --sheets）",
                                               "(more than \(sheetLimit) units: no score sheets written; add --sheets for them)"))
                    }
                }
            } catch let error as OutputError {
                console.errLine(error.diagnostic.rendered(lang))
                console.errLine(lang.t("没有写入任何文件到 \(out)", "nothing was written to \(out)"))
                return .failure
            } catch {
                console.error(CommandMessages.couldNotWrite(out, error), lang)
                return .failure
            }
        }
        clock.lap("write")
        let now = Date()
        if args.has("--timings") {
            // stage, wall seconds, processor seconds (all threads)
            for t in clock.stages { console.errLine("\(t.name)\t\(String(format: "%.3f", t.seconds))\t\(String(format: "%.3f", t.cpuSeconds))") }
            console.errLine("total\t\(String(format: "%.3f", now.timeIntervalSince(start)))")
            console.errLine("engine\t\(fallbacks == nil ? "checked" : "bulk")")
            if let fallbacks { console.errLine("fallbacks\t\(fallbacks)") }
            // Why the bulk path left the input to the checked one (`BulkHandOver`).
            if let handOver { console.errLine("handover\t\(handOver.rawValue)") }
        }
        return .success
    }

    /// The four input files from the options; prints what is missing.
    static func inputs(_ args: ParsedArguments, console: Console) -> ScoringSession.Inputs? {
        let names = ["--rules", "--units", "--roster", "--ballots"]
        let missing = names.filter { args.value($0) == nil }
        if !missing.isEmpty {
            _ = usageError(CommandMessages.missingOptions(missing), console: console, lang: args.language)
            return nil
        }
        return ScoringSession.Inputs(rules: args.value("--rules")!, units: args.value("--units")!, roster: args.value("--roster")!,
                                     ballots: args.value("--ballots")!, strict: args.has("--strict"), baseDirectory: console.currentDirectory)
    }
}
