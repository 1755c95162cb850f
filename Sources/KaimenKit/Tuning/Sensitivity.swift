/// How fragile a ranking is: the same session scored again under many scenarios (area
/// weights moved, another ballot aggregation, a representative left out, a bootstrap over the
/// representatives), each through the one engine and ranker, with the data read once. For every unit: the range of its rank, how often it holds each
/// grade, and whether its grade or its place inside the quota is fragile.
public struct Sensitivity: Sendable {
    public struct UnitRange: Sendable, Equatable {
        public var unit: String
        public var name: String
        public var category: String
        public var actualRank: Int
        public var actualGrade: String
        /// The 5th and 95th percentiles of its rank over the scenarios (nearest rank).
        public var rankLow: Int
        public var rankHigh: Int
        public var rankBest: Int
        public var rankWorst: Int
        /// Scenarios in which it holds each grade, in `rules.grades` order.
        public var gradeCounts: [Int]
        /// Scenarios in which its grade differs from the actual one.
        public var gradeChanges: Int
        /// Scenarios in which it is inside the quota when it actually is not, or the reverse
        /// (`nil` when no grade has a quota).
        public var quotaChanges: Int?
        public var gradeFragile: Bool
        public var quotaFragile: Bool
    }

    public var units: [UnitRange]
    public var grades: [String]
    /// The best grade with a quota: "inside the quota" means holding it.
    public var quotaGrade: String?
    public var scenarioCount: Int
    public var seed: UInt64
    public var variation: Scenario.Variation
    public var fragilePercent: Int

