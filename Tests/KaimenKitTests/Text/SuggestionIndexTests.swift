import Foundation
import Testing
@testable import KaimenKit

/// The index behind "did you mean" for unknown ids answers exactly as `Suggestion.closest` over
/// the sorted candidates, only faster.
@Suite("Suggestion index: the same answers as Suggestion.closest")
struct SuggestionIndexTests {
    static let candidates = ["X01", "X02", "X10", "U00001", "W00001", "members", "member_rate", "Members", "甲单位", "甲单位工会",
                             "rights.ballot", "rights", "ab", "a", "contracts_signed", "é", "e\u{301}x"]

    @Test("every word gets Suggestion.closest's answer over the sorted candidates", arguments: [
        "X1", "x01", "X03", "X001", "U00002", "V00001", "membres", "mem", "member", "MEMBERS", "甲单", "甲单位工", "乙单位",
        "rights.balot", "right", "rigths", "b", "A", "abc", "contract", "contracts_signed_by_all", "", "é", "ex", "zzzzzz",
        String(repeating: "X01", count: 30), String(repeating: "m", count: 65),
    ])
    func sameAnswers(_ word: String) {
        var index = SuggestionIndex { Self.candidates }
        #expect(index.closest(to: word) == Suggestion.closest(to: word, among: Self.candidates.sorted()), "\(word)")
        // Asked again: the remembered answer.
        #expect(index.closest(to: word) == Suggestion.closest(to: word, among: Self.candidates.sorted()))
    }

    @Test("random words against random ids agree, seeded")
    func randomAgreement() {
        var rng = SplitMix64(seed: 9)
        let alphabet = Array("abXU01_.甲乙")
        func word(_ n: Int) -> String { String((0 ..< n).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }) }
        let ids = (0 ..< 300).map { _ in word(2 + Int(rng.next() % 6)) }
        var index = SuggestionIndex { ids }
        for _ in 0 ..< 300 {
            let w = word(1 + Int(rng.next() % 8))
            #expect(index.closest(to: w) == Suggestion.closest(to: w, among: ids.sorted()), "\(w)")
        }
    }

    @Test("the bounded distance is exact within the limit and above it beyond", arguments: [
        ("piont", "point", 1), ("abcdef", "abcdef", 0), ("abcdef", "badcfe", 3), ("kitten", "sitting", 3), ("ab", "ba", 1), ("", "abc", 3),
    ])
    func boundedDistance(_ a: String, _ b: String, _ exact: Int) {
        let codes = { (s: String) in s.unicodeScalars.map { Int32($0.value) } }
        let rows = UnsafeMutablePointer<Int>.allocate(capacity: 3 * 16)
        defer { rows.deallocate() }
        for limit in 0 ... 3 {
            let d = codes(a).withUnsafeBufferPointer { x in codes(b).withUnsafeBufferPointer { SuggestionIndex.distance(x, $0, limit: limit, rows: rows) } }
            #expect(exact <= limit ? d == exact : d > limit, "\(a) \(b) limit \(limit): \(d)")
        }
        #expect(Suggestion.distance(a, b) == exact)
    }
}

/// `R28` typed on a ballot was answered 是不是 `R08`？ (a secretary's test): `R18` and `R20`–`R27`
/// are as near, and the first in sorted order was named. An unknown id with no one nearest
/// now gets what the ids are instead (`R01`–`R27`), when they have that shape.
@Suite("An unknown id with several nearest ids")
struct TiedSuggestionTests {
    @Test("didYouMeanOnly names one nearest id, none when several are as near; closest still answers")
    func only() {
        let ids = (1 ... 27).map { String(format: "R%02d", $0) }
        var index = SuggestionIndex { ids }
        #expect(index.didYouMeanOnly("R28") == nil)
        #expect(index.closest(to: "R28") == "R08")
        #expect(index.didYouMeanOnly("R2 7")?.zh.contains("`R27`") == true)
        // R05, R15 and R25 are as near, but R05 is R5 with its number padded.
        #expect(index.didYouMeanOnly("R5")?.zh.contains("`R05`") == true)
        #expect(SuggestionIndex.lookalikes("X0O1") == "x1" && SuggestionIndex.lookalikes("R10") == "r10" && SuggestionIndex.lookalikes("R0") == "r0")
        // As close as nine others, but alike to the eye: `l` typed for `1`, `O` for `0`.
        #expect(index.didYouMeanOnly("R0l")?.zh.contains("`R01`") == true)
        #expect(index.didYouMeanOnly("R2I")?.zh.contains("`R21`") == true)
        #expect(index.didYouMeanOnly("RO5")?.zh.contains("`R05`") == true)
        var units = SuggestionIndex { ["X01", "X02", "X03"] }
        #expect(units.didYouMeanOnly("X10")?.zh.contains("`X01`") == true)
    }

