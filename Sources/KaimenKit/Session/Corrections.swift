import Foundation

/// `resolve`, `void` and `appeal`: records that settle or correct, never rewrite.
extension SessionFolder {
    /// Settles one item of a sheet: the value (`nil` for blank), who decided and why.
    ///
    /// An item the entries (or an earlier resolve) already confirmed is not a disagreement:
    /// changing it takes `override`, and the record keeps the value it replaces (`replaces`).
    /// The same value again records nothing. Nor is an item entered once, with double entry:
    /// settling it before the second entry takes `override` too (the resolve then counts,
    /// whatever the second entry says).
    public func resolve(_ sheet: ExpectedBallots.Sheet, item: String, score: String?, reason: String, by: String,
                        override: Bool = false) throws(SessionError) -> JournalRecord {
        try Self.checkOperator(by)
        let state = self.state
        var problems: [Diagnostic] = []
        if state.phase == .closed { problems.append(.error("session-closed", SessionMessages.closedNoResolve, hint: SessionMessages.closedNoResolveHint)) }
        problems += checkSheet(sheet, state: state)
        let named = resolvedItem(item, score: score)
        guard let key = named.key else { throw .problems(problems + named.problems) }
        problems += named.problems
        let text = named.text
        if let v = state.void(sheet), problems.isEmpty {
            // Void in this round: nothing to settle. Void from an earlier round (an appeal's round
            // before the sheet is entered again): a resolve would settle the old entries, which
            // the void still sets aside; the sheet is entered again first.
            problems.append(v.round == state.round
                ? .error("sheet-void", SessionMessages.sheetVoid(sheet), hint: SessionMessages.sheetVoidHint)
                : .error("sheet-void", SessionMessages.sheetVoidEnterFirst(sheet)))
        }
        if state.currentEntries(sheet).isEmpty && problems.isEmpty {
            problems.append(.error("nothing-to-resolve", SessionMessages.nothingToResolve(sheet)))
        }
        if let p = Self.reasonProblem(reason) { problems.append(p) }
        var replaces: String??
        let name = BallotItem.names(of: setup.rules)[key] ?? key
        let entries = state.currentEntries(sheet)
        let round = entries.first?.round ?? state.round
        switch problems.isEmpty ? state.decision(sheet, items: setup.expected.items).items[key] : nil {
        case .confirmed(let current):
            // Settled by an earlier resolve, or by the entries' agreement: the messages say which.
            let resolved = state.resolves[sheet]?[round]?[key] != nil
            if current == text {
                problems.append(.error("already-confirmed", SessionMessages.alreadyConfirmed(sheet, item: name, value: current, resolved: resolved)))
            } else if !override {
                problems.append(.error("override-needed", SessionMessages.confirmedItem(sheet, item: name, value: current, new: text, doubleEntry: doubleEntry,
                                                                                         resolved: resolved),
                                       path: "--override", hint: SessionMessages.confirmedItemHint(doubleEntry: doubleEntry, resolved: resolved)))
            } else {
                replaces = .some(current)
            }
        case .pending where !override:
            // Entered once: there is no disagreement yet. A resolve now would outrank the second
            // entry, even one agreeing with the first (a resolve given before typist B entered
            // 3.5 as A had made 2 count, shown as confirmed without a conflict).
            if let first = entries.first {
                problems.append(.error("entered-once", SessionMessages.resolveEnteredOnce(sheet, item: name, seq: first.seq, by: first.by),
                                       path: "--override", hint: SessionMessages.resolveEnteredOnceHint))
            }
        default:
            break
        }
        guard problems.isEmpty else { throw .problems(problems) }
        var content: [String: JSONOut] = [
            "representative": .string(sheet.representative), "unit": .string(sheet.unit), "standard": .string(key),
            "score": .str(text), "reason": .string(reason), "round": .num(round),
        ]
        if let replaces { content["replaces"] = .str(replaces) }
        return try journal.append(.resolve, by: by, content: .object(content))
    }

