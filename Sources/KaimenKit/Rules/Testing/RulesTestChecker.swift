/// Whether the ids a test names exist in the rules it runs under, and its values fit: the
/// metrics and their kinds, the ballot items and their scores, the standards, areas and
/// grades it expects. The same check is a load error for a file's own tests and a test
/// failure for a base file's tests run with `--inherited`.
enum RulesTestChecker {
    /// `ignoringUnknownInputs`: a base file's test may give
    /// metrics and ballots the extending file removed; they no longer matter, so say nothing.
    /// `undecoded`: the ids of entries that are in the file but could not be read, by
    /// collection (`DecodeContext.undecoded`; `*` for a whole list). Their own mistake is
    /// reported where it is: a test naming them says nothing, rather than "no such standard".
    /// `bounded`: whether the test's unit is checked for values beyond a bound a rule puts on
    /// them (`UnitTable.impossibleValues`, as a units file's are: `ratio-above-one`,
    /// `survey-above-population`); not in a session's copy of its rules, which the version that
    /// opened the session accepted.
    static func problems(_ test: RulesTest, rules: Rules, ignoringUnknownInputs: Bool = false,
                         undecoded: [String: Set<String>] = [:], bounded: Bool = true) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func failed(_ collections: [String], _ id: String) -> Bool {
            collections.contains { undecoded[$0]?.contains(id) == true || undecoded[$0]?.contains("*") == true }
        }
        let items = Standard.Role.collections
        let metricEntries: [ReferenceHint.Entry] = rules.metrics.map { ($0.id, $0.name) }
        let areaEntries: [ReferenceHint.Entry] = rules.areas.map { ($0.id, $0.name) }
        for m in test.metrics {
            guard let def = rules.metric(m.metric) else {
                if ignoringUnknownInputs || failed(["metrics"], m.metric) { continue }
                out.append(RulesTestMessages.unknown(test, what: .metric, id: m.metric,
                                                    hint: ReferenceHint.forID(m.metric, among: metricEntries, what: ValidationMessages.metric),
                                                    at: m.location))
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
        if bounded {
            let table = RulesTestRunner.unitTable(test, rules: rules)
            out += table.impossibleValues(rules).map { RulesTestMessages.impossible(test, $0, in: table, rules: rules) }
        }
        let ballotItems = BallotItem.items(of: rules)
        for b in test.ballots {
            guard let item = ballotItems.first(where: { $0.key == b.item }) else {
                if ignoringUnknownInputs || failed(["standards", "areas"], b.item) { continue }
                // An area's ballot item belongs to a ballot standard that may be the one unread.
                if rules.area(b.item) != nil, items.contains(where: { !(undecoded[$0] ?? []).isEmpty }) { continue }
                let standardNames = ballotItems.map { ($0.key, rules.standards[$0.standard].name) }
                let hint = ReferenceHint.named(b.item, among: standardNames, what: ValidationMessages.standard)
                    ?? ReferenceHint.named(b.item, among: areaEntries.filter { a in ballotItems.contains { $0.key == a.id } }, what: ValidationMessages.area)
                    ?? Localized.didYouMean(b.item, among: ballotItems.map(\.key))
                out.append(RulesTestMessages.unknown(test, what: .ballotItem, id: b.item, hint: hint, at: b.location))
                continue
            }
            if let bad = b.scores.first(where: { $0 > item.max }) {
                out.append(RulesTestMessages.scoreAboveMax(test, item: b.item, score: bad, max: item.max, at: b.location))
            }
        }
        let itemEntries: [ReferenceHint.Entry] = (rules.standards + rules.bonuses + rules.deductions).map { ($0.id, $0.name) }
        let itemIDs = itemEntries.map(\.id)
        for e in test.expectations {
            switch e.target {
            case .standard(let id) where !itemIDs.contains(id) && !failed(items, id):
                out.append(RulesTestMessages.unknown(test, what: .standard, id: id,
                                                    hint: ReferenceHint.forID(id, among: itemEntries, what: ValidationMessages.standard), at: e.location))
            case .area(let id) where rules.area(id) == nil && !failed(["areas"], id):
                out.append(RulesTestMessages.unknown(test, what: .area, id: id,
                                                    hint: ReferenceHint.forID(id, among: areaEntries, what: ValidationMessages.area), at: e.location))
            case .grade:
                if let g = e.grade, !rules.grades.contains(where: { $0.name == g }), (undecoded["grades"] ?? []).isEmpty {
                    out.append(RulesTestMessages.unknown(test, what: .grade, id: g,
                                                        hint: ReferenceHint.grade(g, among: rules.grades.map(\.name)).map(CommandMessages.didYouMean),
                                                        at: e.location))
                }
            default: break
            }
        }
        return out
    }
}
