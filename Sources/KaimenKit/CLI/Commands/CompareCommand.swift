import Foundation

/// `kaimen compare`: what adopting a tuned rules file (or a what-if value) would change.
public enum CompareCommand: Command {
    public static let path = ["compare"]
    public static let abstract = Localized(zh: "用两个规则文件为同样的单位评分，显示谁的名次和等级变了。",
                                           en: "Score the same units under two rules files and show who moves.")
    public static let usage = "kaimen compare (--rules OLD --rules NEW --units FILE --roster FILE --ballots FILE | DIR [--rules OLD] --rules NEW) [--assume-missing notAssessable|zero] [--set UNIT.METRIC=VALUE]… [--explain UNIT]… [--format table|csv|json|markdown|html]"
    public static let discussion = Localized(zh: """
        用 OLD 和 NEW 分别为同样的单位、代表名单和评分票评分，为每个单位打印两次的
        总分、等级、名次和类别排名，变化量，以及影响最大的三条标准；
        然后是等级改变的单位数、名次变动最大的单位，以及跨过等级分界线或名额线的单位。
        NEW 需要而单位文件中没有的指标，compare 会列出它们和缺少它们的单位并停止，
        除非 --assume-missing 说明如何计分：notAssessable（读取它们的标准按无法考核处理，
        按各自的 `notAssessable` 规则计分）或 zero（按 0 计）。
        --set UNIT.METRIC=VALUE 只为 NEW 的评分修改一个指标；只给一个 --rules 时，
        compare 显示仅这个假设值会带来的变化。
        给出会话文件夹 DIR（`kaimen session init`）时，用其输入和已确认的票比较；
        除非给了两个 --rules，OLD 就是会话自己的规则。
        NEW 改变了代表评分标准的分值时，选票按同样的比例折算到新分值（3/4 分计 3.75/5 分）；
        `kaimen score` 等只读一个细则文件的命令按原样读票，总分会不同。
        --explain UNIT 不打印比较表，而是像 `kaimen explain` 一样逐项说明这个单位在 OLD 下
        和在 NEW 下（票已折算）的计算，数字与比较表相同。
        """, en: """
        Scores the same units, roster and ballots under OLD and under NEW, and prints for every
        unit its total, grade, rank and category rank under each, the change, and the three
        standards that moved it most; then how many units changed grade, the largest rank
        moves, and the units that cross a grade boundary or the quota line.
        When NEW needs metrics the units file lacks, compare lists them with the units lacking
        them and stops, unless --assume-missing says how to score them: notAssessable (the
        standards reading them are not assessed, as each standard's `notAssessable` says) or
        zero. --set UNIT.METRIC=VALUE changes a metric for the NEW run only; with a single
        --rules, compare shows what that what-if value alone would change.
        Given a session folder DIR (`kaimen session init`), compares on its inputs and confirmed
        ballots; OLD is the session's own rules unless two --rules are given.
        When NEW gives a ballot standard other points, each ballot is taken as the same share of
        the new points (3 of 4 counts 3.75 of 5); `kaimen score` and the other one-file commands
        read the ballots as cast, and give other totals. --explain UNIT prints, instead of the
        table, the unit's explanation as `kaimen explain` gives it, under OLD and under NEW (on
        the rescaled ballots): the numbers of the table.
        """)
    public static let examples: [Localized] = [
        .init(same: "kaimen compare --rules rules/xicheng-2014.jsonc --rules rules/dongcheng-2019.jsonc --units samples/xicheng-2014/units.csv --roster samples/xicheng-2014/roster.csv --ballots samples/xicheng-2014/ballots.csv --assume-missing notAssessable"),
        .init(same: "kaimen compare 2014-mid --rules tuned.jsonc"),
        .init(same: "kaimen compare --rules rules/xicheng-2014.jsonc --set X05.members=19000 --units samples/xicheng-2014/units.csv --roster samples/xicheng-2014/roster.csv --ballots samples/xicheng-2014/ballots.csv"),
    ]
    public static let options: [OptionSpec] = [
        // Two files with --set too (the what-if is NEW's); one alone needs --set (since 0.29.4 the
        // help said one only, with --set).
        .repeated("--rules", "FILE", .init(zh: "规则文件：先 OLD 后 NEW；只给一个时须有 --set，比较同一文件加上假设值前后（给出 DIR 时，只给 NEW 即与会话的规则比较）。",
                                           en: "The rules files: OLD, then NEW; one alone needs --set, and compares that file before and after the what-if (with DIR, NEW alone compares against the session's rules).")),
        .unitsFile, .rosterFile, .ballotsFile,
        .option("--assume-missing", "HOW", .init(zh: "NEW 需要而数据中没有的指标：按无法考核处理，或按 0 计。",
                                                 en: "Score metrics NEW needs and the data lacks as not assessable, or as zero."),
                choices: ["notAssessable", "zero"], words: [("无法考核", "notAssessable"), ("按无法考核处理", "notAssessable"), ("按0计", "zero"), ("按 0 计", "zero"), ("0", "zero")]),
        .repeated("--set", "UNIT.METRIC=VALUE", .init(zh: "为 NEW 的评分修改一个指标（可重复）。", en: "Change a metric for the NEW run (repeatable).")),
        .repeated("--explain", "UNIT", .init(zh: "不打印比较表，逐项说明这个单位在 OLD 和 NEW 下（票已折算）的计算，与 `kaimen explain` 相同（可重复）。",
                                             en: "Instead of the table, explain the unit under OLD and under NEW (ballots rescaled) as `kaimen explain` does (repeatable).")),
        .format(.init(zh: "比较结果的打印格式。", en: "How to print the comparison."), choices: ["table", "csv", "json", "markdown", "html"]),
        .language(.init(zh: "标题和说明的语言。", en: "Language of headings and notes.")),
        .flag("--strict", .init(zh: "违反回避规定作为错误处理，与 `kaimen score --strict` 相同。", en: "Recusal violations are errors, as in `kaimen score --strict`.")),
    ]

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = Language(rawValue: args.value("--lang") ?? "zh") ?? .zh
        var rulesFiles = args.values("--rules")
        let overrides: MetricOverrides
        switch MetricOverrides.parse(args.values("--set")) {
        case .success(let o): overrides = o
        case .failure(let e): return usageError(e.text.joined(hint: e.hintText), console: console, lang: lang)
        }
        // --explain prints explanations, which have no csv, json or html form.
        let explained = args.values("--explain")
        if !explained.isEmpty, let format = args.value("--format"), !["table", "markdown"].contains(format) {
            return usageError(TuningMessages.explainIsText, console: console, lang: lang)
        }
        // A session folder: its inputs and counted ballots; OLD defaults to its own rules.
        var folder: SessionInputs?
        var ownRules = false
        if let dir = args.positionals.first {
            if args.positionals.count > 1 { return usageError(CommandMessages.unexpectedArgument(args.positionals[1]), console: console, lang: lang) }
            if let message = SessionCommandSupport.conflictingInputs(args, ["--units", "--roster", "--ballots"]) {
                return usageError(message, console: console, lang: lang)
            }
            guard let loaded = SessionCommandSupport.inputs(dir, lang: lang, console: console) else { return .failure }
            folder = loaded
            if rulesFiles.count < 2 {
                rulesFiles.insert(PathText.join(dir, loaded.inputs.rules), at: 0)
                ownRules = true
            }
        }
        guard rulesFiles.count == 2 || (rulesFiles.count == 1 && !overrides.isEmpty) else {
            return usageError(rulesFiles.count == 1 ? TuningMessages.compareOneRules : TuningMessages.compareRulesCount(rulesFiles.count),
                              console: console, lang: lang)
        }
        var inputs: ScoringSession.Inputs
        if let folder {
            inputs = folder.inputs
            inputs.strict = args.has("--strict")
        } else {
            let missing = ["--units", "--roster", "--ballots"].filter { args.value($0) == nil }
            if !missing.isEmpty { return usageError(CommandMessages.missingOptions(missing), console: console, lang: lang) }
            inputs = ScoringSession.Inputs(rules: "", units: args.value("--units")!, roster: args.value("--roster")!, ballots: args.value("--ballots")!,
                                           strict: args.has("--strict"), baseDirectory: console.currentDirectory)
        }
        // Load both rules files; report the problems of both.
        guard var loaded = loadRulesSides(rulesFiles, sessionCopyFirst: ownRules, console: console, lang: lang) else { return .failure }
        if loaded.count == 1 { loaded.append(loaded[0]) }
        // NEW is named with `+ --set` when the what-if applies to it, with one rules file or two.
        let files = overrides.sideNames(rulesFiles)

