import Foundation

/// `kaimen rules template FILE --out units-template.csv`: the units file for the unions to fill in.
public enum RulesTemplateCommand: Command {
    public static let path = ["rules", "template"]
    public static let abstract = Localized(zh: "写出区总工会发给各基层工会填写的单位文件模板。", en: "Write the units file template a district sends to its unions.")
    public static let usage = "kaimen rules template FILE [--out units-template.csv] [--lang zh|en]"
    public static let discussion = Localized(zh: """
        写出一个 CSV（带 BOM 的 UTF-8，供 Excel 和 WPS 打开），列为这些规则所需单位文件的列：
        单位编号、单位名称、类别，以及每个指标一列，列名为其中文名称；第二行是 kaimen 也接受的编号；
        还有一行填写说明（如“填写比例，如 91.5%”、“必填”或“可留空”）。读取填好的文件时，
        kaimen 会跳过这两行。不给 --out 时打印 CSV。--out FILE.xlsx 则把同样的行写成一个工作表
        （kaimen 读取 CSV：填好后请另存为 CSV UTF-8）。
        """, en: """
        Writes a CSV (UTF-8 with BOM, for Excel and WPS) with the columns of a units file for
        these rules: the unit id, the unit name, the category and one column per metric, headed
        by its Chinese name; a second row with the ids kaimen also accepts; and a row of
        instructions (how to write a rate, required or may be left empty). kaimen skips both
        extra rows when it reads the filled-in file. Without --out, prints the CSV. With
        --out FILE.xlsx, writes the same rows as one sheet (kaimen reads CSV: save the
        filled-in sheet as CSV UTF-8).
        """)
    public static let examples: [Localized] = [.init(same: "kaimen rules template rules/dongcheng-2019.jsonc --out units-template.csv"),
                                               .init(same: "kaimen rules template rules/dongcheng-2019.jsonc --out units-template.xlsx")]
    public static let options: [OptionSpec] = [
        .option("--out", "FILE", .init(zh: "模板写到哪里：.csv，或 .xlsx（一个工作表，填好后另存为 CSV）。",
                                       en: "Where to write the template: .csv, or .xlsx for one sheet (saved as CSV once filled in).")),
        .option("--lang", "LANG", .init(zh: "表头和填写说明的语言。", en: "Language of the headers and instructions."), choices: ["zh", "en"], default: "zh"),
    ]

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = Language(rawValue: args.value("--lang") ?? "zh") ?? .zh
        guard args.positionals.count == 1 else {
            return usageError(Localized(zh: "`rules template` 只接受一个规则文件，收到 \(args.positionals.count) 个",
                                        en: "`rules template` takes one rules file; got \(args.positionals.count)"), console: console, lang: lang)
        }
        guard let rules = loadRules(args.positionals[0], console: console, lang: lang) else { return .failure }
        let xlsx = args.value("--out")?.lowercased().hasSuffix(".xlsx") == true
        guard let bytes = xlsx ? UnitsTemplate.xlsx(rules, lang: lang) : UnitsTemplate.csv(rules, lang: lang) else {
            console.errLine(lang.t("错误：指标太多，无法写成 .xlsx；请改写 .csv", "error: too many metrics for an .xlsx; write a .csv instead"))
            return .failure
        }
        guard let out = args.value("--out") else {
            console.out(String(decoding: bytes.dropFirst(3), as: UTF8.self))
            return .success
        }
        do {
            try AtomicWriter.write(Data(bytes), to: URL(fileURLWithPath: resolve(out, in: console.currentDirectory)))
        } catch {
            console.errLine(lang.t("错误：无法写入 `\(out)`：\(error)", "error: could not write `\(out)`: \(error)"))
            return .failure
        }
        console.errLine(lang.t("已写入 \(Echo.shown(out))：\(rules.metrics.count) 个指标列", "wrote \(Echo.shown(out)): \(rules.metrics.count) metric columns"))
        return .success
    }
}
