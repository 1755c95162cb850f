/// A ballots file's name columns for the typist (the entry template's 姓名 and 单位名称, which
/// `kaimen sheets` fills in), checked against each row's ids; and its group column (组别), a
/// warning (``group(_:rep:at:path:)``). The readers skip these columns;
/// a name that does not fit its row's id is the best sign that the id was typed over, or that a
/// column was sorted on its own in the spreadsheet (a secretary's test typed `X02` over a row of
/// X01's sheet, and it was scored as X02's without a word). Such a row is an error wherever a
/// ballots file is read (`score`, `session enter`, …); an empty cell is not checked.
struct TypistNames {
    let units: [Unit]
    let representatives: [Representative]
    /// What the hint asks for once the row is put right.
    var then: ReaderMessages.AfterFix = .runAgain
    /// The ids of each name, as compared (`key`): a message names whose name a cell holds. Made
    /// once: looked for in every row that does not fit, a column sorted alone over 28 000 rows
    /// took minutes (a review).
    private let repsNamed: [String: [String]], unitsNamed: [String: [String]]

    init(units: [Unit], representatives: [Representative], then: ReaderMessages.AfterFix = .runAgain) {
        self.units = units
        self.representatives = representatives
        self.then = then
        func table(_ named: [(id: String, name: String)]) -> [String: [String]] {
            var t: [String: [String]] = [:]
            for (id, name) in named where !name.isEmpty { t[Self.key(name), default: []].append(id) }
            return t
        }
        repsNamed = table(representatives.map { ($0.id, $0.name) })
        unitsNamed = table(units.map { ($0.id, $0.name) })
    }

    /// The typist's columns of `header`: the representative's name, the unit's name and the
    /// representative's group (组别, since 0.29.3); never the row's id columns (`repCol`,
    /// `unitCol`), which a heading such as `单位` could name too.
    struct Columns: Equatable {
        var representative: Int?, unit: Int?, group: Int?
        /// Whether there is any: such a file is read by the checked reader alone.
        var any: Bool { representative != nil || unit != nil || group != nil }
    }
    static func columns(_ header: [String], repCol: Int, unitCol: Int) -> Columns {
        func column(_ names: [String]) -> Int? { ColumnNames.find(names, in: header).flatMap { $0 == repCol || $0 == unitCol ? nil : $0 } }
        return Columns(representative: column(ColumnNames.repName), unit: column(ColumnNames.sheetUnitName), group: column(ColumnNames.group))
    }

    /// A name or sheet id as compared: without spaces or case, full-width digits and `－` as half-width.
    static func key(_ s: String) -> String { TypedNumber.ascii(s).filter { !$0.isWhitespace }.lowercased() }

    /// `sheet-name-mismatch` when `cell` holds a name that is not `rep`'s; with the representative
    /// that name is, if any.
    func representativeName(_ cell: String, rep: Representative, at: SourceLocation, path: String) -> Diagnostic? {
        name(cell, .representative, id: rep.id, name: rep.name, named: repsNamed, code: .sheetNameMismatch, at: at, path: path)
    }

    /// `sheet-unit-mismatch` when `cell` holds a unit name that is not `unit`'s; with the unit
    /// that name is, if any.
    func unitName(_ cell: String, unit: Unit, at: SourceLocation, path: String) -> Diagnostic? {
        name(cell, .unit, id: unit.id, name: unit.name, named: unitsNamed, code: .sheetUnitMismatch, at: at, path: path)
    }

    /// A group as compared: written as ``GroupName/normalized(_:)`` writes it (`第1组` for
    /// `第一组`), without case, and without a `第` before it or a `组` after it, so that `第一组`,
    /// `一组`, `1组` and `1` are one group, as a typist may write the group they see.
    static func groupKey(_ s: String) -> String {
        var key = Substring(GroupName.normalized(s).lowercased())
        if key.hasPrefix("第") { key = key.dropFirst() }
        if key.hasSuffix("组") { key = key.dropLast() }
        return String(key)
    }

    /// `sheet-group-mismatch` (a warning) when `cell` holds a group that is not `rep`'s in the
    /// roster (compared by ``groupKey(_:)``). The group is not scored, and the row counts as its
    /// ids say: a group typed or sorted wrong changes nothing, and an id typed over a template
    /// row is the name columns' error to say (where the row has a name). Not when the cell is
    /// empty, or the roster gives the representative no group.
    func group(_ cell: String, rep: Representative, at: SourceLocation, path: String) -> Diagnostic? {
        let typed = Self.groupKey(cell)
        guard !typed.isEmpty, !Self.groupKey(rep.group).isEmpty, typed != Self.groupKey(rep.group),
              typed != Self.groupKey(CSVWriter.neutralised(rep.group)) else { return nil }
        return .warning(.sheetGroupMismatch,
                        ReaderMessages.groupMismatch(id: rep.id, name: rep.name, group: rep.group, typed: cell.trimmingSpaces()), at: at,
                        path: path, hint: ReaderMessages.groupMismatchHint(group: rep.group))
    }

    /// `code` when `cell` holds a name that is not `name` (of `id`), said with the ids `named`
    /// gives that name. Not when `id` has no name (a roster without names, whose 姓名 cells
    /// nothing can be checked against).
    private func name(_ cell: String, _ kind: ReaderMessages.NamedBy, id: String, name: String, named: [String: [String]],
                      code: DiagnosticCode, at: SourceLocation, path: String) -> Diagnostic? {
        let typed = Self.key(cell)
        // As kaimen's own entry template writes it too: with the `'` that keeps a name starting
        // `=`, `+`, `-` or `@` from being run as a formula (a papers review's round trip).
        guard !typed.isEmpty, !Self.key(name).isEmpty, typed != Self.key(name), typed != Self.key(CSVWriter.neutralised(name)) else { return nil }
        let others = named[typed] ?? []
        return .error(code.rawValue, ReaderMessages.nameMismatch(kind, id: id, name: name, typed: cell.trimmingSpaces(), others: others), at: at,
                      path: path, hint: ReaderMessages.nameMismatchHint(kind, name: name, others: others, then: then))
    }
}
