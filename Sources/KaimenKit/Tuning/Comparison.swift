/// The same units scored under two rules files (or under one, before and after a what-if
/// value): each unit's total, grade and ranks under both, what changed, and the standards
/// that moved it most. Both sides come from the one scoring path (`ScoringSession`).
public struct Comparison: Sendable {
    public struct Side: Sendable {
        public var id: String
        public var version: String
        public var title: String
        public var file: String
    }

    /// A standard (or bonus or deduction item) whose points changed for a unit.
    public struct Driver: Sendable, Equatable {
        public var id: String
        public var name: String
        /// New points − old points as they count towards the total (a deduction's are negative).
        public var delta: Rational
    }

    public struct Move: Sendable, Equatable {
        public var unit: String
        public var name: String
        public var category: String
        public var oldTotal: Rational
        public var newTotal: Rational
        public var oldGrade: String
        public var newGrade: String
        /// The grades by total alone, before quotas.
        public var oldGradeByTotal: String
        public var newGradeByTotal: String
        public var oldRank: Int
        public var newRank: Int
        public var oldCategoryRank: Int
        public var newCategoryRank: Int
        /// A quota moved the unit down under old / new.
        public var oldQuotaMoved: Bool
        public var newQuotaMoved: Bool
        /// The (at most three) items that moved it most, largest change first.
        public var drivers: [Driver]

        public var totalChange: Rational { newTotal - oldTotal }
        /// Positive when the unit moved up (its rank number fell).
        public var rankChange: Int { oldRank - newRank }
        public var gradeChanged: Bool { oldGrade != newGrade }
        /// Its total alone puts it in another grade.
        public var crossedGradeBoundary: Bool { oldGradeByTotal != newGradeByTotal }
        /// A quota moved it down in one run and not in the other.
        public var crossedQuotaLine: Bool { oldQuotaMoved != newQuotaMoved }
    }

    public var old: Side
    public var new: Side
    /// In the new ranking's order.
    public var moves: [Move]
    public var precision: Int

    public var gradeChanges: [Move] { moves.filter(\.gradeChanged) }
    public var boundaryCrossings: [Move] { moves.filter(\.crossedGradeBoundary) }
    public var quotaCrossings: [Move] { moves.filter(\.crossedQuotaLine) }
    public var rankChanges: [Move] { moves.filter { $0.rankChange != 0 } }

    /// The largest rank moves, up or down, at most `limit`, largest first (ties by new rank).
    public func largestRankMoves(_ limit: Int = 3) -> [Move] {
        Array(rankChanges.sorted { abs($0.rankChange) != abs($1.rankChange) ? abs($0.rankChange) > abs($1.rankChange) : $0.newRank < $1.newRank }
            .prefix(limit))
    }

    /// Compares two finished runs over the same units file.
    public static func compare(_ a: ScoringSession, _ b: ScoringSession, oldFile: String, newFile: String) -> Comparison {
        func side(_ s: ScoringSession, _ file: String) -> Side {
            Side(id: s.rules.metadata.id, version: s.rules.metadata.version, title: s.rules.metadata.title, file: file)
        }
        let movedA = Set(a.ranking.quotaMoves.map(\.unit)), movedB = Set(b.ranking.quotaMoves.map(\.unit))
        var moves: [Move] = []
        for u in b.ranking.order {
            let unit = b.table.units[u]
            guard let ua = a.table.index(ofUnit: unit.id) else { continue }
            let ra = a.results[ua], rb = b.results[u]
            moves.append(Move(unit: unit.id, name: unit.name, category: unit.category,
                              oldTotal: ra.total, newTotal: rb.total, oldGrade: ra.grade, newGrade: rb.grade,
                              oldGradeByTotal: ra.gradeByTotal, newGradeByTotal: rb.gradeByTotal,
                              oldRank: ra.rank, newRank: rb.rank, oldCategoryRank: ra.categoryRank, newCategoryRank: rb.categoryRank,
                              oldQuotaMoved: movedA.contains(ua), newQuotaMoved: movedB.contains(u),
                              drivers: drivers(a, ra, b, rb)))
        }
        return Comparison(old: side(a, oldFile), new: side(b, newFile), moves: moves,
                          precision: max(a.rules.ranking.precision, b.rules.ranking.precision))
    }

    /// Per item id: the change in points, over the standards, bonuses and deductions of both
    /// files (an item one file lacks counts 0 there); the three largest changes.
    static func drivers(_ a: ScoringSession, _ ra: UnitResult, _ b: ScoringSession, _ rb: UnitResult) -> [Driver] {
        func items(_ s: ScoringSession, _ r: UnitResult) -> [(id: String, name: String, points: Rational)] {
            zip(s.rules.standards, r.standards).map { ($0.id, $0.name, $1.prorated ? .zero : $1.points) }
                + zip(s.rules.bonuses, r.bonuses).map { ($0.id, $0.name, $1.points) }
                + zip(s.rules.deductions, r.deductions).map { ($0.id, $0.name, .zero - $1.points) }
        }
        let before = items(a, ra), after = items(b, rb)
        var order: [String] = [], names: [String: String] = [:], delta: [String: Rational] = [:]
        for (id, name, p) in before { if delta[id] == nil { order.append(id) }; names[id] = name; delta[id, default: .zero] -= p }
        for (id, name, p) in after { if delta[id] == nil { order.append(id) }; names[id] = name; delta[id, default: .zero] += p }
        let changed = order.enumerated().filter { !delta[$0.element]!.isZero }
        let sorted = changed.sorted { x, y in
            let dx = delta[x.element]!.magnitude, dy = delta[y.element]!.magnitude
            return dx != dy ? dx > dy : x.offset < y.offset
        }
        return sorted.prefix(3).map { Driver(id: $0.element, name: names[$0.element]!, delta: delta[$0.element]!) }
    }
}

