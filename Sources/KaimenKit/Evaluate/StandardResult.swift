/// How one standard (or bonus or deduction item) scored for one unit, with what it used.
public struct StandardResult: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        case scored
        /// Could not be assessed; scored as the rules' `notAssessable` says.
        case notAssessable(NotAssessableReason)
        /// Fewer counted ballots than the policy's minimum.
        case insufficientBallots(count: Int, needed: Int)
    }

    /// The standard's index in its list (`rules.standards`, `bonuses` or `deductions`).
    public var index: Int
    /// Points by the method, in `[0, max]` (after the not-assessable rule).
    public var raw: Rational
    /// Points as they count towards the area (`raw` × the combine weight).
    public var points: Rational
    /// The most it could count (`max` × the combine weight).
    public var maxPoints: Rational
    public var status: Status
    /// Left out of its area, which was scaled up instead (`notAssessable: prorate`).
    public var prorated: Bool
    public var detail: ScoringDetail

    public var isAssessed: Bool { status == .scored }
}

public enum NotAssessableReason: Sendable, Equatable {
    /// The precondition's `when` is false.
    case precondition
    case missingMetric(String)
    case zeroDenominator(String)
    case divisionByZero
    /// A formula's value on the way was beyond ±9.2·10¹⁸ (since 0.26.2; it went on clamped).
    case valueTooLarge
    case noRespondents
    case participationBelow(rate: Rational, min: Rational)
}

/// The intermediate values a method used, so every number can be explained.
public enum ScoringDetail: Sendable, Equatable {
    case none
    /// `value` (a metric, or `numerator / denominator`), and the band that matched.
    case bands(value: Rational?, numerator: Rational?, denominator: Rational?, band: Int?)
    case linear(value: Rational?, numerator: Rational?, denominator: Rational?)
    case count(value: Rational)
    case checklist(met: [Bool])
    case presence(value: Rational)
    case ballot(BallotDetail)
    case survey(satisfied: Rational, basic: Rational, dissatisfied: Rational, population: Rational?, rate: Rational?)
    case expression(value: Rational?)
}

/// The ballots behind a ballot standard's points: which were kept and which dropped by trimming.
public struct BallotDetail: Sendable, Equatable {
    public var aggregate: BallotPolicy.Aggregate
    /// Trimming applied (`k` dropped at each end), or `nil` when the plain mean was used.
    public var trimmed: Int?
    /// `(representative index, score)`, in ascending order of score.
    public var kept: [BallotScore]
    public var droppedLow: [BallotScore]
    public var droppedHigh: [BallotScore]
    public var result: Rational?
}

public struct BallotScore: Sendable, Equatable {
    public var representative: Int
    public var score: Rational
}
