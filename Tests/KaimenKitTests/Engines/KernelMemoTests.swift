import Foundation
import Testing
@testable import KaimenKit

/// The fast form's memory of kernel outcomes (`KernelMemo`): which steps it remembers, that a
/// value seen before gets the outcome worked out for it (whatever another value in the same
/// slot did in between), and that the rows are the same as without it (the exact form, which
/// never remembers). Every expected point is worked out by hand beside it.
@Suite("The fast form remembers kernel outcomes without changing any result")
struct KernelMemoTests {
    /// `s1`: count `c` × 0.5, at most 2. `s2`: linear on the rate `r` from 0.3 to 0.9, 3 points,
    /// so 5 × (r − 0.3) within [0, 3]. `s3`: count `c` × 0.25, at most 1, only when `g > 0`
    /// (a precondition: never remembered). `s4`: presence of `g`, 1 point (only compares: not
    /// remembered). A missing `c` or `r` makes its standards not assessable, which score 0.
    static let rules = RulesText.make(
        metrics: [RulesText.metric("c", missing: "notAssessable"), RulesText.metric("r", "rate", missing: "notAssessable"),
                  RulesText.metric("g", "flag")].joined(separator: ","),
        areas: RulesText.area("a", points: "7"),
        standards: [
            RulesText.standard("s1", area: "a", points: "2", #""method": "count", "metric": "c", "perUnit": 0.5"#),
            RulesText.standard("s2", area: "a", points: "3", #""method": "linear", "metric": "r", "floor": 0.3, "target": 0.9"#),
            RulesText.standard("s3", area: "a", points: "1",
                               #""method": "count", "metric": "c", "perUnit": 0.25, "precondition": { "when": "g > 0" }"#),
            RulesText.standard("s4", area: "a", points: "1", #""method": "presence", "metric": "g""#),
        ].joined(separator: ","))

    static func session(_ rows: [String]) throws -> ScoringSession {
        try TestSession(rules: rules, units: "id,name,c,r,g\n" + rows.joined(separator: "\n") + "\n").run()
    }

    /// Both forms' tables for the session; the fast one through the memory.
    static func tables(_ s: ScoringSession, threads: Int = 1) -> (fast: ScoreTable, exact: ScoreTable, fallbacks: Int) {
        let ballots = BallotColumns.from(s.ballots, unitCount: s.table.units.count)
        let engine = Engine(plan: s.plan)
        let (fast, stats) = engine.score(MetricColumns.from(s.table), ballots, form: .fast, threads: threads)
        let (exact, _) = engine.score(MetricColumns.from(s.table), ballots, form: .exact)
        return (fast, exact, stats.fallbacks)
    }

    @Test("only the fast form's count and linear steps on a metric, without a precondition, are remembered (and ballot steps: below)")
    func whichSteps() throws {
        let s = try Self.session(["U1,甲,3,0.6,1"])
        let columns = MetricColumns.from(s.table)
        let program = ScoringProgram(plan: s.plan, scales: columns.scales, ballotScale: 0)
        let c = s.plan.metricIndex["c"]!, r = s.plan.metricIndex["r"]!
        #expect(KernelMemo<FixedInterval>(program: program).keys == [.metric(c), .metric(r), nil, nil])
        #expect(KernelMemo<Rational>(program: program).keys == [nil, nil, nil, nil])
        // A fast scorer that will not score (`--engine exact`) makes no tables either.
        #expect(KernelMemo<FixedInterval>(program: program, enabled: false).keys == [nil, nil, nil, nil])
    }

    @Test("a value seen before is a hit; another value in its slot replaces it; each step has its own table")
    func lookups() throws {
        let s = try Self.session(["U1,甲,3,0.6,1"])
        let program = ScoringProgram(plan: s.plan, scales: MetricColumns.from(s.table).scales, ballotScale: 0)
        let memo = KernelMemo<FixedInterval>(program: program)
        func points(_ l: KernelMemo<FixedInterval>.Lookup) -> Int64? {
            if case .hit(.some(.scored(let v))) = l { return v.lo }
            return nil
        }
        guard case .miss(let slot) = memo.lookup(0, 3) else { Issue.record("an empty table has no hit"); return }
        memo.remember(.scored(FixedInterval(exact: 15)), key: 3, at: slot)
        #expect(points(memo.lookup(0, 3)) == 15)
        // Step 1's table is another: 3 is not in it.
        guard case .miss = memo.lookup(1, 3) else { Issue.record("3 was remembered for step 0 only"); return }
        // 613 falls in 3's slot (⌊613 × 0x9E3779B97F4A7C15 mod 2⁶⁴ / 2⁵⁵⌋ = 437, as for 3; the
        // test checks it) and takes it over: 3 is then a miss again, in the same slot.
        guard case .miss(let other) = memo.lookup(0, 613) else { Issue.record("613 was never remembered"); return }
        #expect(other == slot)
        memo.remember(.notAssessed(.missing(0)), key: 613, at: other)
        if case .hit(.some(.notAssessed(.missing(0)))) = memo.lookup(0, 613) {} else { Issue.record("613's outcome is remembered") }
        guard case .miss(let again) = memo.lookup(0, 3) else { Issue.record("3 was replaced by 613"); return }
        #expect(again == slot)
        // "Score this unit exactly" is an outcome too.
        memo.remember(nil, key: 3, at: again)
        if case .hit(.none) = memo.lookup(0, 3) {} else { Issue.record("a nil outcome is remembered as one") }
    }

    @Test("repeated, colliding and missing values: the points worked out by hand, and the same rows as the exact form")
    func repeats() throws {
        let s = try Self.session([
            "U1,甲,3,0.6,1",     // s1 3 × 0.5 = 1.5; s2 5 × 0.3 = 1.5; s3 3 × 0.25 = 0.75; s4 1 → 4.75
            "U2,乙,3,0.6,0",     // the same c and r (hits); g = 0: s3 not assessable → 0; s4 0 → 3
            "U3,丙,,0.95,1",     // c missing: s1, s3 not assessable → 0; s2 5 × 0.65 = 3.25 → 3; s4 1 → 4
            "U4,丁,613,0.3,1",   // 613 takes 3's slot: s1 306.5 → 2; s2 at the floor → 0; s3 153.25 → 1; s4 1 → 4
            "U5,戊,3,0.6,1",     // 3 again, after 613 (a miss, worked out again): as U1 → 4.75
            "U6,己,,0.6,0",      // c missing again (a hit on "missing"): s1 0; s2 1.5; s3 0; s4 0 → 1.5
            "U7,庚,613,1,1",     // 613 again (a hit); r = 1 beyond the target: s2 3 → 2 + 3 + 1 + 1 = 7
        ])
        let (fast, exact, fallbacks) = Self.tables(s)
        #expect(fallbacks == 0)
        #expect(fast == exact)
        let p = BulkData.pow10[fast.precision]
        #expect(fast.total == [dec("4.75"), dec("3"), dec("4"), dec("4"), dec("4.75"), dec("1.5"), dec("7")].map { $0.scaledInteger(places: fast.precision) })
        let scaled = { (hundredths: [Int64]) -> [Int64] in hundredths.map { $0 * p / 100 } }
        #expect((0 ..< 4).map { fast.standards[$0] } == scaled([150, 150, 75, 100]))
        #expect((0 ..< 4).map { fast.standards[3 * 4 + $0] } == scaled([200, 0, 100, 100]))
    }

    @Test("a value the fast form cannot score is remembered as such: every unit with it goes to the exact form")
    func rememberedFallback() throws {
        // 999 999 999 999.999999 × 999 999 999 999.999999 is about 10²⁴, capped at the standard's
        // 1.000001 points, which round to 1.00: the fast form cannot decide it (found by the
        // review), so each of the three units is scored exactly, the second and third because
        // the memory says so.
        let rules = RulesText.make(
            metrics: RulesText.metric("c", "amount"), areas: RulesText.area("a", points: "1.000001"),
            standards: RulesText.standard("s", area: "a", points: "1.000001", #""method": "count", "metric": "c", "perUnit": 999999999999.999999"#))
        let s = try TestSession(rules: rules, units: "id,name,c\nU1,甲,999999999999.999999\nU2,乙,999999999999.999999\nU3,丙,999999999999.999999\n").run()
        let (fast, exact, fallbacks) = Self.tables(s)
        #expect(fallbacks == 3)
        #expect(fast == exact)
        #expect(fast.total == [100, 100, 100])
    }

    @Test("five thousand units cycling through 700 counts and 400 rates (every slot shared): the same rows as the exact form, on one thread and on two (three chunks)")
    func many() throws {
        var rows: [String] = []
        for u in 0 ..< 5000 {
            let c = u % 7 == 0 ? "" : String((u * 37) % 700)
            let r = u % 11 == 0 ? "" : "0." + String(format: "%03d", (u * 53) % 400 + 300)
            rows.append("U\(u),单位\(u),\(c),\(r),\(u % 3 == 0 ? 0 : 1)")
        }
        let s = try Self.session(rows)
        for threads in [1, 2] {
            let (fast, exact, fallbacks) = Self.tables(s, threads: threads)
            #expect(fallbacks == 0)
            #expect(fast == exact)
        }
    }

    // MARK: Ballot steps

    /// `b`: 3 points by ballot, the file's trimmed mean (k = 1 from 5 ballots, at least 3,
    /// steps of 0.5); `m`: 3 points, the median of the same representatives' scores for it.
    static let ballotRules = RulesText.make(
        metrics: RulesText.metric("n"), areas: RulesText.area("v", points: "6"),
        standards: [RulesText.standard("b", area: "v", points: "3", #""method": "ballot", "target": "standard""#),
                    RulesText.standard("m", area: "v", points: "3", #""method": "ballot", "target": "standard", "aggregate": "median""#)]
            .joined(separator: ","),
        more: #""ballots": { "aggregate": "trimmedMean", "trim": { "k": 1, "minBallots": 5 }, "minBallots": 3, "scoreStep": 0.5 },"#)

    /// A session of `units` (U1, U2, …), each with its scores for `b` and `m` by R1, R2, … in order.
    static func ballotSession(_ units: [(b: [String], m: [String])]) throws -> ScoringSession {
        var ballots = "representative,unit,standard,score\n"
        for (u, scores) in units.enumerated() {
            for (item, list) in [("b", scores.b), ("m", scores.m)] {
                for (r, score) in list.enumerated() { ballots += "R\(r + 1),U\(u + 1),\(item),\(score)\n" }
            }
        }
        let rows = units.indices.map { "U\($0 + 1),单位\($0 + 1),0" }.joined(separator: "\n")
        return try TestSession(rules: ballotRules, units: "id,name,n\n" + rows + "\n", ballots: ballots).run()
    }

    @Test("ballot steps are remembered by how many scores a unit has and the sum of those that count: the points worked out by hand, and the same rows as the exact form")
    func ballots() throws {
        let s = try Self.ballotSession([
            (["2", "2", "2"], ["1", "2", "3"]),             // b: 3 < 5, no trim: 6/3 = 2;           m: 2
            (["1", "2", "3"], ["2", "2", "3"]),             // b: 3 scores summing to 6 (a hit): 2;   m: 2 (a hit on 3 scores, middle 2)
            (["3", "3"], ["3", "3"]),                       // b: 2 < 3, too few: 0 (sum 6, but 2 scores); m: too few: 0
            (["1.5", "1.5", "3"], ["1", "3", "3"]),         // b: 6/3 = 2 (a hit);                   m: 3 (3 scores, middle 3: not 2's key)
            (["0", "2", "2", "2", "3"], ["0", "1", "2", "3", "3"]), // b: drop 0 and 3: 6/3 = 2 (5 scores, sum 6); m: 2
            (["1", "2", "2", "2", "1"], ["3", "3", "3", "0", "0"]), // b: drop 1 and 2: 5/3;          m: 3
            (["3", "3", "3", "0", "0"], ["2", "2", "2", "2"]),      // b: drop 0 and 3: 6/3 = 2 (a hit on U5's key); m: (2 + 2)/2 = 2
            (["3", "3"], []),                               // b: too few again (a hit): 0;          m: none: 0
            ([], ["2.5"]),                                  // b: none: 0;                           m: too few: 0
        ])
        let (fast, exact, fallbacks) = Self.tables(s)
        #expect(fallbacks == 0)
        #expect(fast == exact)
        let hundredths = { (v: Rational) -> Int64 in v.scaledInteger(places: fast.precision) }
        let b: [Rational] = [2, 2, 0, 2, 2, Rational(5, 3), 2, 0, 0], m: [Rational] = [2, 2, 0, 3, 2, 3, 2, 0, 0]
        #expect((0 ..< 9).map { fast.standards[2 * $0] } == b.map(hundredths))
        #expect((0 ..< 9).map { fast.standards[2 * $0 + 1] } == m.map(hundredths))
        // The program's ballot steps are remembered, by their own tables.
        let program = ScoringProgram(plan: s.plan, scales: MetricColumns.from(s.table).scales, ballotScale: 1)
        #expect(KernelMemo<FixedInterval>(program: program).keys == [.ballots(0), .ballots(1)])
        #expect(KernelMemo<Rational>(program: program).keys == [nil, nil])
    }

    @Test("a ballot key: the same for the same count and sum, another for another count or sum, none beyond its bits")
    func ballotKeys() {
        let all = BallotAggregation.Counted(from: 0, to: 3, trimmed: nil)
        func key(_ n: Int, _ sum: Int64) -> Int64? { CountedBallots(lo: 10, hi: 10 + n, counted: all, sum: sum).key }
        #expect(key(3, 6) == key(3, 6) && key(3, 6) != nil)
        #expect(key(3, 6) != key(2, 6) && key(3, 6) != key(3, 7) && key(3, 6) != key(4, 6))
        // Negative sums (scores below zero) keep their own keys.
        #expect(key(3, -6) != key(3, 6) && key(3, -6) != nil && key(0, 0) != key(1, 0))
        // A count from 2^20 or a sum from 2^42 either way is not remembered.
        #expect(key((1 << 20) - 1, 5) != nil && key(1 << 20, 5) == nil)
        #expect(key(3, (1 << 42) - 1) != nil && key(3, 1 << 42) == nil && key(3, -(1 << 42)) != nil && key(3, -(1 << 42) - 1) == nil)
        // Every count and sum in a small range has a key of its own.
        var seen = Set<Int64>()
        for n in 0 ..< 64 { for sum in Int64(-200) ... 200 { seen.insert(key(n, sum)!) } }
        #expect(seen.count == 64 * 401)
    }

    @Test("three thousand units with random ballots (0 to 7 each, two aggregations): the same rows as the exact form, on one thread and on two")
    func manyBallots() throws {
        var seed: UInt64 = 0x853C_49E6_748F_EA9B
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        let units = (0 ..< 3000).map { _ in
            (b: (0 ..< next(8)).map { _ in String(Double(next(7)) / 2) }, m: (0 ..< next(8)).map { _ in String(Double(next(7)) / 2) })
        }
        let s = try Self.ballotSession(units)
        for threads in [1, 2] {
            let (fast, exact, fallbacks) = Self.tables(s, threads: threads)
            #expect(fallbacks == 0)
            #expect(fast == exact)
        }
    }
}
