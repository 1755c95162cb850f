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

    public struct Report: Sendable {
        /// Unit indices, best first.
        public var order: [Int]
        public var tieNotes: [Int: TieNote]
        public var quotaMoves: [QuotaMove]
    }

    /// Ranks `results` in place (setting `rank`, `categoryRank`, `grade`, `movedFrom`).
    public static func rank(_ results: inout [UnitResult], plan: ScoringPlan, table: UnitTable) -> Report {
        let rules = plan.rules
        let precision = rules.ranking.precision
        let breaks = rules.ranking.tieBreak
        // The tie-break values of each unit, computed once.
        let keys: [[Rational?]] = results.map { r in breaks.map { tieValue($0.key, r, plan: plan, table: table, precision: precision) } }

        /// `nil` when tied on everything; else (index of the deciding key or -1 for total, a-before-b).
        func compare(_ a: Int, _ b: Int) -> (key: Int, aFirst: Bool)? {
            if results[a].total != results[b].total { return (-1, results[a].total > results[b].total) }
            for (k, t) in breaks.enumerated() {
                let x = keys[a][k], y = keys[b][k]
                if x == y { continue }
                // A missing value sorts after any present one.
                guard let x else { return (k, false) }
                guard let y else { return (k, true) }
                return (k, t.descending ? x > y : x < y)
            }
            return nil
        }
        let order = results.indices.sorted { a, b in compare(a, b)?.aFirst ?? (a < b) }

        var tieNotes: [Int: TieNote] = [:]
        for (pos, u) in order.enumerated() {
            if pos == 0 { results[u].rank = 1; continue }
            let prev = order[pos - 1]
            let c = compare(prev, u)
            results[u].rank = c == nil ? results[prev].rank : pos + 1
            if results[prev].total == results[u].total {
                if let c { tieNotes[u] = TieNote(above: prev, decision: .decided(index: c.key, mine: keys[u][c.key], theirs: keys[prev][c.key])) }
                else { tieNotes[u] = TieNote(above: prev, decision: .shared) }
            }
        }
        // Within each category, the same order.
        var seen: [String: (count: Int, last: Int)] = [:]
        for u in order {
            let cat = table.units[results[u].unit].category
            if let s = seen[cat] {
                results[u].categoryRank = compare(s.last, u) == nil ? results[s.last].categoryRank : s.count + 1
                seen[cat] = (s.count + 1, u)
            } else {
                results[u].categoryRank = 1
                seen[cat] = (1, u)
            }
        }
        let moves = applyQuotas(&results, order: order, grades: rules.grades)
        return Report(order: order, tieNotes: tieNotes, quotaMoves: moves)
    }

    /// For each grade with a quota, from best to worst: at most ⌊quota% × units⌋ units keep it,
    /// in rank order; a group sharing a rank is kept or moved down whole (never split).
    /// Units whose grade a veto forced are not moved.
    static func applyQuotas(_ results: inout [UnitResult], order: [Int], grades: [Grade]) -> [QuotaMove] {
        var moves: [QuotaMove] = []
        for (g, grade) in grades.enumerated() {
            guard let q = grade.quotaPercent, g + 1 < grades.count else { continue }
            let allowed = floorDiv(q * Rational(results.count), 100)
            let holders = order.filter { results[$0].grade == grade.name && !results[$0].gradeForced }
            var kept = 0, i = 0, full = false
            while i < holders.count {
                var j = i
                while j + 1 < holders.count && results[holders[j + 1]].rank == results[holders[i]].rank { j += 1 }
                if !full && kept + (j - i + 1) <= allowed {
                    kept += j - i + 1
                } else {
                    full = true
                    for u in holders[i...j] {
                        let next = grades[g + 1].name
                        moves.append(QuotaMove(unit: u, from: grade.name, to: next, allowed: allowed, quotaPercent: q))
                        if results[u].movedFrom == nil { results[u].movedFrom = grade.name }
                        results[u].grade = next
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

    static func tieValue(_ key: RankingPolicy.TieBreak.Key, _ r: UnitResult, plan: ScoringPlan, table: UnitTable, precision: Int) -> Rational? {
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
        case .metric(let id):
            return plan.metricIndex[id].flatMap { table.values[$0][r.unit] }
        }
    }
}
