/// Checks a decoded rules file as a whole: ids unique and resolvable, points adding up, bands
/// monotone, grades ordered. Reports every problem, each at the value that causes it.
struct RulesValidator {
    let rules: Rules
    let ctx: DecodeContext

    func validate() {
        checkDuplicateIDs()
        checkAreas()
        for s in rules.standards + rules.bonuses + rules.deductions { checkStandard(s) }
        checkGrades()
        checkVetoes()
        checkTieBreaks()
    }

    private func error(_ code: String, _ message: String, _ origin: Origin, _ key: String? = nil, hint: String? = nil) {
        ctx.error(code, message, at: key.map { origin.at($0) } ?? origin.location,
                  path: key.map { origin.path($0) } ?? origin.path, hint: hint)
    }

    // MARK: Ids

    private func checkDuplicateIDs() {
        func check(_ entries: [(id: String, origin: Origin)], _ what: String) {
            var first: [String: Origin] = [:]
            for e in entries {
                if let prior = first[e.id] {
                    error("duplicate-id", "\(what) id `\(e.id)` is used twice; it was first defined at \(prior.location)", e.origin, "id",
                          hint: "give each \(what) its own id")
                } else {
                    first[e.id] = e.origin
                }
            }
        }
        check(rules.metrics.map { ($0.id, $0.origin) }, "metric")
        check(rules.areas.map { ($0.id, $0.origin) }, "area")
        check((rules.standards + rules.bonuses + rules.deductions).map { ($0.id, $0.origin) } + rules.vetoes.map { ($0.id, $0.origin) },
              "standard, bonus, deduction or veto")
        var gradeNames: [String: Origin] = [:]
        for g in rules.grades {
            if let prior = gradeNames[g.name] {
                error("duplicate-id", "grade `\(g.name)` is listed twice; first at \(prior.location)", g.origin, "name")
            } else { gradeNames[g.name] = g.origin }
        }
    }

    // MARK: Areas

    private func checkAreas() {
        // A standard in an unknown area (`rigths`) is reported once; the area it was meant for
        // (the suggestion, or any area when there is none) is not also reported as not adding up.
        let areaIDs = rules.areas.map(\.id)
        var meant = Set<String>()
        var meantUnknown = false
        for s in rules.standards {
            guard let a = s.area, rules.area(a) == nil else { continue }
            if let m = Suggestion.closest(to: a, among: areaIDs) { meant.insert(m) } else { meantUnknown = true }
        }
        for area in rules.areas {
            let members = rules.standards.filter { $0.area == area.id }
            // A standard with a mistake in it was left out; its area's sum would be wrong too.
            if ctx.hasUndecoded("standards") || meantUnknown || meant.contains(area.id) { continue }
            if members.isEmpty {
                error("empty-area", "area `\(area.id)` (\(area.name)) has no standards", area.origin,
                      hint: "add standards with \"area\": \"\(area.id)\", or remove the area")
                continue
            }
            let sum = members.reduce(Rational.zero) { $0 + $1.points }
            if area.capped {
                if sum < area.points {
                    error("points-mismatch", "the standards of capped area `\(area.id)` add up to \(sum.plainText()) points, less than the area's \(area.points.plainText()); it can never be reached",
                          area.origin, "points")
                }
            } else if sum != area.points {
                let list = members.map { "\($0.id) \($0.points.plainText())" }.joined(separator: " + ")
                error("points-mismatch", "the standards of area `\(area.id)` (\(area.name)) add up to \(sum.plainText()) points, but the area has \(area.points.plainText()) (\(list))",
                      area.origin, "points",
                      hint: "change the points so they match, or set \"capped\": true if the area is capped at its points")
            }
            let areaBallots = members.filter { if case .ballot(let b) = $0.method { return b.target == .area } else { return false } }
            if areaBallots.count > 1 {
                error("duplicate-area-ballot", "area `\(area.id)` has \(areaBallots.count) standards scored by ballot on the whole area; representatives cast one area score, so keep one",
                      areaBallots[1].origin, "target")
            }
        }
    }

