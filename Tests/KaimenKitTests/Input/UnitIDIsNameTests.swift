import Foundation
import Testing
@testable import KaimenKit

/// A secretary's trial of 0.29.1: X01's name typed into its id cell gave no error in the units
/// file, but `单位 X01 不在单位文件里（另有 55 处）` in the ballots and, in the roster, "是否指
/// `X02`?", which was wrong. The id cell is now an error at its place, and the other files'
/// messages about `X01` say that the units file holds a name in an id cell, instead of
/// suggesting another unit.
@Suite("A unit's name in its id cell: an error there, and the other files say why their id is not found")
struct UnitIDIsNameTests {
    static let rulesText = try! String(contentsOf: Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc"), encoding: .utf8)
    static func sample(_ name: String) -> String { String(decoding: BulkFixtures.sample("xicheng-2014/\(name)"), as: UTF8.self) }
    static let x01 = "北京西城华宸建设集团有限公司工会"

    /// The sample's units with X01's id cell replaced by `id`.
    static func units(x01 id: String) -> String {
        sample("units.csv").replacingOccurrences(of: "\nX01,", with: "\n\(id),")
    }

    @Test("the sample with X01's name in its id cell: the units file's error first in the units file, the roster's and the ballots' say why")
    func sampleSession() throws {
        let d = TestSession(rules: Self.rulesText, units: Self.units(x01: Self.x01), roster: Self.sample("roster.csv"), ballots: Self.sample("ballots.csv")).failures()
        #expect(Set(d.map(\.code)) == ["unit-id-is-name", "unknown-unit", "roster-unit-near-miss"], "\(d)")
        let units = try #require(d.first { $0.code == "unit-id-is-name" })
        // The units file's row 2 (X01 is the first unit), column A (id).
        #expect(units.location?.rendered(.zh) == "/mem/units.csv 第 2 行 A 列（id）")
        #expect(units.text.zh == "单位编号一格写的是 `\(Self.x01)`，与本行的单位名称相同：这是名称，不是编号")
        #expect(units.hintText?.zh == "在这一格填这个单位的编号（如 `X02`），与代表名单和选票里写的一致；名称写在单位名称列")
        let note = "；单位文件 /mem/units.csv 第 2 行的编号一格写的是单位名称，这个编号多半就是那个单位的：先改正单位文件"
        let ballots = try #require(d.first { $0.code == "unknown-unit" })
        // (Said once for its 56 cells: the other 55 counted after it.)
        #expect(ballots.text.zh.hasPrefix("选票打分的单位 `X01` 不在单位文件里" + note) && ballots.hintText == nil, "\(ballots.text.zh)")
        let roster = try #require(d.first { $0.code == "roster-unit-near-miss" })
        #expect(roster.text.zh.hasSuffix("的所在单位写作 `X01`，不是单位文件里任何单位的编号或全称" + note), "\(roster.text.zh)")
        #expect(!roster.text.zh.contains("X02") && roster.hintText == nil)
        #expect(roster.text.en.hasSuffix("the units file /mem/units.csv holds a unit's name in the id cell of row 2, so this id is most likely that unit's: correct the units file first"))
    }

    @Test("an id of six Chinese characters or more is a name, whatever the name cell holds; a short Chinese id is an id",
          arguments: [("西城区某某有限公司工会", true), ("北京某某公司", true), ("西城一号", false), ("甲", false), ("U01", false)])
    func longChinese(id: String, isName: Bool) {
        let rules = EmptyCategoryTests.rules
        let units = "id,name,category,n\n\(id),乙工会,企业,1\nU02,丙工会,企业,2\n"
        if isName {
            let d = TestSession(rules: rules, units: units).failures()
            #expect(d.map(\.code) == ["unit-id-is-name"])
            #expect(d.first?.text.en == "the unit id cell holds `\(id)`, which looks like a unit's name, not an id")
        } else {
            #expect((try? TestSession(rules: rules, units: units).run()) != nil)
        }
        #expect((Unit.namesInIDCells(ids: [id, "U02"], names: ["乙工会", "丙工会"])[0] != nil) == isName)
    }

    static func ids(_ rows: [(String, String)]) -> [Int: KaimenKit.Unit.IDIsName] {
        KaimenKit.Unit.namesInIDCells(ids: rows.map(\.0), names: rows.map(\.1))
    }

    /// Before 0.29.3 any id of six Chinese characters or more was a name: a district whose ids are
    /// Chinese (every file writing them so) could not be scored at all.
    @Test("a file of Chinese ids keeps them as ids, long or short: its units are scored")
    func chineseIDs() throws {
        let units = "id,name,category,n\n西城区第一基层单位,甲工会,企业,1\n西城区第二基层单位,乙工会,企业,2\n西城一号,丙工会,企业,3\n"
        let s = try TestSession(rules: EmptyCategoryTests.rules, units: units).run()
        #expect(s.table.units.map(\.id) == ["西城区第一基层单位", "西城区第二基层单位", "西城一号"])
        #expect(s.unit("西城区第二基层单位").total == 2)
        // The bulk reader reads it too (an id beyond ASCII, decided over the file: no name).
        #expect(BulkUnitsReader.read(Array(units.utf8), fileName: "units.csv", rules: s.rules, threads: 1)?.identities.ids.count == 3)
    }

    @Test("among Chinese ids: its own name, another row's name (said with that row), or its own name with a slip, is a name")
    func amongChinese() throws {
        // Row 2 (index 0) is an id; row 3 holds row 2's name; row 4 its own name less 工会 (two edits); row 5 its own name.
        let rows = [("西城一号", "甲工会"), ("甲工会", "乙工会"), ("北京西城华宸建设集团有限公司", "北京西城华宸建设集团有限公司工会"),
                    ("丁工会", "丁工会"), ("西城区第五基层单位", "戊工会")]
        #expect(Self.ids(rows) == [1: .otherName(0), 2: .looksLikeName, 3: .ownName])
        let units = "id,name,category,n\n" + rows.map { "\($0.0),\($0.1),企业,1\n" }.joined()
        let d = TestSession(rules: EmptyCategoryTests.rules, units: units).failures()
        #expect(d.map(\.code) == ["unit-id-is-name", "unit-id-is-name", "unit-id-is-name"])
        #expect(d.map { $0.location?.cell?.row } == [3, 4, 5])
        #expect(d[0].text.zh == "单位编号一格写的是 `甲工会`，与第 2 行的单位名称相同：这是名称，不是编号")
        #expect(d[0].text.en == "the unit id cell holds `甲工会`, the unit name of row 2: a name, not an id")
        #expect(d[1].text.zh == "单位编号一格写的是 `北京西城华宸建设集团有限公司`，像是单位名称，不是编号")
        #expect(d[2].text.zh == "单位编号一格写的是 `丁工会`，与本行的单位名称相同：这是名称，不是编号")
        // The example id in the hint is the first that is no name.
        #expect(d[0].hintText?.zh == "在这一格填这个单位的编号（如 `西城一号`），与代表名单和选票里写的一致；名称写在单位名称列")
    }

    @Test("among ids without Chinese (X01…): six Chinese characters, or two that are part of its row's name, make a name; others are ids")
    func amongASCII() {
        let x01 = "北京西城华宸建设集团有限公司工会"
        // 华宸建设 is part of its row's name; 西城一号 is no part of 乙工会; 某某 is part of 某某商贸公司工会.
        #expect(Self.ids([("华宸建设", x01), ("X02", "乙工会"), ("X03", "丙工会")]) == [0: .looksLikeName])
        #expect(Self.ids([("西城一号", "乙工会"), ("X02", "丙工会"), ("X03", "丁工会")]) == [:])
        #expect(Self.ids([("X01", "甲工会"), ("某某", "某某商贸公司工会"), ("X03", "丁工会")]) == [1: .looksLikeName])
        // One Chinese character is no name's part (`X01甲`).
        #expect(Self.ids([("甲", "甲乙工会"), ("X02", "丙工会"), ("X03", "丁工会")]) == [:])
        // Two names among eight ids without Chinese: each sees most of the others without, both said.
        let eight = (3 ... 10).map { (String(format: "X%02d", $0), "工会\($0)") }
        #expect(Self.ids([("北京某某有限公司", "甲"), ("北京某某某某公司", "乙")] + eight) == [0: .looksLikeName, 1: .looksLikeName])
        // But among as many Chinese ids as not, a long one is an id (not most of the others are without).
        #expect(Self.ids([("北京某某有限公司", "甲"), ("西城二号", "乙"), ("X03", "丙")]) == [:])
        // Its row's own name is a name whatever the script; an empty id is its own error.
        #expect(Self.ids([("ABC", "ABC"), ("", "乙工会")]) == [0: .ownName])
    }

    @Test("the bulk units reader hands over exactly the files with a name in an id cell, decided over the file")
    func bulkAgrees() throws {
        let rules = BulkFixtures.xicheng
        // The sample's X01 as 华宸建设 (part of its name, among X02…): handed over, and the checked reader says it.
        let part = Array(Self.units(x01: "华宸建设").utf8)
        #expect(BulkUnitsReader.read(part, fileName: "units.csv", rules: rules, threads: 1) == nil)
        #expect(BulkFixtures.checkedUnits(part, rules: rules).diagnostics.map(\.code) == ["unit-id-is-name"])
        // X01 as X02's name: handed over, said with row 3.
        let other = Array(Self.units(x01: "西城区德胜商贸集团有限公司工会").utf8)
        #expect(BulkUnitsReader.read(other, fileName: "units.csv", rules: rules, threads: 1) == nil)
        #expect(BulkFixtures.checkedUnits(other, rules: rules).diagnostics.first?.text.zh.contains("与第 3 行的单位名称相同") == true)
    }

    @Test("the bulk units reader hands both over, and reads a short Chinese id; a session's copies are read as before")
    func bulkAndCopies() throws {
        let rules = BulkFixtures.xicheng
        for id in [Self.x01, "西城区某某有限公司工会"] {
            let bytes = Array(Self.units(x01: id).utf8)
            #expect(BulkUnitsReader.read(bytes, fileName: "units.csv", rules: rules, threads: 1) == nil, "\(id)")
            #expect(BulkFixtures.checkedUnits(bytes, rules: rules).diagnostics.map(\.code) == ["unit-id-is-name"])
            var copies = UnitsReader(rules: rules)
            copies.limitsText = false
            #expect(copies.read(Data(bytes), fileName: "units.csv").diagnostics.isEmpty)
        }
        let short = Array(Self.units(x01: "西城一号").utf8)
        #expect(BulkUnitsReader.read(short, fileName: "units.csv", rules: rules, threads: 1)?.identities.ids.first == "西城一号")
    }
}
