import Foundation
import Testing
@testable import KaimenKit

/// Recusal (回避) cannot slip: a roster may name a representative's unit by id or by its exact
/// name, in full-width forms too; a near miss is an error, an outside unit a note; a declared
/// conflict recuses the same way. One ballot standard `b` (3 points), scored by the plain mean.
@Suite("Recusal: by id, by name, near misses, outside units and declared conflicts")
struct RecusalTests {
    static let rules = BallotScoringTests.rules(policy: #""aggregate": "mean", "minBallots": 1"#)
    static let units = "id,name,n\nJ04,北京荷花市场餐饮管理有限公司工会,0\nJ05,西城区德胜商贸集团有限公司工会,0\n"
    /// R1 scores J04 3, R2 scores it 2, R3 scores it 1; everybody scores J05 3.
    static let ballots = "representative,unit,standard,score\nR1,J04,b,3\nR2,J04,b,2\nR3,J04,b,1\nR1,J05,b,3\nR2,J05,b,3\nR3,J05,b,3\n"

    static func roster(_ r1Units: String, conflicts: String? = nil) -> String {
        let head = conflicts == nil ? "id,name,group,units\n" : "id,name,group,units,conflicts\n"
        let tail = conflicts == nil ? "" : ","
        return head + "R1,王建国,一组,\(r1Units)\(conflicts.map { "," + $0 } ?? "")\nR2,李秀英,一组,\(tail)\nR3,张丽华,一组,\(tail)\n"
    }

    static func session(_ roster: String, strict: Bool = false) -> TestSession {
        TestSession(rules: rules, units: units, roster: roster, ballots: ballots, strict: strict)
    }

    /// R1's ballot for J04 is set aside: mean of R2 and R3 = (2 + 1)/2 = 3/2. With it, it would
    /// have been (3 + 2 + 1)/3 = 2.
    static func expectRecused(_ s: ScoringSession, reason: RecusalViolation.Reason, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(s.points("J04", "b") == Rational(3, 2), sourceLocation: sourceLocation)
        #expect(s.points("J05", "b") == 3, sourceLocation: sourceLocation)  // (3 + 3 + 3)/3: R1 may score J05
        #expect(s.ballots.recusals.count == 1, sourceLocation: sourceLocation)
        #expect(s.ballots.recusals.first?.unit == "J04", sourceLocation: sourceLocation)
        #expect(s.ballots.recusals.first?.reason == reason, sourceLocation: sourceLocation)
    }

    @Test("by id")
    func byID() throws {
        let s = try Self.session(Self.roster("J04")).run()
        Self.expectRecused(s, reason: .ownUnit)
        #expect(s.inputWarnings.isEmpty)
    }

    @Test("by exact name, as a committee types it", arguments: [
        "北京荷花市场餐饮管理有限公司工会",
        "　北京荷花市场餐饮管理有限公司工会 ",   // ideographic and plain spaces around
        "Ｊ０４",                               // full-width id from a Chinese input method
        "J05;北京荷花市场餐饮管理有限公司工会",   // one of several
    ])
    func byName(entry: String) throws {
        let s = try Self.session(Self.roster(entry)).run()
        if entry.hasPrefix("J05") {
            // Recused from both: J04 = (2 + 1)/2 = 3/2, J05 = (3 + 3)/2 = 3.
            #expect(s.points("J04", "b") == Rational(3, 2))
            #expect(s.ballots.recusals.map(\.unit) == ["J04", "J05"])
        } else {
            Self.expectRecused(s, reason: .ownUnit)
        }
        #expect(s.representatives[0].units.contains("J04"))
        #expect(s.inputWarnings.isEmpty)
    }

    @Test("by name with --strict: the ballot is an error, as by id", arguments: ["J04", "北京荷花市场餐饮管理有限公司工会"])
    func strict(entry: String) {
        let problems = Self.session(Self.roster(entry), strict: true).failures()
        #expect(problems.map(\.code) == ["recusal"])
        #expect(problems.first?.text.zh.contains("给本人所在单位 `J04` 打了分") == true)
        #expect(problems.first?.location?.line == 2)
    }

    @Test("a near miss is an error that names the unit meant", arguments: [
        "北京荷花市场餐饮管理公司工会",   // 有限 left out: two edits
        "荷花市场",                      // part of the name
        "j04",                          // the id in the wrong case
        "J4",                           // one edit from J04
    ])
    func nearMiss(entry: String) {
        let problems = Self.session(Self.roster(entry)).failures()
        #expect(problems.map(\.code) == ["roster-unit-near-miss"])
        let p = problems[0]
        #expect(p.severity == .error)
        #expect(p.location?.line == 2)
        #expect(p.path == "units")
        #expect(p.hintText?.en.contains("did you mean `J04` (北京荷花市场餐饮管理有限公司工会)?") == true)
        #expect(p.hintText?.zh.contains("是否指 `J04`（北京荷花市场餐饮管理有限公司工会）？") == true)
        #expect(p.text.en.contains("`\(entry)`"))
    }

    @Test("a near miss is an error with --strict too")
    func nearMissStrict() {
        #expect(Self.session(Self.roster("荷花市场"), strict: true).failures().map(\.code) == ["roster-unit-near-miss"])
    }

    @Test("an outside unit is a note, and every ballot counts", arguments: [false, true])
    func outside(strict: Bool) throws {
        let s = try Self.session(Self.roster("西城区创业孵化器"), strict: strict).run()
        // Nothing recused: J04 = (3 + 2 + 1)/3 = 2.
        #expect(s.points("J04", "b") == 2)
        #expect(s.ballots.recusals.isEmpty)
        #expect(s.inputWarnings.map(\.code) == ["roster-outside-unit"])
        #expect(s.inputWarnings.first?.severity == .note)
        #expect(s.inputWarnings.first?.rendered(.zh).contains("提示：代表 R1 的所在单位 `西城区创业孵化器` 不是被考核单位") == true)
    }

    @Test("a units file with no units: its one error, and no note per representative that their unit is not assessed")
    func noUnits() {
        var s = Self.session(Self.roster("J04", conflicts: "J05"))
        s.units = "id,name,n\n"
        let problems = s.failures()
        #expect(problems.count == 1, "\(problems.map(\.code))")
        #expect(problems.first?.severity == .error)
        #expect(problems.first?.rendered(.zh).contains("里没有单位") == true)
    }

    @Test("a declared conflict recuses the same way and is reported as such", arguments: ["J04", "北京荷花市场餐饮管理有限公司工会"])
    func declaredConflict(entry: String) throws {
        let s = try Self.session(Self.roster("", conflicts: entry)).run()
        Self.expectRecused(s, reason: .declaredConflict)
        #expect(s.representatives[0].conflicts == ["J04"])
        let lines = SessionWarnings.collect(s, lang: .zh)
        #expect(lines.contains { $0.hasPrefix("回避：代表 R1 王建国 与 J04 申报回避") }, "\(lines)")
    }

    @Test("a declared conflict with --strict is an error naming the conflict")
    func declaredConflictStrict() {
        let problems = Self.session(Self.roster("", conflicts: "J04"), strict: true).failures()
        #expect(problems.map(\.code) == ["recusal"])
        #expect(problems.first?.text.en.contains("a unit they declared a conflict with") == true)
    }

    @Test("a near miss in the conflicts column is an error too")
    func conflictNearMiss() {
        let problems = Self.session(Self.roster("", conflicts: "德胜商贸")).failures()
        #expect(problems.map(\.code) == ["roster-unit-near-miss"])
        #expect(problems.first?.hintText?.en.contains("`J05`") == true)
        #expect(problems.first?.text.zh.contains("申报回避单位") == true)
    }

    @Test("normalising: trimmed, full-width ASCII made half-width, the ideographic space a space")
    func normalising() {
        #expect(UnitMatcher.normalized("　Ｊ０４ ") == "J04")
        #expect(UnitMatcher.normalized("ＡＢ－１（２）") == "AB-1(2)")
        #expect(UnitMatcher.normalized("荷花　市场") == "荷花 市场")
    }
}

/// Every recusal, and every ballot set aside for it, is in the files the committee keeps.
@Suite("Recusals in the score sheets and the summary")
struct RecusalExportTests {
    static func session() throws -> ScoringSession {
        try RecusalTests.session(RecusalTests.roster("J04", conflicts: "")).run()
    }

