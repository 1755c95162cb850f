import Foundation
import Testing
@testable import KaimenKit

/// A tester's double entry: the second typist put two sheets' scores in each other's rows, and
/// `enter` listed fourteen conflicts one by one with nothing saying why. Since 0.29.4 a pair of
/// rows whose exchange would settle every conflict of their two sheets is said once, as a
/// warning at the first row naming both; the conflicts stay conflicts, settled as before.
@Suite("Double entry: two rows typed in each other's place are said once, as a pair", .serialized)
struct SwappedRowsTests {
    /// typed-b.csv (the sample's second typing) with the score cells of the rows starting
    /// `first` and `second` exchanged, ids kept.
    static func swapped(_ first: String, _ second: String, change: (String) -> String = { $0 }) throws -> String {
        var lines = try SampleSession.typed("b").split(separator: "\n").map(String.init)
        let i = try #require(lines.firstIndex { $0.hasPrefix(first) }), j = try #require(lines.firstIndex { $0.hasPrefix(second) })
        func split(_ line: String) -> (ids: ArraySlice<Substring>, scores: ArraySlice<Substring>) {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            return (cells.prefix(2), cells.dropFirst(2))
        }
        let (a, b) = (split(lines[i]), split(lines[j]))
        lines[i] = (a.ids + b.scores).joined(separator: ",")
        lines[j] = change((b.ids + a.scores).joined(separator: ","))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The sample session with typed-a.csv entered by 甲 and `second` by 乙: what 乙's entry printed.
    static func enter(_ second: String, first: String? = nil) throws -> (out: String, err: String, state: SessionState, s: SampleSession) {
        let s = try SampleSession()
        let a = try s.file("a.csv", try first ?? SampleSession.typed("a")), b = try s.file("b.csv", second)
        #expect(s.run("enter", [a, "--by", "甲"]).code == .success)
        let r = s.run("enter", [b, "--by", "乙"])
        #expect(r.code == .success, "\(r.err)")
        return (r.out, r.err, try s.state(), s)
    }

    static func conflicts(_ state: SessionState, _ rep: String, _ unit: String, items: [String]) -> [String] {
        state.decision(ExpectedBallots.Sheet(representative: rep, unit: unit), items: items).conflicts
    }

    @Test("two representatives' rows for one unit exchanged (R02 and R03 for X01, rows 3 and 4): one warning for the pair; the conflicts stand")
    func twoRepresentatives() throws {
        let r = try Self.enter(try Self.swapped("R02,X01,", "R03,X01,")); defer { r.s.remove() }
        let warnings = r.err.split(separator: "\n").filter { $0.contains("互换") }
        #expect(warnings.count == 1, "\(r.err)")
        // R02: 4,1,2,0.5,1,3.5,1.5,0.5 and R03: 3,0,1.5,1,1,1.5,2,2 differ on all but 劳模 (1, 1):
        // seven conflicts each, fourteen in all.
        #expect(warnings.first?.hasSuffix("b.csv 第 3 行 A 列（代表编号）：警告：第 3 行（R02 × X01）与第 4 行（R03 × X01）的评分看起来互换了：这两处的分数对调，两张评分表的 14 项不一致就都没有了；对照这两张纸质评分表，看是这次还是之前的录入放错了行；录入员不能改自己已录入的值：由第三名录入员按纸质评分表录入这两张，或用 `kaimen session resolve` 逐项裁定") == true, "\(r.err)")
        let items = try SessionFolder.open(r.s.dir, writable: false).setup.expected.items
        #expect(Self.conflicts(r.state, "R02", "X01", items: items).count == 7 && Self.conflicts(r.state, "R03", "X01", items: items).count == 7)
        #expect(!Self.conflicts(r.state, "R02", "X01", items: items).contains("models.ballot"))
        // Every conflict still listed, and R05 × X02's own (4 / 3) with no word of a swap.
        #expect(r.out.components(separatedBy: "  不一致：").count - 1 == 15, "\(r.out)")
    }

    @Test("two units' rows for one representative exchanged (R01's X01 and X02, rows 2 and 9), said in English too")
    func twoUnits() throws {
        let text = try Self.swapped("R01,X01,", "R01,X02,")
        let s = try SampleSession(); defer { s.remove() }
        #expect(s.run("enter", [try s.file("a.csv", SampleSession.typed("a")), "--by", "甲"]).code == .success)
        let r = s.run("enter", [try s.file("b.csv", text), "--by", "乙", "--lang", "en"])
        // X01 3.5,1.5,1,2,1.5,3,1,1.5 and X02 3.5,1.5,1,2,1.5,3.5,0,0.5 differ on 温暖, 互助 and 经费: 3 each.
        #expect(r.err.contains("b.csv row 2, column A (代表编号): warning: rows 2 (R01 × X01) and 9 (R01 × X02) look swapped: with their scores exchanged, all 6 conflicts of the two sheets would vanish"),
                "\(r.err)")
        #expect(r.err.components(separatedBy: "look swapped").count == 2)
    }

