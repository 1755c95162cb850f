/// Turns a merged rules document (`extends` already applied) into `Rules`, reporting every
/// unknown key, missing key, wrong type and bad formula, with its place in the file.
///
/// Checks that need the whole file (sums, duplicate ids, references) are `RulesValidator`'s.
struct RulesDecoder {
    let ctx: DecodeContext

    static let topLevelKeys = ["$schema", "format", "id", "title", "issuer", "version", "effective", "locale",
                               "extends", "metrics", "areas", "standards", "grades", "bonusCap", "bonuses",
                               "deductions", "vetoes", "ranking", "ballots", "notAssessable", "publishRepresentatives", "remove", "override", "tests"]
    static let metricKeys = ["id", "name", "kind", "unit", "missing"]
    static let areaKeys = ["id", "name", "points", "order", "capped"]
    static let standardCommonKeys = ["id", "area", "name", "criteria", "points", "method", "precondition", "notAssessable"]
    static let methodKeys: [String: [String]] = [
        "bands": ["metric", "ratio", "bands", "otherwise"],
        "linear": ["metric", "ratio", "floor", "target"],
        "count": ["metric", "perUnit"],
        "checklist": ["items"],
        "presence": ["metric"],
        "ballot": ["target", "aggregate", "trim", "minBallots"],
        "survey": ["satisfied", "basic", "dissatisfied", "weights", "participation"],
        "expression": ["formula"],
    ]
    static let ratioKeys = ["numerator", "denominator", "zero", "maxOne"]
    static let bandKeys = ["min", "max", "points"]
    static let checklistItemKeys = ["id", "name", "metric", "points"]
    static let surveyWeightKeys = ["satisfied", "basic", "dissatisfied"]
    static let participationKeys = ["population", "min"]
    static let preconditionKeys = ["when", "note"]
    static let gradeKeys = ["name", "min", "quota"]
    static let vetoKeys = ["id", "name", "criteria", "when", "grade", "capTotal"]
    static let rankingKeys = ["precision", "tieBreak"]
    static let tieBreakKeys = ["by", "id", "order"]
    static let ballotPolicyKeys = ["aggregate", "trim", "minBallots", "insufficient", "scoreStep", "combine", "corridor"]
    static let corridorKeys = ["points", "share"]
    static let trimKeys = ["k", "minBallots"]
    static let combineKeys = ["mode", "ballots", "metrics"]
    static let effectiveKeys = ["from", "to"]

    /// Every key the decoder reads anywhere in a rules file.
    static var allKeys: Set<String> {
        Set(topLevelKeys + metricKeys + areaKeys + standardCommonKeys + methodKeys.values.flatMap { $0 } + ratioKeys + bandKeys
            + checklistItemKeys + surveyWeightKeys + participationKeys + preconditionKeys + gradeKeys + vetoKeys + rankingKeys
            + tieBreakKeys + ballotPolicyKeys + corridorKeys + trimKeys + combineKeys + effectiveKeys)
    }

    /// Metric id → slot, filled once metrics are decoded; formulas resolve names against it.
    private var metricSlots: [String: Int] = [:]

    init(ctx: DecodeContext) { self.ctx = ctx }

