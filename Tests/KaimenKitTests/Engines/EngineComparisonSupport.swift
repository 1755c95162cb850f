import Foundation
import Testing
@testable import KaimenKit

/// Generates data with `kaimen generate --edges` and scores it with `kaimen score --engine …`,
/// all through the command line in-process, so these tests outlive any rewrite of the engines.
enum EngineRuns {
    /// The rules files under `Fixtures/engines/`, relative to the package root.
    static func rules(_ name: String) -> String { "Tests/KaimenKitTests/Fixtures/engines/\(name).jsonc" }

    static func temporaryFolder(_ tag: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-\(tag)-\(UUID().uuidString)")
    }

    /// `kaimen generate` into `dir/data`.
    static func generate(_ rules: String, units: Int, seed: Int, edges: Int, into dir: URL,
                         sourceLocation: Testing.SourceLocation = #_sourceLocation) -> URL {
        let data = dir.appendingPathComponent("data")
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        let code = CLI.run(["generate", "--rules", rules, "--units", String(units), "--seed", String(seed), "--edges", String(edges),
                            "--out", data.path], console: console)
        #expect(code == .success, "generate: \(console.stderr)", sourceLocation: sourceLocation)
        return data
    }

    struct Scored {
        var stdout: String
        /// Standard error without the timing lines (which hold tabs) and the "wrote N files to DIR" line.
        var messages: String
        /// Units the fast path handed to the exact evaluator, when `--timings` says (`fallbacks\tN`).
        var fallbacks: Int?
    }

    /// `kaimen score --engine ENGINE --lang en --timings` and the given options; expects success and that ENGINE ran.
    static func score(_ rules: String, data: URL, engine: String, _ options: [String],
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Scored {
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        let code = CLI.run(["score", "--rules", rules, "--units", data.appendingPathComponent("units.csv").path,
                            "--roster", data.appendingPathComponent("roster.csv").path,
                            "--ballots", data.appendingPathComponent("ballots.csv").path,
                            "--engine", engine, "--threads", "1", "--lang", "en", "--timings"] + options, console: console)
        #expect(code == .success, "\(engine): \(console.stderr.prefix(2000))", sourceLocation: sourceLocation)
        #expect(console.stderr.contains("engine\t\(engine)"), "the \(engine) engine ran", sourceLocation: sourceLocation)
        let messages = console.stderr.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("\t") && !$0.hasPrefix("wrote ") }.joined(separator: "\n")
        let fallbacks = console.stderr.split(separator: "\n").first { $0.hasPrefix("fallbacks\t") }.flatMap { Int($0.dropFirst(10)) }
        return Scored(stdout: console.stdout, messages: messages, fallbacks: fallbacks)
    }

    /// Every file under `dir`, by relative path.
    static func files(under dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let base = dir.standardizedFileURL.path
        guard let walk = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey]) else { return out }
        for case let url as URL in walk where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            out[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = try Data(contentsOf: url)
        }
        return out
    }

    /// A manifest without its `created` time: the rest (inputs, outputs and their hashes) must agree.
    static func manifestWithoutTime(_ data: Data) throws -> NSDictionary {
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return object.filter { $0.key != "created" } as NSDictionary
    }
}

/// What a scored data set reached, read from the English summary (its notes) and messages.
struct Reached {
    /// Tie-break name as the notes print it (`standard 报表迟报`, `bonus`, `representatives' points`) → units whose note says it decided.
    var decidedBy: [String: Int] = [:]
    var facts: [String: Int] = [:]

    mutating func read(summaryCSV: String, messages: String, gradeMinima: [String]) {
        let table = CSVReader.read(Data(summaryCSV.utf8), fileName: "summary.csv").table!
        let notes = table.header.firstIndex(of: "Notes")!, total = table.header.firstIndex(of: "Total")!
        for row in table.rows where row.count > notes {
            var rest = Substring(row[notes])
            while let r = rest.range(of: " on total; ") {
                rest = rest[r.upperBound...]
                // "<name> <a> vs <b> puts it ahead": the name is everything before the value compared.
                if let vs = rest.range(of: " vs ") {
                    let head = rest[..<vs.lowerBound]
                    if let space = head.lastIndex(of: " ") { decidedBy[String(head[..<space]), default: 0] += 1 }
                }
            }
            for (fact, text) in [("shared rank", "shares the rank with"), ("veto", "veto: "), ("veto not checked", "not checked: data missing"),
                                 ("quota move", "by the quota")] where row[notes].contains(text) {
                facts[fact, default: 0] += 1
            }
            if gradeMinima.contains(row[total]) { facts["total on a grade boundary", default: 0] += 1 }
        }
        for line in messages.split(separator: "\n") {
            for (fact, text) in [("prorated", "; left out; the rest of its area is scaled up"), ("not assessable, full", "scored full"),
                                 ("not assessable, zero", "; scored 0 of"), ("insufficient ballots", "insufficient ballots: "),
                                 ("precondition false", "precondition "), ("zero denominator", ", no ratio;"),
                                 ("missing metric", "is missing;"), ("survey participation", "participation below"),
                                 ("survey without respondents", "nobody took part")] where line.contains(text) {
                facts[fact, default: 0] += 1
            }
            if line.contains("not assessable: "), let by = line.range(of: "; scored "), line[by.upperBound...].first?.isNumber == true,
               !line[by.upperBound...].hasPrefix("0 of") {
                facts["not assessable, points", default: 0] += 1
            }
            if line.contains("insufficient ballots: ") && line.contains("; scored 0 of") { facts["insufficient, zero", default: 0] += 1 }
        }
    }
}
