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
    var wideTieKeys: [Int: BigFraction] = [:]
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
        wideTieKeys.merge(lists.wideTieKeys) { _, new in new }
    }

    /// Sets `grade` to the grade by total for every unit (before quotas).
    mutating func resetGrades() { grade = gradeByTotal }
}

extension ScoreRows {
    /// Writes unit `u`'s row as the engine worked it out.
    func write(_ r: UnitRow, unit u: Int) {
        total[u] = r.total
        for a in 0..<areaCount { areas[u * areaCount + a] = r.areas[a] }
        for s in 0..<standardCount { standards[u * standardCount + s] = r.standards[s] }
        bonus[u] = r.bonus
        deducted[u] = r.deducted
        ballotPoints[u] = r.ballotPoints
        gradeByTotal[u] = UInt8(r.gradeByTotal)
        forced[u] = r.forced
        for k in 0..<tieBreakCount { tieKeys[u * tieBreakCount + k] = r.tieKeys[k] }
    }
}
