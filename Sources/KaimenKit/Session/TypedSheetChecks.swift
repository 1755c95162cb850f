/// The entry template's columns for the typist, which the ballots readers skip, checked against
/// the row's ids: the representative's name (姓名), the unit's name (单位名称) and the sheet id
/// (表号). Each is filled in by `kaimen sheets`; one that does not fit the row's ids is the best
/// sign that an id was typed over, or that a column was sorted on its own in the spreadsheet
/// (a secretary's test typed `X02` over a row of X01's sheet `0001-8`, and it was recorded as
/// X02's without a word). A name that does not fit is an error: nothing of the file is recorded
/// until the row is put right. A sheet id that does not fit is a warning, since sheet ids are
/// numbers in print order, which a reordered schedule changes. An empty cell is not checked.
struct TypedSheetChecks {
    let setup: SessionSetup
    /// The sheet ids printed from the session's inputs, and whose sheet each is.
    private let printed: [String: ExpectedBallots.Sheet]

    init(setup: SessionSetup) {
        self.setup = setup
        let set = BallotSheetSet(rules: setup.rules, units: setup.units, representatives: setup.representatives, items: setup.items,
                                 schedule: setup.schedule)
        printed = Dictionary(set.sheets.map { ($0.id, ExpectedBallots.Sheet(representative: set.representatives[$0.representative].id,
                                                                             unit: set.units[$0.unit].id)) },
                             uniquingKeysWith: { first, _ in first })
    }

    /// A name or sheet id as compared: without spaces or case, full-width digits and `－` as half-width.
    static func key(_ s: String) -> String { TypedNumber.ascii(s).filter { !$0.isWhitespace }.lowercased() }

    /// `sheet-name-mismatch` when `cell` holds a name that is not `rep`'s; with the representative
    /// that name is, if any.
    func representativeName(_ cell: String, rep: Representative, at: SourceLocation, path: String) -> Diagnostic? {
        name(cell, .representative, id: rep.id, name: rep.name, named: setup.representatives.map { ($0.id, $0.name) }, code: "sheet-name-mismatch", at: at, path: path)
    }

    /// `sheet-unit-mismatch` when `cell` holds a unit name that is not `unit`'s; with the unit
    /// that name is, if any.
    func unitName(_ cell: String, unit: Unit, at: SourceLocation, path: String) -> Diagnostic? {
        name(cell, .unit, id: unit.id, name: unit.name, named: setup.units.map { ($0.id, $0.name) }, code: "sheet-unit-mismatch", at: at, path: path)
    }

    /// `code` when `cell` holds a name that is not `name` (of `id`), said with the ids of `named` whose name it is.
    private func name(_ cell: String, _ kind: SessionMessages.NamedBy, id: String, name: String, named: [(id: String, name: String)],
                      code: String, at: SourceLocation, path: String) -> Diagnostic? {
        let typed = Self.key(cell)
        guard !typed.isEmpty, typed != Self.key(name) else { return nil }
        let others = named.filter { Self.key($0.name) == typed }.map(\.id)
        return .error(code, SessionMessages.nameMismatch(kind, id: id, name: name, typed: cell.trimmingSpaces(), others: others), at: at,
                      path: path, hint: SessionMessages.nameMismatchHint(kind, name: name, others: others))
    }

    /// `sheet-id-mismatch` (a warning: see `SessionMessages.sheetIDMismatch`) when `cell` is not
    /// the id of the sheet `row` names, as the session's inputs print it: no sheet id at all,
    /// one whose check digit is wrong, one of no sheet printed from these inputs, or another
    /// representative's or unit's sheet.
    func sheetID(_ cell: String, row: ExpectedBallots.Sheet, at: SourceLocation, path: String) -> Diagnostic? {
        let typed = Self.key(cell)
        guard !typed.isEmpty else { return nil }
        let own = printed.first { $0.value == row }?.key
        let problem: SessionMessages.SheetIDProblem
        let parts = typed.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count != 2 || parts[0].count < 4 || parts[1].count != 1 || !typed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) {
            problem = .notAnID
        } else if String(BallotSheetSet.luhn(String(parts[0]))) != parts[1] {
            problem = .checkDigit
        } else if let whose = printed[typed] {
            guard whose != row else { return nil }
            problem = .othersSheet(whose)
        } else {
            problem = .notPrinted
        }
        return .warning("sheet-id-mismatch", SessionMessages.sheetIDMismatch(cell.trimmingSpaces(), row: row, problem: problem), at: at,
                      path: path, hint: SessionMessages.sheetIDMismatchHint(row: row, own: own, problem: problem))
    }
}
