import Foundation

/// `session enter`: one typed file becomes one journal record, or nothing at all.
extension SessionFolder {
    public struct EntryOutcome: Sendable {
        /// The record appended; `nil` when the file held nothing new.
        public var record: JournalRecord?
        /// Sheets this operator had already entered with the same values.
        public var unchanged: [ExpectedBallots.Sheet]
        /// Each recorded sheet's state after the entry.
        public var decisions: [(sheet: ExpectedBallots.Sheet, decision: DoubleEntry.Decision)]
        /// Each recorded sheet's entries after this one (what its decision was made from): who
        /// typed each value of a conflict.
        public var entries: [ExpectedBallots.Sheet: [DoubleEntry.Entry]] = [:]
        /// Rows that gave no score at all: not entered (`TypedSheets.untyped`).
        public var untyped: [ExpectedBallots.Sheet] = []
        /// The spreadsheet row of each of `untyped`, where the file has one.
        public var untypedRows: [Int?] = []
        /// The recorded sheets' cells left blank in this file, item keys in the rules' order:
        /// taken as not scored, which a cell skipped in typing would be too.
        public var blankCells: [(sheet: ExpectedBallots.Sheet, items: [String])] = []
        /// What the reader noted without refusing the file (a file read as GB18030, …).
        public var warnings: [Diagnostic] = []
        /// With `differentPerson`: the other operators whose names look like this one's, as
        /// recorded (`differentFrom`): the name and their first entry of these sheets.
        public var toldApart: [(by: String, seq: Int)] = []
    }

    public var state: SessionState { SessionState(records: journal.records, doubleEntry: doubleEntry) }