    @Test("the unit's score sheet has a row for the ballot set aside, with who and why")
    func sheet() throws {
        let s = try Self.session()
        let table = ScoreSheetExport.table(s, unit: s.table.index(ofUnit: "J04")!, lang: .zh)
        let rows = table.rows.filter { $0.first == .text("回避") }
        #expect(rows.count == 1)
        #expect(rows.first?[1] == .text("R1"))
        #expect(rows.first?[3] == .text("本单位代表"))
        #expect(rows.first?[5] == .text("评议 3"), "the item by its standard's name")
        // J05 had nothing set aside.
        let other = ScoreSheetExport.table(s, unit: s.table.index(ofUnit: "J05")!, lang: .zh)
        #expect(!other.rows.contains { $0.first == .text("回避") })
        let json = ScoreSheetExport.json(s, unit: s.table.index(ofUnit: "J04")!, lang: .en).rendered()
        #expect(json.contains("\"Recusal\""))
        #expect(json.contains("own unit"))
    }

    @Test("the summary's notes name the representative and the ballots not counted, in CSV and JSON alike")
    func summary() throws {
        let s = try Self.session()
        let table = SummaryExport.table(s, lang: .zh)
        let notes = table.columns.firstIndex { $0.key == "notes" }!
        let j04 = try #require(table.rows.first { $0[2] == .text("J04") })
        #expect(j04[notes] == .text("回避：R1 王建国（本单位代表）1 票不计（评议 3）"))
        let json = SummaryExport.json(s, lang: .en).rendered()
        #expect(json.contains("\"recusals\""))
        #expect(json.contains("\"reason\": \"ownUnit\""))
        #expect(String(decoding: SummaryWriter.json(s.report, lang: .en), as: UTF8.self) == json)
    }
}
