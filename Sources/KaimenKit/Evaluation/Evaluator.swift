/// Scores every unit: standards by their methods, areas with prorating, caps and deductions,
/// bonuses with their cap, vetoes; then totals rounded at the rules' precision and grades.
/// Ranking and quotas are `Ranker`'s.
public struct Evaluator: Sendable {
    public let plan: ScoringPlan

    public init(plan: ScoringPlan) { self.plan = plan }

    public func evaluate(_ table: UnitTable, ballots: BallotBox) -> [UnitResult] {
        let grouped = group(ballots, unitCount: table.units.count)
        return table.units.indices.map { evaluate(unit: $0, table: table, ballots: grouped[$0]) }
    }

    /// Counting ballots as `[unit][item]`.
    func group(_ box: BallotBox, unitCount: Int) -> [[[BallotScore]]] {
        var g = Array(repeating: Array(repeating: [BallotScore](), count: box.items.count), count: unitCount)
        for b in box.ballots { g[b.unit][b.item].append(BallotScore(representative: b.representative, score: b.score)) }
        return g
    }

    public func evaluate(unit u: Int, table: UnitTable, ballots: [[BallotScore]]) -> UnitResult {
        let rules = plan.rules
        let scorer = MethodScorer(plan: plan, table: table, unit: u, ballots: ballots)

        // 1. Standards.
        var standards: [StandardResult] = []
        standards.reserveCapacity(rules.standards.count)
        for (i, s) in rules.standards.enumerated() {
            standards.append(result(s, index: i, outcome: scorer.score(s, standardIndex: i), factor: plan.factor[i],
                                    fallback: s.notAssessable ?? rules.notAssessable))
        }
        // 2. Areas: prorate, cap, deduct.
        var deductions: [StandardResult] = []
        for (i, d) in rules.deductions.enumerated() {
            deductions.append(result(d, index: i, outcome: scorer.score(d, standardIndex: nil), factor: .one, fallback: d.notAssessable ?? .zero))
        }
        var areas: [UnitResult.AreaResult] = []
        for (a, area) in rules.areas.enumerated() {
            let members = plan.areaStandards[a]
            var earned = Rational.zero, allMax = Rational.zero, assessedMax = Rational.zero, rawMax = Rational.zero
            var anyProrated = false
            for i in members {
                let r = standards[i]
                allMax += r.maxPoints
                rawMax += rules.standards[i].points
                if r.prorated { anyProrated = true; continue }
                earned += r.points
                assessedMax += r.maxPoints
            }
            var factor: Rational?
            if anyProrated {
                let f = allMax.divided(by: assessedMax) ?? .zero
                factor = f
                earned = earned * f
            }
            let cap = rawMax.isZero ? area.points : (area.points * allMax).divided(by: rawMax)!
            let capped = min(earned, cap)
            let deduct = min(plan.areaDeductions[a].reduce(Rational.zero) { $0 + deductions[$1].points }, capped)
            areas.append(.init(earned: earned, capped: capped, deducted: deduct, subtotal: capped - deduct,
                               maxPoints: cap, prorateFactor: factor))
        }
        // 3. Bonus.
        var bonuses: [StandardResult] = []
        for (i, b) in rules.bonuses.enumerated() {
            bonuses.append(result(b, index: i, outcome: scorer.score(b, standardIndex: nil), factor: .one, fallback: b.notAssessable ?? .zero))
        }
        let bonusEarned = bonuses.reduce(Rational.zero) { $0 + $1.points }
        let bonus = rules.bonusCap.map { min(bonusEarned, $0) } ?? bonusEarned
        let exactTotal = areas.reduce(Rational.zero) { $0 + $1.subtotal } + bonus

        // 4. Vetoes.
        var vetoes: [Int] = [], unchecked: [Int] = []
        var capped = exactTotal
        // Every veto that holds applies: the lowest cap and the worst forced grade, so the
        // result does not depend on the vetoes' order in the file.
        var forcedIndex: Int?
        for (i, v) in rules.vetoes.enumerated() {
            switch v.when.compiled.evaluate({ table.values[$0][u] }) {
            case .boolean(true):
                vetoes.append(i)
                if let c = v.capTotal { capped = min(capped, c) }
                if let g = v.grade.flatMap({ g in rules.grades.firstIndex { $0.name == g } }) { forcedIndex = max(forcedIndex ?? g, g) }
            case .missing, .divisionByZero:
                unchecked.append(i)
            default:
                break
            }
        }
        let forced = forcedIndex.map { rules.grades[$0].name }
        let total = capped.rounded(places: rules.ranking.precision)
        let grade = forced ?? Evaluator.grade(for: total, in: rules.grades)
        let ballotPoints = plan.itemOfStandard.indices.filter { plan.itemOfStandard[$0] != nil }
            .reduce(Rational.zero) { $0 + (standards[$1].prorated ? .zero : standards[$1].points) }
        return UnitResult(unit: u, standards: standards, areas: areas, bonuses: bonuses, deductions: deductions,
                          bonusEarned: bonusEarned, bonus: bonus, vetoes: vetoes, vetoesUnchecked: unchecked,
                          exactTotal: exactTotal, total: total, gradeForced: forced != nil, gradeByTotal: grade, grade: grade, movedFrom: nil,
                          ballotPoints: ballotPoints)
    }

    /// The first grade whose `min` the rounded total reaches; the last grade otherwise.
    public static func grade(for total: Rational, in grades: [Grade]) -> String {
        grades.first { $0.min.map { total >= $0 } ?? true }?.name ?? ""
    }

    private func result(_ s: Standard, index: Int, outcome: MethodScorer.Outcome, factor: Rational, fallback: NotAssessable) -> StandardResult {
        let maxPoints = s.points * factor
        func make(_ raw: Rational, _ status: StandardResult.Status, _ detail: ScoringDetail, prorated: Bool = false) -> StandardResult {
            StandardResult(index: index, raw: raw, points: raw * factor, maxPoints: maxPoints, status: status, prorated: prorated, detail: detail)
        }
        func notAssessed(_ status: StandardResult.Status, _ detail: ScoringDetail) -> StandardResult {
            switch fallback {
            case .zero: return make(.zero, status, detail)
            case .full: return make(s.points, status, detail)
            case .points(let p): return make(min(p, s.points), status, detail)
            case .prorate: return make(.zero, status, detail, prorated: true)
            }
        }
        switch outcome {
        case .points(let p, let d):
            return make(p, .scored, d)
        case .notAssessable(let reason, let d):
            return notAssessed(.notAssessable(reason), d)
        case .insufficient(let count, let needed, let d):
            let status = StandardResult.Status.insufficientBallots(count: count, needed: needed)
            return plan.rules.ballots.insufficient == .zero ? make(.zero, status, d) : notAssessed(status, d)
        }
    }
}
