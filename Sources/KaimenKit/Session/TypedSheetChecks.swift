/// The entry template's sheet id column (表号), which the ballots readers skip, checked against
/// the row's ids as the session's inputs print the sheets. `kaimen sheets` fills it in; one that
/// does not fit is a warning, since sheet ids are numbers in print order, which a reordered
/// schedule changes. An empty cell is not checked. The name columns (姓名, 单位名称) are the
/// ballots reader's to check (`TypistNames`), in `score` as here.
struct TypedSheetChecks {
    let setup: SessionSetup
    /// The sheet ids printed from the session's inputs, and whose sheet each is.
    private let printed: [String: ExpectedBallots.Sheet]
    /// And each sheet's id (a search of `printed` for each row cost a file of many sheets, all
    /// reordered, the square of their number).
    private let idOf: [ExpectedBallots.Sheet: String]

    init(setup: SessionSetup) {
        self.setup = setup
        let set = BallotSheetSet(rules: setup.rules, units: setup.units, representatives: setup.representatives, items: setup.items,
                                 schedule: setup.schedule)
        printed = Dictionary(set.sheets.map { ($0.id, ExpectedBallots.Sheet(representative: set.representatives[$0.representative].id,
                                                                             unit: set.units[$0.unit].id)) },
                             uniquingKeysWith: { first, _ in first })
        idOf = Dictionary(printed.map { ($0.value, $0.key) }, uniquingKeysWith: { a, b in min(a, b) })
    }

    /// `sheet-id-mismatch` (a warning: see `SessionMessages.sheetIDMismatch`) when `cell` is not
    /// the id of the sheet `row` names, as the session's inputs print it: no sheet id at all,
    /// one whose check digit is wrong, one of no sheet printed from these inputs, or another
    /// representative's or unit's sheet.
    func sheetID(_ cell: String, row: ExpectedBallots.Sheet, at: SourceLocation, path: String) -> Diagnostic? {
        let typed = TypistNames.key(cell)
        guard !typed.isEmpty else { return nil }
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
        let own = idOf[row]
        return .warning("sheet-id-mismatch", SessionMessages.sheetIDMismatch(cell.trimmingSpaces(), row: row, problem: problem), at: at,
                      path: path, hint: SessionMessages.sheetIDMismatchHint(row: row, own: own, problem: problem))
    }
}
