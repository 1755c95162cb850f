import Foundation

/// A typed file of paper score sheets (long or wide CSV, as `score` reads ballots), checked
/// against the rules, units and roster by the ballots reader, and against the schedule here.
public struct TypedSheets: Sendable {
    public struct Sheet: Sendable, Equatable {
        public var sheet: ExpectedBallots.Sheet
        /// Every ballot item: its score as exact decimal text, or `nil` for a blank cell.
        public var scores: [String: String?]
        /// The sheet's first cell (its representative) in the file.
        public var location: SourceLocation
        /// Its unit's cell, where a problem of the unit is said.
        public var unitLocation: SourceLocation
        /// Each item's score cell: a long file's one row each, a wide file's all on `location`'s
        /// row (since 0.29.5; only a long file's were kept before).
        public var itemLocations: [String: SourceLocation] = [:]
        /// Typed in a long file, one row per standard.
        public var long = false

        /// The spreadsheet rows `items` were typed on, each once, in order: the sheet's row in
        /// a wide file, the items' own rows in a long one.
        public func rows(of items: [String]) -> [Int] {
            Set(items.map { item in itemLocations[item].map { $0.cell?.row ?? $0.line } ?? location.cell?.row ?? location.line }).sorted()
        }
    }

    public var sheets: [Sheet]
    /// Sheets whose rows give no score at all (every item's cell empty): not typed yet, so not
    /// an entry. Two operators who both leave a template's row empty have not confirmed a sheet
    /// of blanks; a sheet whose paper is blank throughout is declared void instead.
    public var untyped: [Sheet] = []
    public var diagnostics: [Diagnostic]
    public var sha256: String
    /// SHA-256 of the file's text as read: decoded to UTF-8 (GB18030 and UTF-16 too), without a
    /// byte order mark, every line end a line feed, no line end after the last row. The same
    /// file saved again by Excel (CRLF, GB18030) has other bytes and this same hash. `nil` for
    /// a file the CSV reader cannot read.
    public var textHash: String?

