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
                            unitIDs: () -> [String] = { [] }) -> (reps: [Representative]?, diagnostics: [Diagnostic]) {
        let result = CSVReader.read(data, fileName: fileName)
        var diagnostics = result.diagnostics
        guard let csv = result.table else { return (nil, diagnostics) }
        let lineStart = SourceLocation(file: fileName, line: csv.headerLine, column: 1)
        guard let idCol = ColumnNames.find(ColumnNames.representative + ["id"], in: csv.header) else {
            diagnostics.append(.error(.missingColumn, InputMessages.noRepIDColumn, at: lineStart, path: "id",
                                      hint: InputMessages.nameRepIDColumn))
            return (nil, diagnostics)
        }
        let nameCol = ColumnNames.find(ColumnNames.repName, in: csv.header)
        let groupCol = ColumnNames.find(ColumnNames.group, in: csv.header)
        let unitsCol = ColumnNames.find(ColumnNames.repUnits, in: csv.header)
        let roleCol = ColumnNames.find(ColumnNames.role, in: csv.header)
        if unitsCol == nil {
            diagnostics.append(.error(.missingColumn, InputMessages.noUnitsColumn,
                                      at: lineStart, path: "units", hint: InputMessages.addUnitsColumn))
            return (nil, diagnostics)
        }
        var reps: [Representative] = []
        var seen: [String: Int] = [:]
        for (r, cells) in csv.rows.enumerated() where !cells.allSatisfy({ $0.trimmingSpaces().isEmpty }) {
            let id = cells[idCol].trimmingSpaces()
            let loc = csv.location(row: r, column: idCol)
            if id.isEmpty {
                diagnostics.append(.error(.missingValue, InputMessages.repWithoutID, at: loc, path: "id"))
                continue
            }
            if let first = seen[id] {
                diagnostics.append(.error(.duplicateRepresentative, InputMessages.duplicateRep(id, firstRow: first), at: loc, path: "id"))
                continue
            }
            seen[id] = loc.cell?.row ?? loc.line
            let own = unitsCol.map { splitList(cells[$0]) } ?? []
            for u in own where isUnit.map({ !$0(u) }) ?? false {
                diagnostics.append(.warning(.unknownUnit, InputMessages.repUnitNotAssessed(id, u),
                                            at: csv.location(row: r, column: unitsCol!), path: "units",
                                            hint: Localized.didYouMean(u, among: unitIDs()).map(InputMessages.recusalWouldBeMissed)))
            }
            reps.append(Representative(id: id, name: nameCol.map { cells[$0].trimmingSpaces() } ?? "",
                                       group: groupCol.map { cells[$0].trimmingSpaces() } ?? "",
                                       units: own, role: roleCol.map { cells[$0].trimmingSpaces() } ?? "", location: loc))
        }
        if reps.isEmpty && !diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics.append(.error(.noRepresentatives, InputMessages.noRepresentatives(fileName), at: lineStart))
        }
        return (reps, diagnostics)
    }

    static func splitList(_ s: String) -> [String] {
        s.split(whereSeparator: { ";；、|,，/ ".contains($0) }).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }
}
