/// Whether the ids a test names exist in the rules it runs under, and its values fit: the
/// metrics and their kinds, the ballot items and their scores, the standards, areas and
/// grades it expects. The same check is a load error for a file's own tests and a test
/// failure for a base file's tests run with `--inherited`.
enum RulesTestChecker {
    /// `ignoringUnknownInputs`: a base file's test may give
    /// metrics and ballots the extending file removed; they no longer matter, so say nothing.
    static func problems(_ test: RulesTest, rules: Rules, ignoringUnknownInputs: Bool = false) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let metricIDs = rules.metrics.map(\.id)
        for m in test.metrics {
            guard let def = rules.metric(m.metric) else {
                if ignoringUnknownInputs { continue }
                out.append(RulesTestMessages.unknown(test, what: .metric, id: m.metric, among: metricIDs, at: m.location))
                continue
            }
            switch MetricValue.parse(m.text, kind: def.kind) {
            case .invalid(let message, let hint):
                out.append(RulesTestMessages.invalidMetric(test, metric: m.metric, message: message, hint: hint, at: m.location))
            case .beyondLimits(let p):
                out.append(RulesTestMessages.invalidMetric(test, metric: m.metric, message: NumberLimits.message(p, text: m.text), hint: nil, at: m.location))
            case .value, .missing:
                break
            }
        }
        let items = BallotItem.items(of: rules)
        for b in test.ballots {
            guard let item = items.first(where: { $0.key == b.item }) else {
                if ignoringUnknownInputs { continue }
                out.append(RulesTestMessages.unknown(test, what: .ballotItem, id: b.item, among: items.map(\.key), at: b.location))
                continue
            }
            if let bad = b.scores.first(where: { $0 > item.max }) {
                out.append(RulesTestMessages.scoreAboveMax(test, item: b.item, score: bad, max: item.max, at: b.location))
            }
        }
        let itemIDs = (rules.standards + rules.bonuses + rules.deductions).map(\.id)
        for e in test.expectations {
            switch e.target {
            case .standard(let id) where !itemIDs.contains(id):
                out.append(RulesTestMessages.unknown(test, what: .standard, id: id, among: itemIDs, at: e.location))
            case .area(let id) where rules.area(id) == nil:
                out.append(RulesTestMessages.unknown(test, what: .area, id: id, among: rules.areas.map(\.id), at: e.location))
            case .grade:
                if let g = e.grade, !rules.grades.contains(where: { $0.name == g }) {
                    out.append(RulesTestMessages.unknown(test, what: .grade, id: g, among: rules.grades.map(\.name), at: e.location))
                }
            default: break
            }
        }
        return out
    }
}