    @Test("the ids' range, for one prefix and numbers of one width only")
    func range() {
        #expect(ReaderMessages.idRange(ReaderMessages.IDSpan(["R02", "R01", "R27"]), typed: "R28", units: false)?.zh == "名单上的代表编号从 `R01` 到 `R27`")
        #expect(ReaderMessages.idRange(ReaderMessages.IDSpan(["X01", "X02", "X09"]), typed: "X1", units: true)?.en == "the unit ids run from `X01` to `X09`")
        #expect(ReaderMessages.idRange(ReaderMessages.IDSpan(["R01", "R02"]), typed: "R28", units: false) == nil)
        #expect(ReaderMessages.idRange(ReaderMessages.IDSpan(["R01", "R02", "R100"]), typed: "R28", units: false) == nil)
        #expect(ReaderMessages.idRange(ReaderMessages.IDSpan(["R01", "S02", "R03"]), typed: "R28", units: false) == nil)
        #expect(ReaderMessages.idRange(ReaderMessages.IDSpan(["张三", "李四", "王五"]), typed: "R28", units: false) == nil)
        // An id of the shape inside the range (R15 left out of the roster) is not told the range.
        #expect(ReaderMessages.idRange(ReaderMessages.IDSpan(["R01", "R14", "R16", "R27"]), typed: "R15", units: false) == nil)
    }

    @Test("a ballots file: R28 is told the roster's range, R5 asked about R05, X10 about X01")
    func ballots() throws {
        var text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("samples/xicheng-2014/ballots.csv"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\nR27,", with: "\nR28,").replacingOccurrences(of: "\nR05,", with: "\nR5,")
            .replacingOccurrences(of: ",X03,", with: ",X10,")
        let problems = BulkBallotsReaderTests.xicheng.checked(Array(text.utf8)).diagnostics.map { $0.rendered(.zh) }
        #expect(problems.contains { $0.contains("投票人 `R28` 不在代表名单上") && $0.hasSuffix("；名单上的代表编号从 `R01` 到 `R27`") }, "\(problems)")
        #expect(problems.contains { $0.contains("投票人 `R5` 不在代表名单上") && $0.hasSuffix("；是不是 `R05`？") }, "\(problems)")
        #expect(problems.contains { $0.contains("选票打分的单位 `X10` 不在单位文件里") && $0.hasSuffix("；是不是 `X01`？") }, "\(problems)")
    }
}

/// Another district's ballots given with this session's units were 267 errors, each asking
/// 是不是 `X01`？ for `D01` (a secretary's test). A file none of whose units (or voters) is
/// known is said to be one, once.
@Suite("A ballots file of another assessment")
struct OtherAssessmentTests {
    @Test("Dongcheng's ballots with Xicheng's units: one error naming the first ids and their count")
    func otherDistrict() throws {
        let bytes = Array(try Data(contentsOf: Fixtures.packageRoot.appendingPathComponent("samples/dongcheng-2019/ballots.csv")))
        let problems = BulkBallotsReaderTests.xicheng.checked(bytes).diagnostics
        #expect(problems.map(\.code) == ["unknown-unit"], "\(problems.map { $0.rendered(.zh) })")
        #expect(problems.first?.rendered(.zh) == "ballots.csv 第 2 行 B 列（unit）：错误：选票里的单位编号没有一个在单位文件里（`D01`、`D04`、`D07`、`D02`、`D05` 等 9 个）：这像是另一场考核（另一个区或另一年）的选票；核对选票和单位文件是不是同一场考核的")
        #expect(problems.first?.rendered(.en).contains("no unit the ballots name is in the units file (`D01`, `D04`, `D07`, `D02`, `D05` and others, 9 in all)") == true)
    }

