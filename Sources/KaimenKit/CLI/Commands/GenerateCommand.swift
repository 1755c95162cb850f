import Foundation

/// `kaimen generate`: a deterministic synthetic data set for a rules file, at any size.
public enum GenerateCommand: Command {
    public static let path = ["generate"]
    /// The rules `generate` makes data for unless `--rules` names others: the project's Xicheng file.
    static let defaultRules = DefaultCommand.sampleOptions["--rules"]!
    public static let abstract = Localized(zh: "写出任意规模、可重现的模拟会话数据（单位、代表名单、评分票）。",
                                           en: "Write a synthetic, reproducible session (units, roster, ballots) of any size.")
    /// The most units, and representatives, a generated session has.
    static let maxUnits = 50_000_000
    static let maxRepresentatives = 10_000_000
    public static let usage = "kaimen generate --units N [--seed S] [--rules FILE] [--group-size N] [--units-per-group N] [--edges P] --out DIR [--force]"
    public static let discussion = Localized(zh: """
        按规则（默认 rules/xicheng-2014.jsonc）写出 DIR/units.csv、DIR/roster.csv 和
        DIR/ballots.csv（宽表）以及 manifest.json，整套写入（没有 manifest.json 的非空文件夹
        须加 --force）。同样的 N 和种子总是得到同样的文件。每组 7 名代表听取约 50 个单位的汇报，
        所以每个单位的每条评议标准约有 7 张票；少数代表给本单位打分（回避），
        少数单位被一票否决或满意度测评参与率不足。

        任何有效的规则文件都可以：数据按规则所读的指标生成。分子不超过分母，测评各项之和等于
        参与人数，评分是 scoreStep（未设时 0.5）的整数倍且不超过该评议标准的分值，规则不读的
        指标给小的整数。

        --edges P 让 P% 的单位成为"边界单位"（默认 0：全部为一般单位，同样的种子得到与以前
        相同的数据）。边界单位的数值落在规则作出判断的地方：正好在分档门槛上或低一步，线性
        标准的下限、目标和中点，计数的封顶处，公式（表达式、前提、否决）写出的每个数，分母为
        零（比率 zero 的每种规则），计数的负数；missing 为 zero 或 notAssessable 的指标每 8 格
        空一格（各种不可考核规则，包括按比例折算，和无法核查的否决都会出现）；测评无人参与、
        正好等于参与率门槛或全部同一答案；每条评议标准约三分之一的边界单位只得到本组部分代表
        的票（从无到全），一半得到全体同一分数。边界数值取自少数几种，所以很多边界单位总分
        相同而各项不同，每条同分比较规则都会用上。
        """, en: """
        Writes DIR/units.csv, DIR/roster.csv and DIR/ballots.csv (wide), with manifest.json, as
        one whole set (a non-empty folder without manifest.json only with --force), for the rules (default:
        rules/xicheng-2014.jsonc). The same N and seed always give the same files. Groups of 7
        representatives each hear about 50 units, so every unit gets about 7 ballots per ballot
        standard; a few representatives score their own unit (recusal), a few units are vetoed
        or fall below the survey's participation threshold.

        Any valid rules file will do: the data follows what the rules read. Numerators stay at
        or below their denominators, survey answers add up to the respondents, ballots are
        multiples of `scoreStep` (0.5 without one) up to each ballot standard's points (a
        standard scored for its area gets a column named by the area), metrics not read by any
        rule get small whole numbers.

        --edges P makes P percent of the units edge units (default 0: every unit typical, the
        same data as before for the same seed). An edge unit's values sit where the rules decide
        something: exactly on a band's threshold or one step (1, or 0.01% for a rate) below it,
        on a linear standard's floor, target and half way, at a count's cap, on every number a
        formula (expression, precondition, veto) writes, a zero denominator (each `zero` rule of
        a ratio), a negative `number` for a count. A metric whose `missing` is `zero` or
        `notAssessable` is left empty in one cell in eight (so every not-assessable rule,
        including prorate, and vetoes that cannot be checked are reached); a veto's metrics are
        above zero for one edge unit in four. A survey has no respondents, exactly the
        participation threshold, or all answers alike. For each ballot standard, about a third
        of edge units get ballots from only some of their group (none to all: insufficient
        ballots, below and above the trim threshold), and half get the same score from everyone
        (0, full or half). Since edge values come from few choices, many edge units tie on their
        totals while differing in their parts, so every tie-break is put to work.
        """)
    public static let examples: [Localized] = [
        .init(same: "kaimen generate --units 10000 --seed 1 --out /tmp/k10k"),
        .init(same: "kaimen score --rules rules/xicheng-2014.jsonc --units /tmp/k10k/units.csv --roster /tmp/k10k/roster.csv --ballots /tmp/k10k/ballots.csv --format csv"),
        .init(same: "kaimen generate --rules rules/dongcheng-2019.jsonc --units 200 --seed 3 --edges 75 --out /tmp/edges"),
    ]
    public static let options: [OptionSpec] = [
        .option("--units", "N", .init(zh: "单位个数。", en: "How many units.")),
        .option("--seed", "S", .init(zh: "随机数种子。", en: "Random seed."), default: "1"),
        .option("--rules", "FILE", .init(zh: "数据所对应的规则。", en: "The rules the data is for."), default: defaultRules),
        .option("--out", "DIR", .init(zh: "文件写到哪里。", en: "Where to write the files.")),
        .option("--group-size", "N", .init(zh: "每组代表人数。", en: "Representatives per group."), default: "7"),
        .option("--units-per-group", "N", .init(zh: "每组听取汇报的单位数。", en: "Units each group hears."), default: "50"),
        .option("--edges", "P", .init(zh: "落在规则边界上的单位所占百分比（门槛、缺失值、同分）。",
                                      en: "Percent of units at the edges of the rules (thresholds, missing values, ties)."), default: "0"),
        .flag("--force", .init(zh: "替换没有 manifest.json 的非空文件夹（其中所有内容都会被删除）。",
                               en: "Replace a non-empty folder that has no manifest.json (everything in it is removed).")),
        .lang,
    ]

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = args.language
        guard args.positionals.isEmpty else {
            return usageError(CommandMessages.takesOnlyOptions(args.positionals[0], path.joined(separator: " ")), console: console, lang: lang)
        }
        guard let n = args.value("--units").flatMap(Int.init), n > 0, n <= Self.maxUnits else {
            return usageError(CommandMessages.generateUnits, console: console, lang: lang, showUsage: false)
        }
        guard let seed = args.value("--seed").flatMap(UInt64.init) else {
            return usageError(CommandMessages.generateSeed, console: console, lang: lang, showUsage: false)
        }
        guard let out = args.value("--out") else {
            return usageError(CommandMessages.generateOut, console: console, lang: lang)
        }
        // The default rules file is the project's: run elsewhere without --rules, "cannot read
        // rules/xicheng-2014.jsonc" did not say that it was a default, nor what to give instead.
        if args.value("--rules") == Self.defaultRules,
           !FileManager.default.fileExists(atPath: resolve(Self.defaultRules, in: console.currentDirectory)) {
            console.error(CommandMessages.defaultRulesMissing(Self.defaultRules, console.currentDirectory), lang)
            return .failure
        }
        guard let rules = loadRules(args.value("--rules")!, console: console, lang: lang) else { return .failure }
        guard let groupSize = args.value("--group-size").flatMap(Int.init), (1...1000).contains(groupSize),
              let perGroup = args.value("--units-per-group").flatMap(Int.init), (1...Self.maxUnits).contains(perGroup) else {
            console.errLine(lang.t("错误：`--group-size`（1 到 1000）和 `--units-per-group`（1 到 \(Self.maxUnits)）须为整数",
                                   "error: `--group-size` (1 to 1000) and `--units-per-group` (1 to \(Self.maxUnits)) take a whole number"))
            return .usage
        }
        // The roster is made whole in memory: a group of 1000 for each of 50 million units
        // asked for 16 GB at once and ended in a crash (a hostile test).
        let groups = DataGenerator.groups(units: n, perGroup: perGroup), representatives = groups * groupSize
        guard representatives <= Self.maxRepresentatives else {
            console.errLine(lang.t("错误：这样会有 \(representatives) 名代表（\(groups) 组，每组 \(groupSize) 人），最多 \(Self.maxRepresentatives) 名；加大 `--units-per-group` 或减小 `--group-size`",
                                   "error: that makes \(representatives) representatives (\(groups) groups of \(groupSize)); at most \(Self.maxRepresentatives); raise `--units-per-group` or lower `--group-size`"))
            return .usage
        }
        guard let edges = args.value("--edges").flatMap(Int.init), (0...100).contains(edges) else {
            return usageError(GenerateMessages.edges, console: console, lang: lang, showUsage: false)
        }
        var generator = DataGenerator(rules: rules, units: n, seed: seed)
        generator.edges = edges
        generator.groupSize = groupSize
        generator.unitsPerGroup = perGroup
        let data = generator.generate()
        var batch = OutputBatch()
        batch.add(Data(data.units), at: "units.csv")
        batch.add(Data(data.roster), at: "roster.csv")
        batch.add(Data(data.ballots), at: "ballots.csv")
        let dir = URL(fileURLWithPath: resolve(out, in: console.currentDirectory))
        let committed: OutputBatch.Committed
        do {
            committed = try batch.commit(into: dir, options: OutputOptions.commitOptions(args, console: console, inputs: rules.sourceFiles))
        } catch {
            console.sayNotWritten(error, out: out, in: console.currentDirectory, lang: lang)
            return .failure
        }
        let mb = Double(data.units.count + data.roster.count + data.ballots.count) / 1_048_576
        console.errLine(CommandMessages.generated(n, out, String(format: "%.1f", mb)).text(lang))
        committed.say(in: out, console: console, lang: lang)
        return .success
    }
}
