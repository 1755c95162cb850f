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
    /// Each method's own keys, by name (`Rules/Methods/`).
    static let methodKeys = Dictionary(uniqueKeysWithValues: ScoringMethod.Kind.allCases.map { ($0.rawValue, $0.rule.keys) })
    /// The keys of the methods' nested objects (ratio, band, checklist item, …), each list named once.
    static var methodNestedKeys: [(what: String, keys: [String])] {
        var seen = Set<String>()
        return ScoringMethod.Kind.allCases.flatMap { $0.rule.nestedKeys }.filter { seen.insert($0.what).inserted }
    }
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
        Set(topLevelKeys + metricKeys + areaKeys + standardCommonKeys + methodKeys.values.flatMap { $0 }
            + methodNestedKeys.flatMap(\.keys) + preconditionKeys + gradeKeys + vetoKeys + rankingKeys
            + tieBreakKeys + ballotPolicyKeys + corridorKeys + trimKeys + combineKeys + effectiveKeys)
    }

    /// Metric id → slot, filled once metrics are decoded; formulas resolve names against it.
    private var metricSlots: [String: Int] = [:]
    /// Metric ids rejected because formulas read them as keywords or functions (`true`, `min`).
    private var reservedMetrics: Set<String> = []
    /// Metric id → kind, for what a threshold compared with it counts.
    private var metricKinds: [String: MetricDefinition.Kind] = [:]
    /// The metrics as they can be named, for a name written where an id belongs.
    private var metricEntries: [ReferenceHint.Entry] = []

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
            if let m = decodeMetric(node, index: i) { metrics.append(m) } else { ctx.markUndecoded("metrics", node, entry: true) }
        }
        for (slot, m) in metrics.enumerated() where metricSlots[m.id] == nil {
            metricSlots[m.id] = slot
            metricKinds[m.id] = m.kind
        }
        metricEntries = metrics.map { ($0.id, $0.name) }
        // A metric with a mistake in its declaration still resolves, so formulas that read it
        // don't repeat the problem as "unknown metric". (Rules with errors are never scored.)
        // A metric id rejected for its `-` (`card-rate`) reads as `card - rate` in a formula: its
        // parts resolve too, so the formula does not repeat the problem.
        let undecodedMetrics = (ctx.undecoded["metrics"] ?? []).sorted()
        for id in undecodedMetrics + undecodedMetrics.flatMap({ $0.split(separator: "-").map(String.init) }) where metricSlots[id] == nil {
            metricSlots[id] = metricSlots.count
        }
        // A metric id rejected as a word formulas read as their own (`if`, `min`) cannot resolve:
        // a formula that reads it fails (`reservedMetricRead`), and is not reported again.
        reservedMetrics = Set(undecodedMetrics).intersection(Token.reserved)

        // A metric an extending file removed still resolves: what reads it is reported once, at
        // the `remove` entry (`checkRemovedMetrics`), not as "unknown metric" in the base file.
        let removedMetrics = (ctx.removed["metrics"] ?? [:]).keys.filter { metricSlots[$0] == nil }.sorted()
        for id in removedMetrics { metricSlots[id] = metricSlots.count }

        var areas: [Area] = []
        for (i, node) in collection(top, "areas", required: true, nonEmpty: true).enumerated() {
            if let a = decodeArea(node, index: i) { areas.append(a) } else { ctx.markUndecoded("areas", node, entry: true) }
        }
        let standards = decodeStandards(collection(top, "standards", required: true, nonEmpty: true), collection: "standards", role: .standard)
        let bonuses = decodeStandards(collection(top, "bonuses", required: false, nonEmpty: false), collection: "bonuses", role: .bonus)
        let deductions = decodeStandards(collection(top, "deductions", required: false, nonEmpty: false), collection: "deductions", role: .deduction)
        var grades: [Grade] = []
        for (i, node) in collection(top, "grades", required: true, nonEmpty: true).enumerated() {
            if let g = decodeGrade(node, index: i) { grades.append(g) } else { ctx.markUndecoded("grades", node, entry: true) }
        }
        var vetoes: [Veto] = []
        for (i, node) in collection(top, "vetoes", required: false, nonEmpty: false).enumerated() {
            if let v = decodeVeto(node, index: i) { vetoes.append(v) } else { ctx.markUndecoded("vetoes", node, entry: true) }
        }
        let bonusCap = top.number("bonusCap", required: false, nonNegative: true, meaning: .points)
        // A tie-break naming an area, a standard or a metric by its name is answered with its id.
        var named: [String: [String: (id: String, what: Localized)]] = ["area": [:], "standard": [:], "metric": [:]]
        for a in areas { named["area"]![a.name] = (a.id, ValidationMessages.area) }
        for st in standards + bonuses + deductions { named["standard"]![st.name] = (st.id, ValidationMessages.standard) }
        for m in metrics { named["metric"]![m.name] = (m.id, ValidationMessages.metric) }
        let ranking = top.object("ranking", what: RulesMessages.quoted("ranking")).map { decodeRanking($0, named: named) } ?? .default
        let ballotsReader = top.object("ballots", what: RulesMessages.ballotPolicy)
        let ballots = ballotsReader.map(decodeBallotPolicy) ?? .default
        let notAssessable = top.value("notAssessable").flatMap { decodeNotAssessable($0, path: "notAssessable", allowPoints: false) } ?? .zero
        let publishRepresentatives = top.bool("publishRepresentatives") ?? false

        // Missing metadata was reported; the rest is still validated so one run finds everything.
        // (Rules with errors are never returned from the loader.)
        let placeholder = RulesMetadata(id: "", title: "", issuer: "", version: "", effectiveFrom: "", effectiveTo: nil, locale: "zh-CN")
        var rules = Rules(metadata: metadata ?? placeholder, metrics: metrics, areas: areas, standards: standards, grades: grades,
                          bonusCap: bonusCap, bonuses: bonuses, deductions: deductions, vetoes: vetoes,
                          ranking: ranking, ballots: ballots, notAssessable: notAssessable, publishRepresentatives: publishRepresentatives,
                          sourceFiles: sourceFiles)
        rules.ballotsOrigin = ballotsReader?.origin()
        checkRemovedMetrics(removedMetrics, in: rules)
        checkRemovedAreasAndItems(in: rules)
        rules.tests = RulesTestsDecoder(ctx: ctx).decode(top.array("tests", required: false) ?? [])
        // A file's own tests must name what the file has; a base file's are checked when run. Their
        // values are bounded as a units file's, except in a session's copy (`limitsText` off).
        for test in rules.tests where test.isOwn(in: rules) {
            ctx.diagnostics.append(contentsOf: RulesTestChecker.problems(test, rules: rules,
                                                                                 undecoded: ctx.undecoded.merging(ctx.removedInUse) { $0.union($1) },
                                                                                 bounded: ctx.limitsText))
        }
        return rules
    }

    /// Each removed metric that an entry left in the file still reads: one error, at its
    /// `remove.metrics` entry in the extending file (where the fix is), naming the first
    /// entry that reads it, in whichever file that entry is.
    private func checkRemovedMetrics(_ ids: [String], in rules: Rules) {
        for id in ids {
            guard let at = ctx.removed["metrics"]?[id] else { continue }
            let readers = MetricReaders(of: id, in: rules, excluding: ctx.meantToRemove)
            var users = readers.items.map {
                (label: ValidationMessages.entry($0), location: $0.origin.location, collection: Optional($0.role.collection), tieBreak: false)
            }
            users += readers.vetoes.map { (RulesMessages.veto($0.id, 0), $0.origin.location, "vetoes", false) }
            users += readers.tieBreaks.map { (ValidationMessages.tieBreakLabel, $0.origin.location, nil, true) }
            guard let first = users.first else { continue }
            // One mistake, one error: the sums of the areas whose standards read it, and the
            // tests that give it, would only repeat it.
            ctx.undecoded["metrics", default: []].insert(id)
            for s in readers.items { ctx.undecoded["standards", default: []].insert(s.id) }
            ctx.error(.unknownMetric, ValidationMessages.removedMetricInUse(id, first.label, PathText.lastComponent(first.location.file),
                                                                             line: first.location.line, others: users.dropFirst().map(\.label)),
                      at: at.location, path: at.path,
                      hint: ValidationMessages.removeUsersToo(ValidationMessages.keepMetric, users: users.map { ($0.collection, $0.tieBreak) }))
        }
    }

    /// Each area or standard an extending file removed while an entry it keeps still names it
    /// (a standard in the area, a tie-break): one error at its `remove` entry in the extending
    /// file, where the fix is, naming the first such entry, in whichever file it is, and how
    /// many more. Neither the entries that name it nor the file's tests that give it repeat the
    /// error (`removedInUse`).
    private func checkRemovedAreasAndItems(in rules: Rules) {
        let items = rules.standards + rules.bonuses + rules.deductions
        let kept = items.filter { !ctx.meantToRemove.contains($0.id) }
        var removed: [(collection: String, id: String, at: (location: SourceLocation, path: String))] = []
        for collection in ["areas"] + Standard.Role.collections {
            for (id, at) in ctx.removed[collection] ?? [:] { removed.append((collection, id, at)) }
        }
        removed.sort { ($0.at.location.line, $0.at.location.column) < ($1.at.location.line, $1.at.location.column) }
        for r in removed {
            let isArea = r.collection == "areas"
            // Added again by the extending file: nothing names a removed one.
            if isArea ? rules.area(r.id) != nil : items.contains(where: { $0.id == r.id }) { continue }
            var users: [(label: Localized, location: SourceLocation, collection: String?, tieBreak: Bool)] = []
            if isArea { users += kept.filter { $0.area == r.id }.map { (ValidationMessages.entry($0), $0.origin.location, $0.role.collection, false) } }
            users += rules.ranking.tieBreak.filter { t in
                switch t.key {
                case .area(let id): isArea && id == r.id
                case .standard(let id): !isArea && id == r.id
                default: false
                }
            }.map { (ValidationMessages.tieBreakLabel, $0.origin.location, nil, true) }
            guard let first = users.first else { continue }
            ctx.removedInUse[r.collection, default: []].insert(r.id)
            let file = PathText.lastComponent(first.location.file), line = first.location.line, others = users.dropFirst().map(\.label)
            if isArea {
                let what = ValidationMessages.removeUsersToo(ValidationMessages.keepArea, users: users.map { ($0.collection, $0.tieBreak) }, area: true)
                let hint = users.contains { $0.collection != nil } ? what.appending(ValidationMessages.orMoveToArea) : what
                ctx.error(.unknownArea, ValidationMessages.removedAreaInUse(r.id, first.label, file, line: line, others: others, tieBreak: first.tieBreak),
                          at: r.at.location, path: r.at.path, hint: hint)
            } else {
                ctx.error(.unknownStandard, ValidationMessages.removedItemInUse(r.collection, r.id, first.label, file, line: line, others: others),
                          at: r.at.location, path: r.at.path, hint: ValidationMessages.keepOrChangeTieBreak(r.collection))
            }
        }
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
        let kind = r.choice("kind", MetricDefinition.Kind.allCases.map(\.rawValue),
                            words: Dictionary(MetricDefinition.Kind.allCases.map { (ReaderMessages.kindName($0).zh, $0.rawValue) }, uniquingKeysWith: { a, _ in a }))
            .flatMap(MetricDefinition.Kind.init(rawValue:))
        let unit = r.string("unit", required: false)
        let missing = r.choice("missing", MetricDefinition.Missing.allCases.map(\.rawValue), required: false, words: RulesMessages.missingWords)
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
        let points = r.number("points", nonNegative: true, meaning: .points)
        let order = r.integer("order", required: false, range: 0...10_000) ?? index + 1
        let capped = r.bool("capped") ?? false
        guard let id, let name, let points else { return nil }
        return Area(id: id, name: name, points: points, order: order, capped: capped, origin: r.origin())
    }

    private mutating func decodeStandards(_ nodes: [JSONNode], collection: String, role: Standard.Role) -> [Standard] {
        var out: [Standard] = []
        for (i, node) in nodes.enumerated() {
            if let s = decodeStandard(node, index: i, collection: collection, role: role) { out.append(s) } else { ctx.markUndecoded(collection, node, entry: true) }
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
        else { allowed += ScoringMethod.Kind.allCases.flatMap { $0.rule.keys } }
        r.finish(allowed: allowed)
        let id = r.id("id")
        // A reference, not a definition: a bad id here is reported as an unknown area (once,
        // where the area itself is defined, when that id is invalid too).
        let area = r.string("area", required: role != .bonus)
        let name = r.string("name")
        let criteria = r.string("criteria")
        let points = r.number("points", nonNegative: true, meaning: .points)
        // The method as `rules show` names it (`公式计算`) is answered with its key.
        let methodName = r.choice("method", ScoringMethod.allNames,
                                  words: Dictionary(ScoringMethod.Kind.allCases.map { ($0.words.zh, $0.rawValue) }, uniquingKeysWith: { a, _ in a }))
        let method = methodName.flatMap { ScoringMethod.Kind(rawValue: $0)?.rule.decode(r, self, role: role) }
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
            return ObjectReader.number(v, key: "notAssessable", path: path, nonNegative: true, meaning: .points, ctx: ctx).map { .points($0) }
        }
        let options = ["zero", "full", "prorate"]
        guard let s = v.stringValue, options.contains(s) else {
            ctx.error(.invalidValue, RulesMessages.notAssessableChoice(allowPoints: allowPoints),
                      at: v.location, path: path,
                      hint: v.stringValue.flatMap { RulesMessages.choiceHint($0, among: options, words: RulesMessages.notAssessableWords) })
            return nil
        }
        switch s {
        case "full": return .full
        case "prorate": return .prorate
        default: return .zero
        }
    }

    // MARK: What methods read (each method decodes itself: `Rules/Methods/`)

    func metricRef(_ r: ObjectReader, _ key: String, required: Bool = true) -> String? {
        guard let id = r.string(key, required: required) else { return nil }
        guard metricSlots[id] != nil || ctx.isUndecoded("metrics", "*") else {
            ctx.error(.unknownMetric, RulesMessages.unknownMetric(id), at: r.value(key)?.location, path: r.path(key),
                      hint: ReferenceHint.named(id, among: metricEntries, what: ValidationMessages.metric)
                        ?? Localized.didYouMean(id, among: metricSlots.keys.sorted()) ?? RulesMessages.declareMetric)
            return nil
        }
        return id
    }

    /// What a threshold (`min`, `max`, `floor`, `target`) compared with `input` counts: a
    /// fraction for a rate or a ratio, the metric's own value otherwise.
    func thresholdMeaning(_ input: MetricInput?) -> NumberMeaning {
        switch input {
        case .ratio?: return .fraction
        case .metric(let id)?: return metricKinds[id].map { $0 == .rate ? .fraction : .measure } ?? .plain
        case nil: return .plain
        }
    }

    func formula(_ r: ObjectReader, _ key: String, type: FormulaType, required: Bool) -> Formula? {
        guard let text = r.string(key, required: required), let node = r.value(key) else { return nil }
        let names = FormulaNames(slots: metricSlots)
        switch CompiledFormula.compile(text, expecting: type, names: names, locate: { node.contentLocation($0) }) {
        case .success(let compiled):
            let bySlot = Dictionary(metricSlots.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            return Formula(text: text, location: node.location, compiled: compiled,
                           metricIDs: compiled.slots.compactMap { bySlot[$0] })
        case .failure(let e):
            if reservedMetricRead(text) { return nil }
            // A metric written by its name (`重大事故起数 > 0`) breaks the formula at its first
            // character: the hint names the id to write instead, the longest name the text holds.
            // Only for a syntax error, in a formula of a length formulas may have: over a formula of
            // megabytes, looking for each name took seconds (a hostile test).
            let syntax = e.diagnostics.contains { $0.code == DiagnosticCode.expressionSyntax.rawValue }
            let named = !syntax || text.utf8.count > 4 * Parser.maxLength ? nil
                : metricEntries.filter { !$0.name.isEmpty && text.contains($0.name) }.max { $0.name.count < $1.name.count }
            for var d in e.diagnostics {
                if d.path == nil { d.path = r.path(key) }
                if let named, d.code == DiagnosticCode.expressionSyntax.rawValue {
                    d.hintText = FormulaMessages.metricByName(named.name, id: named.id)
                }
                ctx.diagnostics.append(d)
            }
            return nil
        }
    }

    /// Whether `text` names a metric whose id was rejected as a formula's own word (`true`,
    /// `if`; a function's name not followed by `(`): the formula's errors would be about that word
    /// (`=` comparing true/false with a number), which the metric's `invalid-id` already says.
    private func reservedMetricRead(_ text: String) -> Bool {
        guard !reservedMetrics.isEmpty else { return false }
        let scalars = Array(text.unicodeScalars)
        let isWord = { (c: Unicode.Scalar) in c.isASCII && (c.properties.isAlphabetic || c.properties.numericType != nil || c == "_") }
        var i = 0
        while i < scalars.count {
            guard isWord(scalars[i]) else { i += 1; continue }
            let start = i
            while i < scalars.count, isWord(scalars[i]) { i += 1 }
            let word = String(String.UnicodeScalarView(scalars[start..<i]))
            guard reservedMetrics.contains(word) else { continue }
            guard BuiltinFunction.named(word) != nil else { return true }
            let next = scalars[i...].first { $0 != " " }
            if next != "(" { return true }
        }
        return false
    }

    func decodeTrim(_ t: ObjectReader) -> BallotPolicy.Trim? {
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
        let min = r.number("min", required: false, meaning: .points)
        let quota = r.number("quota", required: false, nonNegative: true, meaning: .percent)
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
        let cap = r.number("capTotal", required: false, nonNegative: true, meaning: .points)
        if !r.has("grade") && !r.has("capTotal") && !r.hasMisspelling(of: "grade") && !r.hasMisspelling(of: "capTotal") {
            ctx.error(.missingKey, RulesMessages.vetoNeedsEffect(label), at: r.location, path: path)
        }
        guard let id, let name, let when else { return nil }
        return Veto(id: id, name: name, criteria: criteria, when: when, grade: grade, capTotal: cap, origin: r.origin())
    }

    private func decodeRanking(_ r: ObjectReader, named: [String: [String: (id: String, what: Localized)]]) -> RankingPolicy {
        r.finish(allowed: RulesDecoder.rankingKeys)
        let precision = r.integer("precision", required: false, range: 0...6) ?? 2
        var tieBreak: [RankingPolicy.TieBreak] = []
        for (i, node) in (r.array("tieBreak", required: false) ?? []).enumerated() {
            guard let t = ObjectReader(node, path: r.path("tieBreak") + "[\(i)]", what: RulesMessages.tieBreak(i), ctx: ctx) else { continue }
            t.finish(allowed: RulesDecoder.tieBreakKeys)
            let by = t.choice("by", ["ballots", "area", "standard", "metric", "bonus"], words: RulesMessages.tieBreakWords)
            let descending = (t.choice("order", ["desc", "asc"], required: false, words: RulesMessages.orderWords) ?? "desc") == "desc"
            var key: RankingPolicy.TieBreak.Key?
            switch by {
            case "ballots": key = .ballots
            case "bonus": key = .bonus
            case "area": key = t.id("id", named: named["area"] ?? [:]).map { .area($0) }
            case "standard": key = t.id("id", named: named["standard"] ?? [:]).map { .standard($0) }
            case "metric": key = t.id("id", named: named["metric"] ?? [:]).map { .metric($0) }
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
        if let a = r.choice("aggregate", BallotPolicy.Aggregate.allCases.map(\.rawValue), required: false, words: RulesMessages.aggregateWords)
            .flatMap(BallotPolicy.Aggregate.init(rawValue:)) {
            p.aggregate = a
        }
        if let t = r.object("trim", what: RulesMessages.quoted("trim")).flatMap(decodeTrim) { p.trim = t }
        if let m = r.integer("minBallots", required: false, range: 1...1000) { p.minBallots = m }
        if let i = r.choice("insufficient", BallotPolicy.Insufficient.allCases.map(\.rawValue), required: false, words: RulesMessages.insufficientWords)
            .flatMap(BallotPolicy.Insufficient.init(rawValue:)) {
            p.insufficient = i
        }
        if let step = r.number("scoreStep", required: false, nonNegative: true, meaning: .points) {
            if step.isZero { ctx.error(.outOfRange, RulesMessages.scoreStepPositive, at: r.value("scoreStep")?.location, path: r.path("scoreStep")) }
            else { p.scoreStep = step }
        }
        if let c = r.object("corridor", what: RulesMessages.quoted("corridor")) {
            c.finish(allowed: RulesDecoder.corridorKeys)
            if let points = c.number("points", required: false, nonNegative: true, meaning: .points) { p.corridor.points = points }
            if let share = c.number("share", required: false, nonNegative: true, meaning: .fraction) {
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
                let b = c.number("ballots", nonNegative: true, meaning: .percent), m = c.number("metrics", nonNegative: true, meaning: .percent)
                if let b, let m {
                    if b + m != Rational(100) {
                        ctx.error(.weightsSum, RulesMessages.weightsSum(b.plainText(), m.plainText(), (b + m).plainText()),
                                  at: c.location, path: c.path, hint: b <= Rational(100) && m <= Rational(100)
                                      ? RulesMessages.weightsSumFix(ballots: b.plainText(), metrics: m.plainText(),
                                                                    otherMetrics: (Rational(100) - b).plainText(),
                                                                    otherBallots: (Rational(100) - m).plainText()) : nil)
                    } else {
                        p.combine = .weighted(ballots: b, metrics: m)
                        p.combineLocation = c.location
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
