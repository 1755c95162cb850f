/// `kaimen rules test FILE…`: runs the test cases a rules file carries.
public enum RulesTestCommand: Command {
    public static let path = ["rules", "test"]
    public static let abstract = Localized(zh: "运行规则文件中的测试用例（tests）。", en: "Run the test cases inside rules files (`tests`).")
    public static let usage = "kaimen rules test [FILE…] [--inherited] [--lang zh|en]"
    public static let discussion = Localized(zh: """
        用文件的评分标准为每个测试用例（一个单位的指标和票）评分，把标准得分、方面小计、
        加分、总分和等级与测试的期望值比较。每个不符都在期望值所在的行和列报告，
        附期望值和实际值；有任何不符时退出码为 1。extends 另一文件的规则文件运行自己的测试；
        加 --inherited 时也运行基础文件的测试，它们在新标准下可能有意不通过，因此标为“继承”。
        不给 FILE 时，测试 rules/ 中的每个 .jsonc 文件。
        """, en: """
        Scores each test case (a unit's metrics and ballots) with the file's criteria and
        compares the points of standards, area subtotals, bonus, total and grade with what the
        test expects. Every failure is reported at the expected value's line and column, with
        the expected and the actual value; exit 1 on any failure. A file that `extends`
        another runs its own tests; with --inherited also the base file's, which may fail
        under the new criteria on purpose: they are marked as inherited. With no FILE, tests
        every .jsonc file in rules/.
        """)
    public static let examples: [Localized] = [.init(same: "kaimen rules test rules/*.jsonc"), .init(same: "kaimen rules test rules/dongcheng-2019.jsonc --inherited")]
    public static let options: [OptionSpec] = [
        .flag("--inherited", .init(zh: "同时运行所 extends 的文件中的测试。", en: "Also run the tests of the files a file extends.")),
        .language(.init(zh: "报告的语言。", en: "Language of the report.")),
    ]

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = Language(rawValue: args.value("--lang") ?? "zh") ?? .zh
        var files = args.positionals
        if files.isEmpty { files = RulesCheckCommand.defaultRulesFiles(in: console.currentDirectory) }
        guard !files.isEmpty else { return usageError(CommandMessages.noRulesFiles, console: console, lang: lang) }
        var failed = false
        for file in files {
            let outcomes: [RulesTestRunner.Outcome]
            do {
                let rules = try RulesLoader().load(resolve(file, in: console.currentDirectory)).rules
                // The files inherited tests were written in: their ballots are carried to this file's points.
                var bases: [String: Rules] = [:]
                if args.has("--inherited") {
                    for base in rules.sourceFiles.dropFirst() { bases[base] = try? RulesLoader().load(base).rules }
                }
                outcomes = try RulesTestRunner.run(rules, inherited: args.has("--inherited"), bases: bases)
                for (base, carry) in RulesTestRunner.carries(rules, bases: bases) {
                    console.say(RulesTestMessages.inheritedBallotsCarried(base, carry), lang)
                }
            } catch {
                failed = true
                for d in error.diagnostics { console.say(d, lang) }
                console.errLine(lang.t("\(Echo.shown(file))：细则有错误，未运行测试", "\(Echo.shown(file)): the rules have errors; no tests run"))
                continue
            }
            for o in outcomes where !o.passed {
                for d in o.failures { console.say(d, lang) }
            }
            let own = outcomes.filter { !$0.inherited }, inherited = outcomes.filter(\.inherited)
            let ownFailed = own.filter { !$0.passed }.count, inheritedFailed = inherited.filter { !$0.passed }.count
            if ownFailed > 0 || inheritedFailed > 0 { failed = true }
            var line = lang.t("\(Echo.shown(file))：\(own.count) 个测试，\(own.count - ownFailed) 个通过", "\(Echo.shown(file)): \(own.count) test\(own.count == 1 ? "" : "s"), \(own.count - ownFailed) passed")
            if ownFailed > 0 { line += lang.t("，\(ownFailed) 个失败", ", \(ownFailed) failed") }
            if args.has("--inherited") {
                line += lang.t("；继承的测试 \(inherited.count) 个，\(inherited.count - inheritedFailed) 个通过", "; \(inherited.count) inherited, \(inherited.count - inheritedFailed) passed")
                if inheritedFailed > 0 {
                    line += lang.t("，\(inheritedFailed) 个在新细则下不再成立", ", \(inheritedFailed) no longer hold under this file's criteria")
                }
            }
            console.outLine(line)
        }
        return failed ? .failure : .success
    }
}
