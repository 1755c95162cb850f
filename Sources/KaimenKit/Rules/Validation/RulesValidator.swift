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

    func error(_ code: DiagnosticCode, _ text: Localized, _ origin: Origin, _ key: String? = nil, hint: Localized? = nil) {
        // A standard whose `points` was misspelt (`point`, said already) has another file's
        // points or none: what is compared with them would only repeat that problem.
        if code == .pointsExceed || code == .pointsMismatch, ctx.misspelt(["points"], at: origin.path) { return }
        ctx.error(code, text, at: key.map { origin.at($0) } ?? origin.location,
                  path: key.map { origin.path($0) } ?? origin.path, hint: hint)
    }

    // MARK: Ids

    private func checkDuplicateIDs() {
        // With the entries that could not be decoded (each said already), in the order they
        // stand: the first of two is the one earlier in its file, or in the file read first.
        func check(_ decoded: [(id: String, origin: Origin)], _ what: Localized, _ collections: [String]) {
            let files = rules.sourceFiles
            let undecoded = collections.flatMap { ctx.undecodedEntries[$0] ?? [] }
            let entries = undecoded.isEmpty ? decoded : (decoded + undecoded).sorted { a, b in
                let (x, y) = (a.origin.location, b.origin.location)
                let (fx, fy) = (files.firstIndex(of: x.file) ?? 0, files.firstIndex(of: y.file) ?? 0)
                return (fx, x.line, x.column) < (fy, y.line, y.column)
            }
            var first: [String: Origin] = [:]
            for e in entries {
                if let prior = first[e.id] {
                    error(.duplicateID, ValidationMessages.duplicateID(what, e.id, prior.location), e.origin, "id",
                          hint: ValidationMessages.ownID(what))
                } else {
                    first[e.id] = e.origin
                }
            }
        }
        check(rules.metrics.map { ($0.id, $0.origin) }, ValidationMessages.metric, ["metrics"])
        check(rules.areas.map { ($0.id, $0.origin) }, ValidationMessages.area, ["areas"])
        check((rules.standards + rules.bonuses + rules.deductions).map { ($0.id, $0.origin) } + rules.vetoes.map { ($0.id, $0.origin) },
              ValidationMessages.anyEntry, ["standards", "bonuses", "deductions", "vetoes"])
        // A ballot standard's name heads its column on the entry sheets, and a ballots file may
        // name it so: two of one name could not be told apart, nor two whose names differ only in
        // the width of their brackets, digits or letters, which the readers take as one
        // (`BallotItemNames.standardID(named:in:isBallot:)`, since 0.26.0).
        var ballotNames: [String: (origin: Origin, name: String)] = [:]
        for s in rules.standards {
            guard case .ballot = s.method else { continue }
            let key = UnitMatcher.normalized(s.name)
            if let prior = ballotNames[key] {
                error(.duplicateID, prior.name == s.name ? ValidationMessages.duplicateBallotName(s.name, prior.origin.location)
                                                         : ValidationMessages.ballotNamesByWidth(s.name, prior.name, prior.origin.location),
                      s.origin, "name", hint: ValidationMessages.ownBallotName)
            } else { ballotNames[key] = (s.origin, s.name) }
        }
        var gradeNames: [String: Origin] = [:]
        for g in rules.grades {
            if let prior = gradeNames[g.name] {
                error(.duplicateID, ValidationMessages.duplicateGrade(g.name, prior.location), g.origin, "name")
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
            // A removed area its standards still name was reported at the `remove` entry.
            guard let a = s.area, rules.area(a) == nil, !ctx.isRemovedInUse("areas", a) else { continue }
            if let m = Suggestion.only(to: a, among: areaIDs) { meant.insert(m) } else { meantUnknown = true }
        }
        for area in rules.areas {
            let members = rules.standards.filter { $0.area == area.id }
            // A standard with a mistake in it was left out; its area's sum would be wrong too.
            if ctx.hasUndecoded("standards") || meantUnknown || meant.contains(area.id) { continue }
            // A misspelt key in the area or one of its standards (`ponits`) was reported; what
            // it was meant to set is missing from the sum.
            let sumKeys: Set<String> = ["points", "capped", "area"]
            if ctx.misspelt(sumKeys, at: area.origin.path) || members.contains(where: { ctx.misspelt(sumKeys, at: $0.origin.path) }) { continue }
            // A standard a `remove` meant to drop (its id misspelt there) still counts here.
            if members.contains(where: { ctx.meantToRemove.contains($0.id) }) { continue }
            // Nor one whose points an `override` meant to change, its id misspelt. (A misspelt
            // standard's override is undecoded, which skips every area's sum above.)
            if ctx.meantToOverride["areas"]?.contains(area.id) == true { continue }
            // Standards a `remove` dropped from an area whose points were written elsewhere (the
            // base file): what no longer adds up is the extending file's to fix, so it is said there.
            // Of the removals in files outside the one where the area's points were last written,
            // the outermost file's (the file checked comes first): in a chain base → middle → own,
            // a middle file's removal, which it balanced, was blamed for the own file's (a rules
            // author's trial), and so it was when the own file's override set the points wrong.
            let depth = { (file: String) in rules.sourceFiles.firstIndex(of: file) ?? rules.sourceFiles.count }
            let pointsDepth = depth(area.origin.at("points").file)
            let removedHere = ctx.removedFromArea[area.id].flatMap { r in
                r.filter { depth($0.location.file) < pointsDepth }.min { depth($0.location.file) < depth($1.location.file) }
            }
            if members.isEmpty {
                if let r = removedHere {
                    ctx.error(.emptyArea, ValidationMessages.afterRemoving(ValidationMessages.emptyArea(area.id, area.name), r.id), at: r.location, path: r.path,
                              hint: ValidationMessages.removeAreaToo(area.id))
                } else {
                    error(.emptyArea, ValidationMessages.emptyArea(area.id, area.name), area.origin,
                          hint: ValidationMessages.addToArea(area.id))
                }
                continue
            }
            let sum = members.reduce(Rational.zero) { $0 + $1.points }
            if area.capped {
                if sum < area.points {
                    error(.pointsMismatch, ValidationMessages.cappedUnreachable(area.id, sum.plainText(), area.points.plainText()),
                          area.origin, "points",
                          hint: ValidationMessages.matchAreaSum(sum.plainText(), area.points.plainText(), (area.points - sum).plainText(), short: true))
                }
            } else if sum != area.points {
                let list = members.map { "\($0.id) \($0.points.plainText())" }.joined(separator: " + ")
                let text = ValidationMessages.areaSum(area.id, area.name, sum.plainText(), area.points.plainText(), list)
                if let r = removedHere {
                    ctx.error(.pointsMismatch, ValidationMessages.afterRemoving(text, r.id), at: r.location, path: r.path,
                              hint: ValidationMessages.overrideAreaPoints(area.id, sum.plainText()))
                } else {
                    error(.pointsMismatch, text, area.origin, "points",
                          hint: ValidationMessages.matchAreaSum(sum.plainText(), area.points.plainText(), (sum - area.points).magnitude.plainText(),
                                                                short: sum < area.points))
                }
            }
            let areaBallots = members.filter { if case .ballot(let b) = $0.method { return b.target == .area } else { return false } }
            if areaBallots.count > 1 {
                error(.duplicateAreaBallot, ValidationMessages.areaBallots(area.id, areaBallots.count),
                      areaBallots[1].origin, "target")
            }
        }
    }

    // MARK: Standards

    var areaEntries: [ReferenceHint.Entry] { rules.areas.map { ($0.id, $0.name) } }
    var metricEntries: [ReferenceHint.Entry] { rules.metrics.map { ($0.id, $0.name) } }
    var itemEntries: [ReferenceHint.Entry] { (rules.standards + rules.bonuses + rules.deductions).map { ($0.id, $0.name) } }

    private func checkStandard(_ s: Standard) {
        let label = ValidationMessages.entry(s)
        // An entry a `remove` meant to drop (misspelt there, or under another collection) was reported there.
        if let area = s.area, rules.area(area) == nil, !ctx.isUndecoded("areas", area), !ctx.isRemovedInUse("areas", area),
           !ctx.meantToRemove.contains(s.id) {
            error(.unknownArea, ValidationMessages.unknownArea(label, area), s.origin, "area",
                  hint: ReferenceHint.forID(area, among: areaEntries, what: ValidationMessages.area) ?? ValidationMessages.addUnderAreas)
        }
        if case .points(let p) = s.notAssessable, p > s.points {
            error(.pointsExceed, ValidationMessages.notAssessableExceeds(label, p.plainText(), s.points.plainText()), s.origin, "notAssessable")
        }
        if s.role != .standard, s.notAssessable == .prorate {
            error(.invalidValue, ValidationMessages.cannotProrate(label), s.origin, "notAssessable")
        }
        s.method.rule.check(s, label: label, self)
    }

    // MARK: Grades, vetoes, ranking

    private func checkGrades() {
        // An empty or missing list of grades was reported while decoding.
        for (i, g) in rules.grades.enumerated() {
            let isLast = i == rules.grades.count - 1
            if isLast && g.min != nil {
                error(.gradesNoFloor, ValidationMessages.lastGradeMin(g.name), g.origin, "min", hint: gradesReplaced ?? ValidationMessages.removeMin)
            }
            // A `min` that was written but could not be read (`"85分"`) was reported as such.
            if !isLast && g.min == nil && g.origin.fields["min"] == nil {
                error(.gradesOrder, ValidationMessages.gradeWithoutMin(g.name), g.origin)
            }
            if i > 0, let m = g.min, let pm = rules.grades[i - 1].min, m >= pm {
                error(.gradesOrder, ValidationMessages.gradesOrder(g.name, m.plainText(), pm.plainText()),
                      g.origin, "min")
            }
        }
    }

    /// Said of a grade problem when an extending file's `grades` replaced its base's list.
    private var gradesReplaced: Localized? {
        ctx.gradesReplaced.map { ValidationMessages.gradesReplaceBase(PathText.lastComponent($0.file), base: PathText.lastComponent($0.baseFile), $0.baseGrades) }
    }

    private func checkVetoes() {
        let names = rules.grades.map(\.name)
        for v in rules.vetoes {
            if let g = v.grade, !names.contains(g), !ctx.hasUndecoded("grades") {
                // A base's veto, and grades an extending file replaced: said at that file's list.
                if let replaced = ctx.gradesReplaced, v.origin.location.file != replaced.file {
                    ctx.error(.unknownGrade, ValidationMessages.vetoGradeReplaced(v.id, g, file: PathText.lastComponent(replaced.file)),
                              at: replaced.at, path: "grades", hint: gradesReplaced)
                    continue
                }
                error(.unknownGrade, ValidationMessages.unknownGrade(v.id, g), v.origin, "grade",
                      hint: ReferenceHint.grade(g, among: names).map(CommandMessages.didYouMean) ?? ValidationMessages.useOneOf(names))
            }
        }
    }

    private func checkTieBreaks() {
        // An entry with a mistake in it was reported already; don't call it undefined too.
        func known(_ collection: String, _ entries: [ReferenceHint.Entry]) -> [ReferenceHint.Entry] {
            entries + (ctx.undecoded[collection] ?? []).sorted().map { ($0, $0) }
        }
        for t in rules.ranking.tieBreak {
            switch t.key {
            case .area(let id) where rules.area(id) == nil && !ctx.isUndecoded("areas", id) && !ctx.isRemovedInUse("areas", id):
                error(.unknownArea, ValidationMessages.tieBreakArea(id), t.origin, "id",
                      hint: ReferenceHint.forID(id, among: known("areas", areaEntries), what: ValidationMessages.area))
            case .standard(let id) where !(rules.standards + rules.bonuses + rules.deductions).contains(where: { $0.id == id })
                    && !Standard.Role.collections.contains(where: { ctx.isUndecoded($0, id) || ctx.isRemovedInUse($0, id) }):
                error(.unknownStandard, ValidationMessages.tieBreakStandard(id), t.origin, "id",
                      hint: ReferenceHint.forID(id, among: known("standards", itemEntries), what: ValidationMessages.standard))
            case .metric(let id) where rules.metric(id) == nil && !ctx.isUndecoded("metrics", id) && ctx.removed["metrics"]?[id] == nil:
                error(.unknownMetric, ValidationMessages.tieBreakMetric(id), t.origin, "id",
                      hint: ReferenceHint.forID(id, among: known("metrics", metricEntries), what: ValidationMessages.metric))
            default: break
            }
        }
    }
}