    /// Runs `count` scenarios drawn from `seed`; flags a grade or quota place that changes in
    /// more than `fragilePercent`% of them.
    public static func run(_ session: ScoringSession, count: Int, seed: UInt64, variation: Scenario.Variation,
                           fragilePercent: Int = 10) -> Sensitivity {
        let rules = session.rules
        let base = session.plan
        let (columns, ballots) = (session.columns, session.ballotColumns)
        let categories = session.table.units.map(\.category)
        let scenarios = Scenario.draw(count, seed: seed, variation: variation, areaMax: areaMax(base),
                                      representatives: session.representatives.count)
        // One plan per aggregation, compiled once.
        var plans: [Scenario.Aggregation: ScoringPlan] = [:]
        for a in Scenario.Aggregation.allCases { plans[a] = plan(base, aggregation: a) }
        let aggregated = plans
        let outcomes: [(rank: [Int32], grade: [UInt8])] = Parallel.map(scenarios.count) { k in
            let s = scenarios[k]
            let plan = weighted(s.aggregation.flatMap { aggregated[$0] } ?? base, s.areaWeights)
            var (scores, _) = Engine(plan: plan).score(columns, resampled(ballots, s.representatives))
            _ = Ranker.rank(&scores, rules: plan.rules, categories: categories)
            return (scores.rank, scores.grade)
        }
        let quotaIndex = rules.grades.firstIndex { $0.quotaPercent != nil }
        let gradeIndex = Dictionary(rules.grades.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        let n = scenarios.count
        var units: [UnitRange] = []
        for u in session.ranking.order {
            let actual = session.results[u]
            let actualGrade = gradeIndex[actual.grade] ?? 0
            let ranks = outcomes.map { Int($0.rank[u]) }.sorted()
            var counts = [Int](repeating: 0, count: rules.grades.count)
            for o in outcomes { counts[Int(o.grade[u])] += 1 }
            let gradeChanges = n - counts[actualGrade]
            let quotaChanges = quotaIndex.map { q in
                outcomes.filter { (Int($0.grade[u]) == q) != (actualGrade == q) }.count
            }
            func percentile(_ p: Int) -> Int { ranks.isEmpty ? actual.rank : ranks[max(0, (p * n + 99) / 100 - 1)] }
            func fragile(_ changes: Int) -> Bool { changes * 100 > fragilePercent * n }
            let unit = session.table.units[u]
            units.append(UnitRange(unit: unit.id, name: unit.name, category: unit.category, actualRank: actual.rank, actualGrade: actual.grade,
                                   rankLow: percentile(5), rankHigh: percentile(95), rankBest: ranks.first ?? actual.rank,
                                   rankWorst: ranks.last ?? actual.rank, gradeCounts: counts, gradeChanges: gradeChanges,
                                   quotaChanges: quotaChanges, gradeFragile: fragile(gradeChanges),
                                   quotaFragile: quotaChanges.map(fragile) ?? false))
        }
        return Sensitivity(units: units, grades: rules.grades.map(\.name), quotaGrade: quotaIndex.map { rules.grades[$0].name },
                           scenarioCount: n, seed: seed, variation: variation, fragilePercent: fragilePercent)
    }

    /// The most each area counts: its points, scaled as the evaluator caps it.
    static func areaMax(_ plan: ScoringPlan) -> [Rational] {
        plan.rules.areas.enumerated().map { a, area in
            let members = plan.areaStandards[a]
            let raw = members.reduce(Rational.zero) { $0 + plan.rules.standards[$1].points }
            let all = members.reduce(Rational.zero) { $0 + plan.rules.standards[$1].points * plan.factor[$1] }
            return raw.isZero ? area.points : (area.points * all).divided(by: raw)!
        }
    }

    /// The rules with another aggregation for every ballot standard (their own overrides dropped).
    static func plan(_ base: ScoringPlan, aggregation: Scenario.Aggregation) -> ScoringPlan {
        var r = base.rules
        switch aggregation {
        case .mean: r.ballots.aggregate = .mean
        case .median: r.ballots.aggregate = .median
        case .trimmed1: r.ballots.aggregate = .trimmedMean; r.ballots.trim.k = 1
        case .trimmed2: r.ballots.aggregate = .trimmedMean; r.ballots.trim.k = 2
        }
        for i in r.standards.indices {
            if case .ballot(var b) = r.standards[i].method {
                b.aggregate = nil
                b.trim = nil
                r.standards[i].method = .ballot(b)
            }
        }
        if case .success(let p) = ScoringPlan.compile(r) { return p }
        return base
    }

    /// The plan with each area's standards weighted: the evaluator scales their points and the
    /// area's cap by the factor, exactly as it does for the `combine` weights.
    static func weighted(_ p: ScoringPlan, _ weights: [Rational]) -> ScoringPlan {
        guard weights.contains(where: { $0 != .one }) else { return p }
        var factor = p.factor
        for (a, members) in p.areaStandards.enumerated() where weights[a] != .one {
            for i in members { factor[i] = factor[i] * weights[a] }
        }
        return ScoringPlan(rules: p.rules, metricIndex: p.metricIndex, items: p.items, itemOfStandard: p.itemOfStandard,
                           factor: factor, areaStandards: p.areaStandards, areaDeductions: p.areaDeductions)
    }

    /// The counted ballots as a scenario draws the representatives: all of them, all but one,
    /// or each as often as the bootstrap drew them. Runs stay sorted (a ballot repeated stays
    /// beside itself), so nothing is sorted again.
    static func resampled(_ ballots: BallotColumns, _ reps: Scenario.Representatives) -> BallotColumns {
        let times: (Int) -> Int
        switch reps {
        case .all: return ballots
        case .leaveOut(let r): times = { $0 == r ? 0 : 1 }
        case .bootstrap(let counts): times = { $0 < counts.count ? counts[$0] : 0 }
        }
        var out = ballots
        var offsets: [Int32] = [0], wide: [Int64] = [], who: [Int32] = []
        offsets.reserveCapacity(ballots.offsets.count)
        for cell in 0..<(ballots.offsets.count - 1) {
            for j in Int(ballots.offsets[cell])..<Int(ballots.offsets[cell + 1]) {
                let r = ballots.representatives[j]
                for _ in 0..<times(Int(r)) {
                    wide.append(ballots.score(j))
                    who.append(r)
                }
            }
            offsets.append(Int32(wide.count))
        }
        out.offsets = offsets
        if ballots.wideScores.isEmpty { out.scores = wide.map { Int16($0) } } else { out.wideScores = wide }
        out.representatives = who
        return out
    }
}
