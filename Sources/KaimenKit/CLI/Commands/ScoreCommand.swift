import Foundation

/// `kaimen score`: scores units from their metrics and the representatives' ballots.
public enum ScoreCommand: Command {
    public static let path = ["score"]
    public static let abstract = Localized(zh: "为各单位评分：得分、总分、等级和排名，并列出提示。",
                                           en: "Score units: points, totals, grades and a ranking, with the warnings.")
    public static let usage = "kaimen score --rules FILE --units FILE --roster FILE --ballots FILE [--format table|csv|json|markdown|none] [--out DIR [--force]]"
    public static let discussion = Localized(zh: """
        打印排名表（排名、单位、类别、总分、等级、各方面小计），然后是提示：回避、票数不足、
        无法考核的标准、一票否决、名额调整。
        加 --out 时还写出汇总（summary.csv，含每条标准的得分）；单位不超过 10 000 个时，
        另写 summary.json 和每个单位一份评分表（sheets/<单位编号>.csv 和 .json）；不超过 2 000 个时，
        还写供打印的 report.html（汇总排名表、各单位评分表和供考评委员会看的评委分析）、
        公示.html（公示用；除非加 --publish-representatives 或规则要求，不写代表姓名）
        和 summary.xlsx（工作簿）；以及 manifest.json（每个输入和输出文件的 SHA-256）。
        文件夹整套替换：看到的要么是旧的一套，要么是新的一套，不会混在一起；
        任何输入有问题时什么都不写。不是 kaimen 写的非空文件夹（没有 manifest.json）
        只有加 --force 才会被替换。CSV 文件为带 BOM 的 UTF-8，供 Excel 和 WPS 打开。

        所有输入都由同一个引擎评分：大的输入由按字节的读取器读取（用满两个核），其余的输入和
        任何异常内容由逐项检查的读取器读取（只有它写提示，所以提示总是一样的）。各单位先用定点数
        计分，定点数无法判定之处改用精确分数，所以结果都是精确的；--engine exact 让每个单位都用
        精确分数计分，供交叉核对。
        """, en: """
        Prints the ranked table (rank, unit, category, total, grade, area subtotals), then the
        warnings: recusals, insufficient ballots, standards not assessed, vetoes, quota moves.
        With --out, also writes the summary (summary.csv with every standard's points) and, for
        up to 10 000 units, summary.json and one score sheet per unit (sheets/<unit>.csv and
        .json); for up to 2 000 units, the papers to print too: report.html (the ranked summary,
        every unit's score sheet and the panel analysis for the committee), notice.html (the
        public notice, which names no representative unless --publish-representatives or the
        rules say so; its Chinese name with --lang zh) and summary.xlsx (the workbook); and
        manifest.json (SHA-256 of every input and output file). The folder is replaced as a
        whole set: it shows the old set or the new one, never a mix; if any input is bad,
        nothing is written. A non-empty folder kaimen did not write (no manifest.json) is
        replaced only with --force. CSV files are UTF-8 with BOM for Excel and WPS.

        One engine scores every input: large inputs are read by the byte-level readers (both
        cores), the others, and anything unusual, by the checked readers (which alone write
        messages, so they are always the same). Units are scored in fixed point, and exactly
        (in fractions) wherever fixed point cannot decide, so the results are the exact ones;
        --engine exact scores every unit in fractions, for cross-checks.
        """)
    public static let examples: [Localized] = [
        .init(same: "kaimen score --rules rules/xicheng-2014.jsonc --units samples/xicheng-2014/units.csv --roster samples/xicheng-2014/roster.csv --ballots samples/xicheng-2014/ballots.csv"),
        .init(same: "kaimen score --rules rules/xicheng-2014.jsonc --units samples/xicheng-2014/units.csv --roster samples/xicheng-2014/roster.csv --ballots samples/xicheng-2014/ballots.csv --out out/"),
    ]
    public static let options: [OptionSpec] = [
        .rulesFile, .unitsFile, .rosterFile, .ballotsFile,
        .format(.init(zh: "排名的打印格式（none 表示不打印）。", en: "How to print the ranking (none prints nothing)."),
                choices: ["table", "csv", "json", "markdown", "none"]),
        .option("--out", "DIR", .init(zh: "同时把汇总和评分表写到这个文件夹。", en: "Also write the summary and score sheets here.")),
        .lang,
        .option("--top", "N", .init(zh: "表格打印的行数（默认：不超过 1000 个单位时全部打印，否则 50 行）。",
                                    en: "Rows of the table to print (default: all up to 1000 units, else 50).")),
        .option("--engine", "ENGINE", .init(zh: "auto：大的输入用按字节的读取器；fast：总是用它；exact：逐项检查的读取器，且每个单位都用精确分数（bulk、checked 是 fast、exact 的旧名）。",
                                            en: "auto: byte-level readers for large inputs; fast: always them; exact: the checked readers and every unit in fractions (bulk and checked are the old names of fast and exact)."),
                choices: ["auto", "fast", "exact", "bulk", "checked"], words: ChoiceWords.engines, default: "auto"),
        .option("--threads", "N", .init(zh: "评分线程数（默认：处理器核数）。", en: "Threads to score on (default: the cores).")),
        .flag("--sheets", .init(zh: "单位超过 10 000 个时也写评分表。", en: "Write score sheets even for more than 10 000 units.")),
        .flag("--summary-only", .init(zh: "与 --out 同用：只写 summary.csv。", en: "With --out, write summary.csv only.")),
        PeriodOption.spec,
        .flag("--publish-representatives", .init(zh: "与 --out 同用：在 公示.html 和 summary.xlsx 中写出代表姓名及其评分（默认匿名）。",
                                                 en: "With --out, name the representatives and show their ballots in the public notice (notice.html with --lang en) and summary.xlsx (default: anonymous).")),
        .flag("--force", .init(zh: "与 --out 同用：替换没有 manifest.json 的非空文件夹（其中所有内容都会被删除）。",
                               en: "With --out, replace a non-empty folder that has no manifest.json (everything in it is removed).")),
        .flag("--strict", .init(zh: "代表给本单位打的票、无法检查的一票否决项都作为错误处理。",
                                en: "Treat a ballot for the representative's own unit, or a veto that cannot be checked, as an error.")),
        .flag("--quiet", .init(zh: "不打印提示。", en: "Print no warnings.")),
        .flag("--progress", .init(zh: "显示进度行（标准错误输出是终端时默认显示）。", en: "Show a progress line (default when standard error is a terminal).")),
        .flag("--timings", .init(zh: "在标准错误输出上打印各阶段的用时。", en: "Print the time of each stage on standard error.")),
    ]