    @Test("a near miss: the rows exchanged and one score mistyped besides, so the exchange leaves a conflict: no word of a swap")
    func nearMiss() throws {
        // R02's values typed in R03's row, with R02's 经费 0.5 typed 1.5 besides.
        let text = try Self.swapped("R02,X01,", "R03,X01,") { line in
            var cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells[cells.count - 1] = "1.5"
            return cells.joined(separator: ",")
        }
        let r = try Self.enter(text); defer { r.s.remove() }
        #expect(!r.err.contains("互换"), "\(r.err)")
        #expect(r.out.components(separatedBy: "  不一致：").count - 1 == 15, "\(r.out)")
        // Nor a single sheet's conflict alone (R05 × X02, as the sample has it).
        let plain = try Self.enter(try SampleSession.typed("b")); defer { plain.s.remove() }
        #expect(!plain.err.contains("互换"), "\(plain.err)")
    }

    @Test("a long file: one standard's two rows for one representative exchanged (R01's 温暖工程 for X01 and X02, rows 7 and 15)")
    func longForm() throws {
        let keys = ["rights.ballot", "publicity", "safety.ballot", "democracy.ballot", "models.ballot", "warmth.ballot", "insurance.ballot", "audit.ballot"]
        let x01 = ["3.5", "1.5", "1", "2", "1.5", "3", "1", "1.5"], x02 = ["3.5", "1.5", "1", "2", "1.5", "3.5", "0", "0.5"]
        func long(_ a: [String], _ b: [String]) -> String {
            "representative,unit,standard,score\n" + zip(keys, a).map { "R01,X01,\($0),\($1)\n" }.joined() + zip(keys, b).map { "R01,X02,\($0),\($1)\n" }.joined()
        }
        var a2 = x01, b2 = x02
        (a2[5], b2[5]) = (x02[5], x01[5])
        let s = try SampleSession(); defer { s.remove() }
        #expect(s.run("enter", [try s.file("a.csv", long(x01, x02)), "--by", "甲"]).code == .success)
        let r = s.run("enter", [try s.file("b.csv", long(a2, b2)), "--by", "乙"])
        #expect(r.code == .success, "\(r.err)")
        // Header row 1, X01's eight rows 2–9, X02's 10–17: 温暖工程, the sixth, in rows 7 and 15.
        #expect(r.err.contains("b.csv 第 7 行 D 列（score）：警告：第 7 行（R01 × X01）与第 15 行（R01 × X02）的评分看起来互换了：这两处的分数对调，两张评分表的 2 项不一致就都没有了"), "\(r.err)")
    }

    @Test("swaps: a sheet that two others would each settle is no swap; sheets of neither one representative nor one unit are not paired")
    func ambiguous() {
        func sheet(_ r: String, _ u: String) -> ExpectedBallots.Sheet { ExpectedBallots.Sheet(representative: r, unit: u) }
        func entry(_ seq: Int, _ by: String, _ v: String) -> DoubleEntry.Entry { DoubleEntry.Entry(seq: seq, by: by, round: 1, scores: ["a": v]) }
        let decide = { (_: ExpectedBallots.Sheet, e: [DoubleEntry.Entry]) in DoubleEntry.decide(e, resolved: [:], items: ["a"], required: 2) }
        // First entry: A 1, B 2, C 2; second (seq 2): A 2, B 1, C 1. A fits B and C alike.
        let (a, b, c) = (sheet("R1", "U1"), sheet("R1", "U2"), sheet("R1", "U3"))
        let first = ["1", "2", "2"], second = ["2", "1", "1"]
        let entries = Dictionary(uniqueKeysWithValues: [a, b, c].enumerated().map { i, s in (s, [entry(1, "甲", first[i]), entry(2, "乙", second[i])]) })
        #expect(DoubleEntry.swaps([a, b, c], seq: 2, entries: entries, decide: decide).isEmpty)
        // A and B alone: one swap, its first sheet the first given.
        #expect(DoubleEntry.swaps([b, a], seq: 2, entries: entries, decide: decide).map { [$0.first, $0.second] } == [[b, a]])
        // Another representative and unit: not paired.
        let d = sheet("R2", "U2")
        let other = [a: entries[a]!, d: entries[b]!]
        #expect(DoubleEntry.swaps([a, d], seq: 2, entries: other, decide: decide).isEmpty)
    }
}