    // MARK: Standards

    private func checkStandard(_ s: Standard) {
        let label = "\(s.role == .standard ? "standard" : s.role.rawValue) `\(s.id)`"
        if let area = s.area, rules.area(area) == nil, !ctx.isUndecoded("areas", area) {
            error("unknown-area", "\(label) is in area `\(area)`, which is not defined", s.origin, "area",
                  hint: String.didYouMean(area, among: rules.areas.map(\.id)) ?? "add it under `areas`")
        }
        if case .points(let p) = s.notAssessable, p > s.points {
            error("points-exceed", "\(label) would score \(p.plainText()) when not assessable, more than its \(s.points.plainText()) points", s.origin, "notAssessable")
        }
        if s.role != .standard, s.notAssessable == .prorate {
            error("invalid-value", "\(label) cannot be prorated; only area standards can", s.origin, "notAssessable")
        }
        switch s.method {
        case .bands(let b):
            checkRatio(b.input, s, label)
            checkBands(b, s, label)
        case .linear(let l):
            checkRatio(l.input, s, label)
            if atMostOne(l.input) {
                for (key, v) in [("floor", l.floor), ("target", l.target)] where v > .one {
                    error("unreachable-threshold", "\(label): `\(key)` is \(v.plainText()), but a rate is at most 1 (100%)", s.origin, key,
                          hint: "write rates as fractions: \((v.divided(by: Rational(100))!).plainText()) for \(v.plainText())%")
                }
            }
            if l.floor == l.target {
                error("invalid-value", "\(label): `target` must differ from `floor` (both are \(l.floor.plainText()))", s.origin, "target")
            }
        case .count(let c):
            if c.perUnit.isZero { error("invalid-value", "\(label): `perUnit` must be above 0", s.origin, "perUnit") }
        case .checklist(let items):
            var seen = Set<String>()
            for it in items where !seen.insert(it.id).inserted {
                error("duplicate-id", "checklist item `\(it.id)` is listed twice in \(label)", it.origin, "id")
            }
            let sum = items.reduce(Rational.zero) { $0 + $1.points }
            if sum != s.points {
                error("points-mismatch", "the checklist items of \(label) add up to \(sum.plainText()) points, but the standard has \(s.points.plainText())",
                      s.origin, "items", hint: "make the items' points add up to the standard's")
            }
        case .ballot, .survey, .presence, .expression:
            break
        }
    }

    private func checkRatio(_ input: MetricInput, _ s: Standard, _ label: String) {
        guard case .ratio(let r) = input else { return }
        if case .points(let p) = r.zero, p > s.points {
            error("points-exceed", "\(label): a zero denominator gives \(p.plainText()) points, more than the standard's \(s.points.plainText())", s.origin, "ratio")
        }
        if r.numerator == r.denominator {
            error("invalid-value", "\(label): the ratio divides `\(r.numerator)` by itself", s.origin, "ratio")
        }
    }

    /// Whether the input never exceeds 1: a rate, or a ratio whose numerator cannot pass its denominator.
    private func atMostOne(_ input: MetricInput) -> Bool {
        switch input {
        case .metric(let id): return rules.metric(id)?.kind == .rate
        case .ratio(let r): return r.maxOne
        }
    }

