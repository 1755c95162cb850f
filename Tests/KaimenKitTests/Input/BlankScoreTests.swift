import Foundation
import Testing
@testable import KaimenKit

/// A secretary's trial of 0.29.1: a wide ballots file with one cell left empty in typing
/// (row 3, column D of typed-a.csv) scored X01's 宣传教育 6.00 instead of 5.90, and `score`
/// said nothing (`session enter` lists blank cells; nothing else did). A blank cell is no
/// ballot, which a representative may mean on paper, so it is a warning (`blank-score`), with
/// every such cell's place, capped and counted; both readers give it, the bulk one as facts.
@Suite("A wide file's empty score cells: one warning, the same on both paths")
struct BlankScoreTests {
    typealias S = BulkBallotsReaderTests

    /// Area `v` (3 points) holds one ballot standard `b`, the mean of its ballots.
    static let rules = BallotScoringTests.rules(policy: #""aggregate": "mean", "minBallots": 1"#)

    func run(_ ballots: String, roster: String? = nil) throws -> ScoringSession {
        try TestSession(rules: Self.rules, units: "id,name,n\nU1,甲工会,0\nU2,乙工会,0\n", roster: roster, ballots: ballots).run()
    }

    @Test("one empty cell: the score is the others' mean, and one warning names the cell, whose ballot it is and what it means")
    func one() throws {
        let s = try run("representative,unit,b\nR1,U1,3\nR2,U1,\nR3,U1,2\nR1,U2,1\n")
        // R1's 3 and R3's 2 count; R2's cell is no ballot: (3 + 2) / 2 = 5/2.
        #expect(s.points("U1", "b") == Rational(5, 2))
        let warnings = s.inputWarnings.filter { $0.code == "blank-score" }
        #expect(warnings.count == 1)
        let w = try #require(warnings.first)
        #expect(w.severity == .warning && w.location == .whole("/mem/ballots.csv"))
        // Row 3 is R2's (the header is row 1); `b` is column C.
        #expect(w.text.zh == "空白单元格 1 个：第 3 行（R2 给 U1）C 列（b）。空白按未打分处理：这位代表对这个单位的这一项不计票，该单位这一项少一张选票")
        #expect(w.text.en == "1 blank score cell: row 3 (R2 for U1) column C (b). A blank cell is taken as not scored: that representative's ballot for that unit on that standard is not counted, and the unit has one ballot fewer on it")
        #expect(w.hintText?.zh == "纸质评分表上有分数的是漏录了，补上再运行；代表确实没有打分的，这条警告可以不理会")
    }

    /// The helper that made the warning found `panel` print no input warning at all.
    @Test("panel prints the warning too, as score does")
    func panelSaysIt() throws {
        let folder = ScratchFolder()
        defer { folder.cleanUp() }
        let inputs = try TestSession(rules: Self.rules, units: "id,name,n\nU1,甲工会,0\nU2,乙工会,0\n",
                                     ballots: "representative,unit,b\nR1,U1,3\nR2,U1,\nR3,U1,2\nR1,U2,1\n").written(to: folder)
        let r = EndToEndTests.run(["panel", "--resamples", "100"] + inputs)
        #expect(r.code == .success, "\(r.err)")
        #expect(r.err.contains("警告：空白单元格 1 个：第 3 行（R2 给 U1）C 列（b）"), "\(r.err)")
    }

    @Test("many: the first ten listed by row, the others counted with their rows")
    func many() throws {
        // Two standards, b and c; rows 2–7 (R1–R6 for U1) leave both empty: 12 cells on 6 rows.
        let rules = RulesText.make(metrics: RulesText.metric("n"), areas: RulesText.area("v", points: "6"),
                                   standards: RulesText.standard("b", area: "v", points: "3", #""method": "ballot""#) + ", "
                                       + RulesText.standard("c", area: "v", points: "3", #""method": "ballot""#),
                                   more: #""ballots": { "aggregate": "mean", "minBallots": 1 },"#)
        let rows = (1 ... 6).map { "R\($0),U1,,\n" }.joined()
        let s = try TestSession(rules: rules, units: "id,name,n\nU1,甲工会,0\n", ballots: "representative,unit,b,c\n" + rows + "R7,U1,2,2\n").run()
        let w = try #require(s.inputWarnings.first { $0.code == "blank-score" })
        // Ten listed: rows 2–6 whole (C and D each), 5 rows; rows 7's two are the 2 more, on 1 row.
        let listed = (2 ... 6).map { "第 \($0) 行（R\($0 - 1) 给 U1）C 列（b）、D 列（c）" }.joined(separator: "；")
        #expect(w.text.zh == "空白单元格 12 个：" + listed + "……另有 2 个（1 行）。空白按未打分处理：这位代表对这个单位的这一项不计票，该单位这一项少一张选票")
        // One cell fewer on row 6: the tenth listed is row 7's C, whose D is the 1 more, on 1 row (row 7 partly listed).
        let eleven = try TestSession(rules: rules, units: "id,name,n\nU1,甲工会,0\n",
                                     ballots: "representative,unit,b,c\n" + (1 ... 4).map { "R\($0),U1,,\n" }.joined() + "R5,U1,,1\nR6,U1,,\nR7,U1,2,2\n").run()
        let e = try #require(eleven.inputWarnings.first { $0.code == "blank-score" })
        #expect(e.text.en.hasPrefix("11 blank score cells: "))
        #expect(e.text.en.contains("row 6 (R5 for U1) column C (b); row 7 (R6 for U1) column C (b); … and 1 more (on 1 row). "))
    }

    @Test("not listed: a recused row (its ballots do not count anyway), a row left empty")
    func notListed() throws {
        let roster = "id,name,group,units\nR1,代表一,一组,U1\nR2,代表二,一组,\nR3,代表三,一组,\n"
        let s = try run("representative,unit,b\nR1,U1,\nR2,U1,2\n,,\nR3,U1,1\n", roster: roster)
        #expect(!s.inputWarnings.contains { $0.code == "blank-score" })
    }

    @Test("`session enter` lists blank cells itself: its reader does not warn of them")
    func sessionEnter() throws {
        let rules = BulkFixtures.xicheng
        let units = try #require(BulkFixtures.checkedUnits(BulkFixtures.sample("xicheng-2014/units.csv"), rules: rules).table).units
        let reps = BulkFixtures.checkedRoster(BulkFixtures.sample("xicheng-2014/roster.csv"), units: units)
        let typed = Data(BulkFixtures.sample("xicheng-2014/typed-a.csv"))
        var reader = BallotsReader(rules: rules, units: units, representatives: reps)
        // typed-a.csv leaves insurance.ballot (column I) empty on five rows for X07.
        #expect(reader.read(typed, fileName: "typed-a.csv").diagnostics.map(\.code) == ["blank-score"])
        reader.afterFix = .enterAgain
        #expect(reader.read(typed, fileName: "typed-a.csv").diagnostics.isEmpty)
    }

    @Test("a long file's empty score is an error (a row exists to carry its score), told to fill it in or delete the row")
    func longForm() throws {
        let d = TestSession(rules: Self.rules, units: "id,name,n\nU1,甲工会,0\n", ballots: "representative,unit,standard,score\nR1,U1,b,\nR2,U1,b,2\n").failures()
        #expect(d.map(\.code) == ["invalid-score"])
        #expect(d.first?.hintText?.zh == "按纸质评分表填上分数；代表没有给这一项打分的，删去这一行")
        #expect(d.first?.hintText?.en == "fill in the score from the paper sheet; if the representative gave none, delete the row")
    }

    @Test("the bulk reader reads a wide file with empty cells itself and gathers them as the checked reader does, on any thread count")
    func bulk() throws {
        // The generated session's wide ballots (no empty cell) with every 7th score emptied, in
        // rows across the whole file: the same warning from both readers (`expectSame`), many
        // rows and cells past those listed.
        let lines = String(decoding: BulkFixtures.generated.ballots, as: UTF8.self).components(separatedBy: "\r\n")
        var k = 0
        let edited = lines.enumerated().map { n, line -> String in
            guard n > 0, !line.isEmpty else { return line }
            var cells = line.components(separatedBy: ",")
            for c in 2 ..< cells.count {
                k += 1
                if k % 7 == 0 { cells[c] = "" }
            }
            return cells.joined(separator: ",")
        }.joined(separator: "\r\n")
        let bytes = Array(edited.utf8)
        try S.generated.expectSame(bytes)
        let read = try #require(S.generated.bulk(bytes, threads: 3, threshold: 0))
        #expect(read.blankCells.count > 1000 && read.blankCells.first.count == BlankCells.listed + 1)
        // One more: a recused row's empty cells are not gathered by either (R03 belongs to X02).
        let sample = Array(("代表编号,单位编号,rights.ballot,publicity,safety.ballot,democracy.ballot,models.ballot,warmth.ballot,insurance.ballot,audit.ballot\n"
                            + "R03,X02,,1,1,1,1,1,1,1\nR01,X02,3,,1,1,1,1,1,1\n").utf8)
        try S.xicheng.expectSame(sample)
        #expect(S.xicheng.bulk(sample)?.blankCells.count == 1)
    }
}