    static let sheetLimit = 10_000

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = args.language
        guard args.positionals.isEmpty else {
            return usageError(CommandMessages.takesOnlyOptions(args.positionals[0], path.joined(separator: " ")), console: console, lang: lang)
        }
        guard var inputs = inputs(args, console: console) else { return .usage }
        // A value that is not a whole number in range is refused, never replaced by the default:
        // `--threads abc` ran on every core and said nothing.
        func whole(_ option: String, atLeast least: Int) -> (value: Int?, refused: Bool) {
            guard let text = args.value(option) else { return (nil, false) }
            guard let n = Int(TypedNumber.ascii(text.trimmingSpaces())), n >= least else {
                console.errLine(CommandMessages.errorLabel.text(lang) + CommandMessages.wholeNumberOption(option, atLeast: least, got: Echo.visible(text)).text(lang))
                return (nil, true)
            }
            return (n, false)
        }
        let (threadsGiven, threadsRefused) = whole("--threads", atLeast: 1), (top, topRefused) = whole("--top", atLeast: 0)
        if threadsRefused || topRefused {
            console.errLine(CommandMessages.usageLine(usage).text(lang))
            return .usage
        }
        let period: String?
        switch PeriodOption.read(args) {
        case .success(let given): period = given
        case .failure(let refused): return usageError(refused.text, console: console, lang: lang)
        }
        // Why the folder was not written, and nothing of it there.
        func notWritten(_ error: any Error, _ out: String) -> ExitCode {
            // Its paths as `--out` was typed, not as the writer found them (since 0.29.5).
            console.sayNotWritten(error, out: out, in: console.currentDirectory, lang: lang)
            if error is OutputError { console.errLine(lang.t("没有写入任何文件到 \(Echo.shown(out))", "nothing was written to \(Echo.shown(out))")) }
            return .failure
        }
        // A folder --out cannot be written to is said before the run, not under its table.
        if let out = args.value("--out") {
            let dir = URL(fileURLWithPath: resolve(out, in: console.currentDirectory))
            do {
                try OutputBatch.checkTarget(dir, options: OutputOptions.commitOptions(args, console: console,
                                                                                    inputs: [inputs.rules, inputs.units, inputs.roster, inputs.ballots]))
            } catch {
                return notWritten(error, out)
            }
        }
        let threads = threadsGiven ?? ProcessInfo.processInfo.activeProcessorCount
        let start = Date()
        // The manifest's hashes of the session's files, taken while the run reads and scores,
        // and the files as they are now: one that changes before its digest is done stops the writing.
        let digests = args.value("--out") != nil
            ? OutputOptions.inputDigests([inputs.rules, inputs.units, inputs.roster, inputs.ballots], console: console) : nil
        if let digests {
            // The files the rules `extend` are known only as they are read: pinned then.
            let here = console.currentDirectory
            inputs.rulesFileRead = { digests.pin(OutputOptions.absolute($0, in: here)) }
        }
        let progress = (args.has("--progress") || console.errIsTerminal) && !args.has("--quiet") ? ProgressLine(console: console) : nil
        // Pick the engine.
        let engine = engineChoice(args, inputs: &inputs)
        var report: ScoreReport?
        var session: ScoringSession?
        var clock = StageClock()
        var fallbacks: Int?, settled = 0, unbounded = 0
        var handOver: BulkHandOver?
        // With --out, score sheets are written for up to `sheetLimit` units (any number with
        // --sheets): those runs need every unit's derivation, which the checked pipeline makes;
        // other runs trace no unit.
        let sheetsUpTo = args.value("--out") != nil && !args.has("--summary-only") ? (args.has("--sheets") ? Int.max : sheetLimit) : nil
        inputs.traceAtMost = sheetsUpTo ?? 0
        do {
            if BulkRun.prefers(inputs, engine: engine, sheetsUpTo: sheetsUpTo) {
                switch try BulkRun.attempt(inputs, threads: threads,
                                           progress: { stage, total in progress?.begin(stage.text(lang), total: total) },
                                           advance: { progress?.advance($0) }) {
                case .success(let bulk):
                    report = bulk.report
                    clock.append(bulk.timings)
                    fallbacks = bulk.fallbacks
                    settled = bulk.settled
                    unbounded = bulk.unbounded
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
            for d in error.diagnostics { console.say(d, lang) }
            let n = error.errorCount
            console.errLine(CommandMessages.notScored(errors: n, wroteNothing: args.value("--out") != nil).text(lang))
            return .failure
        }
        guard let report else { return .failure }
        let n = report.scores.unitCount
        // With --out the folder is written before anything is shown: an input that changed while
        // the run had it stops the folder, and the table worked out from it is not shown either.
        var sheetsKept: ScoringSession?
        var written: Result<OutputBatch.Committed, any Error>?
        if let out = args.value("--out") {
            let dir = URL(fileURLWithPath: resolve(out, in: console.currentDirectory))
            var sheets = session
            // The session is read a second time here only where `BulkRun.prefers` chose the byte
            // readers although sheets are written: `--engine fast`, a JSON units file over a
            // megabyte, a CSV over 64 MB with --sheets, or more lines than units (quoted line
            // breaks, blank lines) taking the count over the limit.
            if sheets == nil && (n <= sheetLimit || args.has("--sheets")) && !args.has("--summary-only") {
                sheets = try? ScoringSession.run(inputs)
                sheetsKept = sheets
            }
            // The papers' 考核期 (`--period`), checked with the other options before the run.
            sheets?.report.period = period
            written = Result {
                let inputFiles = [inputs.rules] + report.rules.sourceFiles.dropFirst() + [inputs.units, inputs.roster, inputs.ballots]
                let options = OutputOptions.commitOptions(args, console: console, inputs: inputFiles, digests: digests)
                return try OutputFiles.write(report, sheets: (n <= sheetLimit || args.has("--sheets")) ? sheets : nil, to: dir,
                                             lang: lang, threads: threads, summaryOnly: args.has("--summary-only"),
                                             namesRepresentatives: args.has("--publish-representatives"), options: options)
            }
        }
        // A folder not written (a changed input, a full disk, its lock held) shows no table
        // either: standard output then holds nothing but `--format json`'s failure object.
        if let out = args.value("--out"), case .failure(let error) = written {
            return notWritten(error, out)
        }
        switch args.value("--format") {
        case "csv": console.outCSV(SummaryWriter.csv(report, lang: lang, threads: threads))
        case "json": console.out(String(decoding: SummaryWriter.json(report, lang: lang, threads: threads, warningLimit: RunWarnings.limit(units: n)), as: UTF8.self))
        case "markdown": console.out(SummaryExport.table(report, lang: lang).markdown())
        case "none": break
        default:
            console.outLine("\(report.rules.metadata.title)（\(report.rules.metadata.version)）· \(n) \(lang.t("个单位", "units"))")
            let shown = top ?? (n > 1000 ? 50 : n)
            console.out(SummaryExport.table(report, lang: lang, limit: shown).text())
            // How the columns add up to the total, as under report.html's table: a row whose
            // areas and deduction column did not add up to its total went unexplained here.
            console.outLine(PaperTexts.summaryNote(report.rules, lang: lang, largestGap: PaperTexts.largestRoundingGap(report, shown: shown)))
            if shown < n {
                console.outLine(lang.t("……另有 \(n - shown) 个单位未列出（--top N 多列，--format csv 或 --out 得到全部）",
                                       "… \(n - shown) more units not shown (--top N for more; --format csv or --out for all)"))
            }
        }
        if !args.has("--quiet") {
            RunWarnings.print(report, console: console, lang: lang)
        }
        if let out = args.value("--out"), case .success(let committed) = written, !args.has("--quiet") {
            // manifest.json too, as `session status`, `verify` and `close` count a set.
            console.errLine(lang.t("已写入 \(committed.files.count + 1) 个文件到 \(Echo.shown(out))", "wrote \(committed.files.count + 1) files to \(Echo.shown(out))"))
            // An old set put back first, and the files a spreadsheet program had open there, now replaced.
            committed.say(in: out, console: console, lang: lang)
            if n > OutputFiles.jsonLimit && !args.has("--summary-only") {
                console.errLine(lang.t("（超过 \(OutputFiles.jsonLimit) 个单位，汇总只写 summary.csv）",
                                       "(more than \(OutputFiles.jsonLimit) units: the summary is written as summary.csv only)"))
            }
            if n > sheetLimit && !args.has("--sheets") && !args.has("--summary-only") {
                console.errLine(lang.t("（超过 \(sheetLimit) 个单位，未写逐单位评分表；需要时加 --sheets）",
                                       "(more than \(sheetLimit) units: no score sheets written; add --sheets for them)"))
            }
        }
        clock.lap("write")
        let now = Date()
        if args.has("--timings") {
            // stage, wall seconds, processor seconds (all threads)
            for t in clock.stages { console.errLine("\(t.name)\t\(String(format: "%.3f", t.seconds))\t\(String(format: "%.3f", t.cpuSeconds))") }
            console.errLine("total\t\(String(format: "%.3f", now.timeIntervalSince(start)))")
            // fast: the byte-level readers; checked: the checked readers; exact: those and fractions throughout.
            console.errLine("engine\t\(fallbacks != nil ? "fast" : (inputs.form == .exact ? "exact" : "checked"))")
            // unbounded: units scored in fractions of any size (their 64-bit ones had to round).
            if let fallbacks { console.errLine("fallbacks\t\(fallbacks)\nsettled\t\(settled)\nunbounded\t\(unbounded)") }
            // Why the bulk path left the input to the checked one (`BulkHandOver`).
            if let handOver { console.errLine("handover\t\(handOver.rawValue)") }
            // How much of the inputs' hashing the idle thread did before the folder was written.
            if let ahead = digests?.hashedAhead, ahead.of > 0 {
                console.errLine("hashed ahead\t\(String(format: "%.1f", Double(ahead.bytes) / 1e6)) of \(String(format: "%.1f", Double(ahead.of) / 1e6)) MB")
            }
        } else if let handOver, !args.has("--quiet") {
            // A large session read the slow way: said once, with what to change (not an error).
            console.errLine(CommandMessages.handedOver(handOver, seconds: now.timeIntervalSince(start)).text(lang))
        }
        ProcessEnd.keep((report, session, sheetsKept), units: n, console: console)
        return .success
    }

    /// `--engine` by its current name (`bulk` and `checked` are the old names of `fast` and
    /// `exact`); `exact` also sets the inputs' number form.
    static func engineChoice(_ args: ParsedArguments, inputs: inout ScoringSession.Inputs) -> String {
        let engine = args.value("--engine").map { ["bulk": "fast", "checked": "exact"][$0] ?? $0 } ?? "auto"
        if engine == "exact" { inputs.form = .exact }
        return engine
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
