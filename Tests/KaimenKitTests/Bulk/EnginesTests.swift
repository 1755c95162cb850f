import Foundation
import Testing
@testable import KaimenKit

/// The fast engine behind `kaimen score` prints exactly what the exact engine does, and writes the
/// same summary.csv (`Engines/EngineComparisonTests` compares whole output sets).
@Suite("Both engines print the same table and warnings and write the same summary")
struct EnginesTests {
    func score(_ dir: URL, rules: String, engine: String, threads: Int) throws -> (out: String, err: String, summary: Data) {
        let out = dir.appendingPathComponent("out-\(engine)-\(threads)")
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        let code = CLI.run(GeneratedSession.scoreArguments(dir, rules: rules) + ["--engine", engine, "--threads", String(threads), "--format", "csv", "--out", out.path, "--summary-only", "--timings"],
                           console: console)
        #expect(code == .success, "\(console.stderr)")
        #expect(console.stderr.contains("engine\t\(engine)"), "the \(engine) engine was used")
        return (console.stdout, console.stderr.components(separatedBy: "\nread rules")[0],
                try Data(contentsOf: out.appendingPathComponent("summary.csv")))
    }

    @Test("a generated session: table, warnings and summary.csv identical, bulk on one and two threads",
          arguments: ["rules/xicheng-2014.jsonc", "rules/dongcheng-2019.jsonc"])
    func generated(_ rules: String) throws {
        let dir = try GeneratedSession.make(units: 1200, seed: 3, rules: rules)
        defer { try? FileManager.default.removeItem(at: dir) }
        let checked = try score(dir, rules: rules, engine: "exact", threads: 1)
        for threads in [1, 2] {
            let bulk = try score(dir, rules: rules, engine: "fast", threads: threads)
            #expect(bulk.out == checked.out)
            #expect(bulk.summary == checked.summary)
            // The warnings (recusals, not assessed, vetoes, quota moves) print the same.
            let warnings = { (s: String) in s.split(separator: "\n").filter { !$0.contains("wrote") && !$0.contains("写入") } }
            #expect(warnings(bulk.err) == warnings(checked.err))
        }
    }

    @Test("anything the bulk readers would not take goes through the checked engine, with its messages")
    func handOver() throws {
        let dir = try GeneratedSession.make(units: 300, seed: 5, rules: "rules/xicheng-2014.jsonc")
        defer { try? FileManager.default.removeItem(at: dir) }
        // A rate above 100% on the third unit: the checked reader's located error, exit 1, nothing written.
        let units = dir.appendingPathComponent("units.csv")
        var lines = try String(contentsOf: units, encoding: .utf8).components(separatedBy: "\r\n")
        var cells = lines[3].components(separatedBy: ",")
        let header = lines[0].components(separatedBy: ",")
        let rate = header.firstIndex(of: "card_application_rate")!
        cells[rate] = "120%"
        lines[3] = cells.joined(separator: ",")
        try lines.joined(separator: "\r\n").write(to: units, atomically: true, encoding: .utf8)
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        let out = dir.appendingPathComponent("out")
        let code = CLI.run(["score", "--rules", "rules/xicheng-2014.jsonc", "--units", units.path, "--roster", dir.appendingPathComponent("roster.csv").path,
                            "--ballots", dir.appendingPathComponent("ballots.csv").path, "--engine", "fast", "--out", out.path, "--lang", "en"], console: console)
        #expect(code == .failure)
        #expect(console.stderr.contains("units.csv row 4, column AO (card_application_rate): error:"))
        #expect(console.stderr.contains("is above 100%"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
