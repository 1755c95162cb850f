import Foundation
import Testing
@testable import KaimenKit

/// Since 0.29.5: two standards of one sheet typed in each other's place (a long file's S05
/// score on S06's row and S06's on S05's; a wide row's two cells) made two conflicts with no
/// word that they were one mistake. A sheet whose only two conflicts an exchange of the two
/// scores would settle is said once (`entry-standards-swapped`); the conflicts stay conflicts.
@Suite("Double entry: two standards of one sheet typed in each other's place are said once, as a pair", .serialized)
struct SwappedStandardsTests {
    static let keys = ["rights.ballot", "publicity", "safety.ballot", "democracy.ballot", "models.ballot", "warmth.ballot", "insurance.ballot", "audit.ballot"]
    /// R01's sheets for X01 and X02, as typed-a.csv has them.
    static let x01 = ["3.5", "1.5", "1", "2", "1.5", "3", "1", "1.5"], x02 = ["3.5", "1.5", "1", "2", "1.5", "3.5", "0", "0.5"]

    /// A long file of R01's two sheets: header row 1, X01's rows 2–9, X02's 10–17.
    static func long(_ a: [String], _ b: [String]) -> String {
        "representative,unit,standard,score\n" + zip(keys, a).map { "R01,X01,\($0),\($1)\n" }.joined() + zip(keys, b).map { "R01,X02,\($0),\($1)\n" }.joined()
    }

    /// typed-b.csv with row `prefix`'s score cells `i` and `j` (0 the first standard) exchanged,
    /// then `change`d.
    static func wide(_ prefix: String, _ i: Int, _ j: Int, change: ([String]) -> [String] = { $0 }) throws -> String {
        var lines = try SampleSession.typed("b").split(separator: "\n").map(String.init)
        let k = try #require(lines.firstIndex { $0.hasPrefix(prefix) })
        var cells = lines[k].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells.swapAt(2 + i, 2 + j)
        lines[k] = change(cells).joined(separator: ",")
        return lines.joined(separator: "\n") + "\n"
    }

    /// 甲 enters `first`, 乙 `second`: what 乙's entry printed, and the session's state.
    static func enter(_ first: String, _ second: String, lang: [String] = []) throws -> (out: String, err: String, state: SessionState, s: SampleSession) {
        let s = try SampleSession()
        #expect(s.run("enter", [try s.file("a.csv", first), "--by", "甲"]).code == .success)
        let r = s.run("enter", [try s.file("b.csv", second), "--by", "乙"] + lang)
        #expect(r.code == .success, "\(r.err)")
        return (r.out, r.err, try s.state(), s)
    }

    static func conflicts(_ state: SessionState, _ unit: String) -> [String] {
        state.decision(ExpectedBallots.Sheet(representative: "R01", unit: unit), items: keys).conflicts
    }

