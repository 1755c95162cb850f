import Foundation
import Testing
@testable import KaimenKit

/// A tester playing a committee secretary with 0.29.2: a score cell of `/` (a paper sheet's
/// "not scored") got `不是数字` and no hint, where `—` was told to leave the cell empty. Since
/// 0.29.3 every mark a secretary types for "not scored" gets the same hint, quoting the mark:
/// in a wide file (and a session's typed sheets) to leave the cell empty, in a long file to
/// delete the row (which `—` was told to leave empty too, itself an error there).
@Suite("A mark typed for 'not scored' in a score cell: told what to do instead, in long and wide files")
struct NoScoreMarkTests {
    static let marks = ["/", "／", "\\", "＼", "×", "x", "X", "无", "空", "—", "——", "-", "－", "、", "N/A"]

    static let wideHeader = "representative,unit,rights.ballot,publicity,safety.ballot,democracy.ballot,models.ballot,warmth.ballot,insurance.ballot,audit.ballot\n"

    func invalidScore(_ csv: String) throws -> Diagnostic {
        let r = try TypedNumberTests.xichengBallots(csv)
        #expect(r.diagnostics.map(\.code) == ["invalid-score"], "\(r.diagnostics.map { $0.rendered(.zh) })")
        return try #require(r.diagnostics.first)
    }

    @Test("in a wide file: leave the cell empty", arguments: marks)
    func wide(_ mark: String) throws {
        let d = try invalidScore(Self.wideHeader + "R01,X01,3,\(mark),1,2,1.5,3,1,1.5\n")
        #expect(d.text.zh == "`R01` 给 `X01` 在 `publicity` 上的分数 `\(mark)` 不是数字", "\(d.rendered(.zh))")
        #expect(d.hintText?.zh == "代表没有给这一项打分的，这一格留空即可（选票中 `\(mark)` 不表示未打分）")
        #expect(d.hintText?.en == "where the representative gave no score, leave the cell empty (`\(mark)` does not mean \"no score\" in a ballots file)")
    }

    @Test("in a long file: delete the row", arguments: marks)
    func long(_ mark: String) throws {
        let d = try invalidScore("representative,unit,standard,score\nR01,X01,rights.ballot,3\nR01,X01,publicity, \(mark) \n")
        #expect(d.location?.cell == CellPosition(row: 3, column: 3, header: "score"))
        #expect(d.hintText?.zh == "代表没有给这一项打分的，删去这一行即可（选票中 `\(mark)` 不表示未打分；长表的每一行记一个分数）")
        #expect(d.hintText?.en == "where the representative gave no score, delete the row (`\(mark)` does not mean \"no score\" in a ballots file, and each row of a long file carries one score)")
    }

    @Test("other text, or a mark with a number, keeps its own hint or none", arguments: [("//", nil), ("abc", nil), ("3/", "去掉 `/`，只写数字：`3`"), ("3、5", "把 `、` 换成 `.`：`3.5`")] as [(String, String?)])
    func notAMark(_ text: String, _ hint: String?) throws {
        let d = try invalidScore(Self.wideHeader + "R01,X01,\(text),1,1,2,1.5,3,1,1.5\n")
        #expect(d.hintText?.zh == hint, "\(d.rendered(.zh))")
    }

    @Test("a session's typed sheet with `/` in a score cell: the same hint, and nothing is recorded")
    func typedSheet() throws {
        let s = try SampleSession(); defer { s.remove() }
        var text = try SampleSession.typed("a") { $0.hasPrefix("R01,X01,") }
        text = text.replacingOccurrences(of: "R01,X01,3.5,", with: "R01,X01,/,")
        let r = s.run("enter", [try s.file("a.csv", text), "--by", "甲"])
        #expect(r.code != .success)
        #expect(r.err.contains("C 列（依法维权工作评价（职工代表评分））：错误：`R01` 给 `X01` 在 `依法维权工作评价（职工代表评分）` 上的分数 `/` 不是数字；代表没有给这一项打分的，这一格留空即可（选票中 `/` 不表示未打分）"), "\(r.err)")
        #expect(try s.state().entries.isEmpty)
    }
}
