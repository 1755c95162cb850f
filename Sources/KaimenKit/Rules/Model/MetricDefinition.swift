/// A metric the units submit, declared once so every rule that reads it can be checked.
public struct MetricDefinition: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A whole number ≥ 0.
        case count
        /// A number ≥ 0 (yuan, hours).
        case amount
        /// Between 0 and 1; `87.5%` is accepted in data.
        case rate
        /// Yes or no.
        case flag
        /// Any number.
        case number
    }

    /// What an empty cell (``, `-`, `N/A`) means for this metric.
    public enum Missing: String, Sendable, CaseIterable {
        case error, zero, notAssessable
    }

    public var id: String
    public var name: String
    public var kind: Kind
    public var unit: String?
    public var missing: Missing
    public var origin: Origin
}
