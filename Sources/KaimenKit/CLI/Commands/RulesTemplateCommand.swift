import Foundation

/// `kaimen rules template FILE --out units-template.csv`: the units file for the unions to fill in.
public enum RulesTemplateCommand: Command {
    public static let path = ["rules", "template"]
    public static let abstract = "Write the units file template a district sends to its unions."
    public static let usage = "kaimen rules template FILE [--out units-template.csv] [--lang zh|en]"
    public static let discussion = """
        Writes a CSV (UTF-8 with BOM, for Excel and WPS) with the columns of a units file for
        these rules: 单位编号, 单位名称, 类别 and one column per metric, headed by its Chinese
        name; a second row with the ids kaimen also accepts; and a row of instructions (填写比例，
        如 91.5%; 必填 or 可留空). kaimen skips both extra rows when it reads the filled-in file.
        Without --out, prints the CSV. With --out FILE.xlsx, writes the same rows as one sheet
        (kaimen reads CSV: save the filled-in sheet as CSV UTF-8).
        """
    public static let examples = ["kaimen rules template rules/dongcheng-2019.jsonc --out units-template.csv",
                                  "kaimen rules template rules/dongcheng-2019.jsonc --out units-template.xlsx"]
    public static let options: [OptionSpec] = [
        .option("--out", "FILE", "Where to write the template: .csv, or .xlsx for one sheet (saved as CSV once filled in)."),
        .option("--lang", "LANG", "Language of the headers and instructions.", choices: ["zh", "en"], default: "zh"),
    ]

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = Language(rawValue: args.value("--lang") ?? "zh") ?? .zh
        guard args.positionals.count == 1 else {
            return CompareCommand.usageError("`rules template` takes one rules file; got \(args.positionals.count)", console)
        }
        guard let rules = loadRules(args.positionals[0], console: console) else { return .failure }
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
        console.errLine(lang.t("已写入 \(out)：\(rules.metrics.count) 个指标列", "wrote \(out): \(rules.metrics.count) metric columns"))
        return .success
    }
}
