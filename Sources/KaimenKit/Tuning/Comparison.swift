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
    public struct VetoCap: Sendable, Equatable {
        public var id: String
        public var name: String
        public var oldCap: Rational
        public var newCap: Rational
    }

    public struct Driver: Sendable, Equatable {
        public var id: String
        public var name: String
        /// New points − old points as they count towards the total (a deduction's are negative).
        public var delta: Rational
    }

    /// How a unit's place against another with the same rounded total was decided under one
    /// rules file: the ranking's own tie note (`Ranker.TieNote`), named and valued as the
    /// summary's tie notes are, never decided again here.
    public struct Tie: Sendable, Equatable {
        /// The unit ranked ahead, and the one behind (one of them is the move's unit).
        public var ahead: String
        public var behind: String
        /// The tie-break that decided it, and its name as the tie notes say it (`“安全生产”得分`);
        /// nil when every tie-break was equal too and the two share a rank.
        public var by: RankingPolicy.TieBreak?
        public var name: Localized?
        /// The two values it compared, the one ahead first, as the tie notes write them.
        public var aheadValue: String = ""
        public var behindValue: String = ""
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
        /// The (at most three) items that moved it most, largest change first; none when a
        /// veto caps the unit under both files (`vetoCapped`).
        public var drivers: [Driver]
        /// The veto whose cap sets the unit's total under both files, and the caps: its standards'
        /// changes do not reach the total then, and as drivers they read as if the veto had
        /// given points (a tuner's reading).
        public var vetoCapped: VetoCap? = nil
        /// When the rank moved, the rounded total did not, and the ties that placed the unit
        /// (against the unit above or below it with the same total) differ: those under old and
        /// under new.
        public var oldTies: [Tie] = []
        public var newTies: [Tie] = []

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
    /// The rank moves a tie-break made (the rounded total the same, the ties that placed the
    /// unit not), in the new ranking's order.
    public var tieMoves: [Move] { moves.filter { !($0.oldTies.isEmpty && $0.newTies.isEmpty) } }

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
            var capped: VetoCap?
            if let (va, ca) = cappingVeto(a.rules, ra), let (vb, cb) = cappingVeto(b.rules, rb), a.rules.vetoes[va].id == b.rules.vetoes[vb].id {
                capped = VetoCap(id: b.rules.vetoes[vb].id, name: b.rules.vetoes[vb].name, oldCap: ca, newCap: cb)
            }
            moves.append(Move(unit: unit.id, name: unit.name, category: unit.category,
                              oldTotal: ra.total, newTotal: rb.total, oldGrade: ra.grade, newGrade: rb.grade,
                              oldGradeByTotal: ra.gradeByTotal, newGradeByTotal: rb.gradeByTotal,
                              oldRank: ra.rank, newRank: rb.rank, oldCategoryRank: ra.categoryRank, newCategoryRank: rb.categoryRank,
                              oldQuotaMoved: movedA.contains(ua), newQuotaMoved: movedB.contains(u),
                              drivers: capped == nil ? drivers(a, ra, b, rb) : [], vetoCapped: capped))
            let p = max(a.rules.ranking.precision, b.rules.ranking.precision)
            // Said only when the ties differ: the same ties under both leave another unit's move as the reason.
            if ra.rank != rb.rank, ra.total.formatted(places: p) == rb.total.formatted(places: p) {
                let (oldTies, newTies) = (ties(a, ua), ties(b, u))
                if oldTies != newTies { (moves[moves.count - 1].oldTies, moves[moves.count - 1].newTies) = (oldTies, newTies) }
            }
        }
        return Comparison(old: side(a, oldFile), new: side(b, newFile), moves: moves,
                          precision: max(a.rules.ranking.precision, b.rules.ranking.precision))
    }

    /// The ranking's tie notes about unit `u`: against the unit above it, and the unit below.
    static func ties(_ s: ScoringSession, _ u: Int) -> [Tie] {
        func tie(_ note: Ranker.TieNote, ahead: Int, behind: Int) -> Tie {
            var t = Tie(ahead: s.table.units[ahead].id, behind: s.table.units[behind].id)
            if case .decided(let index, let mine, let theirs) = note.decision, index >= 0 {
                let by = s.rules.ranking.tieBreak[index]
                t.by = by
                t.name = Localized(zh: RulesTable.tieBreakText(by, rules: s.rules, lang: .zh, withOrder: false, quoted: true),
                                   en: RulesTable.tieBreakText(by, rules: s.rules, lang: .en, withOrder: false, quoted: true))
                (t.aheadValue, t.behindValue) = RulesTable.tieValueTexts(by, theirs, mine, rules: s.rules)
            }
            return t
        }
        var out: [Tie] = []
        if let note = s.ranking.tieNote(u) { out.append(tie(note, ahead: note.above, behind: u)) }
        if let (below, note) = s.ranking.noteBelow(u) { out.append(tie(note, ahead: u, behind: below)) }
        return out
    }

    /// Per item id: the change in its contribution to the total (`contributions`), over the
    /// standards, bonuses, deductions and vetoes of both files (an item one file lacks counts 0
    /// there); the three largest changes. Over every item the changes add up to the change in the
    /// unrounded total after veto caps.
    static func drivers(_ a: ScoringSession, _ ra: UnitResult, _ b: ScoringSession, _ rb: UnitResult) -> [Driver] {
        let before = contributions(a.rules, ra), after = contributions(b.rules, rb)
        var order: [String] = [], names: [String: String] = [:], delta: [String: Rational] = [:]
        for c in before { if delta[c.id] == nil { order.append(c.id) }; names[c.id] = c.name; delta[c.id, default: .zero] -= c.points }
        for c in after { if delta[c.id] == nil { order.append(c.id) }; names[c.id] = c.name; delta[c.id, default: .zero] += c.points }
        let changed = order.enumerated().filter { !delta[$0.element]!.isZero }
        let sorted = changed.sorted { x, y in
            let dx = delta[x.element]!.magnitude, dy = delta[y.element]!.magnitude
            return dx != dy ? dx > dy : x.offset < y.offset
        }
        return sorted.prefix(3).map { Driver(id: $0.element, name: names[$0.element]!, delta: delta[$0.element]!) }
    }

    /// What each item contributes to unit result `r`'s total, so that the contributions add up
    /// to the unrounded total after veto caps (`exactTotal`, capped by the vetoes that hold):
    /// - a standard: its (weighted) points × its area's proration factor, × capped / earned
    ///   when the area's cap bites (the cap shared in proportion); a prorated standard 0;
    /// - a deduction: −its points, × deducted / (the area's deductions) when they exceed what
    ///   the area has left;
    /// - a bonus item: its points, × bonus / (the bonus items' sum) when `bonusCap` bites;
    /// - a veto: what its `capTotal` takes off the total (only the lowest cap of those that hold).
    static func contributions(_ rules: Rules, _ r: UnitResult) -> [(id: String, name: String, points: Rational)] {
        var out: [(id: String, name: String, points: Rational)] = []
        let areaIndex = Dictionary(rules.areas.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        func ratio(_ part: Rational, _ whole: Rational) -> Rational { whole.isZero ? .zero : (part.divided(by: whole) ?? .zero) }
        // Per area: what an assessed standard's points are multiplied by.
        let standardScale: [Rational] = r.areas.map { ar in (ar.prorateFactor ?? .one) * ratio(ar.capped, ar.earned) }
        for (s, res) in zip(rules.standards, r.standards) {
            let scale = s.area.flatMap { areaIndex[$0] }.map { standardScale[$0] } ?? .one
            out.append((s.id, s.name, res.prorated ? .zero : res.points * scale))
        }
        // Per area: the deductions' sum, and the share of it taken off.
        var deductionSum = Array(repeating: Rational.zero, count: r.areas.count)
        for (d, res) in zip(rules.deductions, r.deductions) {
            if let a = d.area.flatMap({ areaIndex[$0] }) { deductionSum[a] += res.points }
        }
        for (d, res) in zip(rules.deductions, r.deductions) {
            let scale = d.area.flatMap { areaIndex[$0] }.map { ratio(r.areas[$0].deducted, deductionSum[$0]) } ?? .one
            out.append((d.id, d.name, .zero - res.points * scale))
        }
        let bonusScale = ratio(r.bonus, r.bonusEarned)
        for (bItem, res) in zip(rules.bonuses, r.bonuses) { out.append((bItem.id, bItem.name, res.points * bonusScale)) }
        if let (v, cap) = cappingVeto(rules, r) {
            out.append((rules.vetoes[v].id, rules.vetoes[v].name, cap - r.exactTotal))
        }
        return out
    }

    /// The veto whose cap lowers `r`'s total (the lowest cap of those that hold, if it is below
    /// the total), and the cap.
    static func cappingVeto(_ rules: Rules, _ r: UnitResult) -> (index: Int, cap: Rational)? {
        guard let (v, cap) = r.vetoes.compactMap({ v in rules.vetoes[v].capTotal.map { (v, $0) } }).min(by: { $0.1 < $1.1 }),
              cap < r.exactTotal else { return nil }
        return (v, cap)
    }
}

