/// Edge units (`--edges P`): units whose values sit where the rules decide something, so
/// that a generated session reaches every path of the scoring: values exactly on band
/// thresholds, on linear floors and targets and one step below them, at a count's cap, on a
/// formula's constants; zero denominators; empty cells for metrics that allow them (every
/// not-assessable rule, vetoes that cannot be checked); vetoes that hold; surveys with no
/// respondents, exactly at the participation threshold or all of one answer; few or no
/// ballots; all representatives giving the same score. Values are drawn from few choices,
/// so edge units often tie on their totals while differing in their parts.
extension DataGenerator {
    func edgeMetrics(_ rng: inout SplitMix64, roles: MetricRoles, order: [Int], index metricIndex: [String: Int], quality: Int,
                     values: inout [Int64], text: inout [String]) {
        let metrics = rules.metrics
        var missing = [Bool](repeating: false, count: metrics.count)
        for m in order {
            let metric = metrics[m]
            let id = metric.id
            if metric.missing != .error && !roles.surveyParts.contains(id) && rng.chance(0.12) {
                values[m] = 0; text[m] = ""; missing[m] = true
                continue
            }
            var v: Rational
            switch metric.kind {
            case .flag:
                v = rng.chance(0.5) ? .one : .zero
            case .rate:
                let choices = DataGenerator.choices(roles.values[id], within: .zero, .one, places: 4)
                v = rng.chance(0.7) && !choices.isEmpty ? DataGenerator.pick(&rng, choices, step: Rational(1, 10_000))
                    : Rational(Int64(rng.between(0, 100)), 100)
            case .count, .amount, .number:
                if roles.vetoInputs.contains(id) {
                    // Above zero for one in four, often exactly on (or one below) a number the veto's formula names.
                    let named = DataGenerator.choices(roles.values[id], within: .one, Rational(999_999), places: 0)
                    v = !rng.chance(0.25) ? .zero : rng.chance(0.5) && !named.isEmpty ? DataGenerator.pick(&rng, named, step: .one) : Rational(rng.between(1, 3))
                } else if roles.deductionInputs.contains(id) {
                    v = rng.chance(0.5) ? .zero : Rational(rng.between(1, 6))
                } else if let den = roles.numeratorOf[id], let d = metricIndex[den] {
                    let total = values[d]
                    if missing[d] || total == 0 {
                        // An empty denominator may read as 0: only a ratio allowed above 1 may have more on top.
                        v = roles.mayExceedOne[id] == true ? Rational(rng.between(0, 5)) : .zero
                    } else {
                        let top: Rational = roles.mayExceedOne[id] == true ? Rational(2) : .one
                        let shares = DataGenerator.choices(roles.ratioValues[id], within: .zero, top, places: 6)
                            .filter { ($0 * Rational(integer: total)).isInteger }
                        let share = rng.chance(0.7) && !shares.isEmpty ? shares[rng.below(shares.count)] : Rational(Int64(rng.between(0, 100)), 100)
                        let n = share * Rational(integer: total)
                        v = Rational(integer: n.numerator / n.denominator)
                    }
                } else if roles.surveyParts.contains(id) {
                    v = .zero  // filled below
                } else if roles.denominators.contains(id) {
                    v = rng.chance(0.15) ? .zero : Rational(integer: roles.denominatorStep(for: id) * Int64(rng.between(1, 30)))
                } else if metric.kind == .number && roles.countInputs.contains(id) && rng.chance(0.15) {
                    v = Rational(-3)
                } else {
                    let low: Rational = metric.kind == .number ? Rational(-1_000_000) : .zero
                    var choices = DataGenerator.choices(roles.values[id], within: low, Rational(999_999), places: 6)
                    if metric.kind == .count { choices = choices.filter(\.isInteger) }
                    v = rng.chance(0.7) && !choices.isEmpty ? DataGenerator.pick(&rng, choices, step: .one) : Rational(rng.between(0, 12))
                    if metric.kind != .number && v.isNegative { v = .zero }
                }
            }
            values[m] = v.isInteger ? v.numerator : Int64(v.scaledInteger(places: metric.kind == .rate ? 4 : 0))
            text[m] = v.plainText()
        }
        for sv in roles.surveys { edgeSurvey(sv, &rng, index: metricIndex, quality: quality, values: &values, text: &text) }
    }

    /// No respondents, exactly the participation threshold, all of one answer, or a plain split;
    /// never more respondents than the population.
    private func edgeSurvey(_ sv: Survey, _ rng: inout SplitMix64, index metricIndex: [String: Int], quality: Int,
                            values: inout [Int64], text: inout [String]) {
        let population = sv.participation.flatMap { metricIndex[$0.population] }.map { values[$0] } ?? Int64(rng.between(10, 60))
        var respondents: Int64
        switch rng.below(4) {
        case 0: respondents = 0
        case 1:
            let exact = sv.participation.map { $0.min * Rational(integer: population) }
            respondents = exact.flatMap { $0.isInteger ? $0.numerator : nil } ?? population
        default: respondents = population * Int64(rng.between(30, 100)) / 100
        }
        // A population of 0 (only a participation's metric can be 0) has no respondents: more
        // would be an error in the data (`survey-above-population`), and 0 of 0 is still the
        // zero denominator the kernel does not assess.
        if population == 0 { respondents = 0 }
        let parts: (Int64, Int64, Int64)
        switch rng.below(4) {
        case 0: parts = (respondents, 0, 0)
        case 1: parts = (0, respondents, 0)
        case 2: parts = (0, 0, respondents)
        default:
            let satisfied = respondents * Int64(min(100, quality)) / 100
            let basic = (respondents - satisfied) / 2
            parts = (satisfied, basic, respondents - satisfied - basic)
        }
        for (id, v) in [(sv.satisfied, parts.0), (sv.basic, parts.1), (sv.dissatisfied, parts.2)] {
            guard let m = metricIndex[id] else { continue }
            values[m] = v
            text[m] = rules.metrics[m].missing != .error && rng.chance(0.05) ? "" : String(v)
        }
    }

    /// The values of `set` within `lo...hi` that can be written with at most `places` decimals, sorted.
    static func choices(_ set: Set<Rational>?, within lo: Rational, _ hi: Rational, places: Int) -> [Rational] {
        (set ?? []).filter { $0 >= lo && $0 <= hi && $0.rounded(places: places) == $0 }.sorted()
    }

    /// One of `choices`, or one `step` below it (just missing a threshold), never below zero.
    static func pick(_ rng: inout SplitMix64, _ choices: [Rational], step: Rational) -> Rational {
        let c = choices[rng.below(choices.count)]
        return rng.chance(0.3) && c - step >= .zero ? c - step : c
    }
}

/// How one edge unit's ballots for one ballot item look: how many of the group's
/// representatives cast one (`voters`, from none to all), and whether they all give the same
/// number of steps (`flat`: 0, the full points, or half way).
struct EdgeBallots {
    var voters: Int
    var flat: Int?

    static func draw(_ rng: inout SplitMix64, groupSize: Int, steps: Int) -> EdgeBallots {
        let voters = rng.chance(0.35) ? rng.between(0, groupSize) : groupSize
        let flat: Int? = rng.chance(0.5) ? [0, steps, steps / 2][rng.below(3)] : nil
        return EdgeBallots(voters: voters, flat: flat)
    }
}
