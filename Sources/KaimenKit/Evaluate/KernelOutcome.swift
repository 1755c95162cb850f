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
    /// A formula's value on the way was beyond what the fractions hold (`FormulaResult.tooLarge`).
    case tooLarge
    case noRespondents
    /// Below the survey's minimum participation (the minimum is its step's: kept out of the
    /// cause, so that a kernel's outcome stays small enough to be returned in registers).
    case participation(rate: Rational)
    case insufficient(count: Int, needed: Int)

    /// The status recorded for step `k` not assessed for this cause.
    func status(_ program: ScoringProgram, step k: Int) -> StandardResult.Status {
        let metrics = program.rules.metrics
        switch self {
        case .precondition: return .notAssessable(.precondition)
        case .missing(let m): return .notAssessable(.missingMetric(metrics[m].id))
        case .zeroDenominator(let m): return .notAssessable(.zeroDenominator(metrics[m].id))
        case .divisionByZero: return .notAssessable(.divisionByZero)
        case .tooLarge: return .notAssessable(.valueTooLarge)
        case .noRespondents: return .notAssessable(.noRespondents)
        case .participation(let rate):
            guard case .survey(let j) = program.steps[k].method else { preconditionFailure("only a survey is below participation") }
            return .notAssessable(.participationBelow(rate: rate, min: program.methods.survey[j].minParticipation))
        case .insufficient(let count, let needed): return .insufficientBallots(count: count, needed: needed)
        }
    }
}
