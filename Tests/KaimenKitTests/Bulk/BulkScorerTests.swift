import Foundation
import Testing
@testable import KaimenKit

@Suite("The bulk scorer gives exactly the checked path's results")
struct BulkScorerTests {
    static func session(rules: String, units: Int, seed: UInt64) throws -> ScoringSession {
        let loaded = try RulesLoader().load(Fixtures.packageRoot.appendingPathComponent(rules).path)
        let data = DataGenerator(rules: loaded.rules, units: units, seed: seed).generate()
        let files = ["units.csv": Data(data.units), "roster.csv": Data(data.roster), "ballots.csv": Data(data.ballots)]
        return try ScoringSession.run(.init(rules: Fixtures.packageRoot.appendingPathComponent(rules).path, units: "/gen/units.csv",
                                            roster: "/gen/roster.csv", ballots: "/gen/ballots.csv"),
                                      readFile: { path in
                                          if let d = files[String(path.dropFirst(5))], path.hasPrefix("/gen/") { return d }
                                          return try Data(contentsOf: URL(fileURLWithPath: path))
                                      })
    }

    func compare(_ s: ScoringSession, threads: Int, narrow: Bool = false) -> BulkScorer.Stats {
        var columns = MetricColumns.from(s.table)
        if narrow { columns.narrowColumns() }
        let ballots = BallotColumns.from(s.ballots, unitCount: s.table.units.count)
        var (bulk, stats) = BulkScorer(plan: s.plan, columns: columns, ballots: ballots).score(threads: threads)
        let ranking = Ranker.rank(&bulk, rules: s.rules, categories: s.table.units.map(\.category))
        #expect(ranking == s.ranking)
        let checked = s.report.scores
        #expect(bulk.total == checked.total)
        #expect(bulk.areas == checked.areas)
        #expect(bulk.standards == checked.standards)
        #expect(bulk.bonus == checked.bonus)
        #expect(bulk.deducted == checked.deducted)
        #expect(bulk.ballotPoints == checked.ballotPoints)
        #expect(bulk.gradeByTotal == checked.gradeByTotal)
        #expect(bulk.grade == checked.grade)
        #expect(bulk.forced == checked.forced)
        #expect(bulk.vetoes == checked.vetoes)
        #expect(bulk.vetoesUnchecked == checked.vetoesUnchecked)
        #expect(bulk.events == checked.events)
        #expect(bulk.tieKeys == checked.tieKeys)
        #expect(bulk.rank == checked.rank)
        #expect(bulk.categoryRank == checked.categoryRank)
        #expect(bulk == checked)
        return stats
    }

    @Test("a generated Xicheng session: every number equal, on one thread and on two",
          arguments: [("rules/xicheng-2014.jsonc", UInt64(7)), ("rules/dongcheng-2019.jsonc", UInt64(11))])
    func generated(_ rules: String, _ seed: UInt64) throws {
        let s = try Self.session(rules: rules, units: 3000, seed: seed)
        let one = compare(s, threads: 1)
        let two = compare(s, threads: 2, narrow: true)
        #expect(one.fallbacks == two.fallbacks)
        #expect(one.fallbacks < 30, "the fast path should handle nearly every unit, fell back \(one.fallbacks) times")
    }

    @Test("the bundled samples: every number equal", arguments: [("xicheng-2014", "xicheng-2014"), ("dongcheng-2019", "dongcheng-2019")])
    func samples(_ sample: String, _ rules: String) throws {
        let root = Fixtures.packageRoot.path
        let s = try ScoringSession.run(.init(rules: "rules/\(rules).jsonc", units: "samples/\(sample)/units.csv",
                                             roster: "samples/\(sample)/roster.csv", ballots: "samples/\(sample)/ballots.csv", baseDirectory: root))
        _ = compare(s, threads: 2)
    }
}