    mutating func decode(_ root: JSONNode, sourceFiles: [String]) -> Rules? {
        guard let top = ObjectReader(root, path: "", what: RulesMessages.rulesFile, ctx: ctx) else { return nil }
        top.finish(allowed: RulesDecoder.topLevelKeys)
        if let format = top.integer("format", range: 1...1000), format != 1 {
            ctx.error(.unsupportedFormat, RulesMessages.unsupportedFormat(format),
                      at: top.value("format")?.location, path: "format", hint: RulesMessages.newerKaimen)
        }
        let metadata = decodeMetadata(top)

        var metrics: [MetricDefinition] = []
        for (i, node) in collection(top, "metrics", required: true, nonEmpty: false).enumerated() {
            if let m = decodeMetric(node, index: i) { metrics.append(m) } else { ctx.markUndecoded("metrics", node) }
        }
        for (slot, m) in metrics.enumerated() where metricSlots[m.id] == nil { metricSlots[m.id] = slot }
        // A metric with a mistake in its declaration still resolves, so formulas that read it
        // don't repeat the problem as "unknown metric". (Rules with errors are never scored.)
        // A metric id rejected for its `-` (`card-rate`) reads as `card - rate` in a formula: its
        // parts resolve too, so the formula does not repeat the problem.
        let undecodedMetrics = (ctx.undecoded["metrics"] ?? []).sorted()
        for id in undecodedMetrics + undecodedMetrics.flatMap({ $0.split(separator: "-").map(String.init) }) where metricSlots[id] == nil {
            metricSlots[id] = metricSlots.count
        }

        var areas: [Area] = []
        for (i, node) in collection(top, "areas", required: true, nonEmpty: true).enumerated() {
            if let a = decodeArea(node, index: i) { areas.append(a) } else { ctx.markUndecoded("areas", node) }
        }
        let standards = decodeStandards(collection(top, "standards", required: true, nonEmpty: true), collection: "standards", role: .standard)
        let bonuses = decodeStandards(collection(top, "bonuses", required: false, nonEmpty: false), collection: "bonuses", role: .bonus)
        let deductions = decodeStandards(collection(top, "deductions", required: false, nonEmpty: false), collection: "deductions", role: .deduction)
        var grades: [Grade] = []
        for (i, node) in collection(top, "grades", required: true, nonEmpty: true).enumerated() {
            if let g = decodeGrade(node, index: i) { grades.append(g) } else { ctx.markUndecoded("grades", node) }
        }
        var vetoes: [Veto] = []
        for (i, node) in collection(top, "vetoes", required: false, nonEmpty: false).enumerated() {
            if let v = decodeVeto(node, index: i) { vetoes.append(v) } else { ctx.markUndecoded("vetoes", node) }
        }
        let bonusCap = top.number("bonusCap", required: false, nonNegative: true)
        let ranking = top.object("ranking", what: RulesMessages.quoted("ranking")).map(decodeRanking) ?? .default
        let ballots = top.object("ballots", what: RulesMessages.ballotPolicy).map(decodeBallotPolicy) ?? .default
        let notAssessable = top.value("notAssessable").flatMap { decodeNotAssessable($0, path: "notAssessable", allowPoints: false) } ?? .zero
        let publishRepresentatives = top.bool("publishRepresentatives") ?? false

        // Missing metadata was reported; the rest is still validated so one run finds everything.
        // (Rules with errors are never returned from the loader.)
        let placeholder = RulesMetadata(id: "", title: "", issuer: "", version: "", effectiveFrom: "", effectiveTo: nil, locale: "zh-CN")
        var rules = Rules(metadata: metadata ?? placeholder, metrics: metrics, areas: areas, standards: standards, grades: grades,
                          bonusCap: bonusCap, bonuses: bonuses, deductions: deductions, vetoes: vetoes,
                          ranking: ranking, ballots: ballots, notAssessable: notAssessable, publishRepresentatives: publishRepresentatives,
                          sourceFiles: sourceFiles)
        rules.tests = RulesTestsDecoder(ctx: ctx).decode(top.array("tests", required: false) ?? [])
        // A file's own tests must name what the file has; a base file's are checked when run.
        for test in rules.tests where test.isOwn(in: rules) {
            ctx.diagnostics.append(contentsOf: RulesTestChecker.problems(test, rules: rules))
        }
        return rules
    }

    // MARK: Sections

