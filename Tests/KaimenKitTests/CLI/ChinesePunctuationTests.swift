import Foundation
import Testing
@testable import KaimenKit

/// Chinese text uses Chinese punctuation (`，：（）、`), English its own (since 0.29.2): `rules
/// show` said `10 个方面, 40 条标准`, `继承 (extends):`, `等级:`, `前提:`; `rules diff`'s header
/// `(xicheng-2014 2014.1)`; `sensitivity` listed `X05, X02` where `score` writes `X01、X02`; a
/// rules value's choices `可用 `mean`, `median``.
@Suite("Chinese output uses Chinese punctuation")
struct ChinesePunctuationTests {
    func run(_ args: [String]) -> (code: ExitCode, out: String, err: String) {
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        let code = CLI.run(args, console: console)
        return (code, console.stdout, console.stderr)
    }

    @Test("rules show: counts, extends, grades, ranking, ballots and preconditions")
    func rulesShow() {
        let zh = run(["rules", "show", "rules/dongcheng-2019.jsonc"]).out
        #expect(zh.contains("10 个方面，40 条标准，共 100 分"), "\(zh.prefix(400))")
        #expect(zh.contains("继承（extends）：dongcheng-2019.jsonc → xicheng-2014.jsonc"))
        #expect(zh.contains("\n等级：") && zh.contains("\n排名：总分保留") && zh.contains("\n代表评分："))
        #expect(zh.contains("前提：stations > 0"))
        for ascii in ["个方面, ", "条标准, ", "(extends)", "等级: ", "排名: ", "代表评分: ", "前提: "] {
            #expect(!zh.contains(ascii), "\(ascii)")
        }
        let en = run(["rules", "show", "rules/dongcheng-2019.jsonc", "--lang", "en"]).out
        #expect(en.contains("10 areas, 40 standards, 100 points") && en.contains("extends: ") && en.contains("Grades: ") && en.contains(" if: stations > 0"))
    }

    @Test("rules diff: the header's ids and versions in Chinese brackets")
    func rulesDiff() {
        let zh = run(["rules", "diff", "rules/xicheng-2014.jsonc", "rules/dongcheng-2019.jsonc"]).out
        #expect(zh.hasPrefix("rules/xicheng-2014.jsonc（xicheng-2014 2014.1）→ rules/dongcheng-2019.jsonc（dongcheng-2019 2019.1）\n"), "\(zh.prefix(200))")
        let en = run(["rules", "diff", "rules/xicheng-2014.jsonc", "rules/dongcheng-2019.jsonc", "--lang", "en"]).out
        #expect(en.hasPrefix("rules/xicheng-2014.jsonc (xicheng-2014 2014.1) → rules/dongcheng-2019.jsonc (dongcheng-2019 2019.1)\n"), "\(en.prefix(200))")
    }

    @Test("sensitivity lists unit ids with 、 in Chinese, as score does")
    func sensitivityLists() {
        let args = ["sensitivity", "--rules", "rules/xicheng-2014.jsonc", "--units", "samples/xicheng-2014/units.csv",
                    "--roster", "samples/xicheng-2014/roster.csv", "--ballots", "samples/xicheng-2014/ballots.csv", "--scenarios", "40"]
        let zh = run(args).out, en = run(args + ["--lang", "en"]).out
        let zhLine = zh.split(separator: "\n").first { $0.hasPrefix("等级不稳") }.map(String.init) ?? ""
        let enLine = en.split(separator: "\n").first { $0.hasPrefix("grade fragile") }.map(String.init) ?? ""
        // The same units in both: `X05、X02` and `X05, X02` (the seeded 40 scenarios move two).
        let zhIDs = zhLine.split(separator: "：").last.map { $0.components(separatedBy: "、") } ?? []
        let enIDs = enLine.components(separatedBy: ": ").last.map { $0.components(separatedBy: ", ") } ?? []
        #expect(zhIDs.count >= 2 && zhIDs == enIDs, "\(zhLine) / \(enLine)")
        #expect(!zhLine.contains(", "))
    }

    @Test("a rules value's choices are listed with 、 in Chinese")
    func choices() throws {
        let text = RulesText.make(metrics: RulesText.metric("m", "flag"), areas: RulesText.area("a", points: "5"),
                                  standards: RulesText.standard("s", area: "a", points: "5", #""method": "presence", "metric": "m""#),
                                  more: #""ballots": { "aggregate": "averge" },"#)
        do {
            _ = try RulesLoader(readFile: { _ in text }).load("/mem/r.jsonc")
            Issue.record("should not load")
        } catch {
            let d = try #require(error.diagnostics.first { $0.code == "invalid-value" })
            #expect(d.text.zh == "`averge` 不是有效的 `aggregate`；可用 `mean`、`median`、`trimmedMean`")
            #expect(d.text.en == "`averge` is not a valid `aggregate`; use one of `mean`, `median`, `trimmedMean`")
        }
    }

    @Test("a command's option choices and a formula's functions are listed with 、 in Chinese")
    func optionAndFunctionLists() {
        let r = run(["rules", "show", "rules/xicheng-2014.jsonc", "--lang", "fr"])
        #expect(r.err.contains("`fr` 不是 `--lang` 的有效值；可用 `zh`（中文）、`en`（英文）"), "\(r.err)")
        let d = FormulaFixture.error("zzzz(1)")
        #expect(d?.hintText?.zh == "可用的函数有 `min`、`max`、`clamp`、`round`、`abs`", "\(String(describing: d))")
        #expect(d?.hint == "the functions are `min`, `max`, `clamp`, `round`, `abs`")
    }
}
