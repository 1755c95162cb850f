import Foundation

/// Reads ballots, long (`representative,unit,standard,score`) or wide as typed from paper
/// sheets (`representative,unit,<one column per ballot item>`). Checks every ballot: known
/// representative, unit and item; a score within [0, max] (and on the rules' step); no
/// duplicates. Ballots for a representative's own unit are set aside as recusal violations.
public struct BallotsReader {
    public let rules: Rules
    public let units: [Unit]
    public let representatives: [Representative]
    /// Recusal violations are errors instead of warnings.
    public var strict = false

    public init(rules: Rules, units: [Unit], representatives: [Representative], strict: Bool = false) {
        self.rules = rules
        self.units = units
        self.representatives = representatives
        self.strict = strict
    }

    public func read(_ data: Data, fileName: String) -> (box: BallotBox?, diagnostics: [Diagnostic]) {
        let result = CSVReader.read(data, fileName: fileName)
        var diagnostics = Diagnostics(result.diagnostics)
        guard let csv = result.table else { return (nil, diagnostics.items) }
        let items = BallotItem.items(of: rules)
        let lineStart = SourceLocation(file: fileName, line: csv.headerLine, column: 1)
        guard let repCol = ColumnNames.find(ColumnNames.representative, in: csv.header) else {
            diagnostics.append(.error("missing-column", "the ballots file has no representative column", at: lineStart, path: "representative",
                                      hint: "name it `representative` (or 代表编号)"))
            return (nil, diagnostics.items)
        }
        guard let unitCol = ColumnNames.find(ColumnNames.ballotUnit, in: csv.header) else {
            diagnostics.append(.error("missing-column", "the ballots file has no unit column", at: lineStart, path: "unit",
                                      hint: "name it `unit` (or 单位编号)"))
            return (nil, diagnostics.items)
        }
        let repIndex = Dictionary(representatives.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let unitIndex = Dictionary(units.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var itemIndex: [String: Int] = [:]
        for (i, it) in items.enumerated() {
            itemIndex[it.key] = i
            itemIndex[rules.standards[it.standard].id] = i
        }
        // Suggestions for unknown ids, each distinct one matched once.
        var repSuggestions = SuggestionIndex { Array(repIndex.keys) }, unitSuggestions = SuggestionIndex { Array(unitIndex.keys) }
        var itemSuggestions = SuggestionIndex { [itemIndex] in Array(itemIndex.keys) }
        let standardCol = ColumnNames.find(ColumnNames.ballotStandard, in: csv.header)
        let scoreCol = ColumnNames.find(ColumnNames.score, in: csv.header)

        // Long if it has standard and score columns; otherwise wide, one column per item.
        var cells: [(row: Int, itemText: String, itemLoc: SourceLocation, scoreCol: Int)] = []
        if let standardCol, let scoreCol {
            for r in csv.rows.indices where !csv.rows[r].isBlank {
                cells.append((r, csv.rows[r][standardCol].trimmingSpaces(), csv.location(row: r, column: standardCol), scoreCol))
            }
        } else {
            var itemCols: [(Int, String)] = []
            for (c, name) in csv.header.enumerated() where c != repCol && c != unitCol {
                if itemIndex[name] != nil {
                    itemCols.append((c, name))
                } else if let s = rules.standards.first(where: { $0.name == name }), itemIndex[s.id] != nil {
                    itemCols.append((c, s.id))
                } else if ColumnNames.find(ColumnNames.repName + ColumnNames.group, in: [name]) != nil {
                    continue
                } else {
                    diagnostics.append("unknown-standard") {
                        .error("unknown-standard", "column `\(Echo.cell(name))` is not a ballot standard of these rules",
                               at: csv.headerLocation(column: c), path: Echo.cell(name),
                               hint: itemSuggestions.didYouMean(name) ?? "a long ballots file needs columns `standard` and `score`")
                    }
                }
            }
            if itemCols.isEmpty && !diagnostics.hasErrors {
                diagnostics.append(.error("missing-column", "the ballots file has neither `standard` and `score` columns nor a column per ballot standard",
                                          at: lineStart, hint: "ballot standards: " + items.map(\.key).joined(separator: ", ")))
            }
            for r in csv.rows.indices {
                for (c, key) in itemCols where !csv.rows[r][c].trimmingSpaces().isEmpty {
                    cells.append((r, key, csv.headerLocation(column: c), c))
                }
            }
        }

        var ballots: [Ballot] = []
        var recusals: [RecusalViolation] = []
        var seen: [Int: Int] = [:]  // (rep, unit, item) → line
        for cell in cells {
            let row = csv.rows[cell.row]
            let repID = row[repCol].trimmingSpaces(), unitID = row[unitCol].trimmingSpaces()
            let repLoc = csv.location(row: cell.row, column: repCol), unitLoc = csv.location(row: cell.row, column: unitCol)
            let scoreLoc = csv.location(row: cell.row, column: cell.scoreCol)
            var ok = true
            let rep = repIndex[repID]
            // The ids as messages quote them: control characters shown, a long paste cut.
            let repText = Echo.cell(repID), unitText = Echo.cell(unitID)
            if rep == nil {
                ok = false
                diagnostics.append("unknown-representative") {
                    .error("unknown-representative", "ballot by `\(repText)`, who is not on the roster", at: repLoc, path: "representative",
                           hint: repSuggestions.didYouMean(repID))
                }
            }
            let unit = unitIndex[unitID]
            if unit == nil {
                ok = false
                diagnostics.append("unknown-unit") {
                    .error("unknown-unit", "ballot for unit `\(unitText)`, which is not in the units file", at: unitLoc, path: "unit",
                           hint: unitSuggestions.didYouMean(unitID))
                }
            }
            let item = itemIndex[cell.itemText]
            if item == nil {
                ok = false
                diagnostics.append("unknown-standard") {
                    let isMetricStandard = rules.standards.contains { $0.id == cell.itemText }
                    let itemText = Echo.cell(cell.itemText)
                    return .error("unknown-standard",
                                  isMetricStandard ? "standard `\(itemText)` is scored from metrics, not by ballot"
                                                   : "ballot for `\(itemText)`, which is not a ballot standard of these rules",
                                  at: cell.itemLoc, path: "standard",
                                  hint: itemSuggestions.didYouMean(cell.itemText) ?? "ballot standards: " + items.map(\.key).joined(separator: ", "))
                }
            }
            let text = row[cell.scoreCol].trimmingSpaces()
            var score: Rational?
            if text.isEmpty {
                diagnostics.append("invalid-score") {
                    .error("invalid-score", "ballot by `\(repText)` for `\(unitText)` has no score", at: scoreLoc, path: "score")
                }
            } else if let s = Rational(decimal: text) {
                score = s
            } else {
                diagnostics.append("invalid-score") {
                    .error("invalid-score", "score `\(Echo.cell(text))` (by `\(repText)` for `\(unitText)`) is not a number", at: scoreLoc, path: "score")
                }
            }
            guard ok, let rep, let unit, let item, let score else { continue }
            let max = items[item].max
            if score.isNegative || score > max {
                diagnostics.append("score-out-of-range") {
                    .error("score-out-of-range", "score \(Echo.cell(text)) by `\(repText)` for `\(unitText)` on `\(items[item].key)` is outside 0–\(max.plainText())",
                           at: scoreLoc, path: "score", hint: "the standard is worth \(max.plainText()) points")
                }
                continue
            }
            if let step = rules.ballots.scoreStep, !(score.divided(by: step)!.isInteger) {
                diagnostics.append("score-step") {
                    .error("score-step", "score \(Echo.cell(text)) by `\(repText)` for `\(unitText)` is not a multiple of \(step.plainText())",
                           at: scoreLoc, path: "score", hint: "the rules allow scores in steps of \(step.plainText())")
                }
                continue
            }
            let key = (rep * units.count + unit) * items.count + item
            if let first = seen[key] {
                diagnostics.append("duplicate-ballot") {
                    .error("duplicate-ballot", "`\(repText)` scored `\(unitText)` on `\(items[item].key)` twice; first at line \(first)",
                           at: repLoc, path: "representative", hint: "keep one ballot per representative, unit and standard")
                }
                continue
            }
            seen[key] = repLoc.line
            if representatives[rep].units.contains(unitID) {
                recusals.append(RecusalViolation(representative: repID, name: representatives[rep].name, unit: unitID, item: items[item].key, score: score, location: repLoc))
                // Without --strict the violation is reported with the run's warnings (SessionWarnings).
                if strict {
                    diagnostics.append("recusal") {
                        .error("recusal", "`\(repText)` (\(representatives[rep].name)) scored their own unit `\(unitText)` on `\(items[item].key)` (回避)",
                               at: repLoc, path: "representative", hint: "remove the ballot, or run without --strict to set it aside")
                    }
                }
                continue
            }
            ballots.append(Ballot(representative: rep, unit: unit, item: item, score: score, location: scoreLoc))
        }
        if ballots.isEmpty && recusals.isEmpty && !items.isEmpty && !diagnostics.hasErrors {
            diagnostics.append(.error("no-ballots", "`\(fileName)` holds no ballots, but the rules score \(items.count) standard\(items.count == 1 ? "" : "s") by ballot",
                                      at: lineStart, hint: "add the representatives' scores (one row per representative, unit and standard)"))
        }
        return (BallotBox(items: items, ballots: ballots, recusals: recusals), diagnostics.items)
    }
}
