/// What a traced (exact) run records for one unit: every standard's inputs, method details
/// and points, the areas, bonus, deductions and vetoes: a `UnitResult`, for `explain`, the
/// score sheets and the tuning tools. Only the units asked for are traced.
struct UnitTrace {
    enum ItemKind { case bonus, deduction }

    var standards: [StandardResult] = []
    var bonuses: [StandardResult] = []
    var deductions: [StandardResult] = []
    var areas: [UnitResult.AreaResult] = []
    var bonusEarned = Rational.zero
    var bonus = Rational.zero
    var exactTotal = Rational.zero
    var ballotPoints = Rational.zero

    /// Room for the unit's standards and areas at once: grown one by one, a unit of 40
    /// standards held room for 64, and every unit of a session is traced on the checked path.
    init(standards: Int, areas: Int) {
        self.standards.reserveCapacity(standards)
        self.areas.reserveCapacity(areas)
    }

    mutating func standard(_ i: Int, raw: Rational?, points: Rational?, max: Rational, status: StandardResult.Status,
                           prorated: Bool, detail: ScoringDetail) {
        standards.append(StandardResult(index: i, raw: raw ?? .zero, points: points ?? .zero, maxPoints: max, status: status,
                                        prorated: prorated, detail: detail))
    }

    mutating func item(_ kind: ItemKind, index: Int, raw: Rational?, points: Rational?, max: Rational, status: StandardResult.Status,
                       prorated: Bool, detail: ScoringDetail) {
        let r = StandardResult(index: index, raw: raw ?? .zero, points: points ?? .zero, maxPoints: max, status: status,
                               prorated: prorated, detail: detail)
        if kind == .bonus { bonuses.append(r) } else { deductions.append(r) }
    }

    /// The unit's result, from the trace and its rounded row.
    func result(unit: Int, row: UnitRow, program: ScoringProgram) -> UnitResult {
        let grades = program.rules.grades
        let grade = grades.isEmpty ? "" : grades[row.gradeByTotal].name
        let scale = BulkData.pow10[program.precision]
        return UnitResult(unit: unit, standards: standards, areas: areas, bonuses: bonuses, deductions: deductions,
                          bonusEarned: bonusEarned, bonus: bonus, vetoes: row.vetoes.map(Int.init),
                          vetoesUnchecked: row.vetoesUnchecked.map { Int($0.veto) }, vetoesNotCheckedWhy: row.vetoesUnchecked.map(\.why),
                          exactTotal: exactTotal,
                          total: Rational(row.total, scale), gradeForced: row.forced, gradeByTotal: grade, grade: grade,
                          movedFrom: nil, ballotPoints: ballotPoints)
    }
}
