extension DataGenerator {
    /// A typical unit's metrics: how well it does (`quality`, in percent) shows in its rates,
    /// shares and flags; vetoes are rare, deductions occasional, every value present.
    /// `values` holds whole numbers (rates in ten-thousandths), `text` the cells as written.
    func naturalMetrics(_ rng: inout SplitMix64, roles: MetricRoles, order: [Int], index metricIndex: [String: Int], quality: Int,
                        values: inout [Int64], text: inout [String]) {
        let metrics = rules.metrics
        for m in order {
            let metric = metrics[m]
            var v: Int64
            var t: String
            switch metric.kind {
            case .flag:
                v = rng.chance(0.6 + Double(quality) / 300) ? 1 : 0
                t = String(v)
            case .rate:
                let r = min(10_000, max(0, quality * 100 - 1500 + rng.between(0, 2500)))
                v = Int64(r)
                t = Rational(Int64(r), 10_000).plainText(maxPlaces: 4)
            case .count, .amount, .number:
                if roles.vetoInputs.contains(metric.id) {
                    v = rng.chance(0.004) ? 1 : 0
                } else if roles.deductionInputs.contains(metric.id) {
                    v = rng.chance(0.8) ? 0 : Int64(rng.between(1, 4))
                } else if let den = roles.numeratorOf[metric.id], let d = metricIndex[den] {
                    let total = values[d]
                    let share = min(100, max(0, quality - 5 + rng.between(0, 10)))
                    v = total * Int64(share) / 100
                } else if roles.surveyParts.contains(metric.id) {
                    v = 0  // filled below from the population
                } else if roles.denominators.contains(metric.id) {
                    v = Int64(rng.between(20, 3000))
                } else {
                    v = Int64(rng.between(0, 12))
                }
                t = String(v)
            }
            values[m] = v
            text[m] = t
        }
        for sv in roles.surveys {
            let population = sv.participation.flatMap { metricIndex[$0.population] }.map { values[$0] } ?? Int64(rng.between(50, 500))
            let takePart = rng.chance(0.05) ? rng.between(20, 55) : rng.between(60, 95)
            let respondents = population * Int64(takePart) / 100
            let satisfied = respondents * Int64(min(100, quality)) / 100
            let basic = (respondents - satisfied) * 2 / 3
            for (id, v) in [(sv.satisfied, satisfied), (sv.basic, basic), (sv.dissatisfied, respondents - satisfied - basic)] {
                if let m = metricIndex[id] { values[m] = v; text[m] = String(v) }
            }
        }
    }
}
