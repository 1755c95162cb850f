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
    /// skipped in silence. `bases` holds the rules of the files inherited tests were written in,
    /// by file: their ballots, cast on that file's points, are carried to this file's as
    /// `compare` carries ballots (`BallotCarry`; before 0.29.7 they were read as cast, and a
    /// ballot standard raised from 4 to 5 points failed the base's full-marks test at 98.57).
    public static func run(_ rules: Rules, inherited: Bool = false, bases: [String: Rules] = [:]) throws(DiagnosticsError) -> [Outcome] {
        let plan: ScoringPlan
        switch ScoringPlan.compile(rules) {
        case .success(let p): plan = p
        case .failure(let e): throw e
        }
        return rules.tests.compactMap { test in
            let own = test.isOwn(in: rules)
            guard own || inherited else { return nil }
            return Outcome(test: test, inherited: !own, failures: run(test, plan: plan, inherited: !own, base: own ? nil : bases[test.location.file]))
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

    /// What each base file's points change for the ballots of its tests (only rescaled and
    /// dropped standards matter: a test's ballots name the base's items), by file, in `bases`' order
    /// of the tests: said once by `rules test --inherited`.
    public static func carries(_ rules: Rules, bases: [String: Rules]) -> [(file: String, carry: BallotCarry)] {
        var seen = Set<String>()
        return rules.tests.compactMap { test in
            let file = test.location.file
            guard !test.isOwn(in: rules), seen.insert(file).inserted, let base = bases[file] else { return nil }
            let carry = BallotCarry.between(old: base, new: rules, box: BallotBox(items: BallotItem.items(of: base), ballots: [], recusals: []))
            return carry.rescaled.isEmpty ? nil : (file, carry)
        }
    }

    /// A test's ballots for `items` (those naming no item left out: the checker says so).
    static func ballots(_ test: RulesTest, items: [BallotItem]) -> BallotBox {
        var ballots: [Ballot] = []
        for b in test.ballots {
            guard let item = items.firstIndex(where: { $0.key == b.item }) else { continue }
            for (r, score) in b.scores.enumerated() {
                ballots.append(Ballot(representative: r, unit: 0, item: item, score: score))
            }
        }
        return BallotBox(items: items, ballots: ballots, recusals: [])
    }

    static func run(_ test: RulesTest, plan: ScoringPlan, inherited: Bool, base: Rules? = nil) -> [Diagnostic] {
        let rules = plan.rules
        // A base file's test still runs: expectations naming what this file removed fail, the rest are checked.
        var failures = RulesTestChecker.problems(test, rules: rules, ignoringUnknownInputs: true).map { RulesTestMessages.inheritedBroken(test, $0) }
        let table = unitTable(test, rules: rules)
        // An inherited test's ballots were cast on its file's points: carried to these, as compare carries them.
        let box = base.map { BallotCarry.carried(ballots(test, items: BallotItem.items(of: $0)), to: rules) } ?? ballots(test, items: plan.items)
        let result = Engine(plan: plan).results(table, ballots: box)[0]

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
                    failures.append(RulesTestMessages.failed(test, e, expected: g, actual: result.grade, inherited: inherited,
                                                             hint: base.map { RulesTestMessages.writtenForBase($0, rules, e.target) }))
                }
                continue
            }
            // Subtotals and points are exact; compare them as the score sheet prints them.
            guard let expected = e.points, let actual else { continue }
            if expected.rounded(places: places) != actual.rounded(places: places) {
                failures.append(RulesTestMessages.failed(test, e, expected: text(expected), actual: text(actual), inherited: inherited,
                                                         hint: base.map { RulesTestMessages.writtenForBase($0, rules, e.target) }))
            }
        }
        return failures
    }
}
