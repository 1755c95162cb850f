/// The typed steps of a compiled scoring program: one per standard, bonus and deduction item,
/// each holding plain values only (metric columns by index, constants in both number forms,
/// lists as ranges into the program's pools), so reading one copies nothing that is counted.

/// What a metric-based method reads.
enum InputStep: Sendable {
    case metric(Int)
    case ratio(numerator: Int, denominator: Int, zero: Ratio.Zero)
}

/// `bands`: the first band whose threshold the value reaches scores its points.
struct BandsStep: Sendable {
    var input: InputStep
    /// Into `ScoringProgram.bandThresholds` and `bandPoints`.
    var bands: Range<Int>
    var otherwise: ProgramConstant
    /// `min` bands (value ≥ threshold) rather than `max` bands (value ≤ threshold).
    var atLeast: Bool
}

/// `linear`: max × (value − floor) / (target − floor), within [0, max].
struct LinearStep: Sendable {
    var input: InputStep
    var floor: Rational
    var target: Rational
}

/// `ballot`: the representatives' scores of one ballot item, aggregated.
struct BallotStep: Sendable {
    /// The ballot item (column group in `BallotColumns`).
    var item: Int
    var aggregate: BallotPolicy.Aggregate
    var trimK: Int
    var trimMinBallots: Int
    var minBallots: Int
}

/// `survey`: satisfied, basic and dissatisfied counts, weighted, as a share of the respondents.
struct SurveyStep: Sendable {
    var satisfied: Int
    var basic: Int
    var dissatisfied: Int
    var weights: (satisfied: Rational, basic: Rational, dissatisfied: Rational)
    /// The population metric and the minimum participation rate, when the rules set one.
    var population: Int?
    var minParticipation: Rational
}

/// `count`: value × perUnit, within [0, max].
struct CountStep: Sendable {
    var metric: Int
    var perUnit: Rational
}

/// One method, by kind; the kernel of the same name scores it. The larger steps are kept in
/// the program's list for their kind (`ScoringProgram.bands`, …) and named here by index, so
/// that reading a standard's method copies a word or two.
enum MethodStep: Sendable {
    case bands(Int)
    case linear(Int)
    case count(Int)
    /// Items `ScoringProgram.checklistMetrics[items]` with points `checklistPoints[items]`.
    case checklist(items: Range<Int>)
    case presence(metric: Int)
    case ballot(Int)
    case survey(Int)
    /// Into `ScoringProgram.formulas`.
    case expression(formula: Int)
    /// A ballot method on a bonus or deduction item, which has no ballots of its own: 0 points.
    case noBallots
}

/// A standard (or bonus or deduction item): its method and what happens around it.
struct StandardStep: Sendable {
    var method: MethodStep
    /// Its points (the most the method can give).
    var max: ProgramConstant
    /// Into `ScoringProgram.formulas`: the precondition, if any.
    var precondition: Int?
    /// Points count × this (1 unless `combine` is weighted).
    var factor: Rational
    var isWeighted: Bool
    /// `max × factor`: the most it counts in its area.
    var maxPoints: Rational
    var fallback: NotAssessable
    var readsBallots: Bool
}

/// An area: its standards and deductions, and its cap.
struct AreaStep: Sendable {
    /// Into `ScoringProgram.areaMembers` and `areaDeductionMembers`.
    var standards: Range<Int>
    var deductions: Range<Int>
    /// The area's points, scaled as its standards are weighted.
    var cap: ProgramConstant
    /// The weighted maximum of its standards, for prorating.
    var maxPoints: Rational
}

struct VetoStep: Sendable {
    var formula: Int
    /// Into `rules.grades`: the grade it forces.
    var grade: Int?
    var cap: ProgramConstant?
}

/// What a tie-break compares.
enum TieStep: Sendable {
    case ballots, bonus
    case area(Int)
    case standard(Int)
    case bonusItem(Int)
    case deduction(Int)
    case metric(Int)
}
