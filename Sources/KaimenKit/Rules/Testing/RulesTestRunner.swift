/// Runs the tests of a rules file: each case becomes a one-unit table and ballot box, scored
/// by the one `Engine` with the compiled plan, and every expectation is compared exactly.
public enum RulesTestRunner {
    public struct Outcome: Sendable {
        public var test: RulesTest
        /// Written in a file this one extends.
        public var inherited: Bool
        /// Empty when the test passed.
        public var failures: [Diagnostic]
        public var passed: Bool { failures.isEmpty }
    }

    /// The file's own tests, and with `inherited` the tests of the files it extends. Rules
    /// that cannot be scored throw why (`RulesLoader` refuses them already): a test is never
    /// skipped in silence.
    public static func run(_ rules: Rules, inherited: Bool = false) throws(DiagnosticsError) -> [Outcome] {
        let plan: ScoringPlan
        switch ScoringPlan.compile(rules) {
        case .success(let p): plan = p
        case .failure(let e): throw e
        }
        return rules.tests.compactMap { test in
            let own = test.isOwn(in: rules)
            guard own || inherited else { return nil }
            return Outcome(test: test, inherited: !own, failures: run(test, plan: plan, inherited: !own))
        }
    }

    /// The one unit a test imagines, as it is scored and as `RulesTestChecker` bounds it: the
    /// metrics it gives (a value its kind refuses is left out: that is an error of its own),
    /// the rest missing as each metric's `missing` rule says; each value placed at its entry in
    /// the rules file, a metric the test does not give at the test itself.
    static func unitTable(_ test: RulesTest, rules: Rules) -> UnitTable {
        let metricIndex = rules.metricIndex
        var values = rules.metrics.map { [$0.missing == .zero ? Rational.zero : nil] as [Rational?] }
        var places = rules.metrics.map { _ in [nil] as [SourceLocation?] }
        for m in test.metrics {
            guard let i = metricIndex[m.metric], case .value(let v) = MetricValue.parse(m.text, kind: rules.metrics[i].kind) else { continue }
            values[i] = [v]
            places[i] = [m.location]
        }
        let unit = Unit(id: "test", name: test.name, category: "", location: test.location)
        return UnitTable(units: [unit], values: values, places: MetricPlaces(places))
    }

    static func run(_ test: RulesTest, plan: ScoringPlan, inherited: Bool) -> [Diagnostic] {
        let rules = plan.rules
        // A base file's test still runs: expectations naming what this file removed fail, the rest are checked.
        var failures = RulesTestChecker.problems(test, rules: rules, ignoringUnknownInputs: true).map { RulesTestMessages.inheritedBroken(test, $0) }
        let table = unitTable(test, rules: rules)
        var ballots: [Ballot] = []
        for b in test.ballots {
            guard let item = plan.items.firstIndex(where: { $0.key == b.item }) else { continue }
            for (r, score) in b.scores.enumerated() {
                ballots.append(Ballot(representative: r, unit: 0, item: item, score: score))
            }
        }
        let result = Engine(plan: plan).results(table, ballots: BallotBox(items: plan.items, ballots: ballots, recusals: []))[0]

        let places = rules.ranking.precision
        func text(_ r: Rational) -> String { r.plainText(maxPlaces: max(places, 2)) }
        for e in test.expectations {
            let actual: Rational?
            switch e.target {
            case .standard(let id):
                if let i = rules.standards.firstIndex(where: { $0.id == id }) { actual = result.standards[i].raw }
                else if let i = rules.bonuses.firstIndex(where: { $0.id == id }) { actual = result.bonuses[i].raw }
                else if let i = rules.deductions.firstIndex(where: { $0.id == id }) { actual = result.deductions[i].raw }
                else { actual = nil }
            case .area(let id): actual = rules.areas.firstIndex { $0.id == id }.map { result.areas[$0].subtotal }
            case .bonus: actual = result.bonus
            case .total: actual = result.total
            case .grade:
                if let g = e.grade, g != result.grade {
                    failures.append(RulesTestMessages.failed(test, e, expected: g, actual: result.grade, inherited: inherited))
                }
                continue
            }
            // Subtotals and points are exact; compare them as the score sheet prints them.
            guard let expected = e.points, let actual else { continue }
            if expected.rounded(places: places) != actual.rounded(places: places) {
                failures.append(RulesTestMessages.failed(test, e, expected: text(expected), actual: text(actual), inherited: inherited))
            }
        }
        return failures
    }
}
