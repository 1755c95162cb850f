import Foundation
import Testing
@testable import KaimenKit

/// The input files on disk (`Fixtures/inputs/`): a good set scores as worked out by hand;
/// equivalent encodings and layouts score identically.
enum InputFixtures {
    static let rules = Fixtures.path("inputs/rules.jsonc")
    static func good(_ name: String) -> String { Fixtures.path("inputs/good/\(name)") }
    static func broken(_ name: String) -> String { Fixtures.path("inputs/broken/\(name)") }

    static func inputs(units: String = good("units.csv"), roster: String = good("roster.csv"), ballots: String = good("ballots.csv"),
                       strict: Bool = false) -> ScoringSession.Inputs {
        ScoringSession.Inputs(rules: rules, units: units, roster: roster, ballots: ballots, strict: strict)
    }

    /// The problems of a run that must fail.
    static func problems(_ inputs: ScoringSession.Inputs, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Diagnostic] {
        do {
            _ = try ScoringSession.run(inputs)
            Issue.record("the run succeeded, but problems were expected", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// What a run computed, in a form two runs can be compared by.
    static func outcome(_ s: ScoringSession) -> [String] {
        s.results.map { r in
            let u = s.table.units[r.unit]
            return "\(u.id) \(u.name) \(u.category) \(r.exactTotal) \(r.total) \(r.grade) \(r.rank) " + r.standards.map { "\($0.points)" }.joined(separator: ",")
        }
    }
}

@Suite("Input files: a good set, and the same data in other encodings and layouts")
struct InputFilesTests {
    @Test("the good set scores as worked out by hand")
    func goodSet() throws {
        let s = try ScoringSession.run(InputFixtures.inputs())
        // U1: contracts 10/10 = 1 → 3. vote: R1 belongs to U1 (recused); R2 2.5, R3 2, R4 3 → 7.5/3 = 2.5.
        //     card 90% → 2 × 0.9 = 1.8; congress → 2; members 2 × 80/100 = 1.6; survey 1.5.
        //     3 + 2.5 + 1.8 + 2 + 1.6 + 1.5 = 12.4 → 优秀 (min 12)
        #expect(s.unit("U1").total == dec("12.4"))
        #expect(s.unit("U1").grade == "优秀")
        #expect(s.ballots.recusals.map(\.representative) == ["R1"])
        // U2: 18/20 = 0.9 → 2. vote: 1, 2, 2.5 → 5.5/3 = 11/6. card 2 × 0.5 = 1; congress 0;
        //     members empty, `missing: zero` → 0; survey empty, `missing: notAssessable` → 0 (file default zero).
        //     2 + 11/6 + 1 = 29/6 = 4.8333… → 4.83 → 不合格
        #expect(s.unit("U2").exactTotal == Rational(29, 6))
        #expect(s.unit("U2").total.formatted(places: 2) == "4.83")
        #expect(s.standard("U2", "members").status == .scored)
        #expect(s.points("U2", "members") == 0)
        #expect(s.standard("U2", "survey").status == .notAssessable(.missingMetric("survey_score")))
        // U3: 0/0 with zero: 0 → 0. vote: 0.5, 1, 1.5 → 1. card 2, congress (是) 2, members 2, survey 2.
        //     0 + 1 + 2 + 2 + 2 + 2 = 9 → 良好
        #expect(s.unit("U3").total == 9)
        #expect(s.unit("U3").grade == "良好")
        #expect(s.orderedIDs == ["U1", "U3", "U2"])
    }

    @Test("a GB18030 units file is decoded with a warning and scores the same")
    func gb18030() throws {
        let utf8 = try ScoringSession.run(InputFixtures.inputs())
        let gb = try ScoringSession.run(InputFixtures.inputs(units: InputFixtures.good("units-gb18030.csv")))
        let warning = try #require(gb.inputWarnings.first { $0.code == "gb18030-decoded" })
        #expect(warning.severity == .warning)
        #expect(warning.location?.file.hasSuffix("units-gb18030.csv") == true)
        #expect(gb.table.units.map(\.name) == ["甲工会", "乙工会", "丙工会"])
        #expect(InputFixtures.outcome(gb) == InputFixtures.outcome(utf8))
    }

    @Test("a wide ballots file scores exactly as the equivalent long one")
    func wideBallots() throws {
        let long = try ScoringSession.run(InputFixtures.inputs())
        let wide = try ScoringSession.run(InputFixtures.inputs(ballots: InputFixtures.good("ballots-wide.csv")))
        #expect(wide.ballots.ballots.count == long.ballots.ballots.count)
        #expect(wide.ballots.recusals.map(\.representative) == ["R1"])
        #expect(InputFixtures.outcome(wide) == InputFixtures.outcome(long))
    }

    @Test("units as JSON score exactly as the same units as CSV")
    func jsonUnits() throws {
        let csv = try ScoringSession.run(InputFixtures.inputs())
        let json = try ScoringSession.run(InputFixtures.inputs(units: InputFixtures.good("units.json")))
        #expect(json.inputWarnings.filter { $0.code != "recusal" }.isEmpty)
        #expect(InputFixtures.outcome(json) == InputFixtures.outcome(csv))
    }
}
