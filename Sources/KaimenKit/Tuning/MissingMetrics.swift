import Foundation

/// Metrics a rules file requires that the units file does not give: a tuned file often reads
/// columns the old data never had (Dongcheng's file needs six the Xicheng sample lacks).
public struct MissingMetrics: Sendable, Equatable {
    public struct Gap: Sendable, Equatable {
        public var metric: String
        public var name: String
        /// The units without a value, in file order.
        public var units: [String]
        /// No unit has the column (or key) at all.
        public var wholeColumn: Bool
        /// A column whose header is near the metric's id or name (`Members` for `members`), as
        /// the units reader says it (`是不是 Members 这一列？`): likely the metric's column, misnamed.
        public var nearColumn: Localized? = nil
    }

    /// What to do with the gaps: stop (the default), or score them as the metric's `missing`
    /// rule would: `notAssessable` or `zero`.
    public enum Assumption: String, Sendable, CaseIterable {
        case notAssessable, zero
    }

    public var gaps: [Gap]

    public var isEmpty: Bool { gaps.isEmpty }

    /// Reads the units file under `rules`, with every metric allowed to be missing, and lists
    /// the metrics whose rule says a missing value is an error, with the units lacking them.
    public static func find(in data: Data, fileName: String, rules: Rules) -> MissingMetrics {
        var probe = rules
        for i in probe.metrics.indices { probe.metrics[i].missing = .notAssessable }
        let read = UnitsReader(rules: probe).read(data, fileName: fileName)
        guard let table = read.table else { return MissingMetrics(gaps: []) }
        let header = Set(CSVReader.read(data, fileName: fileName).table?.header ?? [])
        let isCSV = !read.diagnostics.contains { $0.code == "json-encoding" } && !fileName.lowercased().hasSuffix(".json")
        var gaps: [Gap] = []
        for (m, metric) in rules.metrics.enumerated() where metric.missing == .error {
            // An invalid value is the reader's to report, not a gap.
            let invalid = Set(read.diagnostics.filter { $0.code == "invalid-metric" && $0.path == metric.id }.compactMap(\.location))
            let lacking = table.units.indices.filter { table.values[m][$0] == nil && !invalid.contains(table.location(metric: m, unit: $0)) }
            guard !lacking.isEmpty else { continue }
            let whole = isCSV ? !(header.contains(metric.id) || header.contains(metric.name)) : lacking.count == table.units.count
            // The reader's own hint, when it found a column near this metric's (the one score gives).
            let near = whole ? read.diagnostics.first { $0.code == DiagnosticCode.metricColumnAbsent.rawValue && $0.path == metric.id }?.hintText
                .flatMap { $0 == ReaderMessages.metricColumnAbsentHint(metric.id) ? nil : $0 } : nil
            gaps.append(Gap(metric: metric.id, name: metric.name, units: lacking.map { table.units[$0].id }, wholeColumn: whole, nearColumn: near))
        }
        return MissingMetrics(gaps: gaps)
    }

    /// `rules` with each gap's metric scored as `assumption` says when a value is missing.
    public func applied(_ assumption: Assumption, to rules: Rules) -> Rules {
        var r = rules
        let ids = Set(gaps.map(\.metric))
        for i in r.metrics.indices where ids.contains(r.metrics[i].id) {
            r.metrics[i].missing = assumption == .zero ? .zero : .notAssessable
        }
        return r
    }
}