    private func checkBands(_ b: Bands, _ s: Standard, _ label: String) {
        let key = b.direction.rawValue
        if atMostOne(b.input) {
            for (i, band) in b.bands.enumerated() where band.threshold > .one {
                error("unreachable-threshold", "band \(i + 1) of \(label) starts at \(key) \(band.threshold.plainText()), but a rate is at most 1 (100%)",
                      band.origin, key, hint: "write rates as fractions: \((band.threshold.divided(by: Rational(100))!).plainText()) for \(band.threshold.plainText())%")
            }
        }
        for (i, band) in b.bands.enumerated() {
            if band.points > s.points {
                error("points-exceed", "band \(i + 1) of \(label) gives \(band.points.plainText()) points, more than the standard's \(s.points.plainText())",
                      band.origin, "points")
            }
            guard i > 0 else { continue }
            let prev = b.bands[i - 1]
            if band.threshold == prev.threshold {
                error("bands-overlap", "bands \(i) and \(i + 1) of \(label) both start at \(key) \(band.threshold.plainText())",
                      band.origin, key, hint: "each band needs its own threshold")
            } else if (b.direction == .atLeast) != (band.threshold < prev.threshold) {
                let order = b.direction == .atLeast ? "from the highest `min` down" : "from the lowest `max` up"
                error("bands-order", "the bands of \(label) are not in order: \(key) \(band.threshold.plainText()) comes after \(key) \(prev.threshold.plainText()); list them \(order)",
                      band.origin, key, hint: "a band after a wider one can never be reached")
            }
            if band.points > prev.points {
                error("bands-not-monotone", "band \(i + 1) of \(label) gives \(band.points.plainText()) points, more than the better band before it (\(prev.points.plainText()))",
                      band.origin, "points", hint: "points must not increase as the value gets worse")
            }
        }
        if let last = b.bands.last, b.otherwise > last.points {
            error("bands-not-monotone", "\(label) gives \(b.otherwise.plainText()) points `otherwise`, more than its worst band (\(last.points.plainText()))",
                  s.origin, "otherwise")
        }
    }

    // MARK: Grades, vetoes, ranking

    private func checkGrades() {
        // An empty or missing list of grades was reported while decoding.
        for (i, g) in rules.grades.enumerated() {
            let isLast = i == rules.grades.count - 1
            if isLast && g.min != nil {
                error("grades-no-floor", "the last grade `\(g.name)` must have no `min`: it catches every total below the others", g.origin, "min",
                      hint: "remove \"min\" from the last grade")
            }
            if !isLast && g.min == nil {
                error("grades-order", "grade `\(g.name)` has no `min`; only the last grade may go without one", g.origin)
            }
            if i > 0, let m = g.min, let pm = rules.grades[i - 1].min, m >= pm {
                error("grades-order", "grade `\(g.name)` starts at \(m.plainText()), not below the grade before it (\(pm.plainText())); list grades from best to worst",
                      g.origin, "min")
            }
        }
    }

    private func checkVetoes() {
        let names = rules.grades.map(\.name)
        for v in rules.vetoes {
            if let g = v.grade, !names.contains(g), !ctx.hasUndecoded("grades") {
                error("unknown-grade", "veto `\(v.id)` forces grade `\(g)`, which is not one of the grades", v.origin, "grade",
                      hint: String.didYouMean(g, among: names) ?? "use one of " + names.map { "`\($0)`" }.joined(separator: ", "))
            }
        }
    }

    private func checkTieBreaks() {
        // An entry with a mistake in it was reported already; don't call it undefined too.
        func known(_ collection: String, _ ids: [String]) -> [String] { ids + (ctx.undecoded[collection] ?? []).sorted() }
        for t in rules.ranking.tieBreak {
            switch t.key {
            case .area(let id) where rules.area(id) == nil && !ctx.isUndecoded("areas", id):
                error("unknown-area", "tie-break by area `\(id)`, which is not defined", t.origin, "id",
                      hint: String.didYouMean(id, among: known("areas", rules.areas.map(\.id))))
            case .standard(let id) where !(rules.standards + rules.bonuses + rules.deductions).contains(where: { $0.id == id })
                    && !["standards", "bonuses", "deductions"].contains(where: { ctx.isUndecoded($0, id) }):
                error("unknown-standard", "tie-break by standard `\(id)`, which is not defined", t.origin, "id",
                      hint: String.didYouMean(id, among: known("standards", (rules.standards + rules.bonuses + rules.deductions).map(\.id))))
            case .metric(let id) where rules.metric(id) == nil && !ctx.isUndecoded("metrics", id):
                error("unknown-metric", "tie-break by metric `\(id)`, which is not declared", t.origin, "id",
                      hint: String.didYouMean(id, among: known("metrics", rules.metrics.map(\.id))))
            default: break
            }
        }
    }
}