    /// Checks `data` completely and records it; throws every problem, recording nothing.
    /// - Parameter identical: the file is byte for byte one another operator entered in this
    ///   round, and that is so (two typists typed alike); without it such a file is refused.
    /// - Parameter differentPerson: `by` and the name of another operator who entered the same
    ///   sheets in this round look alike (one holds the other: `甲`, `录入员甲`), and they are two
    ///   people all the same; without it such an entry is refused (`operator-near-miss`).
    public func enter(_ data: Data, fileName: String, by: String, identical: Bool = false,
                      differentPerson: Bool = false) throws(SessionError) -> EntryOutcome {
        try Self.checkOperator(by)
        let state = self.state
        if state.phase == .closed {
            throw .problems([.error("session-closed", SessionMessages.closedNoEntry, hint: SessionMessages.closedNoEntryHint)])
        }
        let typed = TypedSheets.read(data, fileName: fileName, setup: setup)
        var diagnostics = typed.diagnostics
        // The lines with an error of the reader's: the header's (line 1) stands for every sheet.
        let errorLines = Set(diagnostics.filter { $0.severity == .error }.compactMap { $0.location?.line })
        var fresh: [TypedSheets.Sheet] = [], unchanged: [ExpectedBallots.Sheet] = []
        // The journal keeps `by` as `Echo.visible` made it: compared the same way, and as one
        // person however spaced, wide or capitalised (`录入员　甲`, `录入员甲`; `Zhang`, `zhang`),
        // so that one operator cannot confirm their own typing under a second spelling.
        let me = Self.operatorKey(Echo.visible(by))
        /// This operator's entries of `sheet` in this round.
        func mine(_ sheet: ExpectedBallots.Sheet) -> [DoubleEntry.Entry] {
            state.currentEntries(sheet).filter { Self.operatorKey($0.by) == me && $0.round == state.round }
        }
        // After an appeal, the sheets of units not reopened: said once for the file (the whole
        // typed file entered again gave one error per sheet, and no word of what to keep).
        var notAppealed: [TypedSheets.Sheet] = []
        for s in typed.sheets {
            // A void of this round stands; one of an earlier round gives way to an appeal's entries.
            if let v = state.void(s.sheet), v.round == state.round {
                diagnostics.append(.error("sheet-void", SessionMessages.sheetVoid(s.sheet), at: s.location, hint: SessionMessages.sheetVoidHint))
                continue
            }
            if state.phase == .reopened && !state.appealedUnits.contains(s.sheet.unit) {
                notAppealed.append(s)
                continue
            }
            // A sheet read with a problem of its own (a header naming no standard, a bad cell in
            // its row) is not compared with the operator's earlier entries: every sheet read
            // without that column differed, and 57 `same-operator` errors buried the one that
            // mattered (a secretary's trial). Nothing is recorded either way; the others are.
            let misread = errorLines.contains(1) || errorLines.contains(s.location.line)
            if let earlier = mine(s.sheet).first, !misread {
                // Item by item (a journal written before blanks were kept as `null` leaves them out).
                if setup.expected.items.allSatisfy({ (earlier.scores[$0] ?? nil) == (s.scores[$0] ?? nil) }) {
                    unchanged.append(s.sheet)
                } else {
                    let others = state.currentEntries(s.sheet).contains { Self.operatorKey($0.by) != me && $0.round == state.round }
                    diagnostics.append(.error("same-operator", SessionMessages.sameOperator(s.sheet, by: by, seq: earlier.seq), at: s.location,
                                              hint: SessionMessages.sameOperatorHint(doubleEntry: doubleEntry, othersEntered: others)))
                }
                continue
            }
            fresh.append(s)
        }
        // A name that holds another operator's, or is held in it, once both are compared as
        // `operatorKey` makes them (`甲` and `录入员甲`), is most likely one person under two
        // names, whose second entry would confirm the sheets on one person's typing (a
        // secretary's test). Refused before anything is recorded: once recorded, a third
        // typist's other value would be outvoted two to one. Two people whose names do hold
        // each other (张伟, 张伟华) say so with `differentPerson`. Compared with the operators of
        // the same sheets in this round only, whose entries decide them with this one; not in
        // replay, which a journal written before must pass as it did.
        // Said with the file's other problems, and after a same-file refusal, which it often joins.
        // With `differentPerson` the entry is recorded, and its record names the entries of the
        // operators whose names it was told apart from (`differentFrom`), so that an auditor
        // reading the journal sees the override, not just two names alike.
        let near = doubleEntry ? Self.nearOperators(me, sheets: fresh.map(\.sheet), state: state) : []
        let nearMiss: [Diagnostic] = differentPerson ? [] : near.map { n in
            .error("operator-near-miss", SessionMessages.operatorNearMiss(by: by, other: n.by, seq: n.seq, sheets: n.sheets),
                   path: "--by", hint: SessionMessages.operatorNearMissHint)
        }
        if let first = notAppealed.first {
            // At the unit's cell: the unit is what was not reopened.
            diagnostics.append(.error("sheet-not-appealed", notAppealed.count == 1
                ? SessionMessages.notAppealed(first.sheet, appealed: state.appealedUnits)
                : SessionMessages.notAppealed(notAppealed.map(\.sheet), appealed: state.appealedUnits), at: first.unitLocation,
                hint: SessionMessages.notAppealedHint(state.appealedUnits)))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw .problems(Diagnostics.sortedList(diagnostics + nearMiss)) }
        // A row left blank whose sheet this operator entered from another file in this round is
        // no sheet missing (a secretary's test entered the template's groups 3–4 after 1–2, and
        // was told that 33 sheets entered before were not, and to void them).
        let notEntered = typed.untyped.filter { u in
            mine(u.sheet).isEmpty
        }
        let untyped = notEntered.map(\.sheet), untypedRows = notEntered.map { $0.location.cell?.row }
        guard !fresh.isEmpty else {
            return EntryOutcome(record: nil, unchanged: unchanged, decisions: [], untyped: untyped, untypedRows: untypedRows, warnings: diagnostics)
        }
        let sheets: [JSONOut] = fresh.map { s in
            var o: [String: JSONOut] = [
                "representative": .string(s.sheet.representative), "unit": .string(s.sheet.unit),
                "scores": .object(s.scores.mapValues { $0.map(JSONOut.string) ?? .null }),
            ]
            if state.round > 1 {
                let corrected = (state.entries[s.sheet] ?? []).filter { $0.round < state.round }.map(\.seq)
                o["corrects"] = .array(corrected.map { .num($0) })
            }
            return .object(o)
        }
        // The same bytes already entered by someone else: most likely one file entered twice,
        // which would confirm every sheet on one person's typing. Two typists can type a
        // template alike to the byte: `identical` says so, and the record names the twin.
        // (Single entry: one entry confirms, and a second one of the same bytes only agrees.)
        // The entries of these bytes, as the state indexes them (`SessionState.files`).
        // Since 0.23.0 the same text too: the file saved again by Excel (CRLF line ends, GB18030)
        // has other bytes, and was taken for a second typist's work (a secretary's test).
        let seqs = (state.files[typed.sha256] ?? []) + (typed.textHash.flatMap { state.files[$0] } ?? [])
        let twin = !doubleEntry ? nil : seqs.lazy
            .compactMap { seq in self.journal.records.first { $0.seq == seq } }
            .first { r in Self.operatorKey(r.by) != me && (r.content["round"]?.intValue ?? 1) == state.round }
        if !identical, let twin {
            let file = PathText.lastComponent(fileName), earlier = twin.content["file"]?.stringValue ?? ""
            let bytes = twin.content["sha256"]?.stringValue == typed.sha256
            throw .problems([.error("same-file", bytes ? SessionMessages.sameFile(file: file, seq: twin.seq, by: twin.by, earlierFile: earlier)
                                                       : SessionMessages.sameText(file: file, seq: twin.seq, by: twin.by, earlierFile: earlier),
                                    path: "--identical",
                                    hint: typed.sheets.count <= 3 ? SessionMessages.sameFileFewSheetsHint(typed.sheets.count) : SessionMessages.sameFileHint)]
                            + nearMiss)
        }
        if !nearMiss.isEmpty { throw .problems(nearMiss) }
        var content: [String: JSONOut] = [
            "file": .string(PathText.lastComponent(fileName)), "sha256": .string(typed.sha256), "round": .num(state.round),
            "sheets": .array(sheets),
        ]
        if let twin { content["identical"] = .num(twin.seq) }
        if differentPerson && !near.isEmpty { content["differentFrom"] = .array(near.map(\.seq).sorted().map { .num($0) }) }
        if let text = typed.textHash { content["text"] = .string(text) }
        let record = try journal.append(.entry, by: by, content: .object(content))
        let after = self.state
        let decisions = fresh.map { ($0.sheet, after.decision($0.sheet, items: setup.expected.items)) }
        // Two of this file's rows typed in each other's place, or two standards of one of its
        // sheets: said once for the pair, beside the conflicts it explains (which stay
        // conflicts, settled as any other).
        let conflicting = decisions.filter { $0.1.state == .conflict }.map(\.0)
        let typedAs = Dictionary(fresh.map { ($0.sheet, $0) }, uniquingKeysWith: { a, _ in a })
        let swaps = DoubleEntry.swaps(conflicting, seq: record.seq, entries: Dictionary(conflicting.map { ($0, after.currentEntries($0)) }, uniquingKeysWith: { a, _ in a }),
                                      decide: { after.decision($0, items: setup.expected.items, entries: $1) })
        let itemNames = swaps.contains(where: \.withinSheet) ? BallotItem.names(of: setup.rules) : [:]
        for swap in swaps {
            guard let a = typedAs[swap.first], let b = typedAs[swap.second] else { continue }
            if swap.withinSheet {
                let cells = swap.items.compactMap { a.itemLocations[$0] }
                guard cells.count == 2 else { continue }
                diagnostics.append(.warning("entry-standards-swapped",
                                            SessionMessages.standardsSwapped(swap, cells: (cells[0], cells[1]), long: a.long,
                                                                             names: swap.items.map { itemNames[$0] ?? $0 }),
                                            at: cells[0], hint: SessionMessages.standardsSwappedHint))
                continue
            }
            let at = a.long ? swap.items.first.flatMap { a.itemLocations[$0] } ?? a.location : a.location
            diagnostics.append(.warning("entry-rows-swapped", SessionMessages.rowsSwapped(swap, rows: (a.rows(of: swap.items), b.rows(of: swap.items))),
                                        at: at, hint: SessionMessages.rowsSwappedHint))
        }
        return EntryOutcome(record: record, unchanged: unchanged,
                            decisions: decisions,
                            entries: Dictionary(fresh.map { ($0.sheet, after.currentEntries($0.sheet)) }, uniquingKeysWith: { a, _ in a }),
                            untyped: untyped, untypedRows: untypedRows,
                            blankCells: fresh.compactMap { s in
                                let blank = setup.expected.items.filter { (s.scores[$0] ?? nil) == nil }
                                return blank.isEmpty ? nil : (s.sheet, blank)
                            },
                            warnings: diagnostics, toldApart: differentPerson ? near.map { ($0.by, $0.seq) } : [])
    }