    /// The entries of a top-level list. When the list is missing or not a list (reported here),
    /// it is marked undecoded, so later checks don't add "no grades" or "unknown metric".
    private func collection(_ top: ObjectReader, _ key: String, required: Bool, nonEmpty: Bool) -> [JSONNode] {
        guard let list = top.array(key, required: required) else {
            if top.has(key) || required { ctx.undecoded[key, default: []].insert("*") }
            return []
        }
        if nonEmpty && list.isEmpty {
            ctx.error(.emptyCollection, RulesMessages.emptyCollection(key), at: top.value(key)?.location, path: key,
                      hint: RulesMessages.addAtLeastOne(key))
            ctx.undecoded[key, default: []].insert("*")
        }
        return list
    }

    private func decodeMetadata(_ top: ObjectReader) -> RulesMetadata? {
        let id = top.id("id")
        let title = top.string("title")
        let issuer = top.string("issuer")
        let version = top.string("version")
        let locale = top.string("locale", required: false) ?? "zh-CN"
        var from: String?, to: String?
        if let eff = top.object("effective", what: RulesMessages.quoted("effective"), required: true) {
            eff.finish(allowed: RulesDecoder.effectiveKeys)
            from = date(eff, "from", required: true)
            to = date(eff, "to", required: false)
            if let f = from, let t = to, t < f {
                ctx.error(.invalidValue, RulesMessages.periodBackwards(f, t),
                          at: eff.value("to")?.location, path: eff.path("to"))
            }
        }
        guard let id, let title, let issuer, let version, let from else { return nil }
        return RulesMetadata(id: id, title: title, issuer: issuer, version: version, effectiveFrom: from, effectiveTo: to, locale: locale)
    }

    private func date(_ r: ObjectReader, _ key: String, required: Bool) -> String? {
        guard let s = r.string(key, required: required) else { return nil }
        let parts = s.split(separator: "-")
        let ok = parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2
            && Int(parts[1]).map { (1...12).contains($0) } == true && Int(parts[2]).map { (1...31).contains($0) } == true
            && Int(parts[0]) != nil
        guard ok else {
            ctx.error(.invalidValue, RulesMessages.notADate(s), at: r.value(key)?.location, path: r.path(key))
            return nil
        }
        return s
    }

    private func entryPath(_ collection: String, _ node: JSONNode, _ index: Int) -> String {
        if let id = node["id"]?.stringValue, !id.isEmpty { return "\(collection)[\(id)]" }
        return "\(collection)[\(index)]"
    }

    private func decodeMetric(_ node: JSONNode, index: Int) -> MetricDefinition? {
        let path = entryPath("metrics", node, index)
        let label = RulesMessages.metric(node["id"]?.stringValue, index)
        guard let r = ObjectReader(node, path: path, what: label, ctx: ctx) else { return nil }
        r.finish(allowed: RulesDecoder.metricKeys)
        let id = r.id("id", metric: true), name = r.string("name")
        let kind = r.choice("kind", MetricDefinition.Kind.allCases.map(\.rawValue)).flatMap(MetricDefinition.Kind.init(rawValue:))
        let unit = r.string("unit", required: false)
        let missing = r.choice("missing", MetricDefinition.Missing.allCases.map(\.rawValue), required: false)
            .flatMap(MetricDefinition.Missing.init(rawValue:)) ?? .error
        guard let id, let name, let kind else { return nil }
        return MetricDefinition(id: id, name: name, kind: kind, unit: unit, missing: missing, origin: r.origin())
    }

    private func decodeArea(_ node: JSONNode, index: Int) -> Area? {
        let path = entryPath("areas", node, index)
        let label = RulesMessages.area(node["id"]?.stringValue, index)
        guard let r = ObjectReader(node, path: path, what: label, ctx: ctx) else { return nil }
        r.finish(allowed: RulesDecoder.areaKeys)
        let id = r.id("id"), name = r.string("name")
        let points = r.number("points", nonNegative: true)
        let order = r.integer("order", required: false, range: 0...10_000) ?? index + 1
        let capped = r.bool("capped") ?? false
        guard let id, let name, let points else { return nil }
        return Area(id: id, name: name, points: points, order: order, capped: capped, origin: r.origin())
    }

