import Foundation

/// Reads the units file (CSV or JSON): one unit per row with its id, name, category and one
/// column per metric. Every cell is checked against its metric's kind and missing-value rule;
/// all problems are reported in one go.
public struct UnitsReader {
    public let rules: Rules
    /// Whether ids and names longer than `TextCellCheck` allows are errors, and so are the
    /// checks that came after them (an empty category among others, a survey's respondents above
    /// its population): not in a session's copies of its inputs, read as the version that
    /// opened it read them.
    public var limitsText = true

    public init(rules: Rules) { self.rules = rules }

    public func read(_ data: Data, fileName: String) -> (table: UnitTable?, diagnostics: [Diagnostic]) {
        let looksJSON = fileName.lowercased().hasSuffix(".json") || data.prefix(64).first(where: { !" \t\r\n\u{FEFF}".utf8.contains($0) && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }).map { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") } == true
        return looksJSON ? readJSON(data, fileName: fileName) : readCSV(data, fileName: fileName)
    }

    // MARK: Rows, whatever the format

    /// One unit's cells before checking: where each came from and its raw text.
    struct RawRow {
        var id: String
        var name: String
        var category: String
        var location: SourceLocation
        /// Where its category is (its cell; a JSON unit's `category`, or the unit), when the
        /// file gives categories.
        var categoryLocation: SourceLocation? = nil
        /// Per metric (rules order): raw text, or `nil` when the column/key is absent.
        var cells: [String?]
        /// Where each cell is (none where the column or key is absent).
        var places: MetricPlaces.Row
        /// A row with more cells than the header: a comma split a value and every cell after it
        /// stands under the next column, so its metrics are not read (their errors would be the
        /// shift's: a secretary's test listed seven before the one thing to mend).
        var shifted = false
    }

    /// - Parameters:
    ///   - columns: each metric's spreadsheet column and header, for a CSV file.
    ///   - start: where a file with no units is reported (a CSV file's header row).
    func build(_ rows: [RawRow], fileName: String, columns: [(index: Int, header: String?)?], start: SourceLocation? = nil,
               diagnostics: inout Diagnostics) -> UnitTable? {
        // Room for every row at once (grown by doubling, a large file's columns held up to
        // twice their size).
        var units: [Unit] = []
        units.reserveCapacity(rows.count)
        var values = Array(repeating: [Rational?](), count: rules.metrics.count)
        var places = MetricPlaces(file: fileName, columns: columns, capacity: rows.count)
        for m in values.indices { values[m].reserveCapacity(rows.count) }
        var seen: [String: SourceLocation] = [:]
        seen.reserveCapacity(rows.count)
        // Units without a category are ranked together as 未分类: right for a file that gives
        // none (every unit is then in one category), not for one empty cell among categories
        // (a merged cell, a cell left out), which would move that unit's category rank. Not in a
        // session's copies, read as the version that opened the session accepted them.
        let someCategory = limitsText ? rows.first { !$0.category.isEmpty }?.category : nil
        // The id cells that hold names, decided over the whole file (its other ids, its names).
        let namesInIDs = limitsText ? Unit.namesInIDCells(ids: rows.map(\.id), names: rows.map(\.name)) : [:]
        for (k, row) in rows.enumerated() {
            if row.id.isEmpty {
                diagnostics.append(.missingUnitID) {
                    .error(.missingUnitID, ReaderMessages.unitWithoutID, at: row.location, path: "id", hint: ReaderMessages.giveUnitID)
                }
                continue
            }
            // The id as messages quote it: control characters shown, a long paste cut.
            let idText = Echo.cell(row.id)
            if let first = seen[row.id] {
                diagnostics.append(.duplicateUnit) {
                    .error(.duplicateUnit, ReaderMessages.duplicateUnit(idText, firstRow: first.cell?.row ?? first.line), at: row.location,
                           path: "id", hint: ReaderMessages.ownUnitID)
                }
                continue
            }
            seen[row.id] = row.location
            if row.name.isEmpty {
                diagnostics.append(.missingValue) { .error(.missingValue, ReaderMessages.unitWithoutName(idText), at: row.location, path: "name") }
            }
            if row.category.isEmpty, let someCategory {
                diagnostics.append(.missingValue) {
                    .error(.missingValue, ReaderMessages.unitWithoutCategory(idText, example: Echo.cell(someCategory)), at: row.categoryLocation ?? row.location,
                           path: "category", hint: ReaderMessages.fillCategory)
                }
            }
            var unit = Unit(id: row.id, name: row.name, category: row.category.isEmpty ? "未分类" : row.category, location: row.location)
            // A unit's name typed in its id cell: its id is not known, and the other files' ids
            // that match no unit may be its (they say so).
            if let why = namesInIDs[k] {
                unit.idIsName = true
                diagnostics.append(.unitIDIsName) {
                    let example = rows.indices.first { !rows[$0].id.isEmpty && namesInIDs[$0] == nil }.map { Echo.cell(rows[$0].id) }
                    let message: Localized
                    switch why {
                    case .ownName: message = ReaderMessages.unitIDIsName(idText, sameAsName: true)
                    case .otherName(let other): message = ReaderMessages.unitIDIsOtherName(idText, row: rows[other].location.cell?.row ?? rows[other].location.line)
                    case .looksLikeName: message = ReaderMessages.unitIDIsName(idText, sameAsName: false)
                    }
                    return .error(.unitIDIsName, message, at: row.location, path: "id", hint: ReaderMessages.writeUnitID(example: example))
                }
            }
            units.append(unit)
            places.append(row.places)
            for (m, metric) in rules.metrics.enumerated() {
                if row.shifted {
                    values[m].append(nil)
                    continue
                }
                var loc: SourceLocation { places.location(metric: m, unit: units.count - 1) ?? row.location }
                let value: Rational?
                switch row.cells[m].map({ MetricValue.parse($0, kind: metric.kind) }) ?? .missing {
                case .value(let v):
                    value = v
                case .invalid(let message, let hint):
                    diagnostics.append(.invalidMetric) {
                        .error(.invalidMetric, ReaderMessages.invalidMetric(idText, metric.name, metric.id, message), at: loc, path: metric.id, hint: hint)
                    }
                    value = nil
                case .beyondLimits(let problem):
                    diagnostics.append(.numberBeyondLimits) {
                        let text = Echo.cell((row.cells[m] ?? "").trimmingSpaces())
                        return .error(.numberBeyondLimits, ReaderMessages.metricBeyondLimits(idText, metric.name, metric.id, NumberLimits.message(problem, text: text)),
                                      at: loc, path: metric.id, hint: NumberLimits.metricHint(problem))
                    }
                    value = nil
                case .missing:
                    switch metric.missing {
                    case .error:
                        diagnostics.append(.missingMetric) {
                            let written = (row.cells[m] ?? "").trimmingSpaces()
                            if written.isEmpty {
                                return .error(.missingMetric, ReaderMessages.missingMetric(idText, metric.name, metric.id), at: loc, path: metric.id,
                                              hint: ReaderMessages.fillMetric)
                            }
                            return .error(.missingMetric, ReaderMessages.missingMetricWritten(idText, metric.name, metric.id, Echo.cell(written)),
                                          at: loc, path: metric.id, hint: ReaderMessages.fillMetricWritten)
                        }
                        value = nil
                    case .zero: value = .zero
                    case .notAssessable: value = nil
                    }
                }
                values[m].append(value)
            }
        }
        if units.isEmpty && !diagnostics.hasErrors {
            diagnostics.append(.error(.noUnits, ReaderMessages.noUnits(fileName), at: start ?? SourceLocation(file: fileName, line: 1, column: 1),
                                      hint: ReaderMessages.addUnitRows))
        }
        let table = UnitTable(units: units, values: values, places: places)
        checkBounds(table, diagnostics: &diagnostics)
        return table
    }

    /// Values beyond a bound a rule puts on them (`UnitTable.impossibleValues`): a numerator
    /// larger than its denominator where a rule reads their ratio and forbids that, a survey's
    /// respondents more than its population. Each at the cell of the ratio's numerator or the
    /// survey's population.
    func checkBounds(_ table: UnitTable, diagnostics: inout [Diagnostic]) {
        var log = Diagnostics()
        checkBounds(table, diagnostics: &log)
        diagnostics.append(contentsOf: log.items)
    }

    func checkBounds(_ table: UnitTable, diagnostics: inout Diagnostics) {
        for v in table.impossibleValues(rules, sessionCopies: !limitsText) {
            let at = v.kind == .ratio ? v.parts[0] : v.limit
            diagnostics.append(v.kind.code) {
                let words = ReaderMessages.impossible(v, in: table, rules: rules, cells: true)
                return .error(v.kind.code, words.text, at: table.location(metric: at, unit: v.unit), path: rules.metrics[at].id, hint: words.hint)
            }
        }
    }

    // MARK: CSV

    func readCSV(_ data: Data, fileName: String) -> (table: UnitTable?, diagnostics: [Diagnostic]) {
        let result = CSVReader.read(data, fileName: fileName)
        var diagnostics = Diagnostics(result.diagnostics)
        guard let csv = result.table else { return (nil, diagnostics.items) }
        if let title = TitleRow.check(csv, keys: [ColumnNames.unitID]) { return (nil, TitleRow.answer(result, title)) }
        let header = csv.header
        let headerLoc = { (c: Int) in csv.headerLocation(column: c) }
        let lineStart = csv.headerRowLocation
        // Another input given here (`--units` and `--roster` swapped): one error, not one per
        // column. Asked only when columns a units file needs are missing.
        let idColumn = ColumnNames.find(ColumnNames.unitID, in: header)
        let lacking = idColumn == nil
            || rules.metrics.contains { $0.missing == .error && !header.contains($0.id) && !header.contains($0.name) }
        if lacking, let wrong = InputKind.wrongFile(header, rules: rules, expected: .units, at: lineStart) {
            diagnostics.append(wrong)
            return (nil, diagnostics.items)
        }
        guard let idCol = idColumn else {
            diagnostics.append(.error(.missingColumn, ReaderMessages.noUnitIDColumn, at: lineStart, path: "id",
                                      hint: ReaderMessages.nameUnitIDColumn))
            return (nil, diagnostics.items)
        }
        let nameCol = ColumnNames.find(ColumnNames.unitName, in: header)
        if nameCol == nil {
            diagnostics.append(.error(.missingColumn, ReaderMessages.noUnitNameColumn, at: lineStart, path: "name",
                                      hint: ReaderMessages.addUnitNameColumn))
        }
        let categoryCol = ColumnNames.find(ColumnNames.category, in: header)
        var metricCols: [Int?] = []
        var used = Set([idCol, nameCol, categoryCol].compactMap { $0 })
        let found = rules.metrics.map { ColumnNames.metric($0, in: header) }
        for (col, twice) in found {
            if let col { used.insert(col) }
            if let (_, byName) = twice { used.insert(byName) }
        }
        // The columns no one reads, each name once: a metric without its column may be one of
        // them, slightly renamed (`会员数` for 会员总数, `职工总数（人）` for 职工总数).
        let unread = header.indices.filter { c in !used.contains(c) && !header[c].isEmpty && header.firstIndex(of: header[c]) == c }.map { header[$0] }
        let columnless = rules.metrics.indices.filter { found[$0].column == nil }.map { rules.metrics[$0] }
        /// "Is it the column `会员数`?" for a metric without its column, when one unread column is near it.
        func nearColumn(_ metric: MetricDefinition) -> Localized? {
            MetricHeaders.header(near: metric, among: unread).map { ReaderMessages.metricColumnNear(Echo.cell($0), metric.name, metric.id) }
        }
        for (m, metric) in rules.metrics.enumerated() {
            let (col, twice) = found[m]
            // Headed both by its id and by its name: which column's values count is not for
            // kaimen to guess, so neither is read.
            if let (byID, byName) = twice {
                diagnostics.append(.error(.metricColumnTwice, ReaderMessages.metricColumnTwice(metric.name, metric.id, idColumn: CellPosition.letter(byID),
                                                                                               nameColumn: CellPosition.letter(byName)),
                                          at: headerLoc(max(byID, byName)), path: metric.id, hint: ReaderMessages.keepOneMetricColumn))
            }
            if col != nil {
            } else if metric.missing == .error {
                diagnostics.append(.error(.missingColumn, ReaderMessages.noMetricColumn(metric.name, metric.id),
                                          at: lineStart, path: metric.id,
                                          hint: nearColumn(metric) ?? ReaderMessages.addColumn(metric.id)))
            } else {
                // Its rule says what an empty cell means, not a column that is not there: an old
                // template, before the metric was added, would score every unit 0 (or leave the
                // standards reading it out) without a word.
                diagnostics.append(.metricColumnAbsent, .warning) {
                    .warning(.metricColumnAbsent, ReaderMessages.metricColumnAbsent(metric.name, metric.id, missing: metric.missing, flag: metric.kind == .flag),
                             at: lineStart, path: metric.id,
                             hint: nearColumn(metric) ?? ReaderMessages.metricColumnAbsentHint(metric.id))
                }
            }
            metricCols.append(col)
        }
        // A column without a name is already an error (`csv-empty-header`), and so is a second
        // column of a name (`csv-duplicate-header`): a metric's second column was also said not
        // to be a metric, "did you mean" its own name (a hostile test, session 41).
        for (c, name) in header.enumerated() where !used.contains(c) && !name.isEmpty && header.firstIndex(of: name) == c {
            diagnostics.append(.unknownColumn, .warning) {
                // The metric it is near: one without its column first, else any.
                let near = MetricHeaders.metric(near: name, among: columnless) ?? MetricHeaders.metric(near: name, among: rules.metrics)
                return .warning(.unknownColumn, ReaderMessages.columnNotMetric(Echo.cell(name)), at: headerLoc(c), path: Echo.cell(name),
                                hint: near.map { ReaderMessages.columnNearMetric($0.name, $0.id) })
            }
        }
        if diagnostics.items.contains(where: { $0.kind == .missingColumn || $0.kind == .metricColumnTwice }) {
            return (nil, diagnostics.items)
        }
        var rows: [RawRow] = []
        rows.reserveCapacity(csv.rows.count)
        var commaSplits: [Int: CommaSplit] = [:]
        let checked = metricCols.enumerated().compactMap { m, col in col.map { ($0, rules.metrics[m].kind) } }
        // A template's second header row (ids) and instructions row are skipped (`rules template`).
        var locator = CSVLocator(csv)
        func places(row r: Int) -> MetricPlaces.Row {
            var row = MetricPlaces.Row(sheetRow: csv.spreadsheetRows[r], metrics: metricCols.count)
            for col in metricCols {
                guard let col else { row.appendAbsent(); continue }
                let place = locator.place(row: r, column: col)
                row.append(line: place.line, column: place.column, whole: locator.location(row: r, column: col))
            }
            return row
        }
        for (r, cells) in csv.rows.enumerated() where !cells.isBlank {
            // The id, name and category, each read once (a table's row makes a cell's text each
            // time it is read).
            let idCell = cells[idCol]
            if UnitsTemplate.isExtraRow(idCell: idCell) { continue }
            let id = idCell.trimmingSpaces(), name = nameCol.map { cells[$0].trimmingSpaces() }, category = categoryCol.map { cells[$0].trimmingSpaces() }
            for (col, text, role, what, path) in [(idCol, id, TextCellCheck.Role.id, TextCellCheck.unitID, "id"),
                                                  (nameCol, name, .text(quoted: nameCol.map { csv.isQuoted(row: r, column: $0) } ?? false), TextCellCheck.unitName, "name"),
                                                  (categoryCol, category, .text(quoted: categoryCol.map { csv.isQuoted(row: r, column: $0) } ?? false), TextCellCheck.category, "category")] {
                guard let col, let text, let d = TextCellCheck.problem(text, role: role, what: what,
                                                                       at: csv.location(row: r, column: col), path: path, othersReported: true,
                                                                       limited: limitsText, printed: col != idCol) else { continue }
                diagnostics.append(d)
            }
            rows.append(RawRow(id: id, name: name ?? "", category: category ?? "",
                               location: locator.location(row: r, column: idCol),
                               categoryLocation: categoryCol.map { locator.location(row: r, column: $0) },
                               cells: metricCols.map { $0.map { cells[$0] } },
                               places: places(row: r),
                               shifted: csv.overflows(r)))
            // `1,280` from Excel without quotes: where, when one join mends the row.
            if csv.overflows(r),
               let split = CommaSplit.find(.thousands, csv, row: r, columns: checked, valid: { text, kind in
                   switch MetricValue.parse(text, kind: kind) {
                   case .value, .missing: true
                   case .invalid, .beyondLimits: false
                   }
               }) {
                commaSplits[csv.spreadsheetRows[r]] = split
            }
        }
        let columns = metricCols.map { $0.map { (index: $0, header: Optional(header[$0])) } }
        let table = build(rows, fileName: fileName, columns: columns, start: lineStart, diagnostics: &diagnostics)
        return (table, WorkbookHints.apply(CommaSplit.said(commaSplits, in: diagnostics.items), result.workbook))
    }

    // MARK: JSON

    /// `{ "units": [ { "id": …, "name": …, "category": …, "metrics": { "members": 120, … } } ] }`,
    /// or the list alone; metric values may also sit beside `id` instead of under `metrics`.
    func readJSON(_ data: Data, fileName: String) -> (table: UnitTable?, diagnostics: [Diagnostic]) {
        var diagnostics = Diagnostics()
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return (nil, [.error(.jsonEncoding, ReaderMessages.notUTF8JSON(fileName), at: SourceLocation(file: fileName, line: 1, column: 1),
                                 hint: ReaderMessages.saveUTF8)])
        }
        let root: JSONNode
        switch JSONCParser.parse(text, file: fileName) {
        case .success(let n): root = n
        case .failure(let e): return (nil, e.diagnostics)
        }
        guard let list = root["units"]?.elements ?? root.elements else {
            return (nil, [.error(.wrongType, ReaderMessages.unitsNotList, at: root.location, path: "units")])
        }
        var rows: [RawRow] = []
        var keysGiven: Set<String> = []
        for (i, node) in list.enumerated() {
            let path = "units[\(i)]"
            guard node.members != nil else {
                diagnostics.append(.wrongType) { .error(.wrongType, ReaderMessages.unitNotObject, at: node.location, path: path) }
                continue
            }
            let metricsNode = node["metrics"] ?? node
            func text(_ v: JSONNode?) -> String? {
                guard let v else { return nil }
                switch v.value {
                case .string(let s): return s
                case .number(let n): return n
                case .bool(let b): return b ? "1" : "0"
                case .null: return ""
                default: return "\(v.typeDescription)"
                }
            }
            keysGiven.formUnion((metricsNode.members ?? []).map(\.key))
            let known = Set(["id", "name", "category", "metrics"] + rules.metrics.map(\.id))
            for m in metricsNode.members ?? [] where !known.contains(m.key) {
                diagnostics.append(.unknownColumn, .warning) {
                    .warning(.unknownColumn, ReaderMessages.keyNotMetric(Echo.cell(m.key)), at: m.keyLocation,
                             path: "\(path).\(Echo.cell(m.key))", hint: Localized.didYouMean(m.key, among: rules.metrics.map(\.id)))
                }
            }
            for (key, role, what) in [("id", TextCellCheck.Role.id, TextCellCheck.unitID), ("name", .text(quoted: true), TextCellCheck.unitName),
                                      ("category", .text(quoted: true), TextCellCheck.category)] {
                guard let v = node[key], let t = text(v),
                      let d = TextCellCheck.problem(t.trimmingSpaces(), role: role, what: what, at: v.location, path: "\(path).\(key)",
                                                    othersReported: true, limited: limitsText, printed: key != "id") else { continue }
                diagnostics.append(d)
            }
            rows.append(RawRow(id: text(node["id"]) ?? "", name: text(node["name"]) ?? "", category: text(node["category"]) ?? "",
                               location: node.location, categoryLocation: node["category"]?.location ?? node.location,
                               cells: rules.metrics.map { text(metricsNode[$0.id]) },
                               places: MetricPlaces.Row(rules.metrics.map { metricsNode[$0.id]?.location }, file: fileName)))
        }
        // A metric no unit gives, whose rule lets it be missing: said once, as a CSV file's
        // absent column is (a metric with `missing: error` is an error at every unit).
        for metric in rules.metrics where metric.missing != .error && !rows.isEmpty && !keysGiven.contains(metric.id) {
            diagnostics.append(.metricColumnAbsent, .warning) {
                .warning(.metricColumnAbsent, ReaderMessages.metricColumnAbsent(metric.name, metric.id, missing: metric.missing, flag: metric.kind == .flag, json: true),
                         at: root.location, path: metric.id, hint: ReaderMessages.metricColumnAbsentHint(metric.id))
            }
        }
        let table = build(rows, fileName: fileName, columns: rules.metrics.map { _ in nil }, diagnostics: &diagnostics)
        return (table, diagnostics.items)
    }
}
