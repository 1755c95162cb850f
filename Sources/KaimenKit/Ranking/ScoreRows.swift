/// Pointers into a `ScoreTable`'s columns, so several threads can fill disjoint ranges of units
/// at once without copying. Only `ScoreTable.withRows` makes one, and only for the duration of
/// its body; each unit's row is written by exactly one thread.
struct ScoreRows: @unchecked Sendable {
    let areaCount: Int
    let standardCount: Int
    let tieBreakCount: Int
    let precision: Int
    let total: UnsafeMutablePointer<Int64>
    let areas: ScaledPointer
    let standards: ScaledPointer
    let bonus: UnsafeMutablePointer<Int64>
    let deducted: UnsafeMutablePointer<Int64>
    let ballotPoints: UnsafeMutablePointer<Int64>
    let gradeByTotal: UnsafeMutablePointer<UInt8>
    let forced: UnsafeMutablePointer<Bool>
    let tieKeys: UnsafeMutablePointer<Rational?>
}

/// What a range of units adds to a `ScoreTable`'s lists, in unit order.
struct ScoreRowLists {
    var events: [ScoreTable.StandardEvent] = []
    var vetoes: [ScoreTable.UnitItem] = []
    var vetoesUnchecked: [ScoreTable.UnitItem] = []
}

extension ScoreTable {
    mutating func withRows<R>(_ body: (ScoreRows) throws -> R) rethrows -> R {
        let (ac, sc, kc, p) = (areaCount, standardCount, tieBreakCount, precision)
        return try total.withUnsafeMutableBufferPointer { t in
            try areas.withPointer { a in
                try standards.withPointer { s in
                    try bonus.withUnsafeMutableBufferPointer { b in
                        try deducted.withUnsafeMutableBufferPointer { d in
                            try ballotPoints.withUnsafeMutableBufferPointer { bp in
                                try gradeByTotal.withUnsafeMutableBufferPointer { g in
                                    try forced.withUnsafeMutableBufferPointer { f in
                                        try tieKeys.withUnsafeMutableBufferPointer { k in
                                            try body(ScoreRows(areaCount: ac, standardCount: sc, tieBreakCount: kc, precision: p,
                                                               total: t.baseAddress!, areas: a, standards: s,
                                                               bonus: b.baseAddress!, deducted: d.baseAddress!, ballotPoints: bp.baseAddress!,
                                                               gradeByTotal: g.baseAddress!, forced: f.baseAddress!,
                                                               tieKeys: k.baseAddress ?? UnsafeMutablePointer(bitPattern: 24)!))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Appends the lists of consecutive unit ranges, in order.
    mutating func append(_ lists: ScoreRowLists) {
        events += lists.events
        vetoes += lists.vetoes
        vetoesUnchecked += lists.vetoesUnchecked
    }

    /// Sets `grade` to the grade by total for every unit (before quotas).
    mutating func resetGrades() { grade = gradeByTotal }
}

extension ScoreRows {
    /// Writes unit `u`'s row from the checked path's result.
    func write(_ r: UnitResult, unit u: Int, plan: ScoringPlan, lists: inout ScoreRowLists, metric: (String) -> Rational?) {
        let rules = plan.rules
        let p = precision
        total[u] = r.total.scaledInteger(places: p)
        for a in 0..<areaCount { areas[u * areaCount + a] = r.areas[a].subtotal.scaledInteger(places: p) }
        for s in 0..<standardCount {
            let sr = r.standards[s]
            standards[u * standardCount + s] = sr.points.scaledInteger(places: p)
            if sr.status != .scored {
                lists.events.append(.init(unit: Int32(u), standard: Int32(s), status: sr.status, raw: sr.raw, prorated: sr.prorated))
            }
        }
        bonus[u] = r.bonus.scaledInteger(places: p)
        deducted[u] = r.areas.reduce(Rational.zero) { $0 + $1.deducted }.scaledInteger(places: p)
        ballotPoints[u] = r.ballotPoints.scaledInteger(places: p)
        gradeByTotal[u] = UInt8(rules.grades.firstIndex { $0.name == r.gradeByTotal } ?? 0)
        forced[u] = r.gradeForced
        lists.vetoes += r.vetoes.map { .init(unit: Int32(u), item: Int32($0)) }
        lists.vetoesUnchecked += r.vetoesUnchecked.map { .init(unit: Int32(u), item: Int32($0)) }
        for (k, key) in ScoreTable.tieKeys(of: r, plan: plan, metric: metric).enumerated() { tieKeys[u * tieBreakCount + k] = key }
    }
}

extension ScoreTable {
    /// A unit's exact value for each of the rules' tie-breaks (`nil`: missing, sorts last).
    static func tieKeys(of r: UnitResult, plan: ScoringPlan, metric: (String) -> Rational?) -> [Rational?] {
        plan.rules.ranking.tieBreak.map { t in
            if case .metric(let id) = t.key { return metric(id) }
            return Ranker.tieValue(t.key, r, plan: plan)
        }
    }
}
