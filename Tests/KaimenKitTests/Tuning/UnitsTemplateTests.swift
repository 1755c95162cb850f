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
        #expect(instruction("card_application_rate") == "填写比例，如 91.5%；没有可留空（该项按无法考核处理）")
        #expect(instruction("members") == "填写整数，如 120（单位：人）；必填")
        #expect(instruction("congress_held") == "填写 是 或 否；必填")
        #expect(instruction("station_stars") == "填写整数，如 120（单位：星）；没有可留空（按 0 计）")
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

@Suite("rules template never writes over a file without being asked")
struct UnitsTemplateOverwriteTests {
    /// The template command run in `dir`, with the rules copied there.
    func run(_ args: [String], in dir: URL) -> (code: ExitCode, err: String) {
        let console = BufferConsole(currentDirectory: dir.path)
        let code = CLI.run(["rules", "template"] + args, console: console)
        return (code, console.stderr)
    }

    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-template-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for name in ["xicheng-2014.jsonc", "dongcheng-2019.jsonc"] {
            try FileManager.default.copyItem(at: Fixtures.packageRoot.appendingPathComponent("rules/\(name)"), to: dir.appendingPathComponent(name))
        }
        return dir
    }

    @Test("the rules file itself, or the file it extends, is never replaced, even with --force")
    func ownRulesFile() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try Data(contentsOf: dir.appendingPathComponent("dongcheng-2019.jsonc"))
        let base = try Data(contentsOf: dir.appendingPathComponent("xicheng-2014.jsonc"))
        let own = run(["dongcheng-2019.jsonc", "--out", "dongcheng-2019.jsonc", "--force"], in: dir)
        #expect(own.code == .failure)
        #expect(own.err == "错误：`dongcheng-2019.jsonc` 是这次读取的规则文件，不会覆盖它；用 --out 换一个文件名，如 units-template.csv\n")
        // The base it extends, by another spelling of its path.
        let extended = run(["dongcheng-2019.jsonc", "--out", "./sub/../xicheng-2014.jsonc", "--lang", "en"], in: dir)
        #expect(extended.code == .failure)
        #expect(extended.err == "error: `./sub/../xicheng-2014.jsonc` is a rules file this run reads; it is not replaced; choose another file name with --out, such as units-template.csv\n")
        #expect(try Data(contentsOf: dir.appendingPathComponent("dongcheng-2019.jsonc")) == before)
        #expect(try Data(contentsOf: dir.appendingPathComponent("xicheng-2014.jsonc")) == base)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["dongcheng-2019.jsonc", "xicheng-2014.jsonc"])
    }

    @Test("an existing file is replaced only with --force")
    func existingFile() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let units = dir.appendingPathComponent("units.csv")
        try Data("id,name\nX01,已填好的单位\n".utf8).write(to: units)
        let refused = run(["xicheng-2014.jsonc", "--out", "units.csv"], in: dir)
        #expect(refused.code == .failure)
        #expect(refused.err == "错误：`units.csv` 已存在，不会覆盖它；用 --out 换一个文件名；确实要用新模板替换它，加 --force\n")
        #expect(try String(contentsOf: units, encoding: .utf8) == "id,name\nX01,已填好的单位\n")
        let forced = run(["xicheng-2014.jsonc", "--out", "units.csv", "--force"], in: dir)
        #expect(forced.code == .success)
        #expect(try String(contentsOf: units, encoding: .utf8).contains("enterprises"))
    }

    @Test("a folder gets units-template.csv inside it; a write that fails says why in the chosen language")
    func folder() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("out.xlsx"), withIntermediateDirectories: false)
        let r = run(["xicheng-2014.jsonc", "--out", "out.xlsx"], in: dir)
        #expect(r.code == .success)
        #expect(r.err == "已写入 out.xlsx/units-template.csv：57 个指标列\n")
        let written = try Data(contentsOf: dir.appendingPathComponent("out.xlsx/units-template.csv"))
        #expect(written.starts(with: [0xEF, 0xBB, 0xBF]))  // a CSV, by the file's own name
        // Again: now the file inside is there.
        #expect(run(["xicheng-2014.jsonc", "--out", "out.xlsx"], in: dir).err.hasPrefix("错误：`out.xlsx/units-template.csv` 已存在"))
        // Under a plain file used as a folder the system refuses: said in Chinese, with the cause.
        let under = run(["xicheng-2014.jsonc", "--out", "xicheng-2014.jsonc/t.csv"], in: dir)
        #expect(under.code == .failure)
        #expect(under.err.hasPrefix("错误：无法"), "\(under.err)")
        #expect(!under.err.contains("could not"), "\(under.err)")
    }
}
