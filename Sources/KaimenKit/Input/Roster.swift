import Foundation

/// A worker representative (职工代表) who casts ballots in the session.
public struct Representative: Sendable, Equatable {
    public var id: String
    public var name: String
    public var group: String
    /// The units they belong to: their ballots for these are never counted (回避).
    public var units: [String]
    public var role: String
    public var location: SourceLocation
}

/// Reads the roster CSV: `id,name,group,units,role`. Several units are separated by `;`.
public enum RosterReader {
    /// `units` is `nil` when the units file could not be read: representatives' own units are then not checked.
    public static func read(_ data: Data, fileName: String, units: [Unit]?) -> (reps: [Representative]?, diagnostics: [Diagnostic]) {
        let ids = units.map { Set($0.map(\.id)) }
        return read(data, fileName: fileName, isUnit: ids.map { set in { set.contains($0) } },
                    unitIDs: { (ids ?? []).sorted() })
    }

    /// - Parameters:
    ///   - isUnit: whether an id is an assessed unit; `nil` when the units file could not be read
    ///     (representatives' own units are then not checked).
    ///   - unitIDs: every unit id, asked for only to suggest a correction.
    public static func read(_ data: Data, fileName: String, isUnit: ((String) -> Bool)?,
                            unitIDs: @escaping () -> [String] = { [] }) -> (reps: [Representative]?, diagnostics: [Diagnostic]) {
        let result = CSVReader.read(data, fileName: fileName)
        var diagnostics = Diagnostics(result.diagnostics)
        guard let csv = result.table else { return (nil, diagnostics.items) }
        let lineStart = SourceLocation(file: fileName, line: csv.headerLine, column: 1)
        guard let idCol = ColumnNames.find(ColumnNames.representative + ["id"], in: csv.header) else {
            diagnostics.append(.error("missing-column", "the roster has no representative id column", at: lineStart, path: "id",
                                      hint: "name the first column `id` (or 代表编号)"))
            return (nil, diagnostics.items)
        }
        let nameCol = ColumnNames.find(ColumnNames.repName, in: csv.header)
        let groupCol = ColumnNames.find(ColumnNames.group, in: csv.header)
        let unitsCol = ColumnNames.find(ColumnNames.repUnits, in: csv.header)
        let roleCol = ColumnNames.find(ColumnNames.role, in: csv.header)
        if unitsCol == nil {
            diagnostics.append(.error("missing-column", "the roster has no `units` column: without it kaimen cannot tell whom each representative must not score",
                                      at: lineStart, path: "units", hint: "add a column `units` with each representative's own unit id (empty if none)"))
            return (nil, diagnostics.items)
        }
        var reps: [Representative] = []
        var seen: [String: Int] = [:]
        // Suggestions for unknown own units, each distinct one matched once.
        var unitSuggestions = SuggestionIndex(unitIDs)
        for (r, cells) in csv.rows.enumerated() where !cells.isBlank {
            let id = cells[idCol].trimmingSpaces()
            let loc = csv.location(row: r, column: idCol)
            if id.isEmpty {
                diagnostics.append("missing-value") { .error("missing-value", "a representative has no id", at: loc, path: "id") }
                continue
            }
            if let first = seen[id] {
                diagnostics.append("duplicate-representative") {
                    .error("duplicate-representative", "representative id `\(Echo.cell(id))` is used twice; first at line \(first)", at: loc, path: "id")
                }
                continue
            }
            seen[id] = loc.line
            let own = unitsCol.map { splitList(cells[$0]) } ?? []
            var cellProblems: [Diagnostic?] = [
                TextCellCheck.problem(id, role: .id, what: TextCellCheck.repID, at: loc, path: "id", othersReported: true),
            ]
            for (col, what, path) in [(nameCol, TextCellCheck.repName, "name"), (groupCol, TextCellCheck.group, "group"), (roleCol, TextCellCheck.role, "role")] {
                guard let col else { continue }
                cellProblems.append(TextCellCheck.problem(cells[col].trimmingSpaces(), role: .text(quoted: csv.isQuoted(row: r, column: col)), what: what,
                                                          at: csv.location(row: r, column: col), path: path, othersReported: true))
            }
            if let unitsCol, let u = own.first(where: { $0.unicodeScalars.contains(where: Echo.isControl) }) {
                cellProblems.append(TextCellCheck.problem(u, role: .id, what: TextCellCheck.ownUnit, at: csv.location(row: r, column: unitsCol),
                                                          path: "units", othersReported: true))
            }
            diagnostics.append(contentsOf: cellProblems.compactMap { $0 })
            for u in own where isUnit.map({ !$0(u) }) ?? false {
                diagnostics.append("unknown-unit", .warning) {
                    .warning("unknown-unit", "representative `\(Echo.cell(id))` belongs to `\(Echo.cell(u))`, which is not an assessed unit",
                             at: csv.location(row: r, column: unitsCol!), path: "units",
                             hint: unitSuggestions.didYouMean(u).map { "\($0) (if so, recusal would be missed)" })
                }
            }
            reps.append(Representative(id: id, name: nameCol.map { cells[$0].trimmingSpaces() } ?? "",
                                       group: groupCol.map { cells[$0].trimmingSpaces() } ?? "",
                                       units: own, role: roleCol.map { cells[$0].trimmingSpaces() } ?? "", location: loc))
        }
        if reps.isEmpty && !diagnostics.hasErrors {
            diagnostics.append(.error("no-representatives", "`\(fileName)` lists no representatives", at: lineStart))
        }
        return (reps, diagnostics.items)
    }

    static func splitList(_ s: String) -> [String] {
        s.split(whereSeparator: { ";；、|,，/ ".contains($0) }).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }
}