    private mutating func decodeStandards(_ nodes: [JSONNode], collection: String, role: Standard.Role) -> [Standard] {
        var out: [Standard] = []
        for (i, node) in nodes.enumerated() {
            if let s = decodeStandard(node, index: i, collection: collection, role: role) { out.append(s) } else { ctx.markUndecoded(collection, node) }
        }
        return out
    }

    private mutating func decodeStandard(_ node: JSONNode, index: Int, collection: String, role: Standard.Role) -> Standard? {
        let path = entryPath(collection, node, index)
        let label = RulesMessages.entry(role, node["id"]?.stringValue, index)
        guard let r = ObjectReader(node, path: path, what: label, ctx: ctx) else { return nil }
        // Unknown keys first (they depend on the method), so a misspelt key is reported once.
        var allowed = RulesDecoder.standardCommonKeys
        if let m = r.value("method")?.stringValue, let keys = RulesDecoder.methodKeys[m] { allowed += keys }
        else { allowed += RulesDecoder.methodKeys.values.flatMap { $0 } }
        r.finish(allowed: allowed)
        let id = r.id("id")
        // A reference, not a definition: a bad id here is reported as an unknown area (once,
        // where the area itself is defined, when that id is invalid too).
        let area = r.string("area", required: role != .bonus)
        let name = r.string("name")
        let criteria = r.string("criteria")
        let points = r.number("points", nonNegative: true)
        let methodName = r.choice("method", ScoringMethod.allNames)
        let method = methodName.flatMap { decodeMethod($0, r, role: role) }
        var precondition: Precondition?
        if let p = r.object("precondition", what: RulesMessages.precondition) {
            p.finish(allowed: RulesDecoder.preconditionKeys)
            let when = formula(p, "when", type: .boolean, required: true)
            let note = p.string("note", required: false)
            if let when { precondition = Precondition(when: when, note: note) }
        }
        let notAssessable = r.value("notAssessable").flatMap { decodeNotAssessable($0, path: r.path("notAssessable"), allowPoints: true) }
        guard let id, let name, let criteria, let points, let method else { return nil }
        if role != .bonus && area == nil { return nil }
        return Standard(id: id, role: role, area: area, name: name, criteria: criteria, points: points, method: method,
                        precondition: precondition, notAssessable: notAssessable, origin: r.origin())
    }

    private func decodeNotAssessable(_ v: JSONNode, path: String, allowPoints: Bool) -> NotAssessable? {
        if case .number = v.value, allowPoints {
            return ObjectReader.number(v, key: "notAssessable", path: path, nonNegative: true, ctx: ctx).map { .points($0) }
        }
        let options = ["zero", "full", "prorate"]
        guard let s = v.stringValue, options.contains(s) else {
            ctx.error(.invalidValue, RulesMessages.notAssessableChoice(allowPoints: allowPoints),
                      at: v.location, path: path, hint: v.stringValue.flatMap { Localized.didYouMean($0, among: options) })
            return nil
        }
        switch s {
        case "full": return .full
        case "prorate": return .prorate
        default: return .zero
        }
    }

    // MARK: Methods

    private func metricRef(_ r: ObjectReader, _ key: String, required: Bool = true) -> String? {
        guard let id = r.string(key, required: required) else { return nil }
        guard metricSlots[id] != nil || ctx.isUndecoded("metrics", "*") else {
            ctx.error(.unknownMetric, RulesMessages.unknownMetric(id), at: r.value(key)?.location, path: r.path(key),
                      hint: Localized.didYouMean(id, among: metricSlots.keys.sorted()) ?? RulesMessages.declareMetric)
            return nil
        }
        return id
    }

