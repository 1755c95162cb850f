/// A unit from its standards to its row: the not-assessable rule and combine weights,
/// prorating, area caps and deductions, bonus and its cap, vetoes, rounding, the grade and
/// the tie-break keys. The arithmetic of docs/rules.md ("How a unit's total is worked out").
extension UnitScorer {
    /// Scores unit `u` (loaded in the tile) into `row` (and `trace`); `false` when this form
    /// cannot decide something and the unit must be scored in the next (`Engine`).
    mutating func score(_ u: Int) -> Bool {
        assert(tracing == (trace != nil), "a trace is begun with beginTrace()")
        unit = u
        base = tile.row(u)
        row.clearLists()
        let p = program.precision
        // 1. Standards.
        for i in 0..<program.standardCount {
            guard let outcome = evaluate(i) else { return false }
            switch outcome {
            case .scored(let v):
                guard let w = program.steps[i].isWeighted ? v.scaled(by: program.steps[i].factor) : v else { return false }
                points[i] = w
                leftOut[i] = false
                if tracing {
                    trace?.standard(i, raw: v.exactValue, points: w.exactValue, max: program.steps[i].maxPoints, status: .scored,
                                    prorated: false, detail: detail)
                }
            case .notAssessed(let cause):
                let (raw, prorated) = notAssessedPoints(i, cause)
                leftOut[i] = prorated
                let weighted = prorated ? .zero : raw * program.steps[i].factor
                guard let w = N(constant: ProgramConstant(weighted)) else { return false }
                points[i] = w
                let status = cause.status(program, step: i)
                row.events.append(.init(unit: Int32(u), standard: Int32(i), status: status, raw: raw, prorated: prorated))
                if tracing {
                    trace?.standard(i, raw: raw, points: weighted, max: program.steps[i].maxPoints, status: status, prorated: prorated, detail: detail)
                }
            }
        }
        // Bonus and deduction items, in the rules' order.
        for j in 0..<program.bonusCount {
            guard let v = item(program.bonusStart + j, index: j, kind: .bonus) else { return false }
            bonusPoints[j] = v
        }
        for j in 0..<program.deductionCount {
            guard let v = item(program.deductionStart + j, index: j, kind: .deduction) else { return false }
            deductionPoints[j] = v
        }
        // 2. Areas: prorate, cap, deduct.
        var areaTotal = N.zero, deductedTotal = N.zero
        for a in program.areas.indices {
            let area = program.areas[a]
            var earned = N.zero
            var missing = Rational.zero
            var anyProrated = false
            for k in area.standards {
                let i = program.areaMembers[k]
                if leftOut[i] {
                    anyProrated = true
                    missing += program.steps[i].maxPoints
                } else {
                    earned = earned + points[i]
                }
            }
            var factor: Rational?
            if anyProrated {
                let f = area.maxPoints.divided(by: area.maxPoints - missing) ?? .zero
                factor = f
                guard let e = earned.scaled(by: f) else { return false }
                earned = e
            }
            guard let cap = N(constant: area.cap), let capped = N.minimum(earned, cap) else { return false }
            var deductions = N.zero
            for k in area.deductions { deductions = deductions + deductionPoints[program.areaDeductionMembers[k]] }
            guard let deducted = N.minimum(deductions, capped) else { return false }
            let subtotal = capped - deducted
            guard let rounded = subtotal.roundedScaled(places: p) else { return false }
            row.areas[a] = rounded
            areaSubtotals[a] = subtotal
            areaTotal = areaTotal + subtotal
            deductedTotal = deductedTotal + deducted
            if tracing {
                trace?.areas.append(.init(earned: earned.exactValue!, capped: capped.exactValue!, deducted: deducted.exactValue!,
                                          subtotal: subtotal.exactValue!, maxPoints: area.cap.exact, prorateFactor: factor))
            }
        }
        // 3. Bonus.
        var bonusEarned = N.zero
        for j in 0..<program.bonusCount { bonusEarned = bonusEarned + bonusPoints[j] }
        var bonus = bonusEarned
        if let c = program.bonusCap {
            guard let cap = N(constant: c), let capped = N.minimum(bonusEarned, cap) else { return false }
            bonus = capped
        }
        var total = areaTotal + bonus
        if tracing {
            trace?.bonusEarned = bonusEarned.exactValue!
            trace?.bonus = bonus.exactValue!
            trace?.exactTotal = total.exactValue!
        }
        // 4. Vetoes: every veto that holds applies, the lowest cap and the worst forced grade,
        // so the result does not depend on their order in the file.
        var forced: Int?
        for v in program.vetoes.indices {
            let veto = program.vetoes[v]
            switch formula(veto.formula) {
            case .boolean(true):
                row.vetoes.append(Int32(v))
                if let c = veto.cap {
                    guard let cap = N(constant: c), let capped = N.minimum(total, cap) else { return false }
                    total = capped
                }
                if let g = veto.grade { forced = max(forced ?? g, g) }
            case .missing:
                row.vetoesUnchecked.append((Int32(v), .missingData))
            case .divisionByZero:
                row.vetoesUnchecked.append((Int32(v), .divisionByZero))
            case .tooLarge:
                row.vetoesUnchecked.append((Int32(v), .valueTooLarge))
            case .inexact:
                return false
            default:
                break
            }
        }
        // 5. Everything rounded at the rules' precision, and the grade.
        var ballotPoints = N.zero
        for i in 0..<program.standardCount where program.steps[i].readsBallots && !leftOut[i] {
            ballotPoints = ballotPoints + points[i]
        }
        if tracing { trace?.ballotPoints = ballotPoints.exactValue! }
        guard let t = total.roundedScaled(places: p), let bp = ballotPoints.roundedScaled(places: p),
              let bo = bonus.roundedScaled(places: p), let de = deductedTotal.roundedScaled(places: p) else { return false }
        for i in 0..<program.standardCount {
            guard let r = points[i].roundedScaled(places: p) else { return false }
            row.standards[i] = r
        }
        row.total = t
        row.ballotPoints = bp
        row.bonus = bo
        row.deducted = de
        row.forced = forced != nil
        row.gradeByTotal = forced ?? program.gradeIndex(t)
        // 6. Tie-break keys, exact and not rounded: a fast key is its interval's lower end,
        // with the width kept so that `Engine` can settle keys that might compare equal.
        for k in program.ties.indices {
            let value: N
            switch program.ties[k] {
            case .ballots: value = ballotPoints
            case .bonus: value = bonus
            case .area(let a): value = areaSubtotals[a]
            case .standard(let i): value = points[i]
            case .bonusItem(let j): value = bonusPoints[j]
            case .deduction(let j): value = deductionPoints[j]
            case .metric(let m):
                row.tieKeys[k] = self.value(m)
                row.tieSpread[k] = 0
                continue
            }
            guard let key = value.tieKey else { return false }
            row.tieKeys[k] = key.value
            row.tieSpread[k] = key.spread
            if let wide = value.wideTieKey(rounded: key.value) { row.wideTieKeys.append((k, wide)) }
        }
        return true
    }
}
