/// What-if values for one run: `--set X05.members=19000` changes unit X05's `members` after
/// the units file is read and before anything is scored. Nothing is written back to the file.
public struct MetricOverrides: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var unit: String
        public var metric: String
        public var value: String
        /// The option as typed, for messages.
        public var text: String
    }

    public var entries: [Entry]

    public init(entries: [Entry] = []) { self.entries = entries }

    public var isEmpty: Bool { entries.isEmpty }

    /// Parses `UNIT.METRIC=VALUE` options. Unit and metric ids may themselves contain `.`, so
    /// the split is settled against the data when applied; here only the shape is checked.
    public static func parse(_ options: [String]) -> Result<MetricOverrides, UsageError> {
        var entries: [Entry] = []
        for o in options {
            guard let eq = o.firstIndex(of: "="), o[..<eq].contains(".") else {
                return .failure(UsageError("`--set \(o)` is not UNIT.METRIC=VALUE", hint: "e.g. --set X05.members=19000"))
            }
            let key = String(o[..<eq])
            entries.append(Entry(unit: key, metric: "", value: String(o[o.index(after: eq)...]), text: o))
        }
        return .success(MetricOverrides(entries: entries))
    }

    /// Changes `table` under `rules`; returns every problem (unknown unit or metric, a value the
    /// metric's kind does not accept).
    public func apply(to table: inout UnitTable, rules: Rules) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let metricIndex = Dictionary(rules.metrics.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for e in entries {
            // `unit` holds `UNIT.METRIC` until split: try every `.` from the right.
            let key = e.unit
            var found: (unit: Int, metric: Int)?
            var idx = key.endIndex
            while let dot = key[..<idx].lastIndex(of: ".") {
                if let u = table.index(ofUnit: String(key[..<dot])), let m = metricIndex[String(key[key.index(after: dot)...])] {
                    found = (u, m)
                    break
                }
                idx = dot
            }
            guard let (u, m) = found else {
                let dot = key.lastIndex(of: ".")!
                let unit = String(key[..<dot]), metric = String(key[key.index(after: dot)...])
                if table.index(ofUnit: unit) == nil {
                    problems.append(TuningMessages.setUnknownUnit(e.text, unit: unit, known: table.units.map(\.id)))
                } else {
                    problems.append(TuningMessages.setUnknownMetric(e.text, metric: metric, known: rules.metrics.map(\.id)))
                }
                continue
            }
            let metric = rules.metrics[m]
            switch MetricValue.parse(e.value, kind: metric.kind) {
            case .value(let v): table.values[m][u] = v
            case .missing: table.values[m][u] = metric.missing == .zero ? .zero : nil
            case .invalid(let message, let hint): problems.append(TuningMessages.setInvalidValue(e.text, message: message, hint: hint))
            case .beyondLimits(let p):
                problems.append(TuningMessages.setInvalidValue(e.text, message: NumberLimits.message(p, text: e.value), hint: nil))
            }
        }
        // A what-if value must still make sense beside the others (a numerator above its denominator).
        if problems.isEmpty && !entries.isEmpty { UnitsReader(rules: rules).checkRatios(table, diagnostics: &problems) }
        return problems
    }
}
