import Foundation
import Testing
@testable import KaimenKit

/// A short form of a unit's name typed where its id belongs (`德胜商贸` for 西城区德胜商贸集团有限公司工会,
/// a secretary's test): said as part of that unit's name, with its id, instead of "the ids run
/// from X01 to X09".
@Suite("Part of a unit's name where its id belongs")
struct PartOfNameTests {
    @Test("in a ballots file: the unit whose name holds it, and its id")
    func ballots() throws {
        let folder = ScratchFolder(); defer { folder.cleanUp() }
        let args = try TextLimitsTests.files(in: folder, ballots: { $0.replacingOccurrences(of: ",X02,", with: ",德胜商贸,") })
        let r = EndToEndTests.run(["score"] + args)
        #expect(r.err.contains("错误：选票打分的单位 `德胜商贸` 不在单位文件里：`德胜商贸` 是单位 `X02`（西城区德胜商贸集团有限公司工会）名称中的一段，这一列请填单位编号 `X02`"), "\(r.err)")
        let en = EndToEndTests.run(["score"] + args + ["--lang", "en"])
        #expect(en.err.contains("; `德胜商贸` is part of the name of unit `X02` (西城区德胜商贸集团有限公司工会); this column takes the id `X02`"), "\(en.err)")
    }

    @Test("a part of several names lists them; an id-like text or one character is not matched")
    func several() throws {
        let rules = try RulesLoader().load(Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path).rules
        let units = try #require(UnitsReader(rules: rules).read(try Data(contentsOf: TextLimitsTests.sample.appendingPathComponent("units.csv")), fileName: "u.csv").table?.units)
        let several = NameForID.units(partOf: "工会", in: units)
        #expect(several.count == units.count)
        #expect(ReaderMessages.partOfName("工会", units: several, in: .column).zh.hasPrefix("：名称中含 `工会` 的单位有 `X01`（"))
        #expect(ReaderMessages.partOfName("工会", units: several, in: .column).zh.contains(" 等 9 个，这一列请填所指那个单位的编号"))
        #expect(NameForID.units(partOf: "X0", in: units).isEmpty)
        #expect(NameForID.units(partOf: "工", in: units).isEmpty)
    }

    @Test("session resolve's --unit, the same")
    func sessionOption() throws {
        let s = try SampleSession(); defer { s.remove() }
        let r = s.run("void", ["--rep", "R05", "--unit", "德胜商贸", "--reason", "原表空白", "--by", "王秘书"])
        #expect(r.code == .failure)
        #expect(r.err.contains("`德胜商贸` 是单位 `X02`（西城区德胜商贸集团有限公司工会）名称中的一段，`--unit` 请填单位编号 `X02`"), "\(r.err)")
    }
}