    @Test("no voter known: said of the roster; one unknown id, or some known, keeps the ordinary errors")
    func voters() {
        let header = "representative,unit,standard,score\n"
        let strangers = header + "Q01,X01,publicity,1\nQ02,X01,publicity,1\nQ01,X02,publicity,1\n"
        let none = BulkBallotsReaderTests.xicheng.checked(Array(strangers.utf8)).diagnostics
        #expect(none.map(\.code) == ["unknown-representative"])
        #expect(none.first?.rendered(.zh).contains("选票里的投票人没有一个在代表名单上（`Q01`、`Q02`）") == true, "\(none.map { $0.rendered(.zh) })")
        let one = BulkBallotsReaderTests.xicheng.checked(Array((header + "R01,D01,publicity,1\nR02,D01,publicity,1\n").utf8)).diagnostics
        #expect(one.map(\.code) == ["unknown-unit"] && one.first?.rendered(.zh).contains("选票打分的单位 `D01` 不在单位文件里") == true)
        let some = BulkBallotsReaderTests.xicheng.checked(Array((header + "R01,D01,publicity,1\nR01,D02,publicity,1\nR01,X01,publicity,1\n").utf8)).diagnostics
        #expect(some.map(\.code) == ["unknown-unit", "unknown-unit"])
    }

    @Test("every unit written full-width, in the other case or by name: this file's mistake, said cell by cell as before")
    func ownMistakes() {
        let header = "representative,unit,standard,score\n"
        for (rows, hint) in [("R01,Ｘ０１,publicity,1\nR01,Ｘ０２,publicity,1\n", "半角"), ("R01,x01,publicity,1\nR01,x02,publicity,1\n", "只差大小写"),
                             ("R01,陶然亭街道总工会,publicity,1\nR01,什刹海街道总工会,publicity,1\n", "X09")] {
            let problems = BulkBallotsReaderTests.xicheng.checked(Array((header + rows).utf8)).diagnostics.map { $0.rendered(.zh) }
            #expect(problems.count == 2 && problems.allSatisfy { !$0.contains("另一场考核") }, "\(problems)")
            #expect(problems.first?.contains(hint) == true, "\(problems)")
        }
    }
}

/// The same rule for an id given on the command line (`session resolve --rep`) or in a
/// schedule: no one of several equally near ids is named (a reviewer's finding).
@Suite("The one-nearest rule outside the ballots file")
struct OnlyNearestElsewhereTests {
    @Test("a schedule's U4 among U1–U3 names none of them, but their range; U0l names U01")
    func schedule() {
        let r = ScheduleFixture.read("group,unit\n一组,U4\n二组,U1\n")
        let d = r.diagnostics.first { $0.code == "unknown-unit" }
        #expect(d?.hintText?.zh == "单位编号从 `U1` 到 `U3`", "\(r.diagnostics.map { $0.rendered(.zh) })")
        var hints = UnknownIDHints(units: true) { ["U01", "U02", "U03"] }
        #expect(hints.hint("U0l")?.zh == "是不是 `U01`？")
    }

    @Test("session resolve --rep R28 is told the roster's range, --rep R5 asked about R05")
    func resolveRep() throws {
        let s = try SampleSession(); defer { s.remove() }
        for (rep, hint) in [("R28", "名单上的代表编号从 `R01` 到 `R27`"), ("R5", "是不是 `R05`？")] {
            let r = s.run("resolve", ["--rep", rep, "--unit", "X02", "--standard", "rights.ballot", "--score", "4", "--reason", "r", "--by", "王秘书"])
            #expect(r.code == .failure && r.err.contains(hint), "\(r.err)")
        }
    }
}
