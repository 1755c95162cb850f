import Foundation
import Testing
@testable import KaimenKit

@Suite("rules template: the units file the unions fill in")
struct UnitsTemplateTests {
    static func xicheng() throws -> Rules {
        try RulesLoader().load(Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path).rules
    }

    @Test("Chinese headers, the ids in a second row, and an instruction per column")
    func rows() throws {
        let rules = try Self.xicheng()
        let bytes = UnitsTemplate.csv(rules)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let table = try #require(CSVReader.read(Data(bytes), fileName: "t.csv").table)
        #expect(table.header.prefix(4) == ["单位编号", "单位名称", "类别", "辖区（系统）企业数"])
        #expect(table.header.count == 3 + rules.metrics.count)
        #expect(table.rows[0].prefix(4) == ["id", "name", "category", "enterprises"])
        let instructions = table.rows[1]
        #expect(instructions[0].hasPrefix("# 填写说明"))
        func instruction(_ id: String) -> String { instructions[3 + rules.metrics.firstIndex { $0.id == id }!] }
        #expect(instruction("card_application_rate") == "填写比例，如 91.5%；没有可留空（该项不予考核）")
        #expect(instruction("members") == "填写整数，如 120（单位：人）；必填")
        #expect(instruction("congress_held") == "填写 是 或 否；必填")
        #expect(instruction("station_stars") == "填写整数，如 120（单位：星）；没有可留空（按0计）")
        #expect(instruction("five_good_union") == "填写 是 或 否；没有可留空（按“否”计）")  // a yes/no metric's 0 is 否
        #expect(instruction("funds_due").hasPrefix("填写数额"))
    }

    @Test("a filled-in template reads back as the units file it was filled from")
    func roundTrip() throws {
        let rules = try Self.xicheng()
        let sample = try Data(contentsOf: Fixtures.packageRoot.appendingPathComponent("samples/xicheng-2014/units.csv"))
        let original = try #require(UnitsReader(rules: rules).read(sample, fileName: "units.csv").table)
        var text = String(decoding: UnitsTemplate.csv(rules), as: UTF8.self)
        for (u, unit) in original.units.enumerated() {
            let values = rules.metrics.indices.map { original.values[$0][u]?.plainText(maxPlaces: 9) ?? "" }
            text += ([unit.id, unit.name, unit.category] + values).joined(separator: ",") + "\r\n"
        }
        let read = UnitsReader(rules: rules).read(Data(text.utf8), fileName: "filled.csv")
        #expect(read.diagnostics.filter { $0.severity == .error }.isEmpty, "\(read.diagnostics)")
        let table = try #require(read.table)
        #expect(table.units.map(\.id) == original.units.map(\.id))
        #expect(table.values == original.values)
    }

    @Test("the command writes the file, or prints it without --out")
    func command() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-template-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("units-template.csv").path
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        #expect(CLI.run(["rules", "template", "rules/dongcheng-2019.jsonc", "--out", out], console: console) == .success)
        let written = try String(contentsOfFile: out, encoding: .utf8)
        #expect(written.contains("新发展会员数"))
        #expect(!written.contains("服务站星级评定结果"))  // removed by the Dongcheng file
        let printed = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        #expect(CLI.run(["rules", "template", "rules/dongcheng-2019.jsonc", "--lang", "en"], console: printed) == .success)
        #expect(printed.stdout.hasPrefix("id,name,category,enterprises,"))
        #expect(CLI.run(["rules", "template"], console: BufferConsole()) == .usage)
        // As an .xlsx: a ZIP (PK) holding one worksheet with the same rows.
        let book = dir.appendingPathComponent("units-template.xlsx").path
        #expect(CLI.run(["rules", "template", "rules/dongcheng-2019.jsonc", "--out", book], console: BufferConsole(currentDirectory: Fixtures.packageRoot.path)) == .success)
        let data = try Data(contentsOf: URL(fileURLWithPath: book))
        #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    }
}
