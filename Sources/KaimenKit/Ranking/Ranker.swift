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
        /// By unit: how its place against the unit above it was decided, when their totals are equal.
        public var tieNotes: [TieNote?]
        public var quotaMoves: [QuotaMove]

        /// The note of the unit just below `u`, when it ties with `u`.
        public func noteBelow(_ u: Int) -> (unit: Int, note: TieNote)? {
            let p = position[u] + 1
            guard p < order.count, let note = tieNotes[order[p]], note.above == u else { return nil }
            return (order[p], note)
        }
    }

    /// Ranks the units of `scores` (setting `rank`, `categoryRank` and `grade`).
    public static func rank(_ scores: inout ScoreTable, rules: Rules, categories: [String]) -> Report {
        let breaks = rules.ranking.tieBreak
        let total = scores.total
        let keys = scores.tieKeys
        let kc = scores.tieBreakCount

        /// `nil` when tied on everything; else (index of the deciding key or -1 for the total, a-before-b).
        func compare(_ a: Int, _ b: Int) -> (key: Int, aFirst: Bool)? {
            if total[a] != total[b] { return (-1, total[a] > total[b]) }
            for (k, t) in breaks.enumerated() {
                let x = keys[a * kc + k], y = keys[b * kc + k]
                if x == y { continue }
                // A missing value sorts after any present one.
                guard let x else { return (k, false) }
                guard let y else { return (k, true) }
                return (k, t.descending ? x > y : x < y)
            }
            return nil
        }
        // Sort on one integer per unit — (highest total first, then input order) — and only
        // within runs of equal totals apply the tie-break comparator.
        let minTotal = total.min() ?? 0
        var packed = [UInt64](repeating: 0, count: total.count)
        let spread = UInt64(bitPattern: (total.max() ?? 0) &- minTotal)
        if spread < (1 << 38) && total.count < (1 << 25) {
            for u in total.indices { packed[u] = (spread - UInt64(bitPattern: total[u] &- minTotal)) << 25 | UInt64(u) }
            packed.sort()
        }
        var order = spread < (1 << 38) && total.count < (1 << 25)
            ? packed.map { Int($0 & ((1 << 25) - 1)) }
            : total.indices.sorted { total[$0] != total[$1] ? total[$0] > total[$1] : $0 < $1 }
        if !breaks.isEmpty {
            var start = 0
            while start < order.count {
                var end = start + 1
                while end < order.count && total[order[end]] == total[order[start]] { end += 1 }
                if end - start > 1 {
                    order[start..<end].sort { a, b in compare(a, b)?.aFirst ?? (a < b) }
                }
                start = end
            }
        }

        var tieNotes = [TieNote?](repeating: nil, count: total.count)
        var position = [Int](repeating: 0, count: total.count)
        for (p, u) in order.enumerated() { position[u] = p }
        for (pos, u) in order.enumerated() {
            if pos == 0 { scores.rank[u] = 1; continue }
            let prev = order[pos - 1]
            guard total[prev] == total[u] else { scores.rank[u] = Int32(pos + 1); continue }
            let c = compare(prev, u)
            scores.rank[u] = c == nil ? scores.rank[prev] : Int32(pos + 1)
            if let c { tieNotes[u] = TieNote(above: prev, decision: .decided(index: c.key, mine: keys[u * kc + c.key], theirs: keys[prev * kc + c.key])) }
            else { tieNotes[u] = TieNote(above: prev, decision: .shared) }
        }
        // Within each category, the same order.
        var categoryIndex: [String: Int] = [:]
        let category = categories.map { c in
            if let i = categoryIndex[c] { return i }
            categoryIndex[c] = categoryIndex.count
            return categoryIndex.count - 1
        }
        var seenCount = [Int32](repeating: 0, count: categoryIndex.count)
        var lastOf = [Int](repeating: -1, count: categoryIndex.count)
        for u in order {
            let c = category[u]
            let last = lastOf[c]
            if last >= 0 && total[last] == total[u] && compare(last, u) == nil {
                scores.categoryRank[u] = scores.categoryRank[last]
            } else {
                scores.categoryRank[u] = seenCount[c] + 1
            }
            seenCount[c] += 1
            lastOf[c] = u
        }
        let moves = applyQuotas(&scores, order: order, grades: rules.grades)
        return Report(order: order, position: position, tieNotes: tieNotes, quotaMoves: moves)
    }

    /// For each grade with a quota, from best to worst: at most ⌊quota% × units⌋ units keep it,
    /// in rank order; a group sharing a rank is kept or moved down whole (never split).
    /// Units whose grade a veto forced are not moved and do not count.
    static func applyQuotas(_ scores: inout ScoreTable, order: [Int], grades: [Grade]) -> [QuotaMove] {
        var moves: [QuotaMove] = []
        for (g, grade) in grades.enumerated() {
            guard let q = grade.quotaPercent, g + 1 < grades.count else { continue }
            let allowed = floorDiv(q * Rational(scores.unitCount), 100)
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

    static func floorDiv(_ r: Rational, _ d: Int64) -> Int {
        let v = r.divided(by: Rational(integer: d))!
        return Int(v.numerator / v.denominator)
    }

    /// A unit's value for a points tie-break key (not `metric`), from the checked path's result.
    static func tieValue(_ key: RankingPolicy.TieBreak.Key, _ r: UnitResult, plan: ScoringPlan, precision: Int) -> Rational? {
        switch key {
        case .ballots: return r.ballotPoints.rounded(places: precision)
        case .bonus: return r.bonus.rounded(places: precision)
        case .area(let id):
            return plan.rules.areas.firstIndex { $0.id == id }.map { r.areas[$0].subtotal.rounded(places: precision) }
        case .standard(let id):
            if let i = plan.rules.standards.firstIndex(where: { $0.id == id }) { return r.standards[i].points.rounded(places: precision) }
            if let i = plan.rules.bonuses.firstIndex(where: { $0.id == id }) { return r.bonuses[i].points.rounded(places: precision) }
            if let i = plan.rules.deductions.firstIndex(where: { $0.id == id }) { return r.deductions[i].points.rounded(places: precision) }
            return nil
        case .metric:
            return nil
        }
    }
}
