/// A sum of a unit's metrics that may not exceed another of its metrics, because a rule reads
/// the sum as a share of it: a unit beyond it has an error in its data, whatever it would score
/// (docs/inputs.md, *Impossible values*).
public struct ValueBound: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A ratio with `maxOne`: its numerator above its denominator (`ratio-above-one`).
        case ratio
        /// A survey with `participation`: its satisfied, basic and dissatisfied counts adding
        /// up to more than its population (`survey-above-population`, since 0.29.6).
        case survey

        /// The diagnostic a unit beyond the bound gets.
        var code: DiagnosticCode {
            switch self {
            case .ratio: .ratioAboveOne
            case .survey: .surveyAbovePopulation
            }
        }

        /// Whether a session's copies of its inputs are checked for it: not for a kind added
        /// after sessions were first sealed, as an earlier version accepted such data (read as
        /// `UnitsReader.limitsText` reads them; a session opened since was checked at `init`).
        var inSessionCopies: Bool { self == .ratio }
    }

    public var kind: Kind
    /// The metrics added up: a ratio's numerator; a survey's satisfied, basic, dissatisfied.
    public var parts: [String]
    /// The metric they may not exceed: a ratio's denominator; a survey's population.
    public var limit: String
}
