import Foundation
import Testing
@testable import KaimenKit

/// When `kaimen score` starts with the byte-level readers, and when the checked pipeline, which
/// makes the score sheets, runs once instead of after them.
@Suite("Which readers a run starts with: the byte readers for size, the checked pipeline once when sheets are wanted")
struct BulkPreferenceTests {
    /// A units file of `rows` rows, each padded to `width` bytes (a long name), LF or CRLF.
    static func units(rows: Int, width: Int, crlf: Bool = false, finalNewline: Bool = true) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-prefers-\(UUID().uuidString).csv")
        let end = crlf ? "\r\n" : "\n"
        var text = "id,name" + end
        let name = String(repeating: "名", count: max(1, (width - 12) / 3))
        for r in 0 ..< rows { text += "U\(r),\(name)" + (r + 1 < rows || finalNewline ? end : "") }
        try Data(text.utf8).write(to: url)
        return url
    }

    static func inputs(_ units: URL) -> ScoringSession.Inputs {
        .init(rules: "rules/xicheng-2014.jsonc", units: units.path, roster: "r.csv", ballots: "b.csv", baseDirectory: "/")
    }

    @Test("a file of a megabyte or less: the checked readers, whatever is written")
    func small() throws {
        let url = try Self.units(rows: 3000, width: 300)   // about 0.9 MB
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(!BulkRun.prefers(Self.inputs(url), engine: "auto"))
        #expect(!BulkRun.prefers(Self.inputs(url), engine: "auto", sheetsUpTo: 10_000))
        #expect(BulkRun.prefers(Self.inputs(url), engine: "fast", sheetsUpTo: 10_000))
        #expect(!BulkRun.prefers(Self.inputs(url), engine: "exact"))
    }

    @Test("over a megabyte with sheets for up to 10 000 units: the checked pipeline when the file has at most that many rows",
          arguments: [(9_999, true, true), (10_000, false, true), (10_000, true, false), (10_001, false, true)])
    func sheets(rows: Int, crlf: Bool, finalNewline: Bool) throws {
        let url = try Self.units(rows: rows, width: 120, crlf: crlf, finalNewline: finalNewline)   // 1.2 MB
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as! Int > 1 << 20)
        #expect(BulkRun.rowCount(url.path, atMost: 64 << 20) == rows)
        #expect(BulkRun.prefers(Self.inputs(url), engine: "auto"), "no sheets wanted: the byte readers")
        #expect(BulkRun.prefers(Self.inputs(url), engine: "auto", sheetsUpTo: 10_000) == (rows > 10_000))
        #expect(!BulkRun.prefers(Self.inputs(url), engine: "auto", sheetsUpTo: .max), "--sheets: every unit's sheet")
        #expect(BulkRun.prefers(Self.inputs(url), engine: "fast", sheetsUpTo: 10_000), "--engine fast is obeyed")
    }

    @Test("`score --out` of 300 units in a file over a megabyte reads them once, with the checked readers; --summary-only with the byte readers")
    func scoreCommand() throws {
        let dir = try GeneratedSession.make(units: 300, seed: 9, rules: "rules/xicheng-2014.jsonc")
        defer { try? FileManager.default.removeItem(at: dir) }
        // Names padded with 3 600 spaces each (which the readers trim) take the file over a
        // megabyte (a name may have at most 200 characters).
        let unitsURL = dir.appendingPathComponent("units.csv")
        var lines = try String(contentsOf: unitsURL, encoding: .utf8).components(separatedBy: "\r\n")
        for i in 1 ..< lines.count where !lines[i].isEmpty {
            var cells = lines[i].components(separatedBy: ",")
            cells[1] += String(repeating: " ", count: 3600)
            lines[i] = cells.joined(separator: ",")
        }
        try lines.joined(separator: "\r\n").write(to: unitsURL, atomically: true, encoding: .utf8)
        let size = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("units.csv").path)[.size] as! Int
        #expect(size > 1 << 20)
        func run(_ extra: [String]) -> (ExitCode, String) {
            let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
            let code = CLI.run(GeneratedSession.scoreArguments(dir, rules: "rules/xicheng-2014.jsonc")
                               + ["--format", "none", "--quiet", "--timings"] + extra, console: console)
            return (code, console.stderr)
        }
        let summary = run(["--out", dir.appendingPathComponent("summary-only").path, "--summary-only"])
        #expect(summary.0 == .success)
        #expect(summary.1.contains("engine\tfast"))
        // With the sheets the stages are read once: one "read metrics" line.
        let sheets = run(["--out", dir.appendingPathComponent("with-sheets").path])
        #expect(sheets.0 == .success)
        #expect(sheets.1.contains("engine\tchecked"))
        #expect(sheets.1.components(separatedBy: "read metrics").count == 2)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("with-sheets/sheets/U0001.csv").path))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("with-sheets/sheets/U0300.json").path))
    }
}