    private func metricInput(_ r: ObjectReader) -> MetricInput? {
        switch (r.has("metric"), r.has("ratio")) {
        case (true, true):
            ctx.error(.conflictingKeys, RulesMessages.metricAndRatio(r.what), at: r.value("ratio")?.location, path: r.path("ratio"))
            return nil
        case (false, false):
            if r.hasMisspelling(of: "metric") || r.hasMisspelling(of: "ratio") { return nil }
            ctx.error(.missingKey, RulesMessages.needsMetricOrRatio(r.what), at: r.location, path: r.path,
                      hint: RulesMessages.addMetricOrRatio)
            return nil
        case (true, false):
            return metricRef(r, "metric").map { .metric($0) }
        case (false, true):
            guard let q = r.object("ratio", what: RulesMessages.ratio) else { return nil }
            q.finish(allowed: RulesDecoder.ratioKeys)
            let num = metricRef(q, "numerator"), den = metricRef(q, "denominator")
            var zero: Ratio.Zero?
            if let z = q.value("zero") {
                if case .number = z.value {
                    zero = ObjectReader.number(z, key: "zero", path: q.path("zero"), nonNegative: true, ctx: ctx).map { .points($0) }
                } else if z.stringValue == "full" {
                    zero = .full
                } else if z.stringValue == "notAssessable" {
                    zero = .notAssessable
                } else {
                    ctx.error(.invalidValue, RulesMessages.zeroChoice, at: z.location, path: q.path("zero"))
                }
            } else if !q.hasMisspelling(of: "zero") {
                ctx.error(.missingKey, RulesMessages.ratioNeedsZero, at: q.location, path: q.path, hint: RulesMessages.addZero)
            }
            let maxOne = q.bool("maxOne") ?? true
            guard let num, let den, let zero else { return nil }
            return .ratio(Ratio(numerator: num, denominator: den, zero: zero, maxOne: maxOne))
        }
    }

