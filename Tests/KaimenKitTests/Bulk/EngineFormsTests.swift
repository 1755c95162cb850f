import Foundation
import Testing
@testable import KaimenKit

@Suite("The fast number form gives exactly the exact form's results")
struct EngineFormsTests {
    /// `rules` under the package's root, or an absolute path.
    static func session(rules: String, units: Int, seed: UInt64) throws -> ScoringSession {
        let path = rules.hasPrefix("/") ? rules : Fixtures.packageRoot.appendingPathComponent(rules).path
        let loaded = try RulesLoader().load(path)
        let data = DataGenerator(rules: loaded.rules, units: units, seed: seed).generate()
        let files = ["units.csv": Data(data.units), "roster.csv": Data(data.roster), "ballots.csv": Data(data.ballots)]
        return try ScoringSession.run(.init(rules: path, units: "/gen/units.csv",
                                            roster: "/gen/roster.csv", ballots: "/gen/ballots.csv"),
                                      readFile: { path in
                                          if let d = files[String(path.dropFirst(5))], path.hasPrefix("/gen/") { return d }
                                          return try Data(contentsOf: URL(fileURLWithPath: path))
                                      })
    }

    /// `s` scored and ranked in the exact form, once for every comparison of the fast form with it.
    struct Exact {
        var results: ScoreTable
        var ranking: Ranker.Report
        init(_ s: ScoringSession) {
            let ballots = BallotColumns.from(s.ballots, unitCount: s.table.units.count)
            (results, _) = Engine(plan: s.plan).score(MetricColumns.from(s.table), ballots, form: .exact)
            ranking = Ranker.rank(&results, rules: s.rules, categories: s.table.units.map(\.category))
        }
    }

