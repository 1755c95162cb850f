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
        #expect(Unit.looksLikeName(id, name: "乙工会") == isName)
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
