import Foundation
import Testing
@testable import KaimenKit

/// A secretary's trial of 0.29.1: a units workbook with a title in A1 and the header in row 2
/// gave 60 lines of `表头第 N 列（X 列）没有名称…（检查表头行末尾是否多了一个逗号）`, advice for a CSV
/// file, and a missing id column. A title row is now said once, as what it is.
@Suite("A title above the header: one error that says so, in a workbook or CSV, for every input")
struct TitleRowTests {
    static let rules = EmptyCategoryTests.rules

    @Test("the units workbook with a title in A1 (openpyxl's): one error on row 1, naming the title and where the header is")
    func workbook() throws {
        var session = TestSession(rules: Self.rules, units: "", unitsFile: "units.xlsx")
        session.bytes["units.xlsx"] = try EmptyCategoryTests.workbook("units-title.xlsx")
        let d = session.failures()
        #expect(d.map(\.code) == ["title-row"], "\(d)")
        let e = try #require(d.first)
        #expect(e.location?.rendered(.zh) == "/mem/units.xlsx 第 1 行（表头）")
        #expect(e.text.zh == "第 1 行像是标题（只有 A 列有内容：`2014年度直属基层工会考核指标填报表`），表头在第 2 行")
        #expect(e.text.en == "row 1 looks like a title (only column A holds anything: `2014年度直属基层工会考核指标填报表`), and the header is in row 2")
        #expect(e.hintText?.zh == "删去第 1 行（标题行），让表头成为第一行：kaimen 把第一行当作表头")
    }

    @Test("a CSV title line, alone or padded with commas, above a units file, a roster, a ballots file",
          arguments: ["标题", "标题,,,"])
    func csv(title: String) throws {
        let units = TestSession(rules: Self.rules, units: "\(title)\nid,name,category,n\nU1,甲,企业,1\nU2,乙,企业,2\n").failures()
        #expect(units.map(\.code) == ["title-row"], "\(units)")
        #expect(units.first?.text.zh == "第 1 行像是标题（只有 A 列有内容：`标题`），表头在第 2 行")
        let roster = RosterReader.read(Data("\(title)\nid,name,group,units\nR1,代表一,一组,\n".utf8), fileName: "roster.csv", units: nil)
        #expect(roster.reps == nil && roster.diagnostics.map(\.code) == ["title-row"])
        let ballots = TestSession(rules: BlankScoreTests.rules, units: "id,name,n\nU1,甲工会,0\n",
                                  ballots: "\(title)\n\nrepresentative,unit,b\nR1,U1,2\n").failures()
        // A blank line between: the header is in row 3.
        #expect(ballots.map(\.code) == ["title-row"] && ballots.first?.text.en.hasSuffix("the header is in row 3") == true, "\(ballots)")
    }

    @Test("not a title: a header with one column named over data (its empty names are said), or one cell over no key column")
    func notTitle() {
        let d = TestSession(rules: Self.rules, units: "id,,,\nU1,甲,企业,1\n").failures()
        #expect(!d.contains { $0.code == "title-row" } && d.contains { $0.code == "csv-empty-header" }, "\(d)")
        let other = TestSession(rules: Self.rules, units: "说明\n请按表填写\n").failures()
        #expect(!other.contains { $0.code == "title-row" }, "\(other)")
    }
}
