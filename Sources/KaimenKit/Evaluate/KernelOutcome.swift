/// What one standard's kernel came to, before its combine factor and not-assessable rule.
enum KernelOutcome<N: ScoreNumber> {
    case scored(N)
    case notAssessed(NotAssessedCause)
}

/// Why a standard was not assessed, as plain values (a metric by its column); turned into a
/// `StandardResult.Status` only where it is recorded.
enum NotAssessedCause {
    case precondition
    case missing(Int)
    case zeroDenominator(Int)
    case divisionByZero
    case noRespondents
    case participation(rate: Rational, min: Rational)
    case insufficient(count: Int, needed: Int)

    func status(_ metrics: [MetricDefinition]) -> StandardResult.Status {
        switch self {
        case .precondition: return .notAssessable(.precondition)
        case .missing(let m): return .notAssessable(.missingMetric(metrics[m].id))
        case .zeroDenominator(let m): return .notAssessable(.zeroDenominator(metrics[m].id))
        case .divisionByZero: return .notAssessable(.divisionByZero)
        case .noRespondents: return .notAssessable(.noRespondents)
        case .participation(let rate, let min): return .notAssessable(.participationBelow(rate: rate, min: min))
        case .insufficient(let count, let needed): return .insufficientBallots(count: count, needed: needed)
        }
    }
}
