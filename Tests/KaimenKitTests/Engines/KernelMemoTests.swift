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

    @Test("only the fast form's count and linear steps on a metric, without a precondition, are remembered")
    func whichSteps() throws {
        let s = try Self.session(["U1,甲,3,0.6,1"])
        let columns = MetricColumns.from(s.table)
        let program = ScoringProgram(plan: s.plan, scales: columns.scales, ballotScale: 0)
        let c = s.plan.metricIndex["c"]!, r = s.plan.metricIndex["r"]!
        #expect(KernelMemo<FixedInterval>(program: program).metrics == [c, r, nil, nil])
        #expect(KernelMemo<Rational>(program: program).metrics == [nil, nil, nil, nil])
        // A fast scorer that will not score (`--engine exact`) makes no tables either.
        #expect(KernelMemo<FixedInterval>(program: program, enabled: false).metrics == [nil, nil, nil, nil])
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
}