    public static func read(_ data: Data, fileName: String, setup: SessionSetup) -> TypedSheets {
        var reader = BallotsReader(rules: setup.rules, units: setup.units, representatives: setup.representatives, strict: true)
        reader.afterFix = .enterAgain
        let file = CSVReader.read(data, fileName: fileName)
        let (box, ballotDiagnostics) = reader.read(file, fileName: fileName)
        // One recusal error per sheet (below), not one per score. A file with no score at all is
        // no error here: its rows are listed as not entered (`untyped`), and an empty file
        // records nothing and says so.
        var diagnostics = ballotDiagnostics.filter { $0.code != "recusal" && $0.code != "no-ballots" }.map { d in
            // `enter` takes the file as its argument, not as `--ballots`: the hint says what to give.
            guard d.code == DiagnosticCode.wrongFile.rawValue else { return d }
            var d = d
            d.hintText = SessionMessages.enterTakesTypedSheets
            return d
        }
        let hash = SHA256.hex([UInt8](data))
        let table = file.table
        let textHash = table.map { Self.textHash(decoded: $0.buffer.bytes) }
        guard let box, let csv = table,
              let repCol = ColumnNames.find(ColumnNames.representative, in: csv.header),
              let unitCol = ColumnNames.find(ColumnNames.ballotUnit, in: csv.header) else {
            return TypedSheets(sheets: [], untyped: [], diagnostics: diagnostics, sha256: hash, textHash: textHash)
        }
        let items = setup.items.map(\.key)
        // A row's ids, known to the session (`SessionSetup`'s tables).
        func known(_ sheet: ExpectedBallots.Sheet) -> Bool { setup.representative(sheet.representative) != nil && setup.unit(sheet.unit) != nil }
        // The entry template's sheet id column, which the readers skip, checked against the row's
        // ids (`TypedSheetChecks`; its name columns the reader checks, `TypistNames`).
        let sheetCol = ColumnNames.find(ColumnNames.sheetID, in: csv.header).flatMap { $0 == repCol || $0 == unitCol ? nil : $0 }
        let checks = sheetCol == nil ? nil : TypedSheetChecks(setup: setup)
        // Sheet ids that do not fit: the first few said, the rest counted (sheets printed before
        // the schedule was reordered give one a row).
        var sheetIDs: [Diagnostic] = []
        // The sheets, in the order of their first row: each with its representative and the
        // places of that row's two cells.
        var order: [(sheet: ExpectedBallots.Sheet, rep: Representative, at: SourceLocation, unitAt: SourceLocation)] = []
        var located: Set<ExpectedBallots.Sheet> = []
        // A long file's row of each item (its standard and score columns, as the reader takes them).
        let scoreCol = ColumnNames.find(ColumnNames.score, in: csv.header)
        let long = scoreCol.flatMap { s in ColumnNames.find(ColumnNames.ballotStandard, in: csv.header).map { (standard: $0, score: s) } }
        let itemNames = BallotItemNames(items: setup.items, rules: setup.rules)
        var itemAt: [ExpectedBallots.Sheet: [String: SourceLocation]] = [:]
        // A wide file's column of each item, left to right (the first, where two name one: an
        // error of the reader's), and its cells' places, found along each row in turn.
        var wide: [(column: Int, item: String)] = []
        if long == nil {
            var seen: Set<String> = []
            for (c, name) in csv.header.enumerated() where c != repCol && c != unitCol {
                if let i = itemNames.index(named: name.trimmingSpaces()), seen.insert(items[i]).inserted { wide.append((c, items[i])) }
            }
        }
        var locator = CSVLocator(csv)
        for (r, cells) in csv.rows.enumerated() where !cells.isBlank {
            let sheet = ExpectedBallots.Sheet(representative: cells[repCol].trimmingSpaces(), unit: cells[unitCol].trimmingSpaces())
            if let long, known(sheet), let i = itemNames.index(named: cells[long.standard].trimmingSpaces()) {
                itemAt[sheet, default: [:]][items[i]] = locator.location(row: r, column: long.score)
            } else if long == nil, known(sheet), itemAt[sheet] == nil {
                itemAt[sheet] = Dictionary(wide.map { ($0.item, locator.location(row: r, column: $0.column)) }, uniquingKeysWith: { a, _ in a })
            }
            if let checks, let sheetCol, known(sheet),
               let d = checks.sheetID(cells[sheetCol], row: sheet, at: csv.location(row: r, column: sheetCol), path: csv.header[sheetCol]) {
                sheetIDs.append(d)
            }
            guard known(sheet), let rep = setup.representative(sheet.representative), located.insert(sheet).inserted else { continue }
            order.append((sheet, rep, csv.location(row: r, column: repCol), csv.location(row: r, column: unitCol)))
        }
        // A row whose name columns are already an error (`sheet-unit-mismatch`: the unit's name
        // is another's) has its sheet id said by that error: a warning beside it repeated the
        // same slip at more length (a secretary's test, 0.29.2).
        let explained = Set(diagnostics.filter { $0.severity == .error && ["sheet-name-mismatch", "sheet-unit-mismatch"].contains($0.code) }
            .compactMap { $0.location.map { [$0.file, String($0.line)] } })
        sheetIDs.removeAll { d in d.location.map { explained.contains([$0.file, String($0.line)]) } ?? false }
        let shownIDs = 5
        diagnostics += sheetIDs.prefix(shownIDs)
        if sheetIDs.count > shownIDs, let first = sheetIDs.first {
            diagnostics.append(.warning("sheet-id-mismatch", SessionMessages.moreSheetIDMismatches(sheetIDs.count - shownIDs, of: sheetIDs.count),
                                        at: first.location.map { .whole($0.file) }, hint: SessionMessages.moreSheetIDMismatchesHint))
        }
        var scores: [ExpectedBallots.Sheet: [String: String?]] = [:]
        for b in box.ballots {
            let sheet = ExpectedBallots.Sheet(representative: setup.representatives[b.representative].id, unit: setup.units[b.unit].id)
            scores[sheet, default: [:]][items[b.item]] = .some(b.score.plainText())
        }
        var sheets: [Sheet] = [], untyped: [Sheet] = []
        for (sheet, rep, at, unitAt) in order {
            if !setup.expected.isExpected(sheet) {
                if setup.expected.isRecused(sheet) || rep.units.contains(sheet.unit) {
                    diagnostics.append(.error("recusal", SessionMessages.recusedSheet(rep, unit: sheet.unit), at: at, path: csv.header[repCol],
                                              hint: SessionMessages.recusedSheetHint))
                } else {
                    diagnostics.append(.error("not-scheduled", SessionMessages.notScheduled(rep, unit: sheet.unit, schedule: setup.schedule),
                                              at: at, path: csv.header[repCol], hint: SessionMessages.notScheduledHint))
                }
                continue
            }
            // Every item has a key, a blank cell's value `nil` (written to the journal as `null`).
            var s: [String: String?] = [:]
            for item in items { s.updateValue(scores[sheet]?[item] ?? nil, forKey: item) }
            if s.values.allSatisfy({ $0 == nil }) {
                untyped.append(Sheet(sheet: sheet, scores: s, location: at, unitLocation: unitAt))
            } else {
                sheets.append(Sheet(sheet: sheet, scores: s, location: at, unitLocation: unitAt, itemLocations: itemAt[sheet] ?? [:], long: long != nil))
            }
        }
        return TypedSheets(sheets: sheets, untyped: untyped, diagnostics: Diagnostics.sortedList(diagnostics), sha256: hash, textHash: textHash)
    }

    /// `textHash` of a file whose text, decoded to UTF-8 without a byte order mark (as the CSV
    /// reader keeps it), is `b`.
    static func textHash(decoded b: [UInt8]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if b[i] == 0x0D {
                text.append(0x0A)
                if i + 1 < b.count && b[i + 1] == 0x0A { i += 1 }
            } else {
                text.append(b[i])
            }
            i += 1
        }
        while text.last == 0x0A { text.removeLast() }
        return SHA256.hex(text)
    }
}

extension Diagnostics {
    static func sortedList(_ ds: [Diagnostic]) -> [Diagnostic] {
        var all = Diagnostics()
        all.append(contentsOf: ds)
        return all.sorted
    }
}
