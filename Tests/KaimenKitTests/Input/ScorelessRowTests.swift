import Foundation
import Testing
@testable import KaimenKit

/// A wide ballots row with an unknown representative or unit and no score passed in silence,
/// where the same row with a score is an error and a known id's empty row a blank sheet
/// (`blank-score`): `R1O` typed for R10 hid R10's blank sheet, and a representative since taken
/// off the roster left rows no one was told of. Its ids are now checked as a scored row's are:
/// the same error, with a hint that the row holds no score and may be deleted.
@Suite("A wide row without scores still has its ids checked: an unknown one is the same error")
struct ScorelessRowTests {
    typealias S = BulkBallotsReaderTests
    static let rules = BlankScoreTests.rules
    static let units = "id,name,n\nU1,甲工会,0\nU2,乙工会,0\n"

    func failures(_ ballots: String) -> [Diagnostic] {
        TestSession(rules: Self.rules, units: Self.units, ballots: ballots).failures()
    }

    @Test("an unknown representative on an empty row: the error of a scored row, placed at the id, with the hint to delete a row that is no ballot")
    func unknownRepresentative() throws {
        let d = failures("representative,unit,b\nR1,U1,3\nR9,U1,\nR2,U1,2\n")
        #expect(d.map(\.code) == ["unknown-representative"], "\(d)")
        let e = try #require(d.first)
        #expect(e.location?.rendered(.zh) == "/mem/ballots.csv 第 3 行 A 列（representative）")
        #expect(e.text.zh == "投票人 `R9` 不在代表名单上")
        // The roster's ids are R1–R7: R9 is none of them, and near none; then the row's own words.
        #expect(e.hintText?.zh.hasSuffix("；这一行没有分数：若它不是选票（如已从名单删去的代表的空行、表尾的落款），删去这一行") == true, "\(e.hintText?.zh ?? "")")
        #expect(e.hintText?.en.hasSuffix("; this row holds no score: if it is no ballot (an empty row of a representative since taken off the roster, a signature below the table), delete the row") == true)
        // The same row with a score: the same message, without the words on an empty row.
        let scored = try #require(failures("representative,unit,b\nR1,U1,3\nR9,U1,1\nR2,U1,2\n").first)
        #expect(scored.text == e.text && scored.location == e.location)
        #expect(e.hintText == ReaderMessages.rowWithoutScores(after: scored.hintText))
        // After a did-you-mean, a sentence of its own (R1O among the roster's R1–R7 and R10).
        let roster = "id,name,group,units\nR1,代表一,一组,\nR2,代表二,一组,\nR10,代表十,二组,\n"
        let typo = try #require(TestSession(rules: Self.rules, units: Self.units, roster: roster,
                                            ballots: "representative,unit,b\nR1,U1,3\nR1O,U1,\nR2,U1,2\n").failures().first)
        #expect(typo.hintText?.zh == "是不是 `R10`？这一行没有分数：若它不是选票（如已从名单删去的代表的空行、表尾的落款），删去这一行", "\(typo)")
        #expect(typo.hintText?.en == "did you mean `R10`? This row holds no score: if it is no ballot (an empty row of a representative since taken off the roster, a signature below the table), delete the row")
        #expect(ReaderMessages.rowWithoutScores(after: nil).en.hasPrefix("this row holds no score"))
    }

    @Test("an unknown unit on an empty row, and a unit left out: each the scored row's error")
    func unknownUnit() throws {
        let d = failures("representative,unit,b\nR1,U1,3\nR2,U9,\nR3,,\n")
        #expect(d.map(\.code) == ["unknown-unit", "unknown-unit"], "\(d)")
        #expect(d.map { $0.location?.rendered(.en) } == ["/mem/ballots.csv row 3, column B (unit)", "/mem/ballots.csv row 4, column B (unit)"])
        #expect(d[0].text.zh == "选票打分的单位 `U9` 不在单位文件里")
        #expect(d[0].hintText?.zh.hasSuffix("这一行没有分数：若它不是选票（如已从名单删去的代表的空行、表尾的落款），删去这一行") == true)
        // An empty id already says to fill it in or delete the row.
        #expect(d[1].text.zh == "这一行没有填被打分单位的编号")
        #expect(d[1].hintText?.zh == "把它填上；若这一行不是选票，就删掉这一行")
    }

    @Test("a footer typed below the table (a signature in column A) is no silent row either")
    func footer() throws {
        let d = failures("representative,unit,b\nR1,U1,3\n制表人：王秘书,,\n")
        // Its representative and its unit, both said, for the one row.
        #expect(d.map(\.code) == ["unknown-representative", "unknown-unit"], "\(d)")
        #expect(d[0].text.zh == "投票人 `制表人：王秘书` 不在代表名单上")
        #expect(d[0].hintText?.zh.contains("这一行没有分数") == true)
    }

    @Test("known ids on an empty row stay a blank sheet (a warning), and a blank row stays skipped")
    func knownStaysBlank() throws {
        let s = try TestSession(rules: Self.rules, units: Self.units, ballots: "representative,unit,b\nR1,U1,3\nR2,U1,\n,,\nR3,U2,1\n").run()
        #expect(s.inputWarnings.map(\.code) == ["blank-score"])
        #expect(s.points("U1", "b") == Rational(3))
    }

    @Test("the bulk reader hands such a file over, and the checked reader says it")
    func bulkHandsOver() {
        // The Xicheng sample's wide header; R99 is on no roster, X99 in no units file.
        let header = "代表编号,单位编号,rights.ballot,publicity,safety.ballot,democracy.ballot,models.ballot,warmth.ballot,insurance.ballot,audit.ballot\n"
        for row in ["R99,X01,,,,,,,,\n", "R01,X99,,,,,,,,\n"] {
            let bytes = Array((header + "R01,X02,3,1,1,1,1,1,1,1\n" + row).utf8)
            S.xicheng.expectHandOver(bytes)
            #expect(S.xicheng.tryRead(bytes) == (row.hasPrefix("R99") ? .unknownRepresentative : .unknownUnit))
        }
    }
}
