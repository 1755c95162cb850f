import Foundation
import Testing
@testable import KaimenKit

@Suite("rules diff lists what a tuned file changes")
struct RulesDiffTests {
    typealias Change = RulesDiff.Change

    @Test("small → tuned: exactly the changes tuned.jsonc makes, in order")
    func smallToTuned() throws {
        let small = try RulesLoader().load(Fixtures.path("rules/valid/small.jsonc")).rules
        let tuned = try RulesLoader().load(Fixtures.path("rules/valid/tuned.jsonc")).rules
        let diff = RulesDiff.compare(small, tuned)
        let expected: [Change] = [
            Change(kind: .changed, section: "metadata", id: nil, name: nil, field: "title", old: "测试细则", new: "调整后细则"),
            Change(kind: .changed, section: "metadata", id: nil, name: nil, field: "issuer", old: "测试区总工会", new: "另一区总工会"),
            Change(kind: .changed, section: "metadata", id: nil, name: nil, field: "version", old: "1", new: "2"),
            Change(kind: .changed, section: "metadata", id: nil, name: nil, field: "effective.from", old: "2014-01-01", new: "2019-01-01"),
            Change(kind: .changed, section: "metadata", id: nil, name: nil, field: "effective.to", old: "2014-12-31", new: nil),
            Change(kind: .removed, section: "standards", id: "rights.aid", name: "法律援助", field: nil, old: "area rights, 2 points, count", new: nil,
                   entry: .init(area: "rights", points: "2", method: "count")),
            Change(kind: .thresholds, section: "standards", id: "rights.contracts", name: "集体合同签订率", field: "bands",
                   old: "≥0.99→3, ≥0.9→2, ≥0.8→1", new: "≥0.99→5, ≥0.95→3", method: "bands"),
            Change(kind: .reweighted, section: "standards", id: "rights.contracts", name: "集体合同签订率", field: "points", old: "3", new: "5", method: "bands"),
            Change(kind: .thresholds, section: "standards", id: "org.members", name: "新发展会员", field: "target", old: "50", new: "40", method: "linear"),
            // Worded as `rules show` words them (small.jsonc trims 1 each way from 5 ballots).
            Change(kind: .changed, section: "ballots", id: nil, name: nil, field: "aggregate", old: "trimmedMean", new: "median",
                   oldWords: Localized(zh: "满 5 票去掉最高、最低各 1 票后取平均", en: "from 5 ballots, the mean without the 1 highest and 1 lowest"),
                   newWords: Localized(zh: "中位数", en: "median")),
        ]
        #expect(diff.changes.count == expected.count)
        for (got, want) in zip(diff.changes, expected) { #expect(got == want) }
        #expect(diff.count(.reweighted) == 1)
        #expect(diff.count(.thresholds) == 2)
        #expect(diff.count(.removed) == 1)
        #expect(diff.count(.added) == 0)
    }

    /// A rules author's trial (the older "stale criteria"): tuned.jsonc raises
    /// rights.contracts to 5 points with new bands and lowers org.members' target, and keeps
    /// their criteria (`签订率99%以上得3分…`, `完成50人得满分`), which no longer say what is scored.
    @Test("points or thresholds moved with the criteria text unchanged: said once per entry, under the changes")
    func staleCriteria() throws {
        let small = try RulesLoader().load(Fixtures.path("rules/valid/small.jsonc")).rules
        let tuned = try RulesLoader().load(Fixtures.path("rules/valid/tuned.jsonc")).rules
        let diff = RulesDiff.compare(small, tuned)
        #expect(diff.staleCriteria.map(\.id) == ["rights.contracts", "org.members"])
        let zh = RulesDiffCommand.text(diff, oldFile: "s", newFile: "t", lang: .zh)
        #expect(zh.contains("\n注意：以下各项的分值、门槛或公式改了，评分标准（criteria）的文字却没改，核对文字是否还与计分相符：`rights.contracts` 集体合同签订率、`org.members` 新发展会员\n\n合计："), "\(zh)")
        #expect(diff.json.objectValue?["staleCriteria"] == .array([.string("rights.contracts"), .string("org.members")]))
        // Criteria changed with the thresholds: nothing to say (Xicheng → Dongcheng rewrote each).
        let xicheng = try RulesLoader().load(Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path).rules
        let dongcheng = try RulesLoader().load(Fixtures.packageRoot.appendingPathComponent("rules/dongcheng-2019.jsonc").path).rules
        let rewritten = RulesDiff.compare(xicheng, dongcheng)
        #expect(!rewritten.staleCriteria.contains { $0.id == "rights.contracts" })
        // A formula moved under a text still saying 55% (a rules author's trial): named too.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-stale-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path
        try """
            { "format": 1, "extends": "\(base)", "id": "tuned", "title": "调整后", "issuer": "区总工会", "version": "2",
              "override": { "standards": [ { "id": "rights.mediation",
                "formula": "if disputes = 0 then 3 else 3 * min(1, disputes_mediated / disputes / 0.6)" } ] } }
            """.write(to: dir.appendingPathComponent("tuned.jsonc"), atomically: true, encoding: .utf8)
        let tunedFormula = try RulesLoader().load(dir.appendingPathComponent("tuned.jsonc").path).rules
        #expect(RulesDiff.compare(xicheng, tunedFormula).staleCriteria.map(\.id) == ["rights.mediation"])
    }

    @Test("a ballot standard's keys: target is what its ballots score, not a threshold; how many ballots count and are dropped are")
    func ballotKeys() throws {
        let path = Fixtures.path("rules/valid/small.jsonc")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let old = try RulesLoader().load(path).rules
        let changed = text.replacingOccurrences(of: #""points": 3, "method": "ballot" }"#,
                                                with: #""points": 3, "method": "ballot", "target": "area", "minBallots": 3, "trim": { "k": 2, "minBallots": 7 } }"#)
        #expect(changed != text)
        let new = try RulesLoader(readFile: { $0 == path ? changed : try RulesLoader.readFromDisk($0) }).load(path).rules
        let diff = RulesDiff.compare(old, new)
        let byField = Dictionary(uniqueKeysWithValues: diff.changes.map { ($0.field ?? "", $0) })
        #expect(byField["target"]?.kind == .changed)
        #expect(byField["minBallots"]?.kind == .thresholds)
        #expect(byField["trim"]?.kind == .thresholds)
        #expect(diff.changes.count == 3 && diff.changes.allSatisfy { $0.method == "ballot" && $0.id == "rights.ballot" })
        let zh = RulesDiffCommand.text(diff, oldFile: "old", newFile: "new", lang: .zh)
        #expect(zh.contains("维权工作评议：打分对象（target）：standard → area\n"))
        #expect(zh.contains("：最少票数（minBallots）：（无） → 3\n"))
        #expect(zh.contains("：去掉最高、最低分（trim）：（无） → {\"k\": 2, \"minBallots\": 7}\n"))
        #expect(!zh.contains("目标值"))
        #expect(diff.json.compact.contains(#""method": "ballot""#))
        // A trim both files have is compared key by key.
        let again = changed.replacingOccurrences(of: #""k": 2"#, with: #""k": 1"#)
        let newer = try RulesLoader(readFile: { $0 == path ? again : try RulesLoader.readFromDisk($0) }).load(path).rules
        let trimmed = RulesDiff.compare(new, newer)
        #expect(trimmed.changes.map(\.field) == ["trim.k"] && trimmed.changes.first?.kind == .thresholds)
        #expect(RulesDiffCommand.text(trimmed, oldFile: "a", newFile: "b", lang: .zh).contains("：去掉最高、最低票数（trim.k）：2 → 1\n"))
    }

    @Test("a file compared with itself has no differences")
    func identical() throws {
        let small = try RulesLoader().load(Fixtures.path("rules/valid/small.jsonc")).rules
        #expect(RulesDiff.compare(small, small).changes.isEmpty)
    }

    @Test("tuned → small reverses the direction: the removed standard is added back")
    func reversed() throws {
        let small = try RulesLoader().load(Fixtures.path("rules/valid/small.jsonc")).rules
        let tuned = try RulesLoader().load(Fixtures.path("rules/valid/tuned.jsonc")).rules
        let diff = RulesDiff.compare(tuned, small)
        let added = diff.changes.filter { $0.kind == .added }
        #expect(added.map(\.id) == ["rights.aid"])
        #expect(added.first?.new == "area rights, 2 points, count")
        #expect(diff.changes.first { $0.field == "points" }.map { ($0.old, $0.new) } ?? (nil, nil) == ("5", "3"))
    }

    @Test("the text of a diff is Chinese by default and English with --lang en, entry facts included")
    func bilingualText() throws {
        let small = try RulesLoader().load(Fixtures.path("rules/valid/small.jsonc")).rules
        let tuned = try RulesLoader().load(Fixtures.path("rules/valid/tuned.jsonc")).rules
        let diff = RulesDiff.compare(tuned, small)
        let zh = RulesDiffCommand.text(diff, oldFile: "t", newFile: "s", lang: .zh)
        #expect(zh.contains("\n  + 新增         `rights.aid` 法律援助（方面 rights，2 分，按数量计分（count））\n"))
        #expect(zh.contains("\n  ~ 调整门槛     `org.members` 新发展会员：目标值（target）：40 → 50\n"))
        #expect(zh.contains("\n  ~ 修改         截止日期（effective.to）：（无） → 2014-12-31\n"))
        #expect(zh.hasSuffix("\n合计：新增 1 处，调整分值 1 处，调整门槛 2 处，修改 6 处\n"))
        let en = RulesDiffCommand.text(diff, oldFile: "t", newFile: "s", lang: .en)
        #expect(en.contains("\n  + added            `rights.aid` 法律援助 (area rights, 2 points, count)\n"))
        #expect(en.contains("\n  ~ thresholds moved `org.members` 新发展会员: target: 40 → 50\n"))
        #expect(en.contains("\n  ~ changed          effective.to: (none) → 2014-12-31\n"))
        #expect(en.hasSuffix("\nSummary: 1 added, 1 re-weighted, 2 thresholds moved, 6 changed\n"))
    }

    /// Found by a rules author's trial: metric kinds were English words in the Chinese text, and
    /// the tie-break order printed as its JSON.
    @Test("a metric's kind in words, and the tie-break order as a list, not JSON")
    func kindsAndTieBreak() throws {
        let xicheng = try RulesLoader().load(Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path).rules
        let dongcheng = try RulesLoader().load(Fixtures.packageRoot.appendingPathComponent("rules/dongcheng-2019.jsonc").path).rules
        let diff = RulesDiff.compare(xicheng, dongcheng)
        let zh = RulesDiffCommand.text(diff, oldFile: "x", newFile: "d", lang: .zh)
        #expect(zh.contains("\n  + 新增         `new_members` 新发展会员数（计数）\n"), "\(zh)")
        #expect(zh.contains("（是/否）\n"))
        #expect(!zh.contains("新发展会员数（count）") && !zh.contains("[{"), "\(zh)")
        // The keys by the names each file gives them, as `rules show` lists them (a trial found
        // `ballots desc, area rights desc` in the Chinese text); the JSON keeps the keys.
        #expect(zh.contains("\n  ~ 修改         同分比较（tieBreak）：代表评分（高者优先）、“依法维权”得分（高者优先）、指标“会员总数”（高者优先）"
                            + " → 代表评分（高者优先）、“依法维权”得分（高者优先）、指标“新发展会员数”（高者优先）\n"), "\(zh)")
        let en = RulesDiffCommand.text(diff, oldFile: "x", newFile: "d", lang: .en)
        #expect(en.contains("\n  + added            `new_members` 新发展会员数 (count)\n"), "\(en)")
        #expect(en.contains("tieBreak: representatives' points (higher first), area 依法维权 (higher first), metric 会员总数 (higher first) → "), "\(en)")
        #expect(diff.json.rendered().contains("ballots desc, area rights desc, metric members desc"))
    }

    @Test("--format table is the text listing, as in show, compare and sensitivity; text stays its alias")
    func formatTable() {
        func run(_ extra: [String]) -> (ExitCode, String) {
            let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
            let code = CLI.run(["rules", "diff", "rules/xicheng-2014.jsonc", "rules/dongcheng-2019.jsonc"] + extra, console: console)
            return (code, console.stdout)
        }
        let plain = run([]), table = run(["--format", "table"]), text = run(["--format", "text"])
        #expect(table.0 == .success && text.0 == .success)
        #expect(table.1 == plain.1 && text.1 == plain.1)
        #expect(!plain.1.isEmpty)
    }

    @Test("a grade's quota is a percentage and not a threshold; a formula's key is named in Chinese")
    func quotaAndFormula() throws {
        // Dongcheng lowers 优秀's quota from 30% to 20% of the units.
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        #expect(CLI.run(["rules", "diff", "rules/xicheng-2014.jsonc", "rules/dongcheng-2019.jsonc"], console: console) == .success)
        #expect(console.stdout.contains("\n  ~ 修改         优秀：名额（quota）：30% → 20%\n"), "\(console.stdout)")
        // The 40/60 weighting of the representatives' part, as percentages, named in Chinese.
        #expect(console.stdout.contains("\n  ~ 修改         代表评分占比（combine.ballots）：（无） → 40%\n"))
        func rules(_ formula: String) -> String {
            RulesText.single(points: "5", metrics: RulesText.metric("x"), method: #""method": "expression", "formula": "\#(formula)""#)
        }
        let old = try RulesLoader(readFile: { _ in rules("x") }).load("/mem/a.jsonc").rules
        let new = try RulesLoader(readFile: { _ in rules("2 * x") }).load("/mem/b.jsonc").rules
        let zh = RulesDiffCommand.text(RulesDiff.compare(old, new), oldFile: "a", newFile: "b", lang: .zh)
        #expect(zh.contains("`s` 标准：计算公式（formula）：x → 2 * x\n"), "\(zh)")
        let en = RulesDiffCommand.text(RulesDiff.compare(old, new), oldFile: "a", newFile: "b", lang: .en)
        #expect(en.contains("`s` 标准: formula: x → 2 * x\n"), "\(en)")
    }

    /// Found by a tuner: areas re-weighted to 102 points, the grades still set for 100, and
    /// `rules diff` said nothing of the full marks.
    @Test("the full marks moved: one line above the changes, with the grades' thresholds when they did not move")
    func totalMoved() throws {
        let small = try RulesLoader().load(Fixtures.path("rules/valid/small.jsonc")).rules
        var tuned = small
        tuned.areas[0].points = tuned.areas[0].points + 2
        let diff = RulesDiff.compare(small, tuned)
        #expect(diff.newTotal == diff.oldTotal + 2)
        let text = RulesDiffCommand.text(diff, oldFile: "a.jsonc", newFile: "b.jsonc", lang: .zh)
        let mins = small.grades.compactMap { g in g.min.map { "\(g.name) \($0.plainText())" } }.joined(separator: "、")
        #expect(text.contains("满分：\(diff.oldTotal.plainText()) 分 → \(diff.newTotal.plainText()) 分；各等级的下限未变（\(mins) 分），请核对是否随之调整"), "\(text)")
        #expect(diff.json["totalPoints"]?["new"] == .string(diff.newTotal.plainText()))
        // The same full marks: no such line.
        #expect(!RulesDiffCommand.text(RulesDiff.compare(small, small), oldFile: "a", newFile: "a", lang: .zh).contains("满分"))
    }
}