    private func formula(_ r: ObjectReader, _ key: String, type: FormulaType, required: Bool) -> Formula? {
        guard let text = r.string(key, required: required), let node = r.value(key) else { return nil }
        let names = FormulaNames(slots: metricSlots)
        switch CompiledFormula.compile(text, expecting: type, names: names, locate: { node.contentLocation($0) }) {
        case .success(let compiled):
            let bySlot = Dictionary(metricSlots.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            return Formula(text: text, location: node.location, compiled: compiled,
                           metricIDs: compiled.slots.compactMap { bySlot[$0] })
        case .failure(let e):
            for var d in e.diagnostics {
                if d.path == nil { d.path = r.path(key) }
                ctx.diagnostics.append(d)
            }
            return nil
        }
    }

    private mutating func decodeMethod(_ name: String, _ r: ObjectReader, role: Standard.Role) -> ScoringMethod? {
        switch name {
        case "bands":
            let input = metricInput(r)
            let otherwise = r.number("otherwise", required: false, nonNegative: true) ?? .zero
            guard let list = r.array("bands") else { return nil }
            if list.isEmpty {
                ctx.error(.emptyBands, RulesMessages.noBands(r.what), at: r.value("bands")?.location, path: r.path("bands"),
                          hint: RulesMessages.addBand)
            }
            var bands: [Bands.Band] = []
            var directions = Set<Bands.Direction>()
            for (i, node) in list.enumerated() {
                guard let b = ObjectReader(node, path: r.path("bands") + "[\(i)]", what: RulesMessages.band(i, of: r.what), ctx: ctx) else { continue }
                b.finish(allowed: RulesDecoder.bandKeys)
                let points = b.number("points", nonNegative: true)
                var threshold: Rational?
                switch (b.has("min"), b.has("max")) {
                case (true, true):
                    ctx.error(.conflictingKeys, RulesMessages.minOrMax, at: b.value("max")?.location, path: b.path("max"))
                case (false, false):
                    if b.hasMisspelling(of: "min") || b.hasMisspelling(of: "max") { break }
                    ctx.error(.missingKey, RulesMessages.bandNeedsThreshold(i, r.what),
                              at: b.location, path: b.path)
                case (true, false):
                    threshold = b.number("min"); directions.insert(.atLeast)
                case (false, true):
                    threshold = b.number("max"); directions.insert(.atMost)
                }
                if let threshold, let points { bands.append(.init(threshold: threshold, points: points, origin: b.origin())) }
            }
            if directions.count > 1 {
                ctx.error(.bandsMixed, RulesMessages.bandsMixed(r.what),
                          at: r.value("bands")?.location, path: r.path("bands"))
                return nil
            }
            guard let input, bands.count == list.count, !list.isEmpty else { return nil }
            return .bands(Bands(input: input, direction: directions.first ?? .atLeast, bands: bands, otherwise: otherwise))
        case "linear":
            let input = metricInput(r)
            let floor = r.number("floor"), target = r.number("target")
            guard let input, let floor, let target else { return nil }
            return .linear(Linear(input: input, floor: floor, target: target))
        case "count":
            let metric = metricRef(r, "metric"), per = r.number("perUnit", nonNegative: true)
            guard let metric, let per else { return nil }
            return .count(Count(metric: metric, perUnit: per))
        case "checklist":
            guard let list = r.array("items") else { return nil }
            var items: [ChecklistItem] = []
            for (i, node) in list.enumerated() {
                let p = r.path("items") + (node["id"]?.stringValue.map { "[\($0)]" } ?? "[\(i)]")
                guard let it = ObjectReader(node, path: p, what: RulesMessages.checklistItem(i, of: r.what), ctx: ctx) else { continue }
                it.finish(allowed: RulesDecoder.checklistItemKeys)
                let id = it.id("id"), nm = it.string("name"), metric = metricRef(it, "metric"), pts = it.number("points", nonNegative: true)
                if let id, let nm, let metric, let pts {
                    items.append(ChecklistItem(id: id, name: nm, metric: metric, points: pts, origin: it.origin()))
                }
            }
            if list.isEmpty {
                ctx.error(.emptyChecklist, RulesMessages.noChecklist(r.what), at: r.value("items")?.location, path: r.path("items"))
            }
            guard items.count == list.count, !list.isEmpty else { return nil }
            return .checklist(items)
        case "presence":
            return metricRef(r, "metric").map { .presence(metric: $0) }
        case "ballot":
            if role != .standard {
                ctx.error(.invalidValue, RulesMessages.ballotOnlyStandards(role),
                          at: r.value("method")?.location, path: r.path("method"))
                return nil
            }
            let target = r.choice("target", ["standard", "area"], required: false).flatMap(BallotScoring.Target.init(rawValue:)) ?? .standard
            let aggregate = r.choice("aggregate", BallotPolicy.Aggregate.allCases.map(\.rawValue), required: false)
                .flatMap(BallotPolicy.Aggregate.init(rawValue:))
            let trim = r.object("trim", what: RulesMessages.quoted("trim")).flatMap(decodeTrim)
            let minBallots = r.integer("minBallots", required: false, range: 1...1000)
            return .ballot(BallotScoring(target: target, aggregate: aggregate, trim: trim, minBallots: minBallots))
        case "survey":
            let s = metricRef(r, "satisfied"), b = metricRef(r, "basic"), d = metricRef(r, "dissatisfied")
            var weights = (satisfied: Rational.one, basic: Rational(3, 5), dissatisfied: Rational.zero)
            if let w = r.object("weights", what: RulesMessages.surveyWeights) {
                w.finish(allowed: RulesDecoder.surveyWeightKeys)
                for key in RulesDecoder.surveyWeightKeys {
                    guard let v = w.number(key, required: false) else { continue }
                    if v < .zero || v > .one {
                        ctx.error(.outOfRange, RulesMessages.surveyWeight(key, v.plainText()),
                                  at: w.value(key)?.location, path: w.path(key))
                    }
                    switch key {
                    case "satisfied": weights.satisfied = v
                    case "basic": weights.basic = v
                    default: weights.dissatisfied = v
                    }
                }
            }
            var participation: Survey.Participation?
            if let p = r.object("participation", what: RulesMessages.participation) {
                p.finish(allowed: RulesDecoder.participationKeys)
                let pop = metricRef(p, "population"), mn = p.number("min", nonNegative: true)
                if let mn, mn > .one {
                    ctx.error(.outOfRange, RulesMessages.participationMin(mn.plainText()),
                              at: p.value("min")?.location, path: p.path("min"))
                }
                if let pop, let mn { participation = .init(population: pop, min: mn) }
            }
            guard let s, let b, let d else { return nil }
            return .survey(Survey(satisfied: s, basic: b, dissatisfied: d, weights: weights, participation: participation))
        case "expression":
            return formula(r, "formula", type: .number, required: true).map { .expression($0) }
        default:
            return nil
        }
    }

    private func decodeTrim(_ t: ObjectReader) -> BallotPolicy.Trim? {
        t.finish(allowed: RulesDecoder.trimKeys)
        let k = t.integer("k", required: false, range: 0...100) ?? 1
        let minBallots = t.integer("minBallots", required: false, range: 1...1000) ?? 5
        if minBallots <= 2 * k {
            ctx.error(.invalidValue, RulesMessages.trimNeedsBallots(k, minBallots),
                      at: t.value("minBallots")?.location ?? t.location, path: t.path("minBallots"))
            return nil
        }
        return BallotPolicy.Trim(k: k, minBallots: minBallots)
    }

    // MARK: Grades, vetoes, policies

    private func decodeGrade(_ node: JSONNode, index: Int) -> Grade? {
        let path = "grades[\(index)]"
        guard let r = ObjectReader(node, path: path, what: RulesMessages.grade(index), ctx: ctx) else { return nil }
        r.finish(allowed: RulesDecoder.gradeKeys)
        let name = r.string("name")
        let min = r.number("min", required: false)
        let quota = r.number("quota", required: false, nonNegative: true)
        if let quota, quota > Rational(100) {
            ctx.error(.outOfRange, RulesMessages.quotaRange(quota.plainText()),
                      at: r.value("quota")?.location, path: r.path("quota"))
        }
        guard let name else { return nil }
        return Grade(name: name, min: min, quotaPercent: quota, origin: r.origin())
    }

    private func decodeVeto(_ node: JSONNode, index: Int) -> Veto? {
        let path = entryPath("vetoes", node, index)
        let label = RulesMessages.veto(node["id"]?.stringValue, index)
        guard let r = ObjectReader(node, path: path, what: label, ctx: ctx) else { return nil }
        r.finish(allowed: RulesDecoder.vetoKeys)
        let id = r.id("id"), name = r.string("name"), criteria = r.string("criteria", required: false)
        let when = formula(r, "when", type: .boolean, required: true)
        let grade = r.string("grade", required: false)
        let cap = r.number("capTotal", required: false, nonNegative: true)
        if !r.has("grade") && !r.has("capTotal") && !r.hasMisspelling(of: "grade") && !r.hasMisspelling(of: "capTotal") {
            ctx.error(.missingKey, RulesMessages.vetoNeedsEffect(label), at: r.location, path: path)
        }
        guard let id, let name, let when else { return nil }
        return Veto(id: id, name: name, criteria: criteria, when: when, grade: grade, capTotal: cap, origin: r.origin())
    }

    private func decodeRanking(_ r: ObjectReader) -> RankingPolicy {
        r.finish(allowed: RulesDecoder.rankingKeys)
        let precision = r.integer("precision", required: false, range: 0...6) ?? 2
        var tieBreak: [RankingPolicy.TieBreak] = []
        for (i, node) in (r.array("tieBreak", required: false) ?? []).enumerated() {
            guard let t = ObjectReader(node, path: r.path("tieBreak") + "[\(i)]", what: RulesMessages.tieBreak(i), ctx: ctx) else { continue }
            t.finish(allowed: RulesDecoder.tieBreakKeys)
            let by = t.choice("by", ["ballots", "area", "standard", "metric", "bonus"])
            let descending = (t.choice("order", ["desc", "asc"], required: false) ?? "desc") == "desc"
            var key: RankingPolicy.TieBreak.Key?
            switch by {
            case "ballots": key = .ballots
            case "bonus": key = .bonus
            case "area": key = t.id("id").map { .area($0) }
            case "standard": key = t.id("id").map { .standard($0) }
            case "metric": key = t.id("id").map { .metric($0) }
            default: break
            }
            if let by, ["ballots", "bonus"].contains(by), t.has("id") {
                ctx.error(.unknownKey, RulesMessages.tieBreakNoID(by), at: t.value("id")?.location, path: t.path("id"))
            }
            if let key { tieBreak.append(.init(key: key, descending: descending, origin: t.origin())) }
        }
        return RankingPolicy(precision: precision, tieBreak: tieBreak)
    }

    private func decodeBallotPolicy(_ r: ObjectReader) -> BallotPolicy {
        r.finish(allowed: RulesDecoder.ballotPolicyKeys)
        var p = BallotPolicy.default
        if let a = r.choice("aggregate", BallotPolicy.Aggregate.allCases.map(\.rawValue), required: false).flatMap(BallotPolicy.Aggregate.init(rawValue:)) {
            p.aggregate = a
        }
        if let t = r.object("trim", what: RulesMessages.quoted("trim")).flatMap(decodeTrim) { p.trim = t }
        if let m = r.integer("minBallots", required: false, range: 1...1000) { p.minBallots = m }
        if let i = r.choice("insufficient", BallotPolicy.Insufficient.allCases.map(\.rawValue), required: false).flatMap(BallotPolicy.Insufficient.init(rawValue:)) {
            p.insufficient = i
        }
        if let step = r.number("scoreStep", required: false, nonNegative: true) {
            if step.isZero { ctx.error(.outOfRange, RulesMessages.scoreStepPositive, at: r.value("scoreStep")?.location, path: r.path("scoreStep")) }
            else { p.scoreStep = step }
        }
        if let c = r.object("corridor", what: RulesMessages.quoted("corridor")) {
            c.finish(allowed: RulesDecoder.corridorKeys)
            if let points = c.number("points", required: false, nonNegative: true) { p.corridor.points = points }
            if let share = c.number("share", required: false, nonNegative: true) {
                if share > .one {
                    ctx.error(.outOfRange, PanelMessages.corridorShare(share), at: c.value("share")?.location, path: c.path("share"),
                              hint: PanelMessages.corridorShareHint)
                } else {
                    p.corridor.share = share
                }
            }
        }
        if let c = r.object("combine", what: RulesMessages.quoted("combine")) {
            c.finish(allowed: RulesDecoder.combineKeys)
            switch c.choice("mode", ["sum", "weighted"]) {
            case "weighted":
                let b = c.number("ballots", nonNegative: true), m = c.number("metrics", nonNegative: true)
                if let b, let m {
                    if b + m != Rational(100) {
                        ctx.error(.weightsSum, RulesMessages.weightsSum(b.plainText(), m.plainText(), (b + m).plainText()),
                                  at: c.location, path: c.path)
                    } else {
                        p.combine = .weighted(ballots: b, metrics: m)
                    }
                }
            case "sum":
                for key in ["ballots", "metrics"] where c.has(key) {
                    ctx.error(.unknownKey, RulesMessages.sumTakesNo(key), at: c.value(key)?.location, path: c.path(key),
                              hint: RulesMessages.useWeighted)
                }
            default: break
            }
        }
        return p
    }
}
