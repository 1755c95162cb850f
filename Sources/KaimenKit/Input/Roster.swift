import Foundation

/// A worker representative (职工代表) who casts ballots in the session.
public struct Representative: Sendable, Equatable {
    public var id: String
    public var name: String
    public var group: String
    /// The units they belong to: their ballots for these are never counted (回避). Entries that
    /// name an assessed unit (by id or by exact name) are that unit's id.
    public var units: [String]
    public var role: String
    public var location: SourceLocation
    /// Other units they must not score (the roster's `conflicts`: a parent unit, a relative's
    /// unit), resolved like `units`.
    public var conflicts: [String] = []
    /// Their `group` cell, for a problem with the group (a group the schedule never names);
    /// `nil` when the roster has no group column.
    public var groupLocation: SourceLocation? = nil

    /// Why they must not score unit `id`, or `nil` if they may.
    public func recusal(from id: String) -> RecusalViolation.Reason? {
        if units.contains(id) { return .ownUnit }
        if conflicts.contains(id) { return .declaredConflict }
        return nil
    }
}

/// A roster's groups, in the order of their first representative, and each group's
/// representatives by their places in the roster: found in one pass (a search of the roster per
/// group, or per schedule row, was quadratic in a session of thousands of groups).
struct RosterGroups: Sendable {
    private(set) var order: [String] = []
    private(set) var members: [String: [Int]] = [:]

    init(_ representatives: [Representative]) {
        for (i, rep) in representatives.enumerated() {
            if members[rep.group] == nil { order.append(rep.group) }
            members[rep.group, default: []].append(i)
        }
    }

    func contains(_ group: String) -> Bool { members[group] != nil }
}

/// Reads the roster CSV: `id,name,group,units,role[,conflicts]`. Several units are separated
/// by `;`. Each entry of `units` and `conflicts` is resolved to an assessed unit by id or exact
/// name (`UnitMatcher`); one that is close to a unit but not it is an error.
public enum RosterReader {
    /// `units` is `nil` when the units file could not be read: representatives' own units are then not checked.
    /// An empty list is taken the same way: the units file's own error says it has no units, and a
    /// note per representative that their unit "is not assessed" would only bury it.
    /// `rules`, when given, lets a units or ballots file given as the roster be named as such.
    /// `limitsText`: whether ids and names longer than `TextCellCheck` allows are errors (not in
    /// a session's copies of its inputs).
    public static func read(_ data: Data, fileName: String, units: [Unit]?, rules: Rules? = nil,
                            limitsText: Bool = true) -> (reps: [Representative]?, diagnostics: [Diagnostic]) {
        read(data, fileName: fileName, matcher: units.flatMap { $0.isEmpty ? nil : UnitMatcher(units: $0) }, rules: rules, limitsText: limitsText)
    }