    /// The other operators of `sheets` in this round whose names, compared as `operatorKey`
    /// makes them, hold `me` or are held in it (`录入员甲` for `甲`), in the order they first
    /// entered: the name as recorded, their first entry of these sheets, how many of them
    /// they entered. A name made of marks only (an empty key) is held in every name: not compared.
    static func nearOperators(_ me: String, sheets: [ExpectedBallots.Sheet], state: SessionState) -> [(by: String, seq: Int, sheets: Int)] {
        guard !me.isEmpty else { return [] }
        var found: [String: (by: String, seq: Int, sheets: Int)] = [:]
        for sheet in sheets {
            var seen: Set<String> = []
            for e in state.currentEntries(sheet) where e.round == state.round {
                let key = operatorKey(e.by)
                guard key != me, !key.isEmpty, key.contains(me) || me.contains(key), !Self.numbered(key, me),
                      seen.insert(key).inserted else { continue }
                let before = found[key]
                found[key] = (before?.by ?? e.by, min(before?.seq ?? e.seq, e.seq), (before?.sheets ?? 0) + 1)
            }
        }
        return found.values.sorted { $0.seq < $1.seq }
    }

    /// Whether one name is the other with digits added (`录入员1` and `录入员12`, `typist1` and
    /// `typist10`): numbered operators, not one person written two ways.
    static func numbered(_ a: String, _ b: String) -> Bool {
        let (long, short) = a.count > b.count ? (a, b) : (b, a)
        guard let r = long.range(of: short) else { return false }
        return (long[..<r.lowerBound] + long[r.upperBound...]).allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// An operator's name as the same-operator check compares it: full-width letters and
    /// digits made half-width, every space (ideographic and no-break included), every invisible
    /// format character (a zero-width space, a joiner) and, since 0.23.0 (`marks`), every
    /// punctuation mark and symbol removed (`录入员甲。` or `录入员-甲` is `录入员甲`: a stray
    /// full stop made one typist two, and confirmed every sheet on one person's typing), and
    /// lowercase. `marks: false` is the key of a session opened by 0.22.0, for its replay.
    static func operatorKey(_ name: String, marks: Bool = true) -> String {
        let kept = name.unicodeScalars.filter { c in
            switch c.properties.generalCategory {
            case .format: return false
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                 .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
                return !marks
            default: return true
            }
        }
        return UnitMatcher.normalized(String(String.UnicodeScalarView(kept))).removingBlanks().lowercased()
    }
}
