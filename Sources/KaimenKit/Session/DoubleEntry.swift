/// Double entry (双人录入): a sheet's value counts only once two different operators have
/// typed the same thing; a third entry or a `resolve` settles a disagreement.
///
/// Decided item by item: an item is confirmed when `required` entries (2 with double entry,
/// 1 without) agree on its value (a blank cell is a value too) and no other value has as many
/// entries, or when a resolve names it. Two values with as many entries each (3, 3, 4, 4) are a
/// conflict, whichever was typed first: a later pair of entries can neither flip a confirmed
/// value silently nor be outvoted by the order of the journal. The sheet is confirmed when
/// every item is.
public enum DoubleEntry {
    /// One operator's typing of one sheet.
    public struct Entry: Sendable, Equatable {
        public var seq: Int
        public var by: String
        /// Round 1, then 2 after the first appeal, …: a later round's entries correct the earlier.
        public var round: Int
        /// Item key → score as exact decimal text; `nil` where the cell was left blank.
        public var scores: [String: String?]
    }

    public enum ItemState: Sendable, Equatable {
        case confirmed(String?)
        /// Fewer entries than required so far.
        case pending
        /// Entries disagree and no value has the entries it needs.
        case conflict([String?])
    }

    public enum SheetState: String, Sendable, Equatable {
        case missing, once, confirmed, conflict, void
    }

    public struct Decision: Sendable, Equatable {
        public var state: SheetState
        public var items: [String: ItemState]
        /// The items in the order the rules list them, which the printed sheet follows: `blanks`
        /// and `conflicts` are listed so, as the secretary checks them against the paper (they
        /// were listed by id, `democracy`, `insurance`, …, a secretary's test found).
        public var order: [String] = []
        /// The counted values once confirmed: item → score (blank items left out).
        public var values: [String: String] {
            var v: [String: String] = [:]
            for (k, s) in items { if case .confirmed(let x?) = s { v[k] = x } }
            return v
        }
        /// Items confirmed blank: a cell both operators left empty.
        public var blanks: [String] {
            order.filter { if case .confirmed(nil)? = items[$0] { return true } else { return false } }
        }
        public var conflicts: [String] {
            order.filter { if case .conflict? = items[$0] { return true } else { return false } }
        }
    }

    /// One value an item was typed with, and who typed it.
    public struct Typing: Sendable, Equatable {
        public var value: String?
        public var by: [String]
    }

    /// Item `item`'s values in `entries`, each once in the order first typed, with who typed
    /// it: what a conflict is told with, so that the secretary knows whose typing to check.
    public static func typings(_ entries: [Entry], item: String) -> [Typing] {
        var out: [Typing] = []
        for e in entries {
            let v = e.scores[item] ?? nil
            if let i = out.firstIndex(where: { $0.value == v }) { out[i].by.append(e.by) } else { out.append(Typing(value: v, by: [e.by])) }
        }
        return out
    }

    /// - Parameters:
    ///   - entries: the sheet's entries of its latest round, in journal order, each by a different operator.
    ///   - resolved: item → value settled by `resolve` in that round.
    /// - Parameters:
    ///   - majority: the rule above, which the journals of sessions opened since 0.15.0 name in
    ///     their `open` record (`"agreement": "majority"`). Without it (a session opened before),
    ///     the earlier rule: the first value in journal order to have `required` entries, so a
    ///     sealed session is decided, and verified, as it was when it was sealed.
    public static func decide(_ entries: [Entry], resolved: [String: String?], items: [String], required: Int,
                              majority: Bool = true) -> Decision {
        guard !entries.isEmpty else { return Decision(state: .missing, items: [:]) }
        var states: [String: ItemState] = [:]
        for item in items {
            if let r = resolved[item] { states[item] = .confirmed(r); continue }
            // Each value once, in the order first typed, with who typed it (what a conflict is told with).
            let typed = typings(entries, item: item)
            let most = typed.map(\.by.count).max() ?? 0
            let leaders = typed.filter { $0.by.count == most }.map(\.value)
            // (The first value in journal order to have its entries is the first such in `typed`.)
            if !majority, let first = typed.first(where: { $0.by.count >= required }) {
                states[item] = .confirmed(first.value)
            } else if majority && most >= required && leaders.count == 1 {
                states[item] = .confirmed(leaders[0])
            } else if entries.count < required {
                states[item] = .pending
            } else {
                states[item] = .conflict(typed.map(\.value))
            }
        }
        let all = Array(states.values)
        let state: SheetState = all.contains { if case .conflict = $0 { return true } else { return false } } ? .conflict
            : all.contains(.pending) ? .once : .confirmed
        return Decision(state: state, items: states, order: items)
    }

