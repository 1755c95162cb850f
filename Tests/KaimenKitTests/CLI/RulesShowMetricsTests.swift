import Foundation
import Testing
@testable import KaimenKit

@Suite("rules show lists the metrics a unit must submit")
struct RulesShowMetricsTests {
    func run(_ args: [String]) -> String {
        let console = BufferConsole(currentDirectory: Fixtures.url("inputs").path)
        #expect(CLI.run(args, console: console) == .success)
        return console.stdout
    }

    @Test("every metric with its id, Chinese name, kind, unit and missing rule, in the table output")
    func metricsTable() {
        let zh = run(["rules", "show", "rules.jsonc"])
        #expect(zh.contains("各单位须填报的指标（6 项）"))
        let lines = zh.split(separator: "\n").map(String.init)
        func row(_ id: String) -> String? { lines.first { $0.hasPrefix(id + " ") } }
        // rules.jsonc: enterprises count required; members count, missing zero; survey_score number, missing notAssessable.
        #expect(row("enterprises")?.contains("已建会企业数") == true)
        #expect(row("enterprises")?.contains("计数") == true)
        #expect(row("enterprises")?.hasSuffix("必须填写（空着即报错）") == true)
        #expect(row("card_rate")?.contains("比率") == true)
        #expect(row("congress")?.contains("是/否") == true)
        #expect(row("members")?.hasSuffix("按 0 计") == true)
        #expect(row("survey_score")?.contains("数值") == true)
        #expect(row("survey_score")?.hasSuffix("读它的标准无法考核") == true)
        let en = run(["rules", "show", "rules.jsonc", "--lang", "en"])
        #expect(en.contains("Metrics each unit submits (6)"))
        #expect(en.split(separator: "\n").contains { $0.hasPrefix("members ") && $0.hasSuffix("counts as 0") })
    }

    @Test("with --lang en the whole table is in English, names and criteria as the rules write them")
    func english() {
        let en = run(["rules", "show", "rules.jsonc", "--lang", "en"])
        #expect(en.contains("id") && en.contains("area / standard") && en.contains("criteria"))
        #expect(en.contains("Grades: "))
        #expect(en.contains("Ranking: totals rounded to"))
        #expect(en.contains("Ballots: "))
        #expect(!en.contains("等级: ") && !en.contains("排名: ") && !en.contains("代表评分: "))
        // The rules' own Chinese names stay as written.
        #expect(en.contains("集体合同签订率"))
        let zh = run(["rules", "show", "rules.jsonc"])
        // Chinese punctuation in the Chinese text (since 0.29.2: `等级: ` and the like).
        #expect(zh.contains("等级：") && zh.contains("排名：总分保留") && zh.contains("代表评分："))
        #expect(!zh.contains("等级: ") && !zh.contains("排名: ") && !zh.contains("代表评分: "))
    }

    @Test("a metric's unit shows in its column")
    func units() throws {
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        #expect(CLI.run(["rules", "show", "rules/xicheng-2014.jsonc"], console: console) == .success)
        let line = try #require(console.stdout.split(separator: "\n").first { $0.hasPrefix("members ") })
        #expect(line.contains("会员总数") && line.contains("计数") && line.contains(" 人 "))
    }
}