    /// Declares a sheet void (spoiled, unreadable): it is then neither counted nor missing.
    /// Voids a sheet. A sheet with confirmed scores (the entries agree, or a resolve settled
    /// them) takes `override`: a void cannot be undone in its round, and would silently drop
    /// them (a mistyped `--rep` or `--unit` too).
    public func void(_ sheet: ExpectedBallots.Sheet, reason: String, by: String, override: Bool = false) throws(SessionError) -> JournalRecord {
        try Self.checkOperator(by)
        let state = self.state
        var problems = checkSheet(sheet, state: state)
        if state.phase == .closed { problems.append(.error("session-closed", SessionMessages.closedNoVoid, hint: SessionMessages.closedNoResolveHint)) }
        if let v = state.void(sheet), v.round == state.round {
            problems.append(.error("sheet-void", SessionMessages.sheetVoid(sheet), hint: SessionMessages.sheetVoidHint))
        } else if problems.isEmpty && !override {
            let confirmed = state.decision(sheet, items: setup.items.map(\.key)).values
            if !confirmed.isEmpty {
                let names = setup.items.filter { confirmed[$0.key] != nil }.map { "\(setup.rules.standards[$0.standard].name) \(confirmed[$0.key]!)" }
                problems.append(.error("override-needed", SessionMessages.voidConfirmed(sheet, scores: names, doubleEntry: doubleEntry), path: "--override",
                                       hint: SessionMessages.voidConfirmedHint))
            }
        }
        if let p = Self.reasonProblem(reason) { problems.append(p) }
        guard problems.isEmpty else { throw .problems(problems) }
        return try journal.append(.void, by: by, content: .object([
            "representative": .string(sheet.representative), "unit": .string(sheet.unit), "reason": .string(reason),
        ]))
    }

    /// Reopens a closed session for one unit (申诉复核).
    public func appeal(unit: String, reason: String, by: String) throws(SessionError) -> JournalRecord {
        try Self.checkOperator(by)
        let state = self.state
        var problems: [Diagnostic] = []
        if state.phase == .open { problems.append(.error("session-open", SessionMessages.appealNeedsClosed)) }
        problems += appealedUnitProblems(unit)
        // Reopened already in this round: a second appeal would say "reopened" again and change nothing.
        if state.phase == .reopened, state.appealedUnits.contains(unit),
           let earlier = state.appeals.last(where: { $0.content["unit"]?.stringValue == unit }) {
            problems.append(.error("already-appealed", SessionMessages.alreadyAppealed(unit, seq: earlier.seq), hint: SessionMessages.alreadyAppealedHint(doubleEntry: doubleEntry)))
        }
        if let p = Self.reasonProblem(reason) { problems.append(p) }
        guard problems.isEmpty else { throw .problems(problems) }
        return try journal.append(.appeal, by: by, content: .object(["unit": .string(unit), "reason": .string(reason)]))
    }

    // The checks of the commands' arguments that need the session's inputs and nothing of its
    // journal: each command makes them, and the replay of a journal makes them of the records
    // (`ReplayArguments`), so a record appended by hand that the command would have refused
    // (an appeal of `X99`) reads as damage.

    /// `resolve`'s `--standard` and `--score`: the item's key (nil when no item has that
    /// name), the score as recorded (nil for blank), and what is wrong with them.
    func resolvedItem(_ item: String, score: String?) -> (key: String?, text: String?, problems: [Diagnostic]) {
        // The spellings a typed sheet's header may use: the item's key, its standard's id or name.
        let names = BallotItemNames(items: setup.items, rules: setup.rules)
        guard let itemIndex = names.index(named: item.trimmingSpaces()) else {
            return (nil, nil, [.error("unknown-standard", SessionMessages.unknownItem(item), path: "--standard",
                                      hint: SessionMessages.didYouMean(item, among: names.spellings))])
        }
        let key = setup.items[itemIndex].key
        guard let score else { return (key, nil, []) }
        // Typed as on a sheet: full-width digits and marks read as what they are.
        let max = setup.items[itemIndex].max, step = setup.rules.ballots.scoreStep
        func valid(_ t: String) -> Rational? { allowedScore(t, item: itemIndex) }
        let ascii = TypedNumber.ascii(score)
        if let value = valid(ascii) { return (key, value.plainText(), []) }
        let hint = TypedNumber.commaHint(typed: score) { valid($0) != nil } ?? TypedNumber.hint(for: ascii) { valid($0) != nil }
        return (key, nil, [.error("invalid-score", SessionMessages.badResolveScore(score, value: Rational(decimal: ascii.trimmingSpaces()),
                                                                                    max: max.plainText(), step: step?.plainText()),
                                  path: "--score", hint: hint)])
    }