    /// - Parameter matcher: resolves entries to assessed units; `nil` when the units file could
    ///   not be read (entries are then kept as written and not checked).
    public static func read(_ data: Data, fileName: String, matcher: UnitMatcher?, rules: Rules? = nil,
                            limitsText: Bool = true) -> (reps: [Representative]?, diagnostics: [Diagnostic]) {
        let result = CSVReader.read(data, fileName: fileName)
        var diagnostics = Diagnostics(result.diagnostics)
        guard let csv = result.table else { return (nil, diagnostics.items) }
        if let title = TitleRow.check(csv, keys: [ColumnNames.representative + ["id"], ColumnNames.repUnits]) { return (nil, TitleRow.answer(result, title)) }
        let lineStart = csv.headerRowLocation
        // Another input given here (the units file, or the ballots): one error that says so.
        // Asked only when columns a roster needs are missing, or it has a score column (the
        // ballots' `representative,unit` pass for a roster's id and units).
        let idColumn = ColumnNames.find(ColumnNames.representative + ["id"], in: csv.header)
        let unitsCol = ColumnNames.find(ColumnNames.repUnits, in: csv.header)
        let doubtful = idColumn == nil || unitsCol == nil || ColumnNames.find(ColumnNames.score, in: csv.header) != nil
        if doubtful, let wrong = InputKind.wrongFile(csv.header, rules: rules, expected: .roster, at: lineStart) {
            diagnostics.append(wrong)
            return (nil, diagnostics.items)
        }
        guard let idCol = idColumn else {
            diagnostics.append(.error(.missingColumn, ReaderMessages.noRepIDColumn, at: lineStart, path: "id",
                                      hint: ReaderMessages.nameRepIDColumn))
            return (nil, diagnostics.items)
        }
        let nameCol = ColumnNames.find(ColumnNames.repName, in: csv.header)
        let groupCol = ColumnNames.find(ColumnNames.group, in: csv.header)
        let roleCol = ColumnNames.find(ColumnNames.role, in: csv.header)
        let conflictsCol = ColumnNames.find(ColumnNames.conflicts, in: csv.header)
        if unitsCol == nil {
            diagnostics.append(.error(.missingColumn, ReaderMessages.noUnitsColumn,
                                      at: lineStart, path: "units", hint: ReaderMessages.addUnitsColumn))
            return (nil, diagnostics.items)
        }
        var reps: [Representative] = []
        var seen: [String: Int] = [:]
        // Each distinct entry of `units` and `conflicts` is matched once.
        var matches: [String: UnitMatcher.Match] = [:]
        for (r, cells) in csv.rows.enumerated() where !cells.isBlank {
            let id = cells[idCol].trimmingSpaces()
            let loc = csv.location(row: r, column: idCol)
            if id.isEmpty {
                diagnostics.append(.missingValue) { .error(.missingValue, ReaderMessages.repWithoutID, at: loc, path: "id") }
                continue
            }
            if let first = seen[id] {
                diagnostics.append(.duplicateRepresentative) {
                    .error(.duplicateRepresentative, ReaderMessages.duplicateRep(Echo.cell(id), firstRow: first), at: loc, path: "id")
                }
                continue
            }
            seen[id] = loc.cell?.row ?? loc.line
            let rawOwn = unitsCol.map { splitList(cells[$0]) } ?? []
            var cellProblems: [Diagnostic?] = [
                TextCellCheck.problem(id, role: .id, what: TextCellCheck.repID, at: loc, path: "id", othersReported: true, limited: limitsText),
            ]
            for (col, what, path) in [(nameCol, TextCellCheck.repName, "name"), (groupCol, TextCellCheck.group, "group"), (roleCol, TextCellCheck.role, "role")] {
                guard let col else { continue }
                cellProblems.append(TextCellCheck.problem(cells[col].trimmingSpaces(), role: .text(quoted: csv.isQuoted(row: r, column: col)), what: what,
                                                          at: csv.location(row: r, column: col), path: path, othersReported: true,
                                                          limited: limitsText, printed: col != roleCol))
            }
            if let unitsCol, let u = rawOwn.first(where: { $0.unicodeScalars.contains(where: Echo.isControl) }) {
                cellProblems.append(TextCellCheck.problem(u, role: .id, what: TextCellCheck.ownUnit, at: csv.location(row: r, column: unitsCol),
                                                          path: "units", othersReported: true))
            }
            if let conflictsCol, let u = splitList(cells[conflictsCol]).first(where: { $0.unicodeScalars.contains(where: Echo.isControl) }) {
                cellProblems.append(TextCellCheck.problem(u, role: .id, what: TextCellCheck.ownUnit, at: csv.location(row: r, column: conflictsCol),
                                                          path: csv.header[conflictsCol], othersReported: true))
            }
            diagnostics.append(contentsOf: cellProblems.compactMap { $0 })
            let name = nameCol.map { cells[$0].trimmingSpaces() } ?? ""
            func resolve(_ column: Int?, _ kind: RecusalViolation.Reason) -> [String] {
                guard let column else { return [] }
                let entries = splitList(cells[column])
                guard let matcher else { return entries }
                var out: [String] = []
                for entry in entries {
                    let match = matches[entry] ?? matcher.match(entry)
                    matches[entry] = match
                    switch match {
                    case .units(let ids):
                        out += ids
                    case _ where !matcher.misnamed.isEmpty:
                        // A unit whose id cell holds its name may be the one meant: not said to be
                        // near another, nor outside, while the units file is to be corrected.
                        diagnostics.append("roster-unit-near-miss") {
                            .error("roster-unit-near-miss", ReaderMessages.rosterUnitNotFound(rep: Echo.cell(id), repName: name, entry: Echo.cell(entry), column: kind)
                                .appending(ReaderMessages.idMaybeMisnamed(matcher.misnamed)),
                                   at: csv.location(row: r, column: column), path: Echo.cell(csv.header[column]))
                        }
                        out.append(UnitMatcher.normalized(entry))
                    case .nearMiss(let unitID, let unitName):
                        diagnostics.append("roster-unit-near-miss") {
                            let m = RosterMessages.nearMiss(rep: Echo.cell(id), repName: name, entry: Echo.cell(entry), column: kind, id: unitID, name: unitName)
                            return .error("roster-unit-near-miss", m.text, at: csv.location(row: r, column: column),
                                          path: Echo.cell(csv.header[column]), hint: m.hint)
                        }
                    case .outside:
                        diagnostics.append("roster-outside-unit", .note) {
                            let m = RosterMessages.outside(rep: Echo.cell(id), entry: Echo.cell(entry), column: kind)
                            return Diagnostic(.note, code: "roster-outside-unit", text: m.text, location: csv.location(row: r, column: column),
                                              path: Echo.cell(csv.header[column]), hint: m.hint)
                        }
                        out.append(UnitMatcher.normalized(entry))
                    }
                }
                return out
            }
            let own = resolve(unitsCol, .ownUnit)
            let conflicts = resolve(conflictsCol, .declaredConflict).filter { !own.contains($0) }
            reps.append(Representative(id: id, name: name,
                                       group: groupCol.map { cells[$0].trimmingSpaces() } ?? "",
                                       units: own, role: roleCol.map { cells[$0].trimmingSpaces() } ?? "", location: loc,
                                       conflicts: conflicts, groupLocation: groupCol.map { csv.location(row: r, column: $0) }))
        }
        if reps.isEmpty && !diagnostics.hasErrors {
            diagnostics.append(.error(.noRepresentatives, ReaderMessages.noRepresentatives(fileName), at: lineStart))
        }
        return (reps, WorkbookHints.apply(diagnostics.items, result.workbook))
    }

    static func splitList(_ s: String) -> [String] {
        s.split(whereSeparator: { ";；、|,，/ ".contains($0) }).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }
}
