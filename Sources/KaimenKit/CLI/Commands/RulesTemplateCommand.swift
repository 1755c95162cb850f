import Foundation

/// `kaimen rules template FILE --out units-template.csv`: the units file for the unions to fill in.
public enum RulesTemplateCommand: Command {
    public static let path = ["rules", "template"]
    public static let abstract = Localized(zh: "写出区总工会发给各基层工会填写的单位文件模板。", en: "Write the units file template a district sends to its unions.")
    public static let usage = "kaimen rules template FILE [--out units-template.csv] [--force] [--lang zh|en]"
    public static let discussion = Localized(zh: """
        写出一个 CSV（带 BOM 的 UTF-8，供 Excel 和 WPS 打开），列为这些规则所需单位文件的列：
        单位编号、单位名称、类别，以及每个指标一列，列名为其中文名称；第二行是 kaimen 也接受的编号；
        还有一行填写说明（如“填写比例，如 91.5%”、“必填”或“可留空”）。读取填好的文件时，
        kaimen 会跳过这两行。不给 --out 时打印 CSV。--out FILE.xlsx 则把同样的行写成一个工作表
        （填好后 kaimen 可直接读取，也可另存为 CSV UTF-8）。--out 是文件夹时写到其中的 units-template.csv。
        已有的文件只在加 --force 时替换；规则文件本身（及其继承的文件）从不替换。
        """, en: """
        Writes a CSV (UTF-8 with BOM, for Excel and WPS) with the columns of a units file for
        these rules: the unit id, the unit name, the category and one column per metric, headed
        by its Chinese name; a second row with the ids kaimen also accepts; and a row of
        instructions (how to write a rate, required or may be left empty). kaimen skips both
        extra rows when it reads the filled-in file. Without --out, prints the CSV. With
        --out FILE.xlsx, writes the same rows as one sheet (kaimen reads the filled-in workbook
        as it is, or saved as CSV UTF-8). With --out naming a folder, writes units-template.csv in
        it. A file already there is replaced only with --force; the rules file itself (and
        the files it extends) never.
        """)
    public static let examples: [Localized] = [.init(same: "kaimen rules template rules/dongcheng-2019.jsonc --out units-template.csv"),
                                               .init(same: "kaimen rules template rules/dongcheng-2019.jsonc --out units-template.xlsx")]
    public static let options: [OptionSpec] = [
        .option("--out", "FILE", .init(zh: "模板写到哪里：.csv，或 .xlsx（一个工作表，填好后可直接读取）。",
                                       en: "Where to write the template: .csv, or .xlsx for one sheet (read as it is once filled in).")),
        .flag("--force", .init(zh: "替换 --out 处已有的文件（规则文件本身不会被替换）。",
                               en: "Replace a file already at --out (never the rules file itself).")),
        .language(.init(zh: "表头和填写说明的语言。", en: "Language of the headers and instructions.")),
    ]

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = Language(rawValue: args.value("--lang") ?? "zh") ?? .zh
        guard args.positionals.count == 1 else {
            return usageError(Localized(zh: "`rules template` 只接受一个规则文件，收到 \(args.positionals.count) 个",
                                        en: "`rules template` takes one rules file; got \(args.positionals.count)"), console: console, lang: lang)
        }
        guard let rules = loadRules(args.positionals[0], console: console, lang: lang) else { return .failure }
        // A folder gets the template inside it, under the usual name.
        let shown = args.value("--out").map { out in
            FileSystem.kind(resolve(out, in: console.currentDirectory)) == .folder ? PathText.join(out, "units-template.csv") : out
        }
        let xlsx = shown?.lowercased().hasSuffix(".xlsx") == true
        guard let bytes = xlsx ? UnitsTemplate.xlsx(rules, lang: lang) : UnitsTemplate.csv(rules, lang: lang) else {
            console.errLine(lang.t("错误：指标太多，无法写成 .xlsx；请改写 .csv", "error: too many metrics for an .xlsx; write a .csv instead"))
            return .failure
        }
        guard let shown else {
            // .csv (no --out): with its BOM when redirected to a file, for Excel and WPS.
            console.outCSV(bytes)
            return .success
        }
        // A file already there is replaced only with `--force`, and a rules file the template was
        // made from never (a template written over its own rules file lost them).
        let here = console.currentDirectory
        let options = OutputBatch.CommitOptions(force: args.has("--force"),
                                                inputs: rules.sourceFiles.map { ($0, URL(fileURLWithPath: resolve($0, in: here))) })
        let committed: OutputBatch.Committed
        do {
            committed = try OutputBatch.commit(file: URL(fileURLWithPath: resolve(shown, in: here)), Data(bytes), shown: shown, options: options)
        } catch {
            console.sayNotWritten(error, out: shown, in: here, lang: lang)
            return .failure
        }
        console.errLine(lang.t("已写入 \(Echo.shown(shown))：\(rules.metrics.count) 个指标列", "wrote \(Echo.shown(shown)): \(rules.metrics.count) metric columns"))
        committed.say(in: PathText.directory(of: shown), console: console, lang: lang)
        return .success
    }
}
