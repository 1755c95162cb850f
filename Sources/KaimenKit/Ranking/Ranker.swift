/// Orders units by rounded total, breaks ties by the rules' tie-break list, gives competition
/// ranks (1, 2, 2, 4) overall and within each category, then applies grade quotas in rank order.
public enum Ranker {
    /// How a unit's place against the unit just above it was decided.
    public struct TieNote: Sendable, Equatable {
        public enum Decision: Sendable, Equatable {
            /// Decided by tie-break `index` (of `rules.ranking.tieBreak`): this unit's and the other's values.
            case decided(index: Int, mine: Rational?, theirs: Rational?)
            /// Still tied after every tie-break: the two share a rank.
            case shared
        }
        /// The unit just above, with the same rounded total.
        public var above: Int
        public var decision: Decision
    }

    public struct QuotaMove: Sendable, Equatable {
        public var unit: Int
        public var from: String
        public var to: String
        /// At most this many units may hold `from`.
        public var allowed: Int
        public var quotaPercent: Rational
    }

    public struct Report: Sendable, Equatable {
        /// Unit indices, best first.
        public var order: [Int]
        /// Each unit's place in `order`.
        public var position: [Int]
        /// By place in `order`: how a unit's place against the unit above it was decided, when
        /// their totals are equal. (By place, so that writing the ranking reads them in turn.)
        public var notesInOrder: [TieNote?]
        public var quotaMoves: [QuotaMove]

        /// How unit `u`'s place against the unit above it was decided, when their totals are equal.
        public func tieNote(_ u: Int) -> TieNote? { notesInOrder[position[u]] }

        /// The note of the unit just below `u`, when it ties with `u`.
        public func noteBelow(_ u: Int) -> (unit: Int, note: TieNote)? {
            let p = position[u] + 1
            guard p < order.count, let note = notesInOrder[p], note.above == u else { return nil }
            return (order[p], note)
        }
    }

