/// What-if values for one run: `--set X05.members=19000` changes unit X05's `members` after
/// the units file is read and before anything is scored. Nothing is written back to the file.
///
/// A value is read and checked exactly as the units file's cell would be: an empty value of a
/// metric that must be filled in is the units reader's `missing-metric`, a ratio above 100% its
/// `ratio-above-one`, a survey's respondents above its population its `survey-above-population`;
/// every message names the `--set` option, never the units file.
public struct MetricOverrides: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// `UNIT.METRIC` with full-width forms made half-width (`X０３。members` → `X03.members`);
        /// split against the data when applied, since ids may themselves contain `.`.
        public var key: String
        /// `UNIT.METRIC` exactly as typed, tried first.
        public var typedKey: String
        public var value: String
        /// The option as typed, for messages.
        public var text: String
    }

    public var entries: [Entry]

    public init(entries: [Entry] = []) { self.entries = entries }

    public var isEmpty: Bool { entries.isEmpty }

    /// The names a comparison's OLD and NEW runs go by: the rules files as given, NEW marked
    /// `+ --set` when these values change its run (with one rules file, both runs read it; with
    /// two, the NEW title would otherwise not show that a what-if was applied).
    public func sideNames(_ rulesFiles: [String]) -> [String] {
        guard let new = rulesFiles.last, !isEmpty else { return rulesFiles }
        return [rulesFiles[0], new + " + --set"]
    }

    /// `UNIT.METRIC` folded: full-width ASCII forms half-width, and the Chinese full stop `。`
    /// (what an input method types for `.`) a dot.
    static func folded(_ key: String) -> String {
        UnitMatcher.normalized(key.replacingOccurrences(of: "。", with: "."))
    }

    /// Parses `UNIT.METRIC=VALUE` options (`＝` for `=` and `。`/`．` for `.` too, as a Chinese
    /// input method types them). Only the shape is checked here, and that no unit's metric is
    /// set twice; units and metrics are looked up when applied.
    public static func parse(_ options: [String]) -> Result<MetricOverrides, UsageError> {
        var entries: [Entry] = []
        for o in options {
            guard let eq = o.firstIndex(where: { $0 == "=" || $0 == "＝" }) else {
                return .failure(UsageError(TuningMessages.setShape(o), hint: TuningMessages.setExample))
            }
            let typedKey = String(o[..<eq])
            let key = folded(typedKey)
            guard key.contains(".") else { return .failure(UsageError(TuningMessages.setShape(o), hint: TuningMessages.setExample)) }
            if key.hasPrefix(".") { return .failure(UsageError(TuningMessages.setNoUnit(o), hint: TuningMessages.setExample)) }
            if key.hasSuffix(".") { return .failure(UsageError(TuningMessages.setNoMetric(o), hint: TuningMessages.setExample)) }
            if let first = entries.first(where: { $0.key == key }) {
                return .failure(UsageError(TuningMessages.setTwice(first.text, o), hint: TuningMessages.setOnce))
            }
            entries.append(Entry(key: key, typedKey: typedKey, value: String(o[o.index(after: eq)...]), text: o))
        }
        return .success(MetricOverrides(entries: entries))
    }

    /// Changes `table` under `rules` (read from `rulesFile`); returns every problem: an unknown
    /// unit or metric (`oldRules`, the file in force, tells a metric the new file removed from a
    /// misspelt one), a value the metric's kind does not accept, an empty value where the metric
    /// must be filled in, a ratio above 100%, a survey's respondents above its population.
    public func apply(to table: inout UnitTable, rules: Rules, rulesFile: String? = nil, oldRules: Rules? = nil) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let metricIndex = rules.metricIndex
        var changed: [(unit: Int, metric: Int, entry: Entry)] = []
        for e in entries {
            guard let (u, m) = Self.resolve(e, table: table, metricIndex: metricIndex) else {
                problems.append(unresolved(e, table: table, rules: rules, rulesFile: rulesFile, oldRules: oldRules))
                continue
            }
            if let first = changed.first(where: { $0.unit == u && $0.metric == m }) {
                // The same cell reached through two splits of dotted ids: refused like a repeat.
                problems.append(.error("set-invalid-value", TuningMessages.setTwice(first.entry.text, e.text), hint: TuningMessages.setOnce))
                continue
            }
            let metric = rules.metrics[m]
            let unitID = Echo.cell(table.units[u].id)
            switch MetricValue.parse(e.value, kind: metric.kind) {
            case .value(let v):
                table.values[m][u] = v
                changed.append((u, m, e))
            case .missing:
                switch metric.missing {
                case .error:
                    problems.append(.error(DiagnosticCode.missingMetric.rawValue,
                                           TuningMessages.setPrefix(e.text, ReaderMessages.missingMetric(unitID, metric.name, metric.id)),
                                           hint: TuningMessages.setFillMetric))
                case .zero:
                    table.values[m][u] = .zero
                    changed.append((u, m, e))
                case .notAssessable:
                    table.values[m][u] = nil
                    changed.append((u, m, e))
                }
            case .invalid(let message, let hint):
                problems.append(TuningMessages.setInvalidValue(e.text, message: message, hint: hint))
            case .beyondLimits(let p):
                // `1e308` too: beyond the limits, said so, never "not a number", as the units file's cell.
                problems.append(TuningMessages.setBeyondLimits(e.text, NumberLimits.message(p, text: e.value)))
            }
        }
        // A what-if value must still make sense beside the others (a numerator above its
        // denominator, respondents above the population). The file's own cells passed this
        // check when read, so every value found here holds one set by `--set`, which the
        // message names.
        guard problems.isEmpty else { return problems }
        for v in table.impossibleValues(rules, units: Set(changed.map(\.unit))) {
            // Reported at the value `--set` gave: a part's (the first set) before the limit's.
            guard let c = (v.parts + [v.limit]).lazy.compactMap({ m in changed.first { $0.unit == v.unit && $0.metric == m } }).first
            else { continue }
            let words = ReaderMessages.impossible(v, in: table, rules: rules, cells: false)
            problems.append(.error(v.kind.code.rawValue, TuningMessages.setPrefix(c.entry.text, words.text), hint: words.hint))
        }
        return problems
    }

    /// The unit and metric `e` names: its key as typed, then folded, split at each `.` from the right.
    static func resolve(_ e: Entry, table: UnitTable, metricIndex: [String: Int]) -> (unit: Int, metric: Int)? {
        for key in [e.typedKey, e.key] {
            var idx = key.endIndex
            while let dot = key[..<idx].lastIndex(of: ".") {
                if let u = table.index(ofUnit: String(key[..<dot])), let m = metricIndex[String(key[key.index(after: dot)...])] {
                    return (u, m)
                }
                idx = dot
            }
        }
        return nil
    }

    /// Why `e` names no unit's metric: a unit's name for its id, an unknown unit, or a metric
    /// that `rulesFile` lacks (removed since the file in force, or misspelt).
    func unresolved(_ e: Entry, table: UnitTable, rules: Rules, rulesFile: String?, oldRules: Rules?) -> Diagnostic {
        let key = e.key
        // A unit's name where its id belongs, split at any dot.
        var idx = key.endIndex
        while let dot = key[..<idx].lastIndex(of: ".") {
            let named = NameForID.units(named: String(key[..<dot]), in: table.units)
            if !named.isEmpty {
                return .error("set-unknown-unit", TuningMessages.setUnitName(e.text, name: String(key[..<dot]), ids: named))
            }
            idx = dot
        }
        let dot = key.lastIndex(of: ".")!
        let unit = String(key[..<dot]), metric = String(key[key.index(after: dot)...])
        if table.index(ofUnit: unit) == nil {
            return TuningMessages.setUnknownUnit(e.text, unit: unit, known: table.units.map(\.id))
        }
        return TuningMessages.setUnknownMetric(e.text, metric: metric, rulesFile: rulesFile, rules: rules, oldRules: oldRules)
    }
}
