import Foundation

/// `kaimen generate`: a deterministic synthetic data set for a rules file, at any size.
public enum GenerateCommand: Command {
    public static let path = ["generate"]
    public static let abstract = Localized(zh: "写出任意规模、可重现的模拟会话数据（单位、代表名单、评分票）。",
                                           en: "Write a synthetic, reproducible session (units, roster, ballots) of any size.")
    public static let usage = "kaimen generate --units N [--seed S] [--rules FILE] [--group-size N] [--units-per-group N] --out DIR [--force]"
    public static let discussion = Localized(zh: """
        按规则（默认 rules/xicheng-2014.jsonc）写出 DIR/units.csv、DIR/roster.csv 和
        DIR/ballots.csv（宽表）以及 manifest.json，整套写入（没有 manifest.json 的非空文件夹
        须加 --force）。同样的 N 和种子总是得到同样的文件。每组 7 名代表听取约 50 个单位的汇报，
        所以每个单位的每条评议标准约有 7 张票；少数代表给本单位打分（回避），
        少数单位被一票否决或满意度测评参与率不足。
        """, en: """
        Writes DIR/units.csv, DIR/roster.csv and DIR/ballots.csv (wide), with manifest.json, as
        one whole set (a non-empty folder without manifest.json only with --force), for the rules (default:
        rules/xicheng-2014.jsonc). The same N and seed always give the same files. Groups of 7
        representatives each hear about 50 units, so every unit gets about 7 ballots per ballot
        standard; a few representatives score their own unit (recusal), a few units are vetoed
        or fall below the survey's participation threshold.
        """)
    public static let examples: [Localized] = [
        .init(same: "kaimen generate --units 10000 --seed 1 --out /tmp/k10k"),
        .init(same: "kaimen score --rules rules/xicheng-2014.jsonc --units /tmp/k10k/units.csv --roster /tmp/k10k/roster.csv --ballots /tmp/k10k/ballots.csv --format csv"),
    ]
    public static let options: [OptionSpec] = [
        .option("--units", "N", .init(zh: "单位个数。", en: "How many units.")),
        .option("--seed", "S", .init(zh: "随机数种子。", en: "Random seed."), default: "1"),
        .option("--rules", "FILE", .init(zh: "数据所对应的规则。", en: "The rules the data is for."), default: "rules/xicheng-2014.jsonc"),
        .option("--out", "DIR", .init(zh: "文件写到哪里。", en: "Where to write the files.")),
        .option("--group-size", "N", .init(zh: "每组代表人数。", en: "Representatives per group."), default: "7"),
        .option("--units-per-group", "N", .init(zh: "每组听取汇报的单位数。", en: "Units each group hears."), default: "50"),
        .flag("--force", .init(zh: "替换没有 manifest.json 的非空文件夹（其中所有内容都会被删除）。",
                               en: "Replace a non-empty folder that has no manifest.json (everything in it is removed).")),
        .lang,
    ]

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = args.language
        guard args.positionals.isEmpty else {
            return usageError(CommandMessages.takesOnlyOptions(args.positionals[0], path.joined(separator: " ")), console: console, lang: lang)
        }
        guard let n = args.value("--units").flatMap(Int.init), n > 0, n <= 50_000_000 else {
            return usageError(CommandMessages.generateUnits, console: console, lang: lang, showUsage: false)
        }
        guard let seed = args.value("--seed").flatMap(UInt64.init) else {
            return usageError(CommandMessages.generateSeed, console: console, lang: lang, showUsage: false)
        }
        guard let out = args.value("--out") else {
            return usageError(CommandMessages.generateOut, console: console, lang: lang)
        }
        guard let rules = loadRules(args.value("--rules")!, console: console, lang: lang) else { return .failure }
        guard let groupSize = args.value("--group-size").flatMap(Int.init), (1...1000).contains(groupSize),
              let perGroup = args.value("--units-per-group").flatMap(Int.init), perGroup >= 1 else {
            console.errLine(lang.t("错误：`--group-size`（1 到 1000）和 `--units-per-group`（1 或以上）须为整数",
                                   "error: `--group-size` (1 to 1000) and `--units-per-group` (1 or more) take a whole number"))
            return .usage
        }
        var generator = DataGenerator(rules: rules, units: n, seed: seed)
        generator.groupSize = groupSize
        generator.unitsPerGroup = perGroup
        let data = generator.generate()
        var batch = OutputBatch()
        batch.add(Data(data.units), at: "units.csv")
        batch.add(Data(data.roster), at: "roster.csv")
        batch.add(Data(data.ballots), at: "ballots.csv")
        do {
            let options = OutputOptions.commitOptions(args, console: console, inputs: rules.sourceFiles)
            try batch.commit(into: URL(fileURLWithPath: resolve(out, in: console.currentDirectory)), options: options)
        } catch let error as OutputError {
            console.errLine(error.diagnostic.rendered(.zh))
            return .failure
        } catch {
            console.error(CommandMessages.couldNotWrite(out, error), lang)
            return .failure
        }
        let mb = Double(data.units.count + data.roster.count + data.ballots.count) / 1_048_576
        console.errLine(CommandMessages.generated(n, out, String(format: "%.1f", mb)).text(lang))
        return .success
    }
}
