import Foundation
import Testing
@testable import KaimenKit

/// Every field of a seal that `verify` can work out again is checked, and named when it differs.
/// Found by a hostile test: X05's and X08's ranks swapped in the seal (or X08's total set to
/// 99.99), every hash recomputed, and `verify` said 核验通过 while `status` and `explain
/// --session` showed the forged ranks; a `journalHead` of 64 zeros passed too.
@Suite("Verify: a seal's every field", .serialized)
struct SealFieldTests {
    typealias P = SessionPathTests

    /// The closed sample with the seal changed by `change` and the chain rehashed: verify fails
    /// and says `text` at the seal's line (3).
    static func expectForged(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation,
                             _ change: @escaping (inout [String: JSONOut]) -> Void) throws {
        let s = try P.closed(); defer { s.remove() }
        try #require(s.run("verify", []).code == .success, sourceLocation: sourceLocation)
        try P.forge(s) { P.setSeal(&$0, change) }
        let r = s.run("verify", [])
        #expect(r.code == .failure, sourceLocation: sourceLocation)
        #expect(!r.out.contains("核验通过"), "\(r.out)", sourceLocation: sourceLocation)
        #expect(r.err.contains("journal.jsonl:3:1: 错误：" + text), "\(r.err)", sourceLocation: sourceLocation)
    }

    /// `unit`'s entry of the seal's ranking, changed by `change`.
    static func setRanking(_ o: inout [String: JSONOut], _ unit: String, _ change: (inout [String: JSONOut]) -> Void) {
        guard case .object(var ranking) = o["ranking"], case .object(var entry) = ranking[unit] else {
            Issue.record("no ranking for \(unit)")
            return
        }
        change(&entry)
        ranking[unit] = .object(entry)
        o["ranking"] = .object(ranking)
    }

    @Test("X05's and X08's ranks swapped in the seal: named, unit by unit")
    func ranksSwapped() throws {
        try Self.expectForged("封存记录 3 的字段 `ranking`（名次、总分和等级）与按日志重新计算的结果不符：") { o in
            let a = o["ranking"]?["X05"]?["rank"], b = o["ranking"]?["X08"]?["rank"]
            Self.setRanking(&o, "X05") { $0["rank"] = b }
            Self.setRanking(&o, "X08") { $0["rank"] = a }
        }
    }

    @Test("X08's total set to 99.99 in the seal: the sealed and the recomputed figure")
    func totalChanged() throws {
        let s = try P.closed(); defer { s.remove() }
        let total = try #require(try SessionFolder.open(s.dir, writable: false).state.seals.last?.content["ranking"]?["X08"]?["total"]?.stringValue)
        try P.forge(s) { P.setSeal(&$0) { o in Self.setRanking(&o, "X08") { $0["total"] = .string("99.99") } } }
        let r = s.run("verify", [])
        #expect(r.code == .failure)
        #expect(r.err.contains("`X08` 的总分（total）封存为 `99.99`，按日志应为 `\(total)`"), "\(r.err)")
        let en = SampleSession.run(["session", "verify", s.path, "--lang", "en"])
        #expect(en.err.contains("`X08`'s total is sealed as `99.99`, the journal gives `\(total)`"), "\(en.err)")
    }

    @Test("a unit dropped from the seal's ranking")
    func unitDropped() throws {
        try Self.expectForged("封存记录 3 的字段 `ranking`（名次、总分和等级）与按日志重新计算的结果不符：`X08` 不在封存的 ranking 中") { o in
            guard case .object(var ranking) = o["ranking"] else { return }
            ranking["X08"] = nil
            o["ranking"] = .object(ranking)
        }
    }