    /// Two sheets in conflict whose conflicts an exchange of one entry's scores between them
    /// would all settle: that entry's typist most likely put the two rows in each other's place
    /// (a wide file's rows, two sheets; a long file's rows, one standard of two sheets). Or,
    /// since 0.29.5, one sheet (`first` and `second` the same) whose two conflicts an exchange
    /// of that entry's scores of its two standards would settle: two cells of a wide row, or
    /// two rows of a long file, typed in each other's place; since 0.29.6 one such swap for
    /// each pair of a sheet whose conflicts all pair up so (two swaps: four conflicts). Only
    /// said, never acted on: what counts and how it is settled stay as `decide` has them.
    public struct Swap: Sendable, Equatable {
        public var first: ExpectedBallots.Sheet
        public var second: ExpectedBallots.Sheet
        /// The items exchanged, in the rules' order: between two sheets, those either is in
        /// conflict on; within one, its two standards.
        public var items: [String]
        /// How many conflicts the two sheets have together, which the exchange settles.
        public var conflicts: Int
        /// Two standards of one sheet, not two sheets.
        public var withinSheet: Bool { first == second }
    }

    /// The sheets of `sheets` (in conflict, in file order) two by two, of one representative or
    /// of one unit, whose conflicts all vanish when entry `seq` gives each the other's values on
    /// the items either is in conflict on, and, since 0.29.5, the sheets whose two conflicts
    /// vanish when entry `seq` gives each of the two items the other's value (since 0.29.6,
    /// whose conflicts all pair up, in exactly one way, into such exchanges: one swap a pair,
    /// at most ``pairedAtMost`` conflicts); decided as
    /// `decide` decides a sheet from its entries (the session's rule: resolves, majority,
    /// entries required). A sheet that fits more than one such exchange is in none: which it
    /// was is not known.
    public static func swaps(_ sheets: [ExpectedBallots.Sheet], seq: Int, entries: [ExpectedBallots.Sheet: [Entry]],
                             decide: (ExpectedBallots.Sheet, [Entry]) -> Decision) -> [Swap] {
        let decided = Dictionary(sheets.map { s in (s, decide(s, entries[s] ?? [])) }, uniquingKeysWith: { a, _ in a })
        // Every sheet of `sheets` is a key: each pair and swap below is of them, so `order[…]!` holds.
        let order = Dictionary(sheets.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        /// One item of a sheet given, in entry `seq`, the value entry `seq` of `from` gave `item`.
        typealias Take = (item: String, from: ExpectedBallots.Sheet, fromItem: String)
        /// The value entry `seq` of `sheet` gave `item`, as typed (`nil`: blank or no such entry).
        func typed(_ sheet: ExpectedBallots.Sheet, _ item: String) -> String?? {
            entries[sheet]?.first(where: { $0.seq == seq }).map { $0.scores[item] ?? nil }
        }
        /// Whether each take gives its item a value another entry of `sheet` gave it (cheap: a
        /// file in conflict throughout pairs thousands).
        func fits(_ sheet: ExpectedBallots.Sheet, _ takes: [Take]) -> Bool {
            let rest = (entries[sheet] ?? []).filter { $0.seq != seq }
            return takes.allSatisfy { t in
                guard let value = typed(t.from, t.fromItem) else { return false }
                return rest.contains { ($0.scores[t.item] ?? nil) == value }
            }
        }
        /// Whether `sheet`, entry `seq` given the values `takes` say (read before any is
        /// given), is decided without a conflict.
        func settled(_ sheet: ExpectedBallots.Sheet, _ takes: [Take]) -> Bool {
            guard var mine = entries[sheet], let i = mine.firstIndex(where: { $0.seq == seq }) else { return false }
            for t in takes {
                guard let value = typed(t.from, t.fromItem) else { return false }
                mine[i].scores.updateValue(value, forKey: t.item)
            }
            return decide(sheet, mine).conflicts.isEmpty
        }
        var found: [Swap] = []
        // Pairs within a representative's sheets, then within a unit's: never the square of a file.
        let groups = Array(Dictionary(grouping: sheets, by: \.representative).values) + Array(Dictionary(grouping: sheets, by: \.unit).values)
        for group in groups where group.count > 1 {
            for (k, a) in group.enumerated() {
                for b in group[(k + 1)...] {
                    guard let da = decided[a], let db = decided[b], !da.conflicts.isEmpty, !db.conflicts.isEmpty else { continue }
                    // Each sheet's conflicts need the other's typing of them to agree with another entry of its own.
                    guard fits(a, da.conflicts.map { ($0, b, $0) }), fits(b, db.conflicts.map { ($0, a, $0) }) else { continue }
                    let either = Set(da.conflicts + db.conflicts), items = da.order.filter { either.contains($0) }
                    guard settled(a, items.map { ($0, b, $0) }), settled(b, items.map { ($0, a, $0) }) else { continue }
                    let (first, second) = order[a]! < order[b]! ? (a, b) : (b, a)
                    found.append(Swap(first: first, second: second, items: items, conflicts: da.conflicts.count + db.conflicts.count))
                }
            }
        }
        // Standards of one sheet exchanged two by two: every one of its conflicts paired with
        // another, each pair's exchange fitting, and all of them together settling the sheet
        // (since 0.29.6 any number of pairs, two conflicts before); one pair is the one pairing
        // of two conflicts. Said only when exactly one such pairing is found: a conflict left
        // over, or two pairings, and which standards were exchanged is not known.
        var within: [[Swap]] = []
        for s in sheets {
            guard let d = decided[s], !d.conflicts.isEmpty, d.conflicts.count.isMultiple(of: 2), d.conflicts.count <= pairedAtMost else { continue }
            let c = d.conflicts
            func exchange(_ i: Int, _ j: Int) -> [Take] { [(c[i], s, c[j]), (c[j], s, c[i])] }
            // Each conflict's partners after it whose exchange with it fits.
            let partners = c.indices.map { i in ((i + 1) ..< c.count).filter { fits(s, exchange(i, $0)) } }
            var pairings: [[(Int, Int)]] = []
            // The first conflict not yet paired, with each partner in turn; stops at a second pairing.
            func pair(_ left: [Int], _ chosen: [(Int, Int)]) {
                guard pairings.count < 2 else { return }
                guard let i = left.first else {
                    if settled(s, chosen.flatMap { exchange($0.0, $0.1) }) { pairings.append(chosen) }
                    return
                }
                for j in partners[i] where left.contains(j) { pair(left.filter { $0 != i && $0 != j }, chosen + [(i, j)]) }
            }
            pair(Array(c.indices), [])
            guard pairings.count == 1 else { continue }
            within.append(pairings[0].map { Swap(first: s, second: s, items: [c[$0.0], c[$0.1]], conflicts: 2) })
        }
        // A sheet in two fits (a sheet's pairs are one): neither is said. In file order, a
        // sheet's pairs in the rules' order.
        let fitsFound = found.map { [$0] } + within
        var fitsOf: [ExpectedBallots.Sheet: Int] = [:]
        for f in fitsFound { for sheet in Set(f.flatMap { [$0.first, $0.second] }) { fitsOf[sheet, default: 0] += 1 } }
        return fitsFound.filter { $0.allSatisfy { fitsOf[$0.first] == 1 && fitsOf[$0.second] == 1 } }.flatMap { $0 }.enumerated()
            .sorted { (order[$0.element.first]!, $0.offset) < (order[$1.element.first]!, $1.offset) }.map(\.element)
    }

    /// The most conflicts of one sheet paired into exchanges of its standards (six pairs): the
    /// pairings of more grow too fast to try, and a sheet so far from its other entry was not
    /// typed a few cells out of place.
    static let pairedAtMost = 12
}
