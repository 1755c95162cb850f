/// Everything kaimen worked out for one unit: each standard's points, area subtotals, bonus,
/// deductions and vetoes, the exact and the rounded total, grade and ranks.
public struct UnitResult: Sendable, Equatable {
    public struct AreaResult: Sendable, Equatable {
        /// Sum of the area's standards' points (scaled up when some were prorated).
        public var earned: Rational
        /// `earned`, at most the area's points.
        public var capped: Rational
        /// Points taken off by deductions (never more than `capped`).
        public var deducted: Rational
        /// `capped − deducted`: what the area contributes to the total.
        public var subtotal: Rational
        /// The most the area counts (its points, weighted when `combine` is weighted).
        public var maxPoints: Rational
        /// Set when some standards were prorated: the factor the assessed ones were scaled by.
        public var prorateFactor: Rational?
    }

    public var unit: Int
    public var standards: [StandardResult]
    public var areas: [AreaResult]
    public var bonuses: [StandardResult]
    public var deductions: [StandardResult]
    /// The sum of bonus items before the cap.
    public var bonusEarned: Rational
    /// After `bonusCap`.
    public var bonus: Rational
    /// Indices into `rules.vetoes` whose condition held.
    public var vetoes: [Int]
    /// Vetoes that could not be checked (a metric they read is missing, a division by zero, a
    /// value out of range), and why, in the same order.
    public var vetoesUnchecked: [Int]
    public var vetoesNotCheckedWhy: [VetoNotChecked]
    /// Areas + bonus, before any veto cap: the exact total.
    public var exactTotal: Rational
    /// After veto caps, rounded half away from zero at the rules' precision.
    public var total: Rational
    /// A veto forced the grade (quotas then leave it alone).
    public var gradeForced: Bool
    /// The grade before quotas, and after.
    public var gradeByTotal: String
    public var grade: String
    /// Set when a quota moved the unit down: the grade it would have had.
    public var movedFrom: String?
    public var rank = 0
    public var categoryRank = 0
    /// The representatives' points (all ballot standards), a tie-break key.
    public var ballotPoints: Rational
}
