import Foundation

/// `kaimen sensitivity`: how fragile a ranking is.
public enum SensitivityCommand: Command {
    public static let path = ["sensitivity"]
    public static let abstract = Localized(zh: "在许多随机变化的情景下（可指定种子）看名次范围和不稳定的等级。",
                                           en: "Rank ranges and fragile grades over many varied scenarios (seeded).")
    public static let usage = "kaimen sensitivity (--rules FILE [--rules NEW] --units FILE --roster FILE --ballots FILE | DIR [--rules NEW]) [--scenarios N] [--seed S] [--vary LIST] [--weights P] [--fragile P] [--format table|csv|json|markdown|html]"
    public static let discussion = Localized(zh: """
        先评分，再在由种子抽取的 N 个情景（默认 1000）下重新评分：每个方面的权重最多变动 ±P%
        （重新归一，满分不变）、换一种票的汇总方式（平均、中位数、k = 1 或 2 的去极值平均）、
        依次去掉一名代表，或对代表重抽样。数据只读一次，规则只编译一次。
        对每个单位打印实际名次、名次的 5%–95% 范围、最好和最差名次、获得各等级的频率，
        并标记在超过 --fragile 百分比的情景中改变的等级或名额内位置。同样的种子总是得到同样的结果。
        --format html 写出一页，以图表显示名次范围。给出会话文件夹 DIR（`kaimen session init`）时，
        分析其输入和已确认的票，而不是四个文件。
        只给一个 --rules 时按原样读票。给两个时（先 OLD 后 NEW，如 `kaimen compare`）分析 NEW，
        票按 OLD 读入并检查，再像 compare 一样折算到 NEW 的分值，名次与 compare 的比较表一致。
        会话文件夹加一个 --rules NEW 时，OLD 是会话自己的细则（如 `kaimen compare DIR --rules NEW`）。
        """, en: """
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
        With one --rules the ballots are read as cast. With two (OLD, then NEW, as `kaimen
        compare` takes them) it analyses NEW on the ballots read and checked under OLD and
        carried to NEW's points as compare carries them, so its ranking is compare's. A session
        folder with one --rules NEW takes the session's own rules as OLD (as `kaimen compare DIR
        --rules NEW` does).
        """)
    public static let examples: [Localized] = [
        .init(same: "kaimen sensitivity --rules rules/xicheng-2014.jsonc --units samples/xicheng-2014/units.csv --roster samples/xicheng-2014/roster.csv --ballots samples/xicheng-2014/ballots.csv"),
        .init(same: "kaimen sensitivity 2014-mid --scenarios 200"),
        .init(same: "kaimen sensitivity 2014-mid --rules xicheng-2027.jsonc"),
        .init(same: "kaimen sensitivity … --vary leave-one-out --scenarios 27 --format html > sensitivity.html"),
    ]
    public static let options: [OptionSpec] = [
        .repeated("--rules", "FILE", .init(zh: "规则文件（.jsonc）；给两个时先 OLD 后 NEW：分析 NEW，票按 compare 的方式从 OLD 折算。",
                                           en: "The rules file (.jsonc); given twice, OLD then NEW: analyses NEW on the ballots carried from OLD as compare does.")),
        .unitsFile, .rosterFile, .ballotsFile,
        .option("--scenarios", "N", .init(zh: "情景个数。", en: "How many scenarios."), default: "1000"),
        .option("--seed", "S", .init(zh: "抽取情景所用的种子。", en: "The seed the scenarios are drawn from."), default: "1"),
        .option("--vary", "LIST", .init(zh: "变动哪些方面，用逗号或顿号分隔：weights（权重）、aggregation（汇总方式）、leave-one-out（去掉一名代表）、bootstrap（重抽样）；也可写中文名称。",
                                        en: "What to vary, comma-separated: weights, aggregation, leave-one-out, bootstrap."),
                default: "weights,aggregation,leave-one-out,bootstrap"),
        .option("--weights", "P", .init(zh: "每个方面的权重最多变动多少（百分比）。", en: "How far each area's weight moves, in percent."), default: "10"),
        .option("--fragile", "P", .init(zh: "在超过 P% 的情景中改变的等级或名额内位置予以标记。", en: "Flag a grade or quota place that changes in more than P% of scenarios."), default: "10"),
        .format(.init(zh: "结果的打印格式。", en: "How to print the result."), choices: ["table", "csv", "json", "markdown", "html"]),
        .language(.init(zh: "标题和说明的语言。", en: "Language of headings and notes.")),
    ]

    /// `--vary`'s items in Chinese, as the help lists them and the summary says what was varied
    /// (`各方面权重`, `代表评分汇总方式`, `轮流去掉一名代表`, `代表重抽样`).
    static let varyWords: ChoiceWords.Table = [
        ("权重", "weights"), ("各方面权重", "weights"), ("汇总方式", "aggregation"), ("代表评分汇总方式", "aggregation"),
        ("去掉一名代表", "leave-one-out"), ("轮流去掉一名代表", "leave-one-out"), ("依次去掉一名代表", "leave-one-out"),
        ("重抽样", "bootstrap"), ("代表重抽样", "bootstrap"), ("对代表重抽样", "bootstrap"),
    ]