    /// Ranks the units of `scores` (setting `rank`, `categoryRank` and `grade`).
    ///
    /// Units are sorted on one integer each (highest total first, then input order); only
    /// within a run of equal totals do the tie-breaks apply. Each run's keys are copied out
    /// once, so sorting it, placing it and giving its ranks and notes reads a small local block
    /// instead of keys scattered through memory.
    ///
    /// `threads`: how many gather the columns read in rank order (the rest runs on one).
    public static func rank(_ scores: inout ScoreTable, rules: Rules, categories: [String], threads: Int = 1) -> Report {
        let descending = rules.ranking.tieBreak.map(\.descending)
        let total = scores.total
        let kc = scores.tieBreakCount
        let n = total.count
        var order = byTotal(total)
        // The totals and categories in rank order, read in turn below instead of through
        // `order`: read through it, each was a cache miss the loop waited for; gathered column
        // by column first, many are on their way at once.
        let sortedTotal = Parallel.gather(order, threads: threads) { total[$0] }
        let category = categoryIndices(categories)
        let categoryInOrder = Parallel.gather(order, threads: threads) { category[$0] }
        var notes = [TieNote?](repeating: nil, count: n)
        let categoryCount = Int(category.max() ?? -1) + 1
        var seenCount = [Int32](repeating: 0, count: categoryCount)
        /// Within the current run: the place in the run of each category's last unit so far.
        var lastInRun = [Int](repeating: -1, count: categoryCount)
        var run: [Int] = [], keys: [Rational?] = [], slots: [Int] = [], runCategory: [Int] = []
        // Ranks by place, set in turn, and given to the units once the order is known.
        var rankInOrder = [Int32](repeating: 0, count: n), categoryRankInOrder = [Int32](repeating: 0, count: n)
        var start = 0
        while start < n {
            var end = start + 1
            while end < n && sortedTotal[end] == sortedTotal[start] { end += 1 }
            // The run's units (ascending, as the sort left them), categories and keys, copied out.
            run.removeAll(keepingCapacity: true)
            run += order[start..<end]
            keys.removeAll(keepingCapacity: true)
            for u in run { for k in 0..<kc { keys.append(scores.tieKeys[u * kc + k]) } }
            runCategory.removeAll(keepingCapacity: true)
            for p in start..<end { runCategory.append(Int(categoryInOrder[p])) }
            /// `nil` when tied on every key; else the deciding key and whether slot a goes first.
            func compare(_ a: Int, _ b: Int) -> (key: Int, aFirst: Bool)? {
                for k in 0..<kc {
                    let x = keys[a * kc + k], y = keys[b * kc + k]
                    if let x, let y, x.approximated || y.approximated {
                        // Rounded to odd (beyond 64-bit fractions): compared by the exact values.
                        let c = scores.compareTieKeys(k, run[a], run[b])
                        if c == 0 { continue }
                        return (k, descending[k] ? c > 0 : c < 0)
                    }
                    if x == y { continue }
                    // A missing value sorts after any present one.
                    guard let x else { return (k, false) }
                    guard let y else { return (k, true) }
                    return (k, descending[k] ? x > y : x < y)
                }
                return nil
            }
            slots.removeAll(keepingCapacity: true)
            slots += 0..<run.count
            if run.count > 1 && kc > 0 { slots.sort { a, b in compare(a, b)?.aFirst ?? (a < b) } }
            for (i, slot) in slots.enumerated() {
                let u = run[slot], pos = start + i
                order[pos] = u
                if i == 0 {
                    rankInOrder[pos] = Int32(pos + 1)
                } else {
                    let above = slots[i - 1]
                    let decided = compare(above, slot)
                    rankInOrder[pos] = decided == nil ? rankInOrder[pos - 1] : Int32(pos + 1)
                    if let decided {
                        notes[pos] = TieNote(above: run[above], decision: .decided(index: decided.key, mine: keys[slot * kc + decided.key],
                                                                                    theirs: keys[above * kc + decided.key]))
                    } else {
                        notes[pos] = TieNote(above: run[above], decision: .shared)
                    }
                }
                // Within its category: the same order, sharing a rank only with an equal unit,
                // which (equal totals) can only be in this run.
                let c = runCategory[slot]
                let last = lastInRun[c]
                if last >= 0 && compare(slots[last], slot) == nil {
                    categoryRankInOrder[pos] = categoryRankInOrder[start + last]
                } else {
                    categoryRankInOrder[pos] = seenCount[c] + 1
                }
                seenCount[c] += 1
                lastInRun[c] = i
            }
            for c in runCategory { lastInRun[c] = -1 }
            start = end
        }
        // Each unit's place and ranks, by unit.
        let position = inverse(order)
        let (ranks, categoryRanks) = (rankInOrder, categoryRankInOrder)
        scores.rank = Parallel.gather(position, threads: threads) { ranks[$0] }
        scores.categoryRank = Parallel.gather(position, threads: threads) { categoryRanks[$0] }
        let moves = applyQuotas(&scores, order: order, grades: rules.grades)
        return Report(order: order, position: position, notesInOrder: notes, quotaMoves: moves)
    }

    /// The permutation that undoes `order` (a permutation of `0 ..< order.count`): the place of
    /// each unit in it.
    static func inverse(_ order: [Int]) -> [Int] {
        var position = [Int](repeating: 0, count: order.count)
        for (p, u) in order.enumerated() { position[u] = p }
        return position
    }

