import Foundation
import Testing
@testable import KaimenKit

/// Found by a rules author's trial: an extending file removed the standards that read two
/// metrics and not the metrics, and every union was still asked for their columns, unsaid.
@Suite("Metrics nothing reads: a warning in rules check")
struct UnreadMetricCheckTests {
    /// `rules/xicheng-2014.jsonc` and an extending file (`dongcheng-2019.jsonc` edited by `edit`)
    /// written side by side in a new folder, passed to `body`.
    static func withRules<T>(xicheng: @escaping (String) -> String = { $0 }, dongcheng: @escaping (String) -> String = { $0 },
                             _ body: (URL) throws -> T) throws -> T {
        let root = Fixtures.packageRoot.appendingPathComponent("rules")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-unread-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, edit) in [("xicheng-2014.jsonc", xicheng), ("dongcheng-2019.jsonc", dongcheng)] {
            let text = try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
            try Data(edit(text).utf8).write(to: dir.appendingPathComponent(name))
        }
        try FileManager.default.copyItem(at: root.appendingPathComponent("schema.json"), to: dir.appendingPathComponent("schema.json"))
        return try body(dir)
    }

    @Test("the bundled rules files read every metric they declare")
    func bundled() throws {
        for name in ["xicheng-2014.jsonc", "dongcheng-2019.jsonc"] {
            let rules = try RulesLoader().load(Fixtures.packageRoot.appendingPathComponent("rules/\(name)").path).rules
            #expect(UnreadMetricCheck.rulesWarnings(rules).isEmpty, "\(name)")
        }
    }

    @Test("standards removed, their metrics not: one warning each, at the base's declaration, the fix in the extending file")
    func removedStandardsKeptMetrics() throws {
        let kept = #"""
            "standards": ["organization.station", "publicity.signature"],
            // 上述两条标准删除后不再使用的指标。
            "metrics": ["station_stars", "signature_activities"]
        """#
        try Self.withRules(dongcheng: { text in
            #expect(text.contains(kept))
            return text.replacingOccurrences(of: kept, with: #"    "standards": ["organization.station", "publicity.signature"]"#)
        }) { dir in
            let rules = try RulesLoader().load(dir.appendingPathComponent("dongcheng-2019.jsonc").path).rules
            let w = UnreadMetricCheck.rulesWarnings(rules)
            #expect(w.map(\.code) == ["metric-unread", "metric-unread"])
            #expect(w.map(\.severity) == [.warning, .warning])
            #expect(w.first?.text.zh == "指标 `station_stars`（服务站星级评定结果）没有任何标准、加分项、扣分项、否决项或同分比较读取，单位文件缺这一列时仍会得到提示")
            #expect(w.first?.hintText?.zh == "如果读取它的项已删去或已改读别的指标，在 dongcheng-2019.jsonc 的 `remove.metrics` 中一并删去 `station_stars`；仍要用它，就让某一项读取它")
            #expect(w.first?.location?.file.hasSuffix("xicheng-2014.jsonc") == true)
            #expect(w.first?.location?.line == 38)
            // signature_activities must be filled in (an empty cell is an error): its column must be there.
            #expect(w.last?.text.en.hasPrefix("metric `signature_activities` (") == true && w.last?.text.en.hasSuffix("yet the units file must still have its column") == true)
            // The command prints them and still passes: legal, only wasteful.
            let console = BufferConsole(currentDirectory: dir.path)
            #expect(CLI.run(["rules", "check", "dongcheng-2019.jsonc"], console: console) == .success)
            #expect(console.stderr.contains("xicheng-2014.jsonc:38:5: 警告：指标 `station_stars`（服务站星级评定结果）没有任何标准"), "\(console.stderr)")
            #expect(console.stderr.components(separatedBy: "警告：指标").count == 3, "\(console.stderr)")
        }
    }

    /// A tester's rules file with 120 000 metrics nothing reads printed 120 002 lines under
    /// `rules check`; errors were capped at 200 a kind, warnings not.
    @Test("rules check prints at most 200 warnings of a kind, and counts the rest in one line")
    func warningsCapped() throws {
        let anchor = #"    { "id": "station_stars","#
        // 250 spare metrics, none read: 250 warnings of one kind, 200 listed and 50 counted.
        let extra = (1...250).map { #"    { "id": "spare_\#($0)", "name": "备用\#($0)", "kind": "count" },"# + "\n" }.joined()
        try Self.withRules(xicheng: { text in
            #expect(text.contains(anchor))
            return text.replacingOccurrences(of: anchor, with: extra + anchor)
        }) { dir in
            let console = BufferConsole(currentDirectory: dir.path)
            #expect(CLI.run(["rules", "check", "xicheng-2014.jsonc"], console: console) == .success)
            #expect(console.stderr.components(separatedBy: "警告：指标 `spare_").count - 1 == 200, "\(console.stderr.suffix(400))")
            #expect(console.stderr.contains("……另有 50 条同类警告（代码 metric-unread，说明见 docs/diagnostics.md）未列出"), "\(console.stderr.suffix(400))")
        }
    }

    @Test("a metric in the file's own declarations that nothing reads: the hint is the file's own metrics; one read only by a veto, a tie-break or a deduction's precondition is read")
    func ownMetric() throws {
        let anchor = #"    { "id": "station_stars","#
        let extra = #"    { "id": "spare_count", "name": "备用计数", "kind": "count" },"# + "\n"
        try Self.withRules(xicheng: { text in
            #expect(text.contains(anchor))
            return text.replacingOccurrences(of: anchor, with: extra + anchor)
        }) { dir in
            let rules = try RulesLoader().load(dir.appendingPathComponent("xicheng-2014.jsonc").path).rules
            let w = UnreadMetricCheck.rulesWarnings(rules)
            #expect(w.map(\.text.zh) == ["指标 `spare_count`（备用计数）没有任何标准、加分项、扣分项、否决项或同分比较读取，单位文件却仍须有这一列"])
            #expect(w.first?.hintText?.en == "remove it from `metrics` if it is not needed; to keep it, have an entry read it")
            #expect(w.first?.location?.line == 38)
            // Read by a tie-break only: read.
            var tied = rules
            tied.ranking.tieBreak.append(.init(key: .metric("spare_count"), descending: true, origin: tied.ranking.tieBreak.first!.origin))
            #expect(UnreadMetricCheck.rulesWarnings(tied).isEmpty)
            // By a veto only: read.
            var vetoed = rules
            vetoed.vetoes[0].when.metricIDs.append("spare_count")
            #expect(UnreadMetricCheck.rulesWarnings(vetoed).isEmpty)
            // By a deduction's precondition only: read.
            var guarded = rules
            var when = guarded.vetoes[0].when
            when.metricIDs = ["spare_count"]
            guarded.deductions[0].precondition = Precondition(when: when, note: nil)
            #expect(UnreadMetricCheck.rulesWarnings(guarded).isEmpty)
        }
    }
}