    /// The whole-number options and the values each takes.
    static let numberOptions: [(String, ClosedRange<UInt64>)] = [
        ("--scenarios", 1...1_000_000), ("--seed", 0...UInt64.max), ("--weights", 0...100), ("--fragile", 0...100),
    ]

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = Language(rawValue: args.value("--lang") ?? "zh") ?? .zh
        var folder: SessionInputs?
        var inputs: ScoringSession.Inputs
        var rulesFiles = args.values("--rules")
        if rulesFiles.count > 2 { return usageError(TuningMessages.sensitivityRulesCount(rulesFiles.count), console: console, lang: lang) }
        // A session folder with one --rules NEW: OLD is the session's own rules, as compare takes it.
        var ownRules = false
        if let dir = args.positionals.first {
            if args.positionals.count > 1 { return usageError(CommandMessages.unexpectedArgument(args.positionals[1]), console: console, lang: lang) }
            if let message = SessionCommandSupport.conflictingInputs(args, ["--units", "--roster", "--ballots"]) {
                return usageError(message, console: console, lang: lang)
            }
            guard let loaded = SessionCommandSupport.inputs(dir, lang: lang, console: console) else { return .failure }
            folder = loaded
            inputs = loaded.inputs
            if rulesFiles.count == 1 {
                rulesFiles.insert(PathText.join(dir, loaded.inputs.rules), at: 0)
                ownRules = true
            }
        } else {
            let missing = ["--rules", "--units", "--roster", "--ballots"].filter { args.value($0) == nil }
            if !missing.isEmpty { return usageError(CommandMessages.missingOptions(missing), console: console, lang: lang) }
            inputs = ScoringSession.Inputs(rules: rulesFiles.last!, units: args.value("--units")!, roster: args.value("--roster")!,
                                           ballots: args.value("--ballots")!, strict: false, baseDirectory: console.currentDirectory)
        }
        // Each number option on its own: the message names the option, the value and its range.
        var numbers: [String: UInt64] = [:]
        for (name, range) in numberOptions {
            let text = args.value(name) ?? ""
            guard let n = UInt64(text), range.contains(n) else {
                return usageError(TuningMessages.wholeNumberOption(name, text, range: range), console: console, lang: lang)
            }
            numbers[name] = n
        }
        let count = Int(numbers["--scenarios"]!), seed = numbers["--seed"]!
        let weights = Int(numbers["--weights"]!), fragile = Int(numbers["--fragile"]!)
        // Split on `，` and `、` as on `,`, each item in English or Chinese (`ChoiceWords`).
        var vary = Set<String>()
        for item in ChoiceWords.split(args.value("--vary") ?? "") {
            let names = Scenario.Variation.names
            guard let meant = ChoiceWords.choice(item, choices: names, words: varyWords) else {
                return usageError(CommandMessages.unknownListItem("--vary", item, names, words: varyWords)
                    .joined(hint: ChoiceWords.hint(item, choices: names, words: varyWords)), console: console, lang: lang)
            }
            vary.insert(meant)
        }
        let variation = Scenario.Variation(weightPercent: vary.contains("weights") ? weights : 0, aggregation: vary.contains("aggregation"),
                                           leaveOneOut: vary.contains("leave-one-out"), bootstrap: vary.contains("bootstrap"))
        let session: ScoringSession
        var carry = BallotCarry()
        // Two files: the ballots are read and checked under OLD and carried to NEW, as compare does.
        var loaded: [RulesLoader.Loaded] = []
        if rulesFiles.count == 2 {
            guard let both = loadRulesSides(rulesFiles, sessionCopyFirst: ownRules, console: console, lang: lang) else { return .failure }
            loaded = both
        }
        do {
            if loaded.count == 2 {
                (session, carry) = try BallotCarry.session(old: loaded[0].rules, new: loaded[1], inputs, readFile: folder?.readFile)
            } else {
                session = try ScoringSession.run(inputs, readFile: folder?.readFile)
            }
        } catch {
            if folder != nil, let dir = args.positionals.first {
                SessionCommandSupport.report(SessionInputs.asSession(error.diagnostics), dir: dir, lang: lang, console: console)
            } else {
                for d in error.diagnostics { console.say(d, lang) }
            }
            let n = error.diagnostics.filter { $0.severity == .error }.count
            console.errLine(lang.t("\(n) 个错误，未分析", "\(n) error\(n == 1 ? "" : "s"); nothing analysed"))
            return .failure
        }
        let result = Sensitivity.run(session, count: count, seed: seed, variation: variation, fragilePercent: fragile)
        var table = SensitivityExport.table(result, lang: lang)
        // The run's warnings, which standard error gives below, also on the page and in the CSV
        // a committee keeps (since 0.29.7).
        let caveats = RunWarnings.caveats(session.report, session: folder != nil ? args.positionals.first : nil, console: console, lang: lang)
        switch args.value("--format") {
        case "csv":
            table.preamble = caveats.csvPreamble(lang: lang)
            console.outCSV(table.csv())
        case "json": console.out(SensitivityExport.json(result).rendered())
        case "html": console.out(SensitivityExport.html(result, rulesTitle: session.rules.metadata.title + lang.t("（\(session.rules.metadata.version)）", " (\(session.rules.metadata.version))"),
                                                        caveats: caveats, lang: lang))
        case "markdown":
            console.out(table.markdown())
            console.out("\n" + SensitivityExport.summary(result, lang: lang).map { "- \($0)\n" }.joined())
        default:
            console.outLine(session.rules.metadata.title + lang.t("（\(session.rules.metadata.version)）", " (\(session.rules.metadata.version))"))
            console.out(table.text())
            console.outLine(SensitivityExport.legend(result, lang: lang))
            console.out("\n" + SensitivityExport.summary(result, lang: lang).map { $0 + "\n" }.joined())
        }
        for d in carry.warnings(newFile: Echo.shown(rulesFiles.last ?? "")) { console.say(d, lang) }
        // The actual run's warnings, as `score` prints them (a blank ballot cell or a recusal
        // changes the ranking the scenarios vary), on standard error.
        if folder != nil, let dir = args.positionals.first {
            RunWarnings.print(session.report, session: dir, console: console, lang: lang)
        } else {
            RunWarnings.print(session.report, console: console, lang: lang)
        }
        return .success
    }
}