    @Test("a long file: R01 × X01's 安全生产 (1) and 民主管理 (2) typed on each other's rows 4 and 5: one warning naming both rows and standards; both conflicts stand")
    func longForm() throws {
        var b = Self.x01
        b.swapAt(2, 3)
        let r = try Self.enter(Self.long(Self.x01, Self.x02), Self.long(b, Self.x02)); defer { r.s.remove() }
        let warnings = r.err.split(separator: "\n").filter { $0.contains("互换") }
        #expect(warnings.count == 1, "\(r.err)")
        #expect(warnings.first?.hasSuffix("/b.csv 第 4 行 D 列（score）：警告：R01 × X01 的评分表中，第 4 行（安全生产工作评价（职工代表评分））与第 5 行（民主管理工作评价（职工代表评分））的评分看起来互换了：这两项的分数对调，这张评分表的 2 项不一致就都没有了；对照这张纸质评分表，看是这次还是之前的录入把这两项填反了；录入员不能改自己已录入的值：由第三名录入员按纸质评分表录入这张，或用 `kaimen session resolve` 逐项裁定") == true,
                "\(r.err)")
        #expect(Self.conflicts(r.state, "X01") == ["safety.ballot", "democracy.ballot"])
        #expect(Self.conflicts(r.state, "X02").isEmpty)
        // Both listed as conflicts, and settled by `resolve` as any other.
        #expect(r.out.components(separatedBy: "  不一致：").count - 1 == 2, "\(r.out)")
        for (item, score) in [("safety.ballot", "1"), ("democracy.ballot", "2")] {
            let q = r.s.run("resolve", ["--rep", "R01", "--unit", "X01", "--standard", item, "--score", score, "--reason", "核对原表", "--by", "王秘书"])
            #expect(q.code == .success, "\(q.err)")
        }
        let after = try r.s.state().decision(ExpectedBallots.Sheet(representative: "R01", unit: "X01"), items: Self.keys)
        #expect(after.state == .confirmed && after.values["safety.ballot"] == "1" && after.values["democracy.ballot"] == "2")
    }

    @Test("a wide file: R01 × X01's cells E and F (安全生产 1, 民主管理 2) exchanged in row 2, said in English too; the conflicts stand")
    func wideForm() throws {
        let b = try Self.wide("R01,X01,", 2, 3)
        let r = try Self.enter(try SampleSession.typed("a"), b, lang: ["--lang", "en"]); defer { r.s.remove() }
        #expect(r.err.contains("b.csv row 2, column E (安全生产工作评价（职工代表评分）): warning: in R01 × X01's sheet, row 2, column E (安全生产工作评价（职工代表评分）) and column F (民主管理工作评价（职工代表评分）) look swapped: with their scores exchanged, the sheet's 2 conflicts would vanish"),
                "\(r.err)")
        #expect(r.err.components(separatedBy: "look swapped").count == 2, "\(r.err)")
        #expect(Self.conflicts(r.state, "X01") == ["safety.ballot", "democracy.ballot"])
    }

    @Test("near misses: the cells exchanged and 经费 mistyped besides (three conflicts), or one of the two mistyped (the exchange leaves one): no word")
    func nearMiss() throws {
        // 经费 1.5 typed 2: a third conflict.
        let third = try Self.wide("R01,X01,", 2, 3) { cells in var c = cells; c[9] = "2"; return c }
        let r = try Self.enter(try SampleSession.typed("a"), third); defer { r.s.remove() }
        #expect(!r.err.contains("互换"), "\(r.err)")
        #expect(Self.conflicts(r.state, "X01") == ["safety.ballot", "democracy.ballot", "audit.ballot"])
        // 安全生产's 1 typed 0.5 in 民主管理's cell: exchanged, 安全生产 is 0.5 against 1.
        let one = try Self.wide("R01,X01,", 2, 3) { cells in var c = cells; c[5] = "0.5"; return c }
        let q = try Self.enter(try SampleSession.typed("a"), one); defer { q.s.remove() }
        #expect(!q.err.contains("互换"), "\(q.err)")
        #expect(Self.conflicts(q.state, "X01") == ["safety.ballot", "democracy.ballot"])
    }

    @Test("two sheets, two standards: X01's 安全生产 (1) and X02's 民主管理 (2) typed in each other's place is neither pair of rows nor of standards")
    func acrossSheets() throws {
        var a = Self.x01, b = Self.x02
        (a[2], b[3]) = (Self.x02[3], Self.x01[2])
        let r = try Self.enter(Self.long(Self.x01, Self.x02), Self.long(a, b)); defer { r.s.remove() }
        // X01 has one conflict (安全生产 2 / 1), X02 one (民主管理 1 / 2): no sheet has two to exchange,
        // and the rows' rule (X01's and X02's 安全生产 and 民主管理 exchanged) gives X01 1 and 1 against 1 and 2.
        #expect(!r.err.contains("互换"), "\(r.err)")
        #expect(Self.conflicts(r.state, "X01") == ["safety.ballot"] && Self.conflicts(r.state, "X02") == ["democracy.ballot"])
    }

    @Test("one standard of two sheets typed in each other's rows is the rows' swap, not the standards'")
    func sameStandardAcrossSheets() throws {
        var a = Self.x01, b = Self.x02
        (a[5], b[5]) = (Self.x02[5], Self.x01[5])
        let r = try Self.enter(Self.long(Self.x01, Self.x02), Self.long(a, b)); defer { r.s.remove() }
        #expect(r.err.contains("第 7 行（R01 × X01）与第 15 行（R01 × X02）的评分看起来互换了"), "\(r.err)")
        #expect(!r.err.contains("的评分表中"), "\(r.err)")
    }

    @Test("swaps: a sheet's two standards exchanged; not said where a swap of rows would settle the sheet as well, nor with three entries that settle it")
    func unit() {
        func sheet(_ u: String) -> ExpectedBallots.Sheet { ExpectedBallots.Sheet(representative: "R1", unit: u) }
        func entry(_ seq: Int, _ by: String, _ x: String, _ y: String) -> DoubleEntry.Entry {
            DoubleEntry.Entry(seq: seq, by: by, round: 1, scores: ["x": x, "y": y, "z": "1"])
        }
        let decide = { (_: ExpectedBallots.Sheet, e: [DoubleEntry.Entry]) in DoubleEntry.decide(e, resolved: [:], items: ["x", "y", "z"], required: 2) }
        let (a, b) = (sheet("U1"), sheet("U2"))
        // A: 甲 x 1 y 2, 乙 (seq 2) x 2 y 1.
        let alone = [a: [entry(1, "甲", "1", "2"), entry(2, "乙", "2", "1")]]
        #expect(DoubleEntry.swaps([a], seq: 2, entries: alone, decide: decide)
                == [DoubleEntry.Swap(first: a, second: a, items: ["x", "y"], conflicts: 2)])
        #expect(DoubleEntry.swaps([a], seq: 2, entries: alone, decide: decide).first?.withinSheet == true)
        // Asked of the first entry instead: 甲's exchanged are 乙's, as well.
        #expect(DoubleEntry.swaps([a], seq: 1, entries: alone, decide: decide).count == 1)
        // B: 甲 x 2 y 1, 乙 x 1 y 2: A's and B's rows exchanged settle both, and so does each
        // sheet's own two standards exchanged: three fits, none said.
        let both = [a: alone[a]!, b: [entry(1, "甲", "2", "1"), entry(2, "乙", "1", "2")]]
        #expect(DoubleEntry.swaps([a, b], seq: 2, entries: both, decide: decide).isEmpty)
        // Three entries, two of them alike: the majority settles the sheet, no conflict, no swap.
        let three = [a: alone[a]! + [entry(3, "丙", "1", "2")]]
        #expect(DoubleEntry.swaps([a], seq: 2, entries: three, decide: decide).isEmpty)
    }

    // Since 0.29.6: a sheet whose conflicts all pair up, in one way only, into exchanges (two
    // swaps: four conflicts) has each pair named; before, nothing was said of it.

    @Test("a long file: R01 × X01's 安全生产/民主管理 (1, 2) and its 5th/7th standards (1.5, 1) each typed on the other's row: two warnings, one a pair")
    func longTwoPairs() throws {
        var b = Self.x01
        b.swapAt(2, 3)
        b.swapAt(4, 6)
        let r = try Self.enter(Self.long(Self.x01, Self.x02), Self.long(b, Self.x02)); defer { r.s.remove() }
        let warnings = r.err.split(separator: "\n").filter { $0.contains("互换") }
        #expect(warnings.count == 2, "\(r.err)")
        #expect(warnings.first?.contains("/b.csv 第 4 行 D 列（score）：警告：R01 × X01 的评分表中，第 4 行（安全生产工作评价（职工代表评分））与第 5 行（民主管理工作评价（职工代表评分））的评分看起来互换了") == true, "\(r.err)")
        #expect(warnings.last?.contains("/b.csv 第 6 行 D 列（score）：警告：R01 × X01 的评分表中，第 6 行") == true, "\(r.err)")
        #expect(warnings.last?.contains("与第 8 行") == true, "\(r.err)")
        #expect(Self.conflicts(r.state, "X01") == ["safety.ballot", "democracy.ballot", "models.ballot", "insurance.ballot"])
    }

    @Test("a wide file: R01 × X01's cells E/F and G/I exchanged in row 2, said in English as two pairs")
    func wideTwoPairs() throws {
        let b = try Self.wide("R01,X01,", 2, 3) { cells in var c = cells; c.swapAt(6, 8); return c }
        let r = try Self.enter(try SampleSession.typed("a"), b, lang: ["--lang", "en"]); defer { r.s.remove() }
        #expect(r.err.components(separatedBy: "look swapped").count == 3, "\(r.err)")
        #expect(r.err.contains("b.csv row 2, column E (安全生产工作评价（职工代表评分）): warning: in R01 × X01's sheet, row 2, column E"), "\(r.err)")
        #expect(r.err.contains("b.csv row 2, column G ("), "\(r.err)")
        #expect(r.err.contains("and column I ("), "\(r.err)")
        #expect(Self.conflicts(r.state, "X01").count == 4)
    }

    @Test("swaps: four conflicts in one pairing are two swaps; two pairings, a conflict left over, or five: none")
    func pairs() {
        let s = ExpectedBallots.Sheet(representative: "R1", unit: "U1")
        let items = ["x", "y", "z", "w", "u", "v"]
        func entry(_ seq: Int, _ values: [String]) -> DoubleEntry.Entry {
            DoubleEntry.Entry(seq: seq, by: seq == 1 ? "甲" : "乙", round: 1,
                              scores: Dictionary(uniqueKeysWithValues: zip(items, values + Array(repeating: "9", count: items.count - values.count)).map { ($0, Optional($1)) }))
        }
        let decide = { (_: ExpectedBallots.Sheet, e: [DoubleEntry.Entry]) in DoubleEntry.decide(e, resolved: [:], items: items, required: 2) }
        func swaps(_ a: [String], _ b: [String]) -> [DoubleEntry.Swap] {
            DoubleEntry.swaps([s], seq: 2, entries: [s: [entry(1, a), entry(2, b)]], decide: decide)
        }
        // x↔y and z↔w: the one pairing (x with z or w fits neither way).
        #expect(swaps(["1", "2", "3", "4"], ["2", "1", "4", "3"])
                == [DoubleEntry.Swap(first: s, second: s, items: ["x", "y"], conflicts: 2), DoubleEntry.Swap(first: s, second: s, items: ["z", "w"], conflicts: 2)])
        // Values 1, 2, 1, 2 typed 2, 1, 2, 1: x↔y with z↔w fits, and so does x↔w with y↔z: two pairings, none said.
        #expect(swaps(["1", "2", "1", "2"], ["2", "1", "2", "1"]).isEmpty)
        // Two pairs and a third conflict (u 5 typed 6): none.
        #expect(swaps(["1", "2", "3", "4", "5"], ["2", "1", "4", "3", "6"]).isEmpty)
        // Two pairs and two conflicts that do not pair (u 5/7, v 6/8): none.
        #expect(swaps(["1", "2", "3", "4", "5", "6"], ["2", "1", "4", "3", "7", "8"]).isEmpty)
        // Three pairs: three swaps.
        #expect(swaps(["1", "2", "3", "4", "5", "6"], ["2", "1", "4", "3", "6", "5"]).map(\.items) == [["x", "y"], ["z", "w"], ["u", "v"]])
    }
}
