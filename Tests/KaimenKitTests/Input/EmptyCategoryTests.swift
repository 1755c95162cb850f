import Foundation
import Testing
@testable import KaimenKit

/// A secretary's trial of 0.29.1: a category merged over four units in Excel (openpyxl keeps
/// the value in the range's top cell only), or one category cell left empty, made those units
/// 未分类 and moved a unit's category rank from 4 to 1 without a word. An empty category among
/// others is now an error at its cell; a file that gives no category at all still ranks every
/// unit in one category.
@Suite("An empty category among others is an error at its cell; merged cells are told to unmerge")
struct EmptyCategoryTests {
    /// One count metric `n`, worth its value in points.
    static let rules = RulesText.make(metrics: RulesText.metric("n"), areas: RulesText.area("a", points: "10"),
                                      standards: RulesText.standard("a.n", area: "a", points: "10", #""method": "count", "metric": "n", "perUnit": 1"#))

    static func workbook(_ name: String) throws -> Data {
        try Data(contentsOf: Fixtures.url("reference/input-hints/\(name)"))
    }

    @Test("one empty category among others: an error at the cell, naming the unit and a category the others give")
    func emptyAmongOthers() throws {
        let d = TestSession(rules: Self.rules, units: "id,name,category,n\nU1,甲,企业,1\nU2,乙,,2\nU3,丙,机关,3\n").failures()
        #expect(d.count == 1, "\(d)")
        let e = try #require(d.first)
        #expect(e.code == "missing-value" && e.severity == .error && e.path == "category")
        // Row 3 `U2,乙,`: 3 + 2 characters before the empty cell, so column 6 of the line; C of the sheet.
        #expect(e.location?.line == 3 && e.location?.column == 6)
        #expect(e.location?.rendered(.zh) == "/mem/units.csv 第 3 行 C 列（category）")
        #expect(e.text.zh == "单位 `U2` 没有填类别（其他单位填了，如 `企业`）：空着会把它归入“未分类”，与同类单位分开排类别名次")
        #expect(e.text.en == "unit `U2` has no category (other units have one, such as `企业`): left empty, it would be ranked in a category of its own (未分类), apart from its like")
        #expect(e.hintText?.zh == "填上它的类别，与其他单位的写法一致")
    }

    @Test("a file without categories (no column, or every cell empty) ranks every unit in one category, 未分类",
          arguments: ["id,name,n\nU1,甲,1\nU2,乙,2\nU3,丙,3\n", "id,name,category,n\nU1,甲,,1\nU2,乙,,2\nU3,丙,,3\n"])
    func noCategories(units: String) throws {
        let session = try TestSession(rules: Self.rules, units: units).run()
        #expect(session.table.units.map(\.category) == ["未分类", "未分类", "未分类"])
        // n points each: U3 3, U2 2, U1 1; one category, so the category ranks are the ranks.
        #expect(["U1", "U2", "U3"].map { session.unit($0).rank } == [3, 2, 1])
        #expect(["U1", "U2", "U3"].map { session.unit($0).categoryRank } == [3, 2, 1])
    }

    @Test("in a JSON units file, a unit without a category among units with one is the same error, at the unit")
    func json() throws {
        let units = #"{ "units": [ { "id": "U1", "name": "甲", "category": "企业", "n": 1 }, { "id": "U2", "name": "乙", "n": 2 } ] }"#
        let d = TestSession(rules: Self.rules, units: units, unitsFile: "units.json").failures()
        #expect(d.map(\.code) == ["missing-value"], "\(d)")
        // The second unit's object starts on line 1 after `{ "units": [ ` (13 characters), the first unit's object (53)
        // and `, ` (2): column 69.
        #expect(d.first?.location?.line == 1 && d.first?.location?.column == 69)
        #expect(d.first?.text.zh.hasPrefix("单位 `U2` 没有填类别") == true)
    }

    @Test("a category merged in a workbook (openpyxl's C2:C3): the cell under the top one is said, with how to unmerge")
    func merged() throws {
        var session = TestSession(rules: Self.rules, units: "", unitsFile: "units.xlsx")
        session.bytes["units.xlsx"] = try Self.workbook("units-merged.xlsx")
        let d = session.failures()
        #expect(d.count == 1, "\(d)")
        let e = try #require(d.first)
        #expect(e.code == "missing-value" && e.location?.cell?.row == 3 && e.location?.cell?.column == 2)
        #expect(e.location?.rendered(.en) == "/mem/units.xlsx row 3, column C (category)")
        #expect(e.hintText?.zh == "这一格在合并单元格 C2:C3 里：合并后的值只存在左上角的 C2，其余各格都是空的；取消合并，在每一行填上它自己的值")
        #expect(e.hintText?.en == "this cell lies in the merged range C2:C3: a merged value is stored in its top left cell C2 only, and the other cells are empty; unmerge them and fill in each row's own value")
    }

    @Test("the workbook reader keeps the worksheet's merged ranges, after its cells; a cell is under one unless it is the top left")
    func mergedRanges() throws {
        let read = try WorkbookSheet.read([UInt8](try Self.workbook("units-merged.xlsx")))
        #expect(read.facts.merged == [WorkbookFacts.Range(top: 2, left: 3, bottom: 3, right: 3)])
        #expect(read.facts.mergedAway(CellPosition(row: 3, column: 2)) != nil)
        #expect(read.facts.mergedAway(CellPosition(row: 2, column: 2)) == nil)
        #expect(read.facts.mergedAway(CellPosition(row: 4, column: 2)) == nil)
        // A reference of one cell, reversed corners, and no reference.
        #expect(WorkbookFacts.range("B2") == WorkbookFacts.Range(top: 2, left: 2, bottom: 2, right: 2))
        #expect(WorkbookFacts.range("D5:B2") == WorkbookFacts.Range(top: 2, left: 2, bottom: 5, right: 4))
        #expect(WorkbookFacts.range("B2:") == nil && WorkbookFacts.range("") == nil)
    }

    @Test("a session's copies are read as the version that opened it read them: an empty category is no error there")
    func sessionCopies() throws {
        let rules = BulkFixtures.xicheng
        let bytes = Self.sampleUnits { row, cells in if row == 2 { cells[2] = "" } }
        #expect(UnitsReader(rules: rules).read(Data(bytes), fileName: "units.csv").diagnostics.map(\.code) == ["missing-value"])
        var copies = UnitsReader(rules: rules)
        copies.limitsText = false
        let read = copies.read(Data(bytes), fileName: "units.csv")
        #expect(read.diagnostics.isEmpty)
        #expect(read.table?.units[1].category == "未分类")
    }

    /// The Xicheng sample's units, each row's cells changed by `change` (row 1 is the first unit).
    static func sampleUnits(_ change: (Int, inout [String]) -> Void) -> [UInt8] {
        let lines = String(decoding: BulkFixtures.sample("xicheng-2014/units.csv"), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        return Array(lines.enumerated().map { k, line in
            guard k > 0, !line.isEmpty else { return String(line) }
            var cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            change(k, &cells)
            return cells.joined(separator: ",")
        }.joined(separator: "\n").utf8)
    }

    @Test("the bulk units reader hands an empty category among others over, and reads a file of empty categories as the checked reader does")
    func bulk() throws {
        let rules = BulkFixtures.xicheng
        let one = Self.sampleUnits { row, cells in if row == 3 { cells[2] = "" } }
        for threads in [1, 2] {
            #expect(BulkUnitsReader.read(one, fileName: "units.csv", rules: rules, threads: threads, parallelThreshold: 0) == nil)
        }
        let none = Self.sampleUnits { _, cells in cells[2] = "" }
        let checked = BulkFixtures.checkedUnits(none, rules: rules)
        #expect(checked.diagnostics.isEmpty)
        for threads in [1, 2] {
            let read = try #require(BulkUnitsReader.read(none, fileName: "units.csv", rules: rules, threads: threads, parallelThreshold: 0))
            BulkFixtures.expectSame(read, try #require(checked.table))
            #expect(Set(read.identities.categories) == ["未分类"])
        }
    }
}
