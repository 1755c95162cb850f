import Foundation
import Testing
@testable import KaimenKit

/// The two scoring paths (`--engine checked` and `--engine bulk`; one day `exact` and `fast`)
/// must write the same bytes for every rules file and every data set. The rules files under
/// `Fixtures/engines/` together use every method, aggregate, tie-break kind, not-assessable
/// rule, precision 0/1/2/4, quotas, bonusCap and vetoes; `kaimen generate --edges` puts the
/// data where those rules decide something. Each test also checks that the data really
/// reached the paths (ties decided by each key, prorated areas, vetoes, quota moves), so a
/// generator that stopped reaching them would fail here rather than let the engines drift.
@Suite("Both scoring paths agree, byte for byte, on generated data at the rules' edges")
struct EngineComparisonTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var fixture: String
        /// Formatted as the summary prints totals at the rules' precision.
        var gradeMinima: [String]
        /// Tie-break names (as the notes print them) that must decide some tie.
        var decidingKeys: [String]
        var facts: [String]
        /// Whether the fast path should score most units itself (`false` where the rules make it hand them to the exact evaluator).
        var fast = true
        var testDescription: String { fixture }
    }

    static let cases: [Case] = [
        Case(fixture: "all-methods", gradeMinima: ["22", "18", "14"],
             decidingKeys: ["standard 市级以上表彰", "standard 报表迟报", "bonus", "standard 服务卡办卡率", "area 民主管理"],
             facts: ["veto", "veto not checked", "quota move", "total on a grade boundary", "prorated", "not assessable, full",
                     "not assessable, zero", "not assessable, points", "insufficient ballots", "precondition false", "zero denominator",
                     "missing metric", "survey participation", "survey without respondents"]),
        Case(fixture: "weighted-median", gradeMinima: ["12.0", "9.5", "7.0"],
             decidingKeys: ["bonus", "standard 劳模人数", "standard 报表差错", "metric 服务站数", "representatives' points"],
             facts: ["veto", "veto not checked", "quota move", "total on a grade boundary", "not assessable, points", "not assessable, full",
                     "insufficient, zero", "precondition false", "missing metric"]),
        // Weights of 16/15 and 24/25: the fast path hands units to the exact evaluator, and the result must not show it.
        Case(fixture: "weighted-thirds", gradeMinima: ["14.0", "11.0", "8.0"],
             decidingKeys: ["bonus", "standard 劳模人数", "standard 报表差错", "metric 服务站数"],
             facts: ["veto", "quota move", "insufficient, zero"], fast: false),
        Case(fixture: "mean-precision2", gradeMinima: ["13.00", "11.00", "9.00"],
             decidingKeys: ["area 工会经费", "metric 上解经费", "representatives' points"],
             facts: ["shared rank", "veto", "veto not checked", "quota move", "total on a grade boundary", "prorated", "insufficient ballots"]),
        Case(fixture: "trimmed-precision4", gradeMinima: ["14.0000", "11.5000", "8.2500"],
             decidingKeys: ["standard 特色活动", "metric 服务项目数", "area 服务职工"],
             facts: ["prorated", "insufficient ballots", "zero denominator", "missing metric", "survey without respondents"]),
    ]

    /// Sizes and seeds scored for each rules file: three-quarters edge units, the rest typical.
    static let runs: [(units: Int, seed: Int)] = [(150, 1), (150, 2), (150, 3), (37, 4)]

    @Test("the printed summary (CSV and JSON) and every message are identical, and the data reaches every path", arguments: cases)
    func printed(_ c: Case) throws {
        let rules = EngineRuns.rules(c.fixture)
        let dir = EngineRuns.temporaryFolder("engines-\(c.fixture)")
        defer { try? FileManager.default.removeItem(at: dir) }
        var reached = Reached()
        for (units, seed) in Self.runs {
            let data = EngineRuns.generate(rules, units: units, seed: seed, edges: 75, into: dir.appendingPathComponent("\(seed)"))
            for format in ["csv", "json"] {
                let checked = EngineRuns.score(rules, data: data, engine: "exact", ["--format", format])
                let bulk = EngineRuns.score(rules, data: data, engine: "fast", ["--format", format])
                #expect(bulk.stdout == checked.stdout, "\(c.fixture), \(units) units, seed \(seed): --format \(format) differs")
                #expect(bulk.messages == checked.messages, "\(c.fixture), \(units) units, seed \(seed): messages differ")
                if c.fast, let n = bulk.fallbacks {
                    #expect(n * 2 < units, "\(c.fixture), seed \(seed): \(n) of \(units) units left the fast path, so it was hardly compared")
                }
                if format == "csv" { reached.read(summaryCSV: checked.stdout, messages: checked.messages, gradeMinima: c.gradeMinima) }
            }
        }
        for key in c.decidingKeys {
            #expect(reached.decidedBy[key, default: 0] > 0, "\(c.fixture): no tie was decided by `\(key)`; decided: \(reached.decidedBy)")
        }
        for fact in c.facts {
            #expect(reached.facts[fact, default: 0] > 0, "\(c.fixture): the data never reached `\(fact)`; reached: \(reached.facts)")
        }
    }

    @Test("the whole output set (summaries, sheets, workbook, papers) is byte-identical but for the manifest's time", arguments: cases)
    func outputSets(_ c: Case) throws {
        let rules = EngineRuns.rules(c.fixture)
        let dir = EngineRuns.temporaryFolder("engines-out-\(c.fixture)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = EngineRuns.generate(rules, units: 40, seed: 11, edges: 80, into: dir)
        var sets: [[String: Data]] = []
        for engine in ["exact", "fast"] {
            let out = dir.appendingPathComponent("out-\(engine)")
            _ = EngineRuns.score(rules, data: data, engine: engine, ["--format", "none", "--out", out.path])
            sets.append(try EngineRuns.files(under: out))
        }
        let (checked, bulk) = (sets[0], sets[1])
        #expect(checked.keys.contains("summary.csv") && checked.keys.contains("summary.json") && checked.keys.contains("sheets/U0001.csv"))
        #expect(Set(bulk.keys) == Set(checked.keys), "\(c.fixture): the two sets hold different files")
        for (path, bytes) in checked.sorted(by: { $0.key < $1.key }) where path != "manifest.json" {
            #expect(bulk[path] == bytes, "\(c.fixture): \(path) differs")
        }
        let manifests = try [checked, bulk].map { try EngineRuns.manifestWithoutTime(try #require($0["manifest.json"])) }
        #expect(manifests[0] == manifests[1], "\(c.fixture): the manifests differ beyond their time")
    }

    @Test("every engines rules file passes `kaimen rules check`", arguments: cases)
    func rulesCheck(_ c: Case) {
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        #expect(CLI.run(["rules", "check", EngineRuns.rules(c.fixture), "--lang", "en"], console: console) == .success, "\(console.stderr)")
        #expect(!console.stderr.contains("error"), "\(console.stderr)")
    }
}
