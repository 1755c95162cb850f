import Foundation
import Testing
@testable import KaimenKit

/// A tester playing a committee secretary with 0.29.2: the entry template's 组别 column was
/// never checked, so a row whose group was not its representative's passed in silence, though
/// 姓名 and 单位名称 are checked (`TypistNamesTests`). Since 0.29.3 it is checked as they are,
/// the groups compared as a typist may write them (`第一组` = `一组` = `第1组` = `1`), and said
/// as a warning: the group is not scored, so the row counts by its ids; an id typed over a
/// template row is the name check's error where the row has a name.
@Suite("The entry template's group column, checked against the roster's group")
struct TypistGroupTests {
    static let rest = "rights.ballot,publicity,safety.ballot,democracy.ballot,models.ballot,warmth.ballot,insurance.ballot,audit.ballot"
    /// R01 (顾尚礼, 第一组) and R08 (赵红梅, 第二组) scoring X01, their group cells as given.
    static func wide(r01: String, r08: String = "第二组") -> String {
        "代表编号,姓名,组别,单位编号,\(rest)\nR01,顾尚礼,\(r01),X01,3.5,1.5,1,2,1.5,3,1,1.5\nR08,赵红梅,\(r08),X01,3,1,1,2,1,3,1,1\n"
    }

    @Test("the roster's group however a typist writes it, or an empty cell: nothing said",
          arguments: ["第一组", "一组", "1组", "第1组", " 第１组 ", "1", "一", ""])
    func sameGroup(_ typed: String) throws {
        let r = try TypedNumberTests.xichengBallots(Self.wide(r01: typed))
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map { $0.rendered(.zh) })")
        #expect(r.box?.ballots.count == 16)
    }

    @Test("another group: one warning at the cell, naming the representative and their group; the row still counts")
    func otherGroup() throws {
        let r = try TypedNumberTests.xichengBallots(Self.wide(r01: "第二组"))
        #expect(r.diagnostics.map(\.code) == ["sheet-group-mismatch"])
        let d = try #require(r.diagnostics.first)
        #expect(d.severity == .warning)
        #expect(d.rendered(.zh) == "ballots.csv 第 2 行 C 列（组别）：警告：代表编号 `R01`（顾尚礼）在代表名单中属于 第一组，这一行的组别却写着 `第二组`；"
            + "组别一格不计分，这一行照常按代表编号计分；核对纸质评分表上是哪位代表：若是别的代表的，改正这一行的代表编号；若编号没错，把组别改为 第一组（或清空这一格）")
        #expect(d.rendered(.en) == "ballots.csv row 2, column C (组别): warning: the representative id `R01` (顾尚礼) is in 第一组 on the roster, but this row's group reads `第二组`; "
            + "the group cell is not scored, and the row counts by its representative id; check whose paper sheet it is: if it is another representative's, correct this row's representative id; if the id is right, change the group to 第一组 (or empty the cell)")
        #expect(r.box?.ballots.count == 16)
        // A group no one has, and `一组` for R08 of 第二组: each said; `二` would not be.
        let two = try TypedNumberTests.xichengBallots(Self.wide(r01: "第九组", r08: "一组"))
        #expect(two.diagnostics.map { $0.location?.cell?.row } == [2, 3], "\(two.diagnostics.map { $0.rendered(.zh) })")
        #expect(try TypedNumberTests.xichengBallots(Self.wide(r01: "1", r08: "二")).diagnostics.isEmpty)
    }

    @Test("in a long file too; an unknown representative is said as such, not as a group")
    func longFile() throws {
        let r = try TypedNumberTests.xichengBallots("representative,组别,unit,standard,score\nR01,第一组,X01,rights.ballot,3\nR08,第一组,X01,rights.ballot,3\nR99,第一组,X01,rights.ballot,3\n")
        #expect(r.diagnostics.map(\.code).sorted() == ["sheet-group-mismatch", "unknown-representative"], "\(r.diagnostics.map { $0.rendered(.zh) })")
        #expect(r.diagnostics.first { $0.code == "sheet-group-mismatch" }?.text.zh == "代表编号 `R08`（赵红梅）在代表名单中属于 第二组，这一行的组别却写着 `第一组`")
    }

    @Test("a representative without a name: the message names the id alone")
    func unnamed() throws {
        let rep = Representative(id: "R1", name: "", group: "一组", units: [], role: "", location: .whole("roster.csv"))
        let d = try #require(TypistNames(units: [], representatives: [rep]).group("第二组", rep: rep, at: .whole("b.csv"), path: "组别"))
        #expect(d.text.zh == "代表编号 `R1` 在代表名单中属于 一组，这一行的组别却写着 `第二组`")
        #expect(d.text.en == "the representative id `R1` is in 一组 on the roster, but this row's group reads `第二组`")
        #expect(TypistNames(units: [], representatives: [rep]).group("1", rep: rep, at: .whole("b.csv"), path: "组别") == nil)
    }

    @Test("a representative without a group in the roster is not checked")
    func noRosterGroup() throws {
        let rules = BallotScoringTests.rules(policy: #""aggregate": "mean", "minBallots": 1"#)
        let s = try TestSession(rules: rules, units: "id,name,n\nU1,甲工会,0\n", roster: "id,name,units\nR1,代表一,\nR2,代表二,\n",
                                ballots: "representative,组别,unit,b\nR1,一组,U1,2\nR2,,U1,3\n").run()
        #expect(s.inputWarnings.isEmpty, "\(s.inputWarnings.map { $0.rendered(.zh) })")
    }

    @Test("score prints it with the run's warnings and scores; `session enter` records the sheet and says it")
    func commands() throws {
        let s = try SampleSession(); defer { s.remove() }
        let typed = try SampleSession.typed("a") { $0.hasPrefix("R01,") }
            .replacingOccurrences(of: "代表编号,单位编号,", with: "代表编号,组别,单位编号,")
            .replacingOccurrences(of: "R01,X0", with: "R01,第二组,X0")
        let file = try s.file("a.csv", typed)
        let r = s.run("enter", [file, "--by", "甲"])
        #expect(r.code == .success, "\(r.err)")
        #expect(r.err.contains("B 列（组别）：警告：代表编号 `R01`（顾尚礼）在代表名单中属于 第一组，这一行的组别却写着 `第二组`"), "\(r.err)")
        #expect(try s.state().entries.count == 3)
        let score = SampleSession.run(["score", "--rules", "rules/xicheng-2014.jsonc", "--units", "samples/xicheng-2014/units.csv",
                                       "--roster", "samples/xicheng-2014/roster.csv", "--ballots", file, "--lang", "en"])
        #expect(score.code == .success, "\(score.err)")
        #expect(score.err.contains("column B (组别): warning: the representative id `R01` (顾尚礼) is in 第一组 on the roster, but this row's group reads `第二组`"), "\(score.err)")
    }
}