    /// Unit indices by total, highest first, then in input order: a sort on one packed integer
    /// per unit when totals and count allow (they always do in practice), else a comparator sort.
    static func byTotal(_ total: [Int64]) -> [Int] {
        guard let minTotal = total.min(), let maxTotal = total.max() else { return [] }
        let spread = UInt64(bitPattern: maxTotal &- minTotal)
        guard spread < (1 << 38) && total.count < (1 << 25) else {
            return total.indices.sorted { total[$0] != total[$1] ? total[$0] > total[$1] : $0 < $1 }
        }
        let packed = total.indices.map { u in (spread - UInt64(bitPattern: total[u] &- minTotal)) << 25 | UInt64(u) }
        // The low 25 bits are the unit, already ascending: sorting stably on the total's
        // bits alone leaves equal totals in input order.
        return RadixOrder.sorted(packed, fromBit: 25).map { Int($0 & ((1 << 25) - 1)) }
    }

    /// Each unit's category as a small integer, in order of first appearance. Categories are
    /// few: a short list compared in turn costs less than hashing a million strings.
    static func categoryIndices(_ categories: [String]) -> [Int32] {
        var known: [String] = []
        var index: [String: Int32] = [:]
        return categories.map { c in
            if known.count <= 16 {
                if let i = known.firstIndex(of: c) { return Int32(i) }
                known.append(c)
                index[c] = Int32(known.count - 1)
                return Int32(known.count - 1)
            }
            if let i = index[c] { return i }
            index[c] = Int32(index.count)
            return Int32(index.count - 1)
        }
    }

    /// For each grade with a quota, from best to worst: at most ⌊quota% × units⌋ units keep it,
    /// in rank order; a group sharing a rank is kept or moved down whole (never split).
    /// Units whose grade a veto forced are not moved and do not count.
    static func applyQuotas(_ scores: inout ScoreTable, order: [Int], grades: [Grade]) -> [QuotaMove] {
        var moves: [QuotaMove] = []
        for (g, grade) in grades.enumerated() {
            guard let q = grade.quotaPercent, g + 1 < grades.count else { continue }
            let allowed = quotaAllowed(q, units: scores.unitCount)
            let holders = order.filter { Int(scores.grade[$0]) == g && !scores.forced[$0] }
            var kept = 0, i = 0, full = false
            while i < holders.count {
                var j = i
                while j + 1 < holders.count && scores.rank[holders[j + 1]] == scores.rank[holders[i]] { j += 1 }
                if !full && kept + (j - i + 1) <= allowed {
                    kept += j - i + 1
                } else {
                    full = true
                    for u in holders[i...j] {
                        moves.append(QuotaMove(unit: u, from: grade.name, to: grades[g + 1].name, allowed: allowed, quotaPercent: q))
                        scores.grade[u] = UInt8(g + 1)
                    }
                }
                i = j + 1
            }
        }
        return moves
    }

    /// How many of `units` units a grade with a quota of `percent`% may hold: ⌊percent × units / 100⌋.
    static func quotaAllowed(_ percent: Rational, units: Int) -> Int {
        floorDiv(percent * Rational(units), 100)
    }

    static func floorDiv(_ r: Rational, _ d: Int64) -> Int {
        let v = r.divided(by: Rational(integer: d))!
        return Int(v.numerator / v.denominator)
    }

    /// A unit's value for a points tie-break key (not `metric`), from the checked path's result:
    /// exact, not rounded to the totals' precision (6.4 and 6.2 differ even at precision 0).
    static func tieValue(_ key: RankingPolicy.TieBreak.Key, _ r: UnitResult, plan: ScoringPlan) -> Rational? {
        switch key {
        case .ballots: return r.ballotPoints
        case .bonus: return r.bonus
        case .area(let id):
            return plan.rules.areas.firstIndex { $0.id == id }.map { r.areas[$0].subtotal }
        case .standard(let id):
            if let i = plan.rules.standards.firstIndex(where: { $0.id == id }) { return r.standards[i].points }
            if let i = plan.rules.bonuses.firstIndex(where: { $0.id == id }) { return r.bonuses[i].points }
            if let i = plan.rules.deductions.firstIndex(where: { $0.id == id }) { return r.deductions[i].points }
            return nil
        case .metric:
            return nil
        }
    }
}
