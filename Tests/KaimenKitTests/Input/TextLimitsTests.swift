import Foundation
import Testing
@testable import KaimenKit

/// A unit name of 40 000 characters was accepted (a hostile-input test): every message naming
/// the unit printed it whole (1 MB on the terminal for one run), and the workbook's cells
/// passed the 32 767 characters Excel holds. Ids have at most 64 characters, names,
/// categories, groups and roles at most 200; the checked readers say so at the cell, and the
/// byte readers hand such a file over so that they do.
@Suite("Ids and names of any length: text-too-long")
struct TextLimitsTests {
    static let sample = Fixtures.packageRoot.appendingPathComponent("samples/xicheng-2014")

    /// The sample's units, roster and ballots with `edit` applied to each file's text, written
    /// into `folder`; returns the `score` arguments for them.
    static func files(in folder: ScratchFolder, units: @escaping (String) -> String = { $0 }, roster: @escaping (String) -> String = { $0 },
                      ballots: @escaping (String) -> String = { $0 }) throws -> [String] {
        var paths: [String] = []
        let edits: [(String, (String) -> String)] = [("units.csv", units), ("roster.csv", roster), ("ballots.csv", ballots)]
        for (name, edit) in edits {
            let text = try String(contentsOf: Self.sample.appendingPathComponent(name), encoding: .utf8)
            let url = folder.url.appendingPathComponent(name)
            try edit(text).write(to: url, atomically: true, encoding: .utf8)
            paths.append(url.path)
        }
        return ["--rules", Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path,
                "--units", paths[0], "--roster", paths[1], "--ballots", paths[2], "--format", "none"]
    }

    static let longName = String(repeating: "工会", count: 20_000)
    static let longID = "X" + String(repeating: "9", count: 300)

    @Test("a unit name of 40 000 characters and an id of 301: located errors, quoted cut short, by either engine")
    func units() throws {
        let folder = ScratchFolder(); defer { folder.cleanUp() }
        let args = try Self.files(in: folder, units: { text in
            text.replacingOccurrences(of: "北京西城华宸建设集团有限公司工会", with: Self.longName)
                .replacingOccurrences(of: "X02,", with: Self.longID + ",")
        }, roster: { $0.replacingOccurrences(of: "X02", with: Self.longID) },
           ballots: { $0.replacingOccurrences(of: ",X02,", with: ",\(Self.longID),") })
        for engine in ["exact", "fast"] {
            let r = EndToEndTests.run(["score"] + args + ["--engine", engine])
            #expect(r.code == .failure)
            #expect(r.err.contains("units.csv 第 2 行 B 列（name）：错误：单位名称 `\(String(repeating: "工会", count: 20))…` 有 40000 个字符，超过上限 200 个；看看这一格是不是误粘贴了别的内容"), "\(r.err.prefix(2000))")
            #expect(r.err.contains("第 3 行 A 列（id）：错误：单位编号 `X\(String(repeating: "9", count: 39))…` 有 301 个字符，超过上限 64 个"), "\(r.err.prefix(2000))")
            #expect(r.err.hasSuffix("2 个错误；未计分\n"), "\(r.err.prefix(2000))")
            // Nothing quotes the whole name: the run's messages are short.
            #expect(r.err.utf8.count < 2_000)
        }
    }

    @Test("exactly 200 characters in a name and 64 in an id score; 201 and 65 do not")
    func boundary() throws {
        let folder = ScratchFolder(); defer { folder.cleanUp() }
        let name200 = String(repeating: "名", count: 200), id64 = "X" + String(repeating: "0", count: 63)
        func run(_ name: String, _ id: String, engine: String) throws -> (code: ExitCode, out: String, err: String) {
            let args = try Self.files(in: folder, units: {
                $0.replacingOccurrences(of: "北京西城华宸建设集团有限公司工会", with: name).replacingOccurrences(of: "X02,", with: id + ",")
            }, roster: { $0.replacingOccurrences(of: "X02", with: id) }, ballots: { $0.replacingOccurrences(of: ",X02,", with: ",\(id),") })
            return EndToEndTests.run(["score"] + args + ["--engine", engine])
        }
        for engine in ["exact", "fast"] {
            #expect(try run(name200, id64, engine: engine).code == .success)
            let over = try run(name200 + "名", id64 + "0", engine: engine)
            #expect(over.code == .failure && over.err.contains("有 201 个字符，超过上限 200 个") && over.err.contains("有 65 个字符，超过上限 64 个"), "\(over.err)")
        }
    }

    @Test("a representative's name, group and role, and a units JSON's category, have the same limit")
    func rosterAndJSON() throws {
        let folder = ScratchFolder(); defer { folder.cleanUp() }
        let long = String(repeating: "a", count: 201)
        let args = try Self.files(in: folder, roster: { text in
            var lines = text.components(separatedBy: "\n")
            var cells = lines[1].components(separatedBy: ",")
            cells[1] = long
            lines[1] = cells.joined(separator: ",")
            return lines.joined(separator: "\n")
        })
        for engine in ["exact", "fast"] {
            let r = EndToEndTests.run(["score"] + args + ["--engine", engine, "--lang", "en"])
            #expect(r.code == .failure && r.err.contains("roster.csv row 2, column B (name): error: the name `\(String(repeating: "a", count: 40))…` has 201 characters, more than the 200 allowed"), "\(r.err)")
        }
        let rules = try RulesLoader().load(Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path).rules
        let json = #"[{"id": "X01", "name": "甲", "category": "\#(String(repeating: "类", count: 201))"}]"#
        let read = UnitsReader(rules: rules).read(Data(json.utf8), fileName: "units.json")
        #expect(read.diagnostics.contains { $0.code == "text-too-long" && $0.text.zh.contains("单位类别") })
    }

    @Test("a session's copies of its inputs are read without the limits: a session opened before 0.23.1 still scores")
    func sessionCopies() throws {
        let folder = ScratchFolder(); defer { folder.cleanUp() }
        _ = try Self.files(in: folder, units: { $0.replacingOccurrences(of: "北京西城华宸建设集团有限公司工会", with: String(repeating: "名", count: 201)) })
        try FileManager.default.copyItem(at: Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc"),
                                         to: folder.url.appendingPathComponent("rules.jsonc"))
        let paths = SessionSetup.Paths(rules: "rules.jsonc", units: "units.csv", roster: "roster.csv", schedule: nil)
        #expect(throws: SessionError.self) { try SessionSetup.read(paths, base: folder.url.path) }
        let copies = try SessionSetup.read(paths, base: folder.url.path, copies: true)
        #expect(copies.units.first?.name.count == 201)
    }
}
