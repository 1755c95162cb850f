/// Where a session stands, replayed from its journal: open, closed or reopened by an appeal;
/// every sheet's entries, resolves and voids; the seals.
public struct SessionState: Sendable {
    public enum Phase: String, Sendable {
        /// Entering ballots.
        case open
        /// Sealed; only `appeal`, `status` and `verify` apply.
        case closed
        /// Reopened by an appeal for some units: corrections to their sheets may be entered.
        case reopened
    }

    public typealias Sheet = ExpectedBallots.Sheet

    public struct VoidSheet: Sendable, Equatable {
        public var seq: Int
        public var by: String
        public var reason: String
        /// The round it was declared in: an appeal's round may enter the sheet again, and its
        /// entries then decide the sheet (a void is a decision of its round, as an entry is).
        public var round = 1
    }

    public private(set) var phase = Phase.open
    /// 1, then 2 after the first appeal, …
    public private(set) var round = 1
    /// The units open for correction in this round (empty in round 1).
    public private(set) var appealedUnits: [String] = []
    /// Every appeal: its record.
    public private(set) var appeals: [JournalRecord] = []
    public private(set) var entries: [Sheet: [DoubleEntry.Entry]] = [:]
    /// Sheet → round → item → value set by `resolve`.
    public private(set) var resolves: [Sheet: [Int: [String: String?]]] = [:]
    public private(set) var voids: [Sheet: VoidSheet] = [:]
    public private(set) var seals: [JournalRecord] = []
    /// Files that have been entered: their hash → the entry records' seqs.
    public private(set) var files: [String: [Int]] = [:]
    public let doubleEntry: Bool
    /// Whether the journal's `open` record names the majority rule (`DoubleEntry.decide`):
    /// sessions opened since 0.15.0. Earlier ones are decided by the rule they were sealed under.
    public private(set) var majority = false
    /// The assessment period the opening record gives (`init --period`, since 0.29.4).
    public private(set) var period: String? = nil

    public init(records: [JournalRecord], doubleEntry: Bool) {
        self.doubleEntry = doubleEntry
        for r in records { apply(r) }
    }

    public mutating func apply(_ r: JournalRecord) {
        let c = r.content
        switch r.kind {
        case .open:
            majority = c["agreement"]?.stringValue == "majority"
            period = c["period"]?.stringValue
        case .recovered: break
        case .entry:
            let round = c["round"]?.intValue ?? 1
            for s in c["sheets"]?.arrayValue ?? [] {
                guard let rep = s["representative"]?.stringValue, let unit = s["unit"]?.stringValue else { continue }
                var scores: [String: String?] = [:]
                for (k, v) in s["scores"]?.objectValue ?? [:] { scores[k] = v.stringValue }
                entries[Sheet(representative: rep, unit: unit), default: []].append(.init(seq: r.seq, by: r.by, round: round, scores: scores))
            }
            if let hash = c["sha256"]?.stringValue { files[hash, default: []].append(r.seq) }
            // Since 0.23.0 also by its text, so that the same file saved again is found too.
            if let text = c["text"]?.stringValue, text != c["sha256"]?.stringValue { files[text, default: []].append(r.seq) }
        case .resolve:
            guard let rep = c["representative"]?.stringValue, let unit = c["unit"]?.stringValue,
                  let item = c["standard"]?.stringValue else { return }
            resolves[Sheet(representative: rep, unit: unit), default: [:]][c["round"]?.intValue ?? 1, default: [:]][item] = .some(c["score"]?.stringValue)
        case .void:
            guard let rep = c["representative"]?.stringValue, let unit = c["unit"]?.stringValue else { return }
            voids[Sheet(representative: rep, unit: unit)] = VoidSheet(seq: r.seq, by: r.by, reason: c["reason"]?.stringValue ?? "", round: round)
        case .seal:
            seals.append(r)
            phase = .closed
            appealedUnits = []
        case .appeal:
            appeals.append(r)
            if phase == .closed { round += 1 }
            phase = .reopened
            if let u = c["unit"]?.stringValue, !appealedUnits.contains(u) { appealedUnits.append(u) }
        }
    }

    /// The entries that decide a sheet: those of its latest round.
    public func currentEntries(_ sheet: Sheet) -> [DoubleEntry.Entry] {
        let all = entries[sheet] ?? []
        guard let last = all.map(\.round).max() else { return [] }
        return all.filter { $0.round == last }
    }

    /// The sheet's void, when it still holds: declared in this round, or in a round after its
    /// latest entries.
    public func void(_ sheet: Sheet) -> VoidSheet? {
        guard let v = voids[sheet] else { return nil }
        let entered = currentEntries(sheet).first?.round ?? 0
        return entered > v.round ? nil : v
    }

    public func decision(_ sheet: Sheet, items: [String]) -> DoubleEntry.Decision {
        decision(sheet, items: items, entries: currentEntries(sheet))
    }

    /// The sheet's decision were its current entries `current` (`DoubleEntry.swaps` asks what
    /// one entry's scores exchanged between two sheets would decide).
    func decision(_ sheet: Sheet, items: [String], entries current: [DoubleEntry.Entry]) -> DoubleEntry.Decision {
        if void(sheet) != nil { return DoubleEntry.Decision(state: .void, items: [:]) }
        let round = current.first?.round ?? 1
        return DoubleEntry.decide(current, resolved: resolves[sheet]?[round] ?? [:], items: items, required: doubleEntry ? 2 : 1, majority: majority)
    }

    /// The next sealed result's version: 1, then 2 after an appeal, …
    public var nextVersion: Int { seals.count + 1 }
}