    @Test("a journalHead of 64 zeros: the hash of the record before the seal is named")
    func journalHeadZeros() throws {
        let s = try P.closed(); defer { s.remove() }
        try P.forge(s) { P.setSeal(&$0) { $0["journalHead"] = .string(JournalRecord.zeroHash) } }
        let r = s.run("verify", [])
        #expect(r.code == .failure)
        let before = try #require(s.journalLines.dropFirst().first.flatMap { try? JournalRecord.parse($0).get() })
        #expect(r.err.contains("journal.jsonl:3:1: 错误：封存记录 3 的字段 `journalHead` 与日志不符：封存记录中为 `\(JournalRecord.zeroHash)`，应为前一条记录（记录 2）的哈希 `\(before.hash)`"), "\(r.err)")
    }

    @Test("the other fields: version, lang, inputs, uncounted, acceptMissing, a key close never writes, one it always writes",
          arguments: ["version", "lang", "inputs", "uncounted", "acceptMissing", "extra", "missing"])
    func otherFields(_ field: String) throws {
        let expected = [
            "version": "封存记录 3 的字段 `version` 与日志不符：封存记录中为 `2`，这是会话的第 1 次封存，应为 1",
            "lang": "封存记录 3 的字段 `lang` 与日志不符：封存记录中为 `fr`，应为 `zh` 或 `en`",
            "inputs": "封存记录 3 的字段 `inputs` 与日志不符：封存记录中为 `inputs/units.csv`，这些输入副本的哈希与建立会话时（记录 1）所记的不同",
            "uncounted": "封存记录 3 的字段 `uncounted` 与日志不符：封存记录中为 `[\"R01×X01\"]`，按日志，封存时未确认的评分表为 []（共 0 张）",
            "acceptMissing": "封存记录 3 的字段 `acceptMissing` 与日志不符：封存记录中为 `理由`，按日志，封存时每张评分表都已确认，应为 null",
            "extra": "封存记录 3 的字段 `approvedBy` 与日志不符：封存记录中为 `主席`，kaimen 的封存记录没有这个字段",
            "missing": "封存记录 3 的字段 `journalHead` 与日志不符：封存记录中为 `—`，kaimen 的封存记录都有这个字段，这里却没有",
        ][field]!
        try Self.expectForged(expected) { o in
            switch field {
            case "version": o["version"] = .num(2); o["results"] = .string("results/v2")
                o["outputs"] = .object((o["outputs"]?.objectValue ?? [:]).reduce(into: [:]) { $0[$1.key.replacingOccurrences(of: "results/", with: "results/v2/")] = $1.value })
            case "lang": o["lang"] = .string("fr")
            case "inputs": if case .object(var inputs) = o["inputs"] { inputs["inputs/units.csv"] = .string(String(repeating: "a", count: 64)); o["inputs"] = .object(inputs) }
            case "uncounted": o["uncounted"] = .array([.string("R01×X01")])
            case "acceptMissing": o["acceptMissing"] = .string("理由")
            case "extra": o["approvedBy"] = .string("主席")
            default: o["journalHead"] = nil
            }
        }
    }

    @Test("seals as close wrote them still verify: with a sheet left uncounted, and before and after an appeal")
    func genuineSealsPass() throws {
        let s = try SampleSession(); defer { s.remove() }
        try s.closeThenAppealX04()
        #expect(s.run("verify", []).code == .success)
        let t = try SampleSession(); defer { t.remove() }
        let a = try t.file("a.csv", SampleSession.typed("a") { !$0.hasPrefix("R20,X07,") })
        let b = try t.file("b.csv", SampleSession.typed("b") { !$0.hasPrefix("R20,X07,") })
        t.run("enter", [a, "--by", "甲"]); t.run("enter", [b, "--by", "乙"])
        t.run("resolve", ["--rep", "R05", "--unit", "X02", "--standard", "rights.ballot", "--score", "4", "--reason", "核对原表", "--by", "王秘书"])
        try #require(t.run("close", ["--by", "王秘书", "--accept-missing", "评分表遗失"]).code == .success)
        let r = t.run("verify", [])
        #expect(r.code == .success, "\(r.err)")
    }
}
