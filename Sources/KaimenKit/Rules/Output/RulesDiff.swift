/// What a tuned rules file changes against another: entries added and removed, standards
/// re-weighted, thresholds moved, texts and methods changed. Compares the effective rules
/// (after `extends`), so it answers "what is different for a unit being assessed".
public struct RulesDiff: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case added, removed
        /// `points` changed.
        case reweighted = "re-weighted"
        /// A threshold or scoring parameter changed: bands, floor, target, weights, …
        case thresholds = "thresholds moved"
        /// A standard moved to another area.
        case moved
        /// Anything else: names, criteria texts, methods, policies.
        case changed
    }

    public struct Change: Sendable, Equatable {
        public var kind: Kind
        /// `metadata`, `metrics`, `areas`, `standards`, `bonuses`, `deductions`, `vetoes`, `grades`, `ranking`, `ballots`.
        public var section: String
        public var id: String?
        /// The entry's Chinese name, for people.
        public var name: String?
        /// The key that changed, e.g. `points`, `bands`, `ratio.zero`.
        public var field: String?
        public var old: String?
        public var new: String?
        /// For an entry added or removed: what it is, so the text can say it in either language
        /// (`old`/`new` hold the same in English, for JSON).
        public var entry: Entry? = nil
        /// The scoring method of the entry whose key changed (in the newer file), which says
        /// what the key means: a linear standard's `target` is a threshold, a ballot
        /// standard's is what the ballots score.
        public var method: String? = nil
        /// `old` and `new` in words for people, where the value is not read as written: the
        /// tie-break order names its areas, standards and metrics (`“依法维权”得分（高者优先）`).
        public var oldWords: Localized? = nil
        public var newWords: Localized? = nil
        /// An area's or standard's maximum as scored, where a file's `combine` is weighted
        /// (`ScoringPlan.areaMaximum`, `standardMaximum`): `points` 14 is 15.5 in Dongcheng.
        public var oldWeighted: String? = nil
        public var newWeighted: String? = nil
    }

    /// An added or removed entry in a few facts: its area, points, method, metric kind.
    public struct Entry: Sendable, Equatable {
        public var area: String?
        public var points: String?
        public var method: String?
        public var metricKind: String?

        var english: String { RulesDiffMessages.entry(self).en }
    }

    public var oldRules: RulesMetadata
    public var newRules: RulesMetadata
    public var changes: [Change]
    /// The full marks (the areas' points added up) under each file: a re-weighting that no
    /// longer adds up to them is said once, above the changes, since the grades' thresholds
    /// were set for the old sum.
    public var oldTotal: Rational = .zero
    public var newTotal: Rational = .zero
    /// The new file's grade thresholds, when no grade changed (`优秀 90`, …).
    public var unchangedGradeMins: [(name: String, min: Rational)] = []
    /// Standards, bonuses and deductions whose points, thresholds, formula or precondition changed while their
    /// `criteria` text did not: the text people read (`达到99%以上得3分`) may no longer say
    /// what is scored. In the order of the changes.
    public var staleCriteria: [(id: String, name: String?)] = []

    /// The grades' and vetoes' threshold keys, whatever the entry. A grade's `quota` is not a
    /// threshold (it limits how many units hold the grade): its change is `changed`.
    static let policyThresholds: Set<String> = ["min", "capTotal"]
    /// Keys whose change moves a threshold: the grades' and vetoes', and each method's own.
    static let thresholdFields: Set<String> = ScoringMethod.Kind.allCases.reduce(policyThresholds) { $0.union($1.rule.thresholdKeys) }

    /// Whether a change of `key` moves a threshold: in an entry scored by a method, one of that
    /// method's threshold keys (or the grades' and vetoes'); elsewhere any method's.
    static func movesThreshold(_ key: String, method: String?) -> Bool {
        guard let kind = method.flatMap(ScoringMethod.Kind.init(rawValue:)) else { return thresholdFields.contains(key) }
        return policyThresholds.contains(key) || kind.rule.thresholdKeys.contains(key)
    }

    public static func compare(_ old: Rules, _ new: Rules) -> RulesDiff {
        let a = RulesEncoder.encode(old).objectValue ?? [:]
        let b = RulesEncoder.encode(new).objectValue ?? [:]
        var changes: [Change] = []
        // Metadata and policies: flat key comparison.
        for key in ["title", "issuer", "version", "locale", "effective"] {
            diffFields(a[key], b[key], prefix: key, section: "metadata", id: nil, name: nil, into: &changes)
        }
        for section in ["metrics", "areas", "standards", "bonuses", "deductions", "vetoes"] {
            diffCollection(a[section]?.arrayValue ?? [], b[section]?.arrayValue ?? [], section: section, into: &changes)
        }
        diffGrades(a["grades"]?.arrayValue ?? [], b["grades"]?.arrayValue ?? [], into: &changes)
        for key in ["ranking", "ballots"] {
            diffFields(a[key], b[key], prefix: "", section: key, id: nil, name: nil, into: &changes)
        }
        for key in ["notAssessable", "bonusCap", "publishRepresentatives"] {
            diffFields(a[key], b[key], prefix: key, section: "policies", id: nil, name: nil, into: &changes)
        }
        // The tie-break order by the names each file gives its keys, as `rules show` lists it.
        for i in changes.indices where changes[i].section == "ranking" && changes[i].field == "tieBreak" {
            func words(_ rules: Rules) -> Localized? {
                guard !rules.ranking.tieBreak.isEmpty else { return nil }
                func list(_ lang: Language) -> String {
                    rules.ranking.tieBreak.map { RulesTable.tieBreakText($0, rules: rules, lang: lang, quoted: true) }
                        .joined(separator: lang.t("、", ", "))
                }
                return Localized(zh: list(.zh), en: list(.en))
            }
            changes[i].oldWords = words(old)
            changes[i].newWords = words(new)
        }
        // The ballots' aggregate and combine as `rules show` words them (`中位数`, not `median`).
        for i in changes.indices where changes[i].section == "ballots" {
            let words: ((Rules) -> Localized)?
            switch changes[i].field {
            case "aggregate": words = { r in Localized(zh: r.ballots.aggregate.policyWords(r.ballots.trim, lang: .zh), en: r.ballots.aggregate.policyWords(r.ballots.trim, lang: .en)) }
            case "combine.mode": words = { r in Localized(zh: r.ballots.combine.policyWords(lang: .zh), en: r.ballots.combine.policyWords(lang: .en)) }
            default: words = nil
            }
            if let words { (changes[i].oldWords, changes[i].newWords) = (words(old), words(new)) }
        }
        // A ballot standard's own aggregate, so (`中位数`, not `median`; before 0.29.7 `（无） → median`):
        // one it does not set follows the file's, said as such.
        for i in changes.indices where ["standards", "bonuses", "deductions"].contains(changes[i].section)
            && changes[i].field == "aggregate" {
            let id = changes[i].id
            func words(_ r: Rules) -> Localized? {
                guard let s = (r.standards + r.bonuses + r.deductions).first(where: { $0.id == id }),
                      case .ballot(let b) = s.method else { return nil }
                let trim = b.trim ?? r.ballots.trim
                let own = b.aggregate.map { a in Localized(zh: a.policyWords(trim, lang: .zh), en: a.policyWords(trim, lang: .en)) }
                return own ?? Localized(zh: "沿用全文件的汇总方式（\(r.ballots.aggregate.policyWords(trim, lang: .zh))）",
                                        en: "the file's aggregate (\(r.ballots.aggregate.policyWords(trim, lang: .en)))")
            }
            (changes[i].oldWords, changes[i].newWords) = (words(old), words(new))
        }
        addWeightedMaxima(old, new, &changes)
        var diff = RulesDiff(oldRules: old.metadata, newRules: new.metadata, changes: changes)
        diff.oldTotal = old.totalPoints
        diff.newTotal = new.totalPoints
        if !changes.contains(where: { $0.section == "grades" }) {
            diff.unchangedGradeMins = new.grades.compactMap { g in g.min.map { (g.name, $0) } }
        }
        var seen = Set<String>()
        // A formula or a precondition is what the standard scores, as a threshold is (a rules
        // author's trial moved a formula's 55% to 60% under a text still saying 55%).
        let scoring: Set<String> = ["formula", "precondition.when"]
        for c in changes where ["standards", "bonuses", "deductions"].contains(c.section)
            && (c.kind == .thresholds || c.kind == .reweighted || c.field.map(scoring.contains) == true) {
            guard let id = c.id, seen.insert(id).inserted,
                  !changes.contains(where: { $0.section == c.section && $0.id == id && $0.field == "criteria" }) else { continue }
            diff.staleCriteria.append((id, c.name))
        }
        return diff
    }

    /// With `combine` weighted in either file, the maxima as scored beside the points written:
    /// on each `points` change of an area or a standard, and as a change of its own for an area
    /// whose written points are the same but whose maximum as scored moved (Dongcheng's 宣传教育,
    /// 6 written in both, is 6 → 7). Taken from the compiled plans, where the engine works them out.
    private static func addWeightedMaxima(_ old: Rules, _ new: Rules, _ changes: inout [Change]) {
        let plans = (try? ScoringPlan.compile(old).get(), try? ScoringPlan.compile(new).get())
        guard plans.0?.isWeighted == true || plans.1?.isWeighted == true else { return }
        func maximum(_ plan: ScoringPlan?, section: String, id: String) -> Rational? {
            guard let plan else { return nil }
            if section == "areas" { return plan.rules.areas.firstIndex { $0.id == id }.map(plan.areaMaximum) }
            return plan.rules.standards.firstIndex { $0.id == id }.map(plan.standardMaximum)
        }
        func text(_ r: Rational?, _ rules: Rules) -> String? { r?.plainText(maxPlaces: max(rules.ranking.precision, 2)) }
        for i in changes.indices where ["areas", "standards"].contains(changes[i].section) && changes[i].field == "points" {
            guard let id = changes[i].id else { continue }
            changes[i].oldWeighted = text(maximum(plans.0, section: changes[i].section, id: id), old)
            changes[i].newWeighted = text(maximum(plans.1, section: changes[i].section, id: id), new)
        }
        for (a, area) in new.areas.enumerated() {
            guard let o = old.areas.first(where: { $0.id == area.id }), o.points == area.points,
                  let oldMax = maximum(plans.0, section: "areas", id: area.id), let newMax = plans.1?.areaMaximum(a), oldMax != newMax else { continue }
            changes.append(Change(kind: .reweighted, section: "areas", id: area.id, name: area.name, field: "points",
                                  old: o.points.plainText(), new: area.points.plainText(),
                                  oldWeighted: text(oldMax, old), newWeighted: text(newMax, new)))
        }
    }

    private static func key(_ v: JSONOut) -> String? {
        if case .string(let s)? = v.objectValue?["id"] { return s }
        return nil
    }

    private static func name(_ v: JSONOut) -> String? {
        if case .string(let s)? = v.objectValue?["name"] { return s }
        return nil
    }

    private static func summary(_ v: JSONOut, section: String) -> Entry {
        let o = v.objectValue ?? [:]
        var e = Entry()
        if case .string(let a)? = o["area"] { e.area = a }
        if case .number(let p)? = o["points"] { e.points = "\(p)" }
        if case .string(let m)? = o["method"] { e.method = m }
        if case .string(let k)? = o["kind"], section == "metrics" { e.metricKind = k }
        return e
    }

    private static func diffCollection(_ old: [JSONOut], _ new: [JSONOut], section: String, into changes: inout [Change]) {
        let oldByID = Dictionary(old.compactMap { v in key(v).map { ($0, v) } }, uniquingKeysWith: { a, _ in a })
        let newIDs = Set(new.compactMap(key))
        for v in old {
            guard let id = key(v), !newIDs.contains(id) else { continue }
            let e = summary(v, section: section)
            changes.append(Change(kind: .removed, section: section, id: id, name: name(v), field: nil, old: e.english, new: nil, entry: e))
        }
        for v in new {
            guard let id = key(v) else { continue }
            guard let o = oldByID[id] else {
                let e = summary(v, section: section)
                changes.append(Change(kind: .added, section: section, id: id, name: name(v), field: nil, old: nil, new: e.english, entry: e))
                continue
            }
            diffFields(o, v, prefix: "", section: section, id: id, name: name(v), method: method(v) ?? method(o), into: &changes)
        }
    }

    private static func method(_ v: JSONOut) -> String? {
        if case .string(let m)? = v.objectValue?["method"] { return m }
        return nil
    }

    private static func diffGrades(_ old: [JSONOut], _ new: [JSONOut], into changes: inout [Change]) {
        let oldByName = Dictionary(old.compactMap { v in name(v).map { ($0, v) } }, uniquingKeysWith: { a, _ in a })
        let newNames = Set(new.compactMap(name))
        for v in old where !newNames.contains(name(v) ?? "") {
            changes.append(Change(kind: .removed, section: "grades", id: nil, name: name(v), field: nil, old: v.compact, new: nil))
        }
        for v in new {
            guard let n = name(v) else { continue }
            if let o = oldByName[n] {
                diffFields(o, v, prefix: "", section: "grades", id: nil, name: n, into: &changes)
            } else {
                changes.append(Change(kind: .added, section: "grades", id: nil, name: n, field: nil, old: nil, new: v.compact))
            }
        }
        if old.compactMap(name) != new.compactMap(name), Set(old.compactMap(name)) == newNames {
            changes.append(Change(kind: .changed, section: "grades", id: nil, name: nil, field: "order",
                                  old: old.compactMap(name).joined(separator: " > "), new: new.compactMap(name).joined(separator: " > ")))
        }
    }

    /// Compares two values key by key; arrays and scalars are compared whole.
    private static func diffFields(_ a: JSONOut?, _ b: JSONOut?, prefix: String, section: String, id: String?, name: String?,
                                   method: String? = nil, into changes: inout [Change]) {
        if a == b { return }
        if let ao = a?.objectValue, let bo = b?.objectValue {
            for k in Set(ao.keys).union(bo.keys).sorted() {
                diffFields(ao[k], bo[k], prefix: prefix.isEmpty ? k : "\(prefix).\(k)", section: section, id: id, name: name,
                           method: method, into: &changes)
            }
            return
        }
        let kind: Kind
        if prefix == "points" { kind = .reweighted }
        else if prefix == "area" { kind = .moved }
        else if movesThreshold(prefix, method: method) { kind = .thresholds }
        else { kind = .changed }
        // A grade's quota and the weighted combine's shares are percentages: shown with their `%`.
        let percent = section == "grades" && prefix == "quota" || section == "ballots" && ["combine.ballots", "combine.metrics"].contains(prefix)
        let shown = { (v: JSONOut) in percent ? display(v) + "%" : display(v) }
        changes.append(Change(kind: kind, section: section, id: id, name: name, field: prefix,
                              old: a.map(shown), new: b.map(shown), method: method))
    }

    /// How a value reads in a diff: bands as `≥0.99→3, ≥0.9→2`, text as is.
    static func display(_ v: JSONOut) -> String {
        if let items = v.arrayValue, items.allSatisfy({ $0.objectValue?["points"] != nil && ($0.objectValue?["min"] != nil || $0.objectValue?["max"] != nil) }) {
            return items.map { item -> String in
                let o = item.objectValue!
                let (sym, t) = o["min"].map { ("≥", $0) } ?? ("≤", o["max"]!)
                return "\(sym)\(t.compact)→\(o["points"]!.compact)"
            }.joined(separator: ", ")
        }
        // The tie-break order as a list, not its JSON: `ballots desc, area rights desc`.
        if let items = v.arrayValue, !items.isEmpty, items.allSatisfy({ $0.objectValue?["by"] != nil }) {
            return items.map { item -> String in
                let o = item.objectValue!
                return [o["by"], o["id"], o["order"]].compactMap { $0.map(display) }.joined(separator: " ")
            }.joined(separator: ", ")
        }
        if case .string(let s) = v { return s }
        return v.compact
    }

    public func count(_ kind: Kind) -> Int { changes.filter { $0.kind == kind }.count }

    public var json: JSONOut {
        .object([
            "old": .object(["id": .string(oldRules.id), "version": .string(oldRules.version)]),
            "new": .object(["id": .string(newRules.id), "version": .string(newRules.version)]),
            "summary": .object(Dictionary(uniqueKeysWithValues: Kind.allCases.map { ($0.rawValue, JSONOut.num(count($0))) })),
            "totalPoints": .object(["old": .string(oldTotal.plainText()), "new": .string(newTotal.plainText())]),
            "staleCriteria": .array(staleCriteria.map { .string($0.id) }),
            "changes": .array(changes.map { c in
                var o: [String: JSONOut] = ["kind": .string(c.kind.rawValue), "section": .string(c.section)]
                if let v = c.id { o["id"] = .string(v) }
                if let v = c.name { o["name"] = .string(v) }
                if let v = c.field { o["field"] = .string(v) }
                if let v = c.old { o["old"] = .string(v) }
                if let v = c.new { o["new"] = .string(v) }
                if let v = c.method { o["method"] = .string(v) }
                if let v = c.oldWeighted { o["oldWeighted"] = .string(v) }
                if let v = c.newWeighted { o["newWeighted"] = .string(v) }
                return .object(o)
            }),
        ])
    }
}