        // Metrics a side needs that the data lacks.
        let assumption = args.value("--assume-missing").flatMap(MissingMetrics.Assumption.init(rawValue:))
        var rules = loaded.map(\.rules)
        var allGaps = MissingMetrics(gaps: [])
        if let data = try? InputFile.read(PathText.resolve(inputs.units, in: inputs.baseDirectory)) {
            var sides: [(gaps: MissingMetrics, rulesFile: String)] = []
            for i in rules.indices where !(i == 1 && rulesFiles.count == 1) {
                let gaps = MissingMetrics.find(in: data, fileName: inputs.units, rules: rules[i])
                guard !gaps.isEmpty else { continue }
                allGaps.gaps += gaps.gaps.filter { g in !allGaps.gaps.contains { $0.metric == g.metric } }
                if let assumption { rules[i] = gaps.applied(assumption, to: rules[i]) } else { sides.append((gaps, files[i])) }
            }
            // A metric both files need is said once, naming both (it was counted once per file).
            let problems = TuningMessages.missingMetrics(sides)
            if rulesFiles.count == 1 { rules[1] = rules[0] }
            if !problems.isEmpty {
                for d in problems { console.say(d, line: d.rendered(lang)) }
                console.errLine(lang.t("\(problems.count) 个指标缺少数据，未比较", "\(problems.count) metric\(problems.count == 1 ? "" : "s") missing from the data; nothing compared"))
                return .failure
            }
        }
        // Score both sides by the one scoring path. The ballots were cast under OLD: read and
        // checked once, under OLD, and carried to NEW's ballot standards (BallotCarry), so what
        // NEW changes about them is said as its difference, never as a fault of the ballots.
        var sessions: [ScoringSession] = []
        var carry = BallotCarry()
        for i in 0..<2 {
            let side = rules[i]
            // --set changes the NEW run; its messages name the NEW file, and OLD tells a removed metric from a misspelt one.
            let oldRules = rulesFiles.count == 2 ? rules[0] : nil
            let adjust: ((inout UnitTable) -> [Diagnostic])? = i == 1 && !overrides.isEmpty
                ? { overrides.apply(to: &$0, rules: side, rulesFile: rulesFiles.last, oldRules: oldRules) } : nil
            var carried: BallotBox?
            if i == 1 {
                carry = BallotCarry.between(old: rules[0], new: side, box: sessions[0].ballots)
                carried = BallotCarry.carried(sessions[0].ballots, to: side)
            }
            do {
                sessions.append(try ScoringSession.run(rules: side, warnings: loaded[i].warnings, inputs, readFile: folder?.readFile, adjust: adjust,
                                                       ballots: carried))
            } catch {
                let problems = folder == nil ? error.diagnostics : SessionInputs.asSession(error.diagnostics)
                if folder != nil, let dir = args.positionals.first { SessionCommandSupport.report(problems, dir: dir, lang: lang, console: console) } else {
                    for d in problems { console.say(d, lang) }
                }
                let n = problems.filter { $0.severity == .error }.count
                // Nothing counted yet is the session's state, not a fault of either rules file.
                let nothingCounted = problems != error.diagnostics
                let file = nothingCounted ? nil : fileAtFault(error.diagnostics, side: files[i], inputs: inputs)
                console.errLine(file.map { lang.t("\(Echo.shown($0))：\(n) 个错误，未比较", "\(Echo.shown($0)): \(n) error\(n == 1 ? "" : "s"); nothing compared") }
                                ?? lang.t("\(n) 个错误，未比较", "\(n) error\(n == 1 ? "" : "s"); nothing compared"))
                return .failure
            }
        }
        let comparison = Comparison.compare(sessions[0], sessions[1], oldFile: files[0], newFile: files[1])
        // What is said beside the comparison: the ballots' carry to NEW, and a metric a side reads
        // whose column the data lacks, and whose rule lets it be empty (every unit scores as an
        // empty cell, and a new standard would seem to change nothing). Not for a metric
        // --assume-missing already speaks for (its note follows), nor one --set gives. Printed on
        // standard error, and carried in the JSON for the tools that read it instead.
        var warnings = carry.warnings(newFile: files[1], oldFile: rulesFiles.count == 2 ? files[0] : nil).map { ComparisonExport.Warning(file: nil, diagnostic: $0) }
        let assumed = Set(allGaps.gaps.map(\.metric))
        var said: Set<String> = []
        for (i, session) in sessions.enumerated() {
            for d in session.inputWarnings where d.code == DiagnosticCode.metricColumnAbsent.rawValue {
                guard let metric = d.path, !assumed.contains(metric), !overrides.entries.contains(where: { $0.key.hasSuffix("." + metric) }),
                      said.insert(metric).inserted else { continue }
                warnings.append(.init(file: files[i], diagnostic: d))
            }
        }
        // The runs' own warnings and 提示, printed last and carried in the JSON after the above.
        let dir = folder != nil ? args.positionals.first : nil
        let rendered = { (d: Diagnostic) -> String in
            dir.map { SessionCommandSupport.rendered(d, dir: $0, lang: lang, console: console) } ?? relative(d, console, lang)
        }
        let runLines = runLines(sessions, files: files, ballotsFile: inputs.ballots, rendered: rendered, lang: lang)
        // What standard error says beside the comparison, also on the page and in the CSV a
        // committee keeps (since 0.29.7).
        let caveats = caveats(warnings, assumption: assumption, gaps: allGaps, runLines: runLines, rendered: rendered, console: console, lang: lang)
        let table = ComparisonExport.table(comparison, lang: lang, csv: args.value("--format") == "csv")
        var code = ExitCode.success
        switch explained.isEmpty ? args.value("--format") : "explain" {
        case "explain": code = explain(explained, sessions: sessions, files: files, carry: carry, console: console, lang: lang)
        case "csv":
            var withNotes = table
            withNotes.preamble = caveats.csvPreamble(lang: lang)
            console.outCSV(withNotes.csv())
        case "json":
            console.out(ComparisonExport.json(comparison, assumption: assumption, gaps: allGaps, overrides: overrides,
                                              warnings: warnings + runLines.inputs, notes: runLines.notes,
                                              render: rendered, lang: lang).rendered())
        case "html": console.out(ComparisonExport.html(comparison, caveats: caveats, lang: lang))
        case "markdown":
            console.out(table.markdown())
            console.out("\n" + ComparisonExport.summary(comparison, lang: lang).map { "- \($0)\n" }.joined())
        default:
            console.out(table.text())
            console.out("\n" + ComparisonExport.summary(comparison, lang: lang).map { $0 + "\n" }.joined())
        }
        let inputLines = caveats.warnings.count - runLines.inputs.count
        for line in caveats.warnings.prefix(inputLines) { console.errLine(line) }
        if dir != nil && !runLines.inputs.isEmpty { console.errLine(SessionMessages.inputWarningsAgain.text(lang)) }
        for line in caveats.warnings.dropFirst(inputLines) { console.errLine(line) }
        console.warnings(caveats.notes, lang: lang)
        return code
    }

    /// `--explain`: each unit as `kaimen explain` explains it, under OLD, then under NEW on the
    /// ballots carried to it, so a committee can trace a total of the table (since 0.29.7:
    /// `score --rules NEW` read the ballots as cast, and no explanation gave compare's 92.36).
    static func explain(_ ids: [String], sessions: [ScoringSession], files: [String], carry: BallotCarry,
                        console: Console, lang: Language) -> ExitCode {
        var failed = false
        for (n, id) in ids.enumerated() {
            for side in 0..<2 {
                if n > 0 || side > 0 { console.outLine(String(repeating: "═", count: 40)) }
                let heading = TuningMessages.explainedUnder(id, file: Echo.shown(files[side]), old: side == 0, rescaled: carry.rescaled)
                let done = ExplainCommand.explain([id], source: ExplainSource(session: sessions[side]), before: { _, _ in heading.text(lang) },
                                                  console: console, lang: lang)
                if !done.shown { failed = true; break }
            }
        }
        return failed ? .failure : .success
    }

    /// The file a failed run's summary names: the one data file every error is in (a units file
    /// that cannot be read, named as typed), none when they are in several, and the side's rules
    /// file otherwise (its own errors, or NEW's --set). Before 0.29.4 the side's rules file was
    /// named whatever failed: `rules/xicheng-2014.jsonc：1 个错误` for a typo in `--units`.
    static func fileAtFault(_ problems: [Diagnostic], side: String, inputs: ScoringSession.Inputs) -> String? {
        let data = [inputs.units, inputs.roster, inputs.ballots]
        let errors = problems.filter { $0.severity == .error }
        let files = errors.map { d in d.location?.file ?? data.first { NearInput.quotedPath(d.text.en) == Echo.shown($0) } }
        guard !errors.isEmpty, files.allSatisfy({ $0.map(data.contains) == true }) else { return side }
        let named = Set(files.compactMap { $0 })
        return named.count == 1 ? named.first : nil
    }

    /// The two runs' warnings, as `score` prints a run's (since 0.29.2: compare printed none, and
    /// a blank ballot cell or a recusal behind both columns went unsaid): the inputs' own, then the
    /// 提示 list. What both runs say is said once; what one alone says has its rules file before
    /// it, as the warnings above do, but for the ballots file's, which is read once, under OLD.
    /// A missing metric's column is left out here: said above, or by --assume-missing's note.
    struct RunLines {
        /// The inputs' warnings, each with the rules file it is said under (`nil`: both sides').
        var inputs: [ComparisonExport.Warning] = []
        /// The 提示 list, so.
        var notes: [ComparisonExport.Note] = []
    }

    /// The two runs' warnings as `caveats` gives them to standard error, and `--format json` carries them
    /// (since 0.29.4), each line rendered by `rendered`.
    static func runLines(_ sessions: [ScoringSession], files: [String], ballotsFile: String,
                         rendered: (Diagnostic) -> String, lang: Language) -> RunLines {
        let inputs = sessions.map { $0.inputWarnings.filter { $0.code != DiagnosticCode.metricColumnAbsent.rawValue } }
        let ballots = Set(inputs.joined().filter { $0.location?.file == ballotsFile }.map(rendered))
        let notes = sessions.map { RunWarnings.list($0.report, lang: lang).map(SessionCommandSupport.clean) }
        return RunLines(inputs: bothSides(inputs, files: files, plain: ballots, key: rendered).map { .init(file: $0.file, diagnostic: $0.item) },
                        notes: bothSides(notes, files: files, plain: [], key: { $0 }).map { .init(file: $0.file, text: $0.item) })
    }

    /// The lines standard error gives beside the comparison, in the order printed: the warnings
    /// above (`said` under their file), --assume-missing's note, the runs' input warnings; then the
    /// 提示 list.
    static func caveats(_ warnings: [ComparisonExport.Warning], assumption: MissingMetrics.Assumption?, gaps: MissingMetrics, runLines lines: RunLines,
                        rendered: (Diagnostic) -> String, console: Console, lang: Language) -> Caveats {
        func said(_ file: String?, _ line: String) -> String { file.map { CommandMessages.saidUnder(Echo.shown($0), line).text(lang) } ?? line }
        var out = warnings.map { said($0.file, relative($0.diagnostic, console, lang)) }
        if let assumption, !gaps.isEmpty {
            out.append(lang.t("注意：数据缺少 \(gaps.gaps.map(\.metric).joined(separator: "、"))，按\(assumption == .zero ? " 0 计" : "无法考核处理")（--assume-missing \(assumption.rawValue)）",
                              "note: the data lacks \(gaps.gaps.map(\.metric).joined(separator: ", ")), scored as \(assumption == .zero ? "zero" : "not assessable") (--assume-missing \(assumption.rawValue))"))
        }
        out += lines.inputs.map { said($0.file, rendered($0.diagnostic)) }
        return Caveats(warnings: out, notes: lines.notes.map { said($0.file, $0.text) })
    }

    /// OLD's items, then NEW's that OLD has not (items alike when their `key` is): each once, with
    /// the file of its side when only one side has it (and its key is not among `plain`).
    static func bothSides<T>(_ items: [[T]], files: [String], plain: Set<String>, key: (T) -> String) -> [(file: String?, item: T)] {
        let sides = items.map { Set($0.map(key)) }
        var said: Set<String> = [], out: [(file: String?, item: T)] = []
        for (i, side) in items.enumerated() {
            for item in side where said.insert(key(item)).inserted {
                let line = key(item)
                let everywhere = sides.allSatisfy { $0.contains(line) }
                out.append((everywhere || plain.contains(line) ? nil : files[i], item))
            }
        }
        return out
    }
}
