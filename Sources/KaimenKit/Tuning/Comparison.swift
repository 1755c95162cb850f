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

    /// The items of a unit that changed besides its drivers: how many, and their changes added up.
    public struct Rest: Sendable, Equatable {
        public var count = 0
        public var delta = Rational.zero
    }

    /// A change the rules make to many standards at once, and the unit's items it alone moved:
    /// those whose points before weighting are the same under both files, so that the whole of
    /// their change is this cause's.
    public struct Cause: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// `ballots.combine` weights the metrics' and the ballots' parts otherwise (`shares`).
            case weights
            /// The area's standards count × `old` under OLD and × `new` under NEW (its proration
            /// factor × capped / earned when its cap bites).
            case area(id: String, name: String, old: Rational, new: Rational)
        }
        public var kind: Kind
        public var count: Int
        public var delta: Rational
    }

    /// What share of the standards' full marks the metrics' part and the ballots' part hold
    /// under one rules file, in percent (`combine` weighted: its weights; else their points').
    public struct Shares: Sendable, Equatable {
        public var metrics: Rational
        public var ballots: Rational
    }

    /// A grade whose lower bound the new rules move.
    public struct BoundChange: Sendable, Equatable {
        public var grade: String
        public var old: Rational
        public var new: Rational
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
        /// The other changed items, beyond the drivers: with them the drivers add up to the
        /// change in the unrounded total after veto caps.
        public var rest = Rest()
        /// The changes common to many standards that alone moved two or more of its items.
        public var causes: [Cause] = []
        /// When its grade by total changed: the moved lower bounds that lie between where its
        /// total was and is (so that they alone put it in another grade), and whether its total
        /// crossed a bound of either file.
        public var boundsCrossed: [BoundChange] = []
        public var totalCrossedBound = false
        /// When its rank moved and its rounded total did not: the units that were not ahead of
        /// it and now are (their totals moved), and those that were ahead and now are not. A
        /// unit with its total under both files whose order against it flipped is a tie-break's
        /// move instead (`oldTies`, `newTies`).
        public var passedBy = 0
        public var fellBehind = 0
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
    /// The metrics' and ballots' shares under each file, when they differ.
    public var shares: (old: Shares, new: Shares)? = nil
    /// The grades whose lower bound moved, in NEW's grade order.
    public var boundChanges: [BoundChange] = []

    public var gradeChanges: [Move] { moves.filter(\.gradeChanged) }
    public var boundaryCrossings: [Move] { moves.filter(\.crossedGradeBoundary) }
    public var quotaCrossings: [Move] { moves.filter(\.crossedQuotaLine) }
    public var rankChanges: [Move] { moves.filter { $0.rankChange != 0 } }
    /// The rank moves a tie-break made (the rounded total the same, the ties that placed the
    /// unit not), in the new ranking's order.
    /// Units other units' totals passed too are left to `passedMoves` (the tie-break did not move
    /// them alone); their column gives both.
    public var tieMoves: [Move] { moves.filter { !($0.oldTies.isEmpty && $0.newTies.isEmpty) && $0.passedBy + $0.fellBehind == 0 } }
    /// The rank moves of units whose rounded total stayed while others' totals moved past them.
    public var passedMoves: [Move] { moves.filter { $0.passedBy + $0.fellBehind > 0 } }

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
            let why = capped == nil ? explained(a, ra, b, rb) : Explained()
            var move = Move(unit: unit.id, name: unit.name, category: unit.category,
                            oldTotal: ra.total, newTotal: rb.total, oldGrade: ra.grade, newGrade: rb.grade,
                            oldGradeByTotal: ra.gradeByTotal, newGradeByTotal: rb.gradeByTotal,
                            oldRank: ra.rank, newRank: rb.rank, oldCategoryRank: ra.categoryRank, newCategoryRank: rb.categoryRank,
                            oldQuotaMoved: movedA.contains(ua), newQuotaMoved: movedB.contains(u),
                            drivers: why.drivers, vetoCapped: capped, rest: why.rest, causes: why.causes)
            if move.crossedGradeBoundary { (move.boundsCrossed, move.totalCrossedBound) = boundsCrossed(move, a.rules, b.rules) }
            moves.append(move)
            let p = max(a.rules.ranking.precision, b.rules.ranking.precision)
            // Said only when the ties differ: the same ties under both leave another unit's move as the reason.
            if ra.rank != rb.rank, ra.total.formatted(places: p) == rb.total.formatted(places: p) {
                let (oldTies, newTies) = (ties(a, ua), ties(b, u))
                if oldTies != newTies { (moves[moves.count - 1].oldTies, moves[moves.count - 1].newTies) = (oldTies, newTies) }
            }
        }
        passing(&moves, places: max(a.rules.ranking.precision, b.rules.ranking.precision))
        let (sa, sb) = (shares(a.plan), shares(b.plan))
        return Comparison(old: side(a, oldFile), new: side(b, newFile), moves: moves,
                          precision: max(a.rules.ranking.precision, b.rules.ranking.precision),
                          shares: sa == sb ? nil : (sa, sb), boundChanges: boundChanges(a.rules, b.rules))
    }

    /// For each unit whose rank moved and rounded total did not: the units that passed it or fell
    /// behind it, and whether a unit with its total under both files changed order against it
    /// (a tie-break's move; its tie notes are kept only then). Ranks are compared as numbers, so
    /// units sharing a rank are neither ahead nor behind. O(units) per such unit.
    static func passing(_ moves: inout [Move], places: Int) {
        let oldKey = moves.map { $0.oldTotal.formatted(places: places) }, newKey = moves.map { $0.newTotal.formatted(places: places) }
        for i in moves.indices where moves[i].rankChange != 0 && oldKey[i] == newKey[i] {
            var flipped = false, passed = 0, fell = 0
            let (o, n) = (moves[i].oldRank, moves[i].newRank)
            for j in moves.indices where j != i {
                let aheadBefore = moves[j].oldRank < o, aheadAfter = moves[j].newRank < n
                let behindBefore = moves[j].oldRank > o, behindAfter = moves[j].newRank > n
                if oldKey[j] == oldKey[i] && newKey[j] == newKey[i] {
                    if aheadBefore != aheadAfter || behindBefore != behindAfter { flipped = true }
                } else if !aheadBefore && aheadAfter {
                    passed += 1
                } else if aheadBefore && !aheadAfter {
                    fell += 1
                }
            }
            (moves[i].passedBy, moves[i].fellBehind) = (passed, fell)
            if !flipped { (moves[i].oldTies, moves[i].newTies) = ([], []) }
        }
    }

    /// The metrics' and ballots' shares of the total, in percent, as `ScoringPlan.compile` weighs
    /// them: a weighted `combine`'s weights, else the metric standards' points and the ballot
    /// items' maxima over the rules' total points.
    static func shares(_ plan: ScoringPlan) -> Shares {
        let rules = plan.rules
        if case .weighted(let wb, let wm) = rules.ballots.combine { return Shares(metrics: wm, ballots: wb) }
        let metrics = rules.standards.indices.filter { plan.itemOfStandard[$0] == nil }.reduce(Rational.zero) { $0 + rules.standards[$1].points }
        let ballots = plan.items.reduce(Rational.zero) { $0 + $1.max }
        func percent(_ x: Rational) -> Rational { rules.totalPoints.isZero ? .zero : (x * Rational(100)).divided(by: rules.totalPoints)! }
        return Shares(metrics: percent(metrics), ballots: percent(ballots))
    }

    /// The grades (by name) both files have whose lower bound differs.
    static func boundChanges(_ a: Rules, _ b: Rules) -> [BoundChange] {
        b.grades.compactMap { g in
            guard let new = g.min, let old = a.grades.first(where: { $0.name == g.name })?.min, old != new else { return nil }
            return BoundChange(grade: g.name, old: old, new: new)
        }
    }

    /// Why a unit's grade by total changed: the moved bounds that lie between its total and
    /// itself (a bound that alone puts its old or new total on its other side), and whether its
    /// total crossed a bound of either file.
    static func boundsCrossed(_ m: Move, _ a: Rules, _ b: Rules) -> ([BoundChange], Bool) {
        let totals = [m.oldTotal, m.newTotal]
        let moved = boundChanges(a, b).filter { c in totals.contains { ($0 >= c.old) != ($0 >= c.new) } }
        let bounds = (a.grades + b.grades).compactMap(\.min)
        return (moved, bounds.contains { (m.oldTotal >= $0) != (m.newTotal >= $0) })
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

    /// A unit's changed items: the three largest (the drivers), the rest added up, and the causes
    /// common to many standards that alone moved some of them.
    struct Explained {
        var drivers: [Driver] = []
        var rest = Rest()
        var causes: [Cause] = []
    }

    /// Per item id: the change in its contribution to the total (`contributions`), over the
    /// standards, bonuses, deductions and vetoes of both files (an item one file lacks counts 0
    /// there); the three largest changes, and the rest. Over every item the changes add up to the
    /// change in the unrounded total after veto caps, so the drivers and the rest do.
    static func explained(_ a: ScoringSession, _ ra: UnitResult, _ b: ScoringSession, _ rb: UnitResult) -> Explained {
        let before = contributions(a.rules, ra), after = contributions(b.rules, rb)
        // Each item once, in the order first met, with its last name and its change.
        var items: [Driver] = [], at: [String: Int] = [:]
        for (c, added) in before.map({ ($0, false) }) + after.map({ ($0, true) }) {
            let k = at[c.id] ?? items.count
            if k == items.count { at[c.id] = k; items.append(Driver(id: c.id, name: c.name, delta: .zero)) }
            items[k].name = c.name
            if added { items[k].delta += c.points } else { items[k].delta -= c.points }
        }
        let delta = { (id: String) in at[id].map { items[$0].delta } }
        let changed = items.enumerated().filter { !$0.element.delta.isZero }
        let sorted = changed.sorted { x, y in
            let dx = x.element.delta.magnitude, dy = y.element.delta.magnitude
            return dx != dy ? dx > dy : x.offset < y.offset
        }
        var out = Explained()
        out.drivers = sorted.prefix(3).map(\.element)
        var rest: Set<String> = []
        for item in sorted.dropFirst(3) { out.rest.count += 1; out.rest.delta += item.element.delta; rest.insert(item.element.id) }
        // A standard of the rest in both files whose points before weighting stayed: its change is
        // the weight's or its area's scale's, when only one of them moved.
        let scaleA = areaScales(a.rules, ra), scaleB = areaScales(b.rules, rb)
        let indexA = Dictionary(a.rules.standards.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { x, _ in x })
        var weights = Cause(kind: .weights, count: 0, delta: .zero)
        // Each area's cause, in the order first met.
        var areas: [Cause] = [], areaAt: [String: Int] = [:]
        for (j, s) in b.rules.standards.enumerated() {
            guard rest.contains(s.id), let d = delta(s.id), let i = indexA[s.id], ra.standards[i].raw == rb.standards[j].raw,
                  !ra.standards[i].prorated, !rb.standards[j].prorated else { continue }
            let (fa, fb) = (a.plan.factor[i], b.plan.factor[j])
            let (ka, kb) = (scaleA[s.id] ?? .one, scaleB[s.id] ?? .one)
            if fa != fb && ka == kb {
                weights.count += 1
                weights.delta += d
            } else if fa == fb && ka != kb, let area = s.area {
                let k = areaAt[area] ?? areas.count
                if k == areas.count {
                    areaAt[area] = k
                    let name = b.rules.areas.first { $0.id == area }?.name ?? ""
                    areas.append(Cause(kind: .area(id: area, name: name, old: ka, new: kb), count: 0, delta: .zero))
                }
                areas[k].count += 1
                areas[k].delta += d
            }
        }
        out.causes = ([weights] + areas).filter { $0.count >= 2 }
        return out
    }

    /// Per standard id: what its area multiplies its points by (proration × capped / earned).
    static func areaScales(_ rules: Rules, _ r: UnitResult) -> [String: Rational] {
        let areaIndex = Dictionary(rules.areas.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let scale = standardScales(r)
        var out: [String: Rational] = [:]
        for s in rules.standards { if let a = s.area.flatMap({ areaIndex[$0] }) { out[s.id] = scale[a] } }
        return out
    }

    /// `part / whole`, 0 when `whole` is.
    static func ratio(_ part: Rational, _ whole: Rational) -> Rational { whole.isZero ? .zero : (part.divided(by: whole) ?? .zero) }

    /// Per area: what an assessed standard's points are multiplied by.
    static func standardScales(_ r: UnitResult) -> [Rational] {
        r.areas.map { ar in (ar.prorateFactor ?? .one) * ratio(ar.capped, ar.earned) }
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
        let standardScale = standardScales(r)
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

