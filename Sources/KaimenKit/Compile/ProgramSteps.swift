/// The typed steps of a compiled scoring program: one per standard, bonus and deduction item,
/// each holding plain values only (metric columns by index, constants in both number forms,
/// lists as ranges into `MethodSteps`' rows), so reading one copies nothing that is counted.
/// Each method's own step is in its kernel's file.

/// One method's compiled step, by kind: an index into that kind's list in `MethodSteps`
/// (or, for the smallest, the step itself). The kernel of the same name (`Evaluate/Kernels/`)
/// defines the step, compiles it and scores it. Kept to a word or two, so that reading a
/// standard's method copies no more; a whole step is copied only when its kernel runs.
enum MethodStep: Sendable {
    case bands(Int)
    case linear(Int)
    case count(Int)
    /// Its items in `MethodSteps.checklistItems`.
    case checklist(items: Range<Int>)
    case presence(metric: Int)
    case ballot(Int)
    case survey(Int)
    /// Into `ScoringProgram.formulas`.
    case expression(formula: Int)
    /// A ballot method on a bonus or deduction item, which has no ballots of its own: 0 points.
    case noBallots
}

/// The methods' compiled steps, one list per kind, in the order they were compiled, and the
/// rows of the lists they hold (a band, a checklist item) as ranges. Plain values only.
struct MethodSteps: Sendable {
    var bands: [BandsStep] = []
    var bandRows: [BandRow] = []
    var linear: [LinearStep] = []
    var count: [CountStep] = []
    var checklistItems: [ChecklistRow] = []
    var ballot: [BallotStep] = []
    var survey: [SurveyStep] = []

    /// Appends a step to its list and gives its index.
    static func add<Step>(_ step: Step, to list: inout [Step]) -> Int {
        list.append(step)
        return list.count - 1
    }
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