    /// `text` read as a score ballot item `item` can hold (within its maximum, on the rules'
    /// step), or `nil`: what `resolve` takes, and what the replay asks of an entry's scores.
    func allowedScore(_ text: String, item: Int) -> Rational? {
        let max = setup.items[item].max, step = setup.rules.ballots.scoreStep
        guard let value = Rational(decimal: text.trimmingSpaces()), !value.isNegative, value <= max,
              step.map({ value.divided(by: $0)!.isInteger }) ?? true else { return nil }
        return value
    }

    /// `appeal`'s `--unit`: a unit of the session.
    func appealedUnitProblems(_ unit: String) -> [Diagnostic] {
        setup.unit(unit) == nil ? [unknownUnit(unit)] : []
    }

    /// `--reason` of `resolve`, `void` and `appeal`: something said (`RecordedText`).
    static func reasonProblem(_ reason: String) -> Diagnostic? {
        RecordedText.problem(reason, option: "--reason", invisible: false).map { .error("missing-reason", $0, path: "--reason") }
    }

    /// `--rep` and `--unit` of `resolve` and `void`: a representative and a unit of the
    /// session, and a sheet expected of them (not a recusal, a group that hears the unit).
    func sheetProblems(_ sheet: ExpectedBallots.Sheet) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if setup.representative(sheet.representative) == nil { problems.append(unknownRepresentative(sheet.representative)) }
        if setup.unit(sheet.unit) == nil { problems.append(unknownUnit(sheet.unit)) }
        if problems.isEmpty && !setup.expected.isExpected(sheet) {
            problems.append(.error("not-expected", SessionMessages.sheetNotExpected(sheet)))
        }
        return problems
    }

    /// `--unit` names no unit: a near miss suggested, or, when it is a unit's name, its id.
    private func unknownUnit(_ unit: String) -> Diagnostic {
        let named = NameForID.units(named: unit, in: setup.units)
        let partOf = named.isEmpty ? NameForID.units(partOf: unit, in: setup.units) : []
        if !partOf.isEmpty {
            return .error("unknown-unit", SessionMessages.scheduleUnknownUnit(unit).appending(ReaderMessages.partOfName(unit, units: partOf, in: .option("--unit"))),
                          path: "--unit")
        }
        return unknown("unknown-unit", unit, SessionMessages.scheduleUnknownUnit(unit), option: "--unit", kind: .unit,
                       named: named, ids: setup.units.map(\.id))
    }

    /// `--rep` names no representative: the same, for the roster.
    private func unknownRepresentative(_ rep: String) -> Diagnostic {
        unknown("unknown-representative", rep, SessionMessages.unknownRep(rep), option: "--rep", kind: .representative,
                named: NameForID.representatives(named: rep, in: setup.representatives), ids: setup.representatives.map(\.id))
    }

    /// An option naming no entry: when `text` is the name of `named`, the message names their
    /// ids; otherwise a near miss among `ids` is suggested.
    private func unknown(_ code: String, _ text: String, _ message: Localized, option: String, kind: ReaderMessages.NamedKind,
                         named: [String], ids: [String]) -> Diagnostic {
        named.isEmpty
            ? .error(code, message, path: option, hint: ReaderMessages.unknownIDHint(text, known: ids.contains,
                                                                                     nearMiss: {
                var hints = UnknownIDHints(units: kind == .unit) { ids }
                return hints.hint(text)
            }))
            : .error(code, message.appending(ReaderMessages.nameForID(text, ids: named, of: kind, in: .option(option))), path: option)
    }

    private func checkSheet(_ sheet: ExpectedBallots.Sheet, state: SessionState) -> [Diagnostic] {
        var problems = sheetProblems(sheet)
        if problems.isEmpty && state.phase == .reopened && !state.appealedUnits.contains(sheet.unit) {
            problems.append(.error("sheet-not-appealed", SessionMessages.notAppealed(sheet, appealed: state.appealedUnits)))
        }
        return problems
    }
}