    /// Scores `s` in the fast form; compares every column, the ranking and the tie notes with
    /// the exact form's (`exact`, made from `s` when not given).
    func compare(_ s: ScoringSession, threads: Int, narrow: Bool = false, exact: Exact? = nil) -> Engine.Stats {
        var columns = MetricColumns.from(s.table)
        if narrow { columns.narrowColumns() }
        let ballots = BallotColumns.from(s.ballots, unitCount: s.table.units.count)
        let engine = Engine(plan: s.plan)
        var (bulk, stats) = engine.score(columns, ballots, form: .fast, threads: threads)
        let ranking = Ranker.rank(&bulk, rules: s.rules, categories: s.table.units.map(\.category))
        let exact = exact ?? Exact(s)
        let checked = exact.results, exactRanking = exact.ranking
        // The traced results (what explain shows) have the same totals and grades.
        #expect(s.results.map { $0.total.scaledInteger(places: s.rules.ranking.precision) } == checked.total)
        #expect(s.results.map(\.grade) == checked.grade.map { s.rules.grades[Int($0)].name })
        // The same order and quota moves; tie notes decided by the same key, with the same values
        // (or, for an open key, its interval's lower end: see `keysHold` below).
        #expect(ranking.order == exactRanking.order)
        #expect(ranking.position == exactRanking.position)
        #expect(ranking.quotaMoves == exactRanking.quotaMoves)
        let tolerance = Rational(1, 1_000_000_000)
        func close(_ a: Rational?, _ b: Rational?) -> Bool { a == b || (a != nil && b != nil && (a! - b!).magnitude < tolerance) }
        #expect(zip(ranking.notesInOrder, exactRanking.notesInOrder).allSatisfy { a, b in
            switch (a?.decision, b?.decision) {
            case (.decided(let i, let m, let t), .decided(let j, let n, let u)): a?.above == b?.above && i == j && close(m, n) && close(t, u)
            default: a == b
            }
        })
        // …and printed alike: the digits a note shows are the exact values' (a key held as
        // 14.749999999999… printed `14.7` where the exact 14.75 prints `14.8`, or `14.75` beside 14.79).
        let p = s.rules.ranking.precision
        let printed = zip(ranking.notesInOrder, exactRanking.notesInOrder).filter { a, b in
            guard case .decided(_, let m, let t)? = a?.decision, case .decided(_, let n, let u)? = b?.decision else { return false }
            return TieValueText.pair(m, t, kind: .points, precision: p) != TieValueText.pair(n, u, kind: .points, precision: p)
        }
        #expect(printed.isEmpty, "\(printed.prefix(3))")
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
        // A tie-break key is the exact value, or (when the fast form's interval was not one
        // value and no other key of its run came near it) the interval's lower end, at most a
        // few 10⁻¹² below it.
        let near = Rational(1, 1_000_000_000)
        let keysHold = zip(bulk.tieKeys, checked.tieKeys).allSatisfy { b, c in
            b == c || (b != nil && c != nil && b! <= c! && c! - b! < near)
        }
        #expect(keysHold)
        #expect(bulk.rank == checked.rank)
        #expect(bulk.categoryRank == checked.categoryRank)
        bulk.tieKeys = checked.tieKeys
        #expect(bulk == checked)
        return stats
    }

    @Test("a generated session: every number equal in both forms, on one thread and on two",
          arguments: [("rules/xicheng-2014.jsonc", UInt64(7)), ("rules/dongcheng-2019.jsonc", UInt64(11))])
    func generated(_ rules: String, _ seed: UInt64) throws {
        let s = try Self.session(rules: rules, units: Fixtures.units(1000), seed: seed)
        let exact = Exact(s)
        let one = compare(s, threads: 1, exact: exact)
        let two = compare(s, threads: 2, narrow: true, exact: exact)
        #expect(one.fallbacks == two.fallbacks)
        #expect(one.fallbacks < 30, "the fast path should handle nearly every unit, fell back \(one.fallbacks) times")
    }

    /// A review's rules (session 29): ballots by their mean, totals at whole points, so most units
    /// share a total and are told apart by ballot points, many of them means of twelfths whose
    /// exact value ends in 5 (14.75) while the fast form holds it a hair below.
    @Test("means of ballots and whole-point totals: the same ranks, and tie notes printed with the exact values' digits")
    func meansAtWholePoints() throws {
        let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc"), encoding: .utf8)
        let variant = text.replacingOccurrences(of: "\"precision\": 2,", with: "\"precision\": 0,")
            .replacingOccurrences(of: "\"aggregate\": \"trimmedMean\",\n    \"trim\": { \"k\": 1, \"minBallots\": 5 },", with: "\"aggregate\": \"mean\",")
        #expect(variant.contains("\"precision\": 0,") && variant.contains("\"aggregate\": \"mean\","))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-means-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let rules = dir.appendingPathComponent("xicheng-means.jsonc")
        try variant.write(to: rules, atomically: true, encoding: .utf8)
        let s = try Self.session(rules: rules.path, units: Fixtures.units(1000), seed: 29)
        _ = compare(s, threads: 2)
    }

    /// A tester's 2027 file (session 52): Xicheng's rules with `combine` 70/30 and some points
    /// moved, so that metric points count 70/78 and ballot points 30/22. No factor ends in ten:
    /// every weighted point is held as an interval, and an area earned in full is its cap
    /// exactly, both a hair around the same value. Taking the smaller of two such intervals is no
    /// question (0.29.7); before, each such unit was scored again exactly: on these 1 000
    /// generated units `score --engine fast --timings` of 0.29.6 counted 53 fallbacks (605 of the
    /// tester's 10 000), 0.29.7 one. 52 of them earned an area in full.
    @Test("points weighted by factors that do not end: every number equal, and an area earned in full does not fall back")
    func weightedByThirds() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-weighted-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path
        let text = """
        {
          "format": 1, "extends": "\(base)", "id": "xicheng-2027", "title": "西城区（2027年，征求意见稿）",
          "issuer": "西城区总工会", "version": "2027.1",
          "grades": [ { "name": "优秀", "min": 92, "quota": 30 }, { "name": "良好", "min": 80 },
                      { "name": "合格", "min": 60 }, { "name": "不合格" } ],
          "ballots": { "combine": { "mode": "weighted", "ballots": 30, "metrics": 70 } },
          "override": {
            "areas": [ { "id": "rights", "points": 14 }, { "id": "organization", "points": 10 } ],
            "standards": [
              { "id": "rights.contracts", "criteria": "集体合同签订率达到99%以上得4分，95%以上得2分，90%以上得1分。", "points": 4,
                "bands": [ { "min": 0.99, "points": 4 }, { "min": 0.95, "points": 2 }, { "min": 0.90, "points": 1 } ] },
              { "id": "rights.ballot", "criteria": "职工代表现场评分，最高5分，取中位数。", "points": 5, "aggregate": "median" },
              { "id": "organization.membership", "criteria": "职工入会率达到96%以上得1分，80%至96%按比例得分。", "points": 1 }
            ]
          }
        }
        """
        let rules = dir.appendingPathComponent("xicheng-2027.jsonc")
        try text.write(to: rules, atomically: true, encoding: .utf8)
        let s = try Self.session(rules: rules.path, units: 1000, seed: 7)
        // Units with an area earned in full: the case this is about, there to be scored.
        let full = s.results.filter { r in r.areas.contains { $0.earned == $0.maxPoints } }.count
        #expect(full > 30, "only \(full) units earned an area in full")
        let stats = compare(s, threads: 2)
        #expect(stats.fallbacks < 10, "fell back \(stats.fallbacks) times")
    }

    @Test("the bundled samples: every number equal", arguments: [("xicheng-2014", "xicheng-2014"), ("dongcheng-2019", "dongcheng-2019")])
    func samples(_ sample: String, _ rules: String) throws {
        let root = Fixtures.packageRoot.path
        let s = try ScoringSession.run(.init(rules: "rules/\(rules).jsonc", units: "samples/\(sample)/units.csv",
                                             roster: "samples/\(sample)/roster.csv", ballots: "samples/\(sample)/ballots.csv", baseDirectory: root))
        _ = compare(s, threads: 2)
    }
}
