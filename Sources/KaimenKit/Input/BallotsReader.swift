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
    /// What a name that does not fit its row asks for once the row is put right (`TypistNames`).
    var afterFix: ReaderMessages.AfterFix = .runAgain

    public init(rules: Rules, units: [Unit], representatives: [Representative], strict: Bool = false) {
        self.rules = rules
        self.units = units
        self.representatives = representatives
        self.strict = strict
    }

    /// Whether a wide file's empty score cells are said (`blank-score`): not by `session
    /// enter` (``TypedSheets``), which lists them itself with what to do in a session.
    var warnsOfBlankCells: Bool { afterFix == .runAgain }

    public func read(_ data: Data, fileName: String) -> (box: BallotBox?, diagnostics: [Diagnostic]) {
        read(CSVReader.read(data, fileName: fileName), fileName: fileName)
    }

    /// The ballots of a file already read as CSV: `session enter` keeps the table as well, and
    /// a workbook is then inflated and read once, not twice.
    func read(_ result: CSVReader.Result, fileName: String) -> (box: BallotBox?, diagnostics: [Diagnostic]) {
        var diagnostics = Diagnostics(result.diagnostics)
        guard let csv = result.table else { return (nil, diagnostics.items) }
        if let title = TitleRow.check(csv, keys: [ColumnNames.representative, ColumnNames.ballotUnit]) { return (nil, TitleRow.answer(result, title)) }
        let items = BallotItem.items(of: rules)
        let lineStart = csv.headerRowLocation
        // Another input given here (the roster, or the units file): one error that says so.
        // Asked only when columns a ballots file needs are missing.
        let repColumn = ColumnNames.find(ColumnNames.representative, in: csv.header)
        let unitColumn = ColumnNames.find(ColumnNames.ballotUnit, in: csv.header)
        if repColumn == nil || unitColumn == nil, let wrong = InputKind.wrongFile(csv.header, rules: rules, expected: .ballots, at: lineStart) {
            diagnostics.append(wrong)
            return (nil, diagnostics.items)
        }
        guard let repCol = repColumn else {
            diagnostics.append(.error(.missingColumn, ReaderMessages.noRepColumn, at: lineStart, path: "representative",
                                      hint: ReaderMessages.nameRepColumn))
            return (nil, diagnostics.items)
        }
        guard let unitCol = unitColumn else {
            diagnostics.append(.error(.missingColumn, ReaderMessages.noBallotUnitColumn, at: lineStart, path: "unit",
                                      hint: ReaderMessages.nameBallotUnitColumn))
            return (nil, diagnostics.items)
        }
        let repIndex = Dictionary(representatives.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let unitIndex = Dictionary(units.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let itemNames = BallotItemNames(items: items, rules: rules)
        let itemIndex = itemNames.byID
        // Suggestions for unknown ids, each distinct one matched once.
        // The one nearest id, or what the ids are (`R28` among `R01`–`R27`).
        var repHints = UnknownIDHints(units: false) { Array(repIndex.keys) }, unitHints = UnknownIDHints(units: true) { Array(unitIndex.keys) }
        // The id the units file (or the roster) writes for a half-width one, when only their widths differ (`Ｘ02`).
        let (units, representatives) = (self.units, self.representatives)
        let unitWrittenAs = { (half: String) in units.first { UnitMatcher.normalized($0.id) == half }?.id }
        let misnamed = units.filter(\.idIsName)
        let repWrittenAs = { (half: String) in representatives.first { UnitMatcher.normalized($0.id) == half }?.id }
        var itemSuggestions = SuggestionIndex { itemNames.spellings }
        let standardCol = ColumnNames.find(ColumnNames.ballotStandard, in: csv.header)
        let scoreCol = ColumnNames.find(ColumnNames.score, in: csv.header)

        // Long if it has standard and score columns; otherwise wide, one column per item.
        // Locations are made only for a message or a counted ballot: most cells need one, not four.
        // A cell is its row and its score's column; its standard is the long form's standard
        // column, or the wide form's column's key (`wideKeys`). With the standard's text in
        // each cell and both columns, the list took 40 bytes a cell, 224 MB for 5.6 million.
        var cells: [(row: Int, column: Int)] = []
        // A wide row's score cells left empty (the row holds something): not scored, said once
        // for the file (`blank-score`).
        var blanks: [(row: Int, column: Int)] = []
        var wideKeys: [Int: String] = [:]
        /// Whether `v` is a score item `i` allows: in its range, on the rules' step.
        func allows(_ v: Rational, item i: Int) -> Bool {
            !v.isNegative && v <= items[i].max && (rules.ballots.scoreStep.map { v.divided(by: $0)!.isInteger } ?? true)
        }
        func allows(_ text: String, item i: Int) -> Bool { Rational(decimal: text).map { allows($0, item: i) } ?? false }
        // Wide rows one cell too long where joining two cells with a point mends the row, by
        // spreadsheet row.
        var commaSplits: [Int: CommaSplit] = [:]
        if (standardCol == nil) != (scoreCol == nil) {
            // Half of the long form's pair: the other column is missing, not every standard's.
            let (has, lacks) = standardCol != nil ? (csv.header[standardCol!], "score") : (csv.header[scoreCol!], "standard")
            diagnostics.append(.error(.missingColumn, ReaderMessages.longColumnMissing(has: has, lacksStandard: lacks == "standard"),
                                      at: lineStart, path: lacks, hint: ReaderMessages.longNeedsColumns))
        } else if let standardCol, let scoreCol {
            // A column kaimen does not read, with text in it: said once, at its first filled cell.
            // A remark such as `改为4分` would otherwise look taken into account. An empty one is
            // harmless and says nothing.
            // Row by row over the cells each row has: a header of a million columns over short
            // rows costs the rows' size (column by column over every row, it hung; a hostile test).
            let read: Set<Int> = [repCol, unitCol, standardCol, scoreCol]
            var filled: [Int: (first: Int, rows: Int)] = [:]
            cells.reserveCapacity(csv.rows.count)
            for r in csv.rows.indices {
                let row = csv.rows[r]
                guard !row.isBlank else { continue }
                cells.append((r, scoreCol))
                for c in 0 ..< row.storedCount where !read.contains(c) && !row[c].trimmingSpaces().isEmpty {
                    filled[c, default: (r, 0)].rows += 1
                }
            }
            // (A nameless column with text in it is said by the CSV table, `csv-empty-header`, at its first filled cell.)
            for (c, f) in filled.sorted(by: { $0.key < $1.key }) where !csv.header[c].isEmpty && !ColumnNames.isBallotExtra(csv.header[c]) {
                diagnostics.append(.unknownColumn, .warning) {
                    .warning(.unknownColumn, ReaderMessages.longColumnNotRead(Echo.cell(csv.header[c]), rows: f.rows,
                                                                             text: Echo.cell(csv.rows[f.first][c].trimmingSpaces())),
                             at: csv.location(row: f.first, column: c), path: Echo.cell(csv.header[c]),
                             hint: ReaderMessages.longColumnNotReadHint(score: Echo.cell(csv.header[scoreCol])))
                }
            }
        } else {
            var itemCols: [(Int, String)] = []
            for (c, name) in csv.header.enumerated() where c != repCol && c != unitCol {
                if itemIndex[name] != nil {
                    itemCols.append((c, name))
                } else if let id = itemNames.standardID(named: name) {
                    itemCols.append((c, id))
                } else if ColumnNames.isBallotExtra(name) {
                    continue
                } else if name.trimmingSpaces().isEmpty {
                    // A header without a name is said as such by the CSV table (`csv-empty-header`),
                    // not again as a standard named `` (a secretary's file with `,,` after each line).
                    continue
                } else {
                    diagnostics.append(.unknownStandard) {
                        .error(.unknownStandard, ReaderMessages.columnNotBallotStandard(Echo.cell(name)),
                               at: csv.headerLocation(column: c), path: Echo.cell(name),
                               hint: itemSuggestions.didYouMeanOnly(name) ?? ReaderMessages.wideColumns)
                    }
                }
            }
            // One standard in two columns (by its id and by its name): a header error, once,
            // and neither column read, instead of a duplicate ballot on every row. Columns are
            // compared by the item they name (a header may give an item's key or its standard's
            // id or name).
            var firstColumn: [Int: Int] = [:], twice: Set<Int> = []
            for (c, key) in itemCols {
                guard let item = itemIndex[key] else { continue }
                if let first = firstColumn[item] {
                    twice.insert(item)
                    diagnostics.append(.error(.standardColumnTwice,
                                              ReaderMessages.standardColumnTwice(items[item].key, first: CellPosition.letter(first),
                                                                                 firstHeader: Echo.cell(csv.header[first])),
                                              at: csv.headerLocation(column: c), path: Echo.cell(csv.header[c]), hint: ReaderMessages.keepOneStandardColumn))
                } else {
                    firstColumn[item] = c
                }
            }
            itemCols.removeAll { itemIndex[$0.1].map(twice.contains) ?? false }
            if itemCols.isEmpty && !diagnostics.hasErrors {
                diagnostics.append(.error(.missingColumn, ReaderMessages.noBallotColumns,
                                          at: lineStart, hint: ReaderMessages.ballotStandards(items, rules: rules)))
            } else if !itemCols.isEmpty {
                // A wide file is a sheet of every ballot standard: a standard without its column
                // (an old template, a column deleted) would count as not scored by anyone, and
                // change totals and grades without a word.
                let headed = Set(itemCols.compactMap { itemIndex[$0.1] }).union(twice)
                let missing = items.indices.filter { !headed.contains($0) }
                if !missing.isEmpty {
                    diagnostics.append(.error(.missingColumn, ReaderMessages.wideColumnsMissing(missing.map { items[$0] }, rules: rules),
                                              at: lineStart, path: missing.map { items[$0].key }.joined(separator: ","),
                                              hint: ReaderMessages.addWideColumns))
                }
            }
            wideKeys = Dictionary(itemCols.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
            // Room for a cell of every item in every row at once (grown by doubling, a large
            // file's list held up to twice its size).
            cells.reserveCapacity(csv.rows.count * itemCols.count)
            for r in csv.rows.indices {
                // A row with more cells than the header: a comma split a value (`1,5` typed for
                // 1.5: the keys sit side by side), and every cell after it stands under the next
                // header. Its cells are not read: their errors were the shift's, listed before
                // the one thing to mend (a secretary's test). The ragged-row error says where.
                // (Empty cells beyond the header, an export's `,,`, shift nothing.)
                if csv.overflows(r) {
                    if let split = CommaSplit.find(.point, csv, row: r, columns: itemCols, valid: { text, key in
                        itemIndex[key].map { allows(text, item: $0) } ?? false
                    }) {
                        commaSplits[csv.spreadsheetRows[r]] = split
                    }
                    continue
                }
                let row = csv.rows[r]
                // Whether the row holds anything (a blank row is skipped), looked at once it has an empty cell.
                var holds: Bool?
                var scored = false
                for (c, _) in itemCols {
                    if !row[c].trimmingSpaces().isEmpty {
                        cells.append((r, c))
                        scored = true
                    } else {
                        if holds == nil { holds = !row.isBlank }
                        if holds == true { blanks.append((r, c)) }
                    }
                }
                // A row without a score whose ids name no one (`R1O` for R10, a representative
                // since taken off the roster, a signature below the table) passed in silence,
                // where a known id's empty row is a blank sheet (`blank-score`): its ids are
                // checked as a scored row's are, by one cell of column -1 that reads nothing else.
                if !scored && holds == true
                    && (repIndex[row[repCol].trimmingSpaces()] == nil || unitIndex[row[unitCol].trimmingSpaces()] == nil) {
                    cells.append((r, -1))
                }
            }
        }

        // Room for every cell at once: grown by doubling, the lists of a large file held twice
        // their size, and the old and new copies both while growing.
        var ballots: [Ballot] = []
        ballots.reserveCapacity(cells.count)
        var recusals: [RecusalViolation] = []
        var seen: [Int: Int] = [:]  // (rep, unit, item) → the table's row of its first ballot
        seen.reserveCapacity(cells.count)
        // A row's duplicates, said once for the row: a wide row typed twice repeats every
        // standard of it, and one line per standard buried the one thing to fix. Whether the
        // two rows' scores are the same says which is to be done: delete either row, or look
        // at the paper sheet to keep the right one.
        var repeated: (row: Int, rep: String, unit: String, firstRow: Int, items: [String], differing: [ReaderMessages.Repeated],
                       at: SourceLocation)?
        func sayRepeated() {
            guard let r = repeated else { return }
            repeated = nil
            diagnostics.append(.duplicateBallot) {
                .error(.duplicateBallot, r.items.count == 1 ? ReaderMessages.duplicateBallot(r.rep, r.unit, r.items[0], firstRow: r.firstRow, differing: r.differing.first)
                                                            : ReaderMessages.duplicateBallots(r.rep, r.unit, r.items, firstRow: r.firstRow,
                                                                                              every: r.items.count == items.count, differing: r.differing),
                       at: r.at, path: "representative", hint: ReaderMessages.keepOneBallot(same: r.differing.isEmpty))
            }
        }
        var idErrorRow = -1
        // Whether any ballot names a known representative, a known unit; the unknown ids, in
        // the order met: a file with none known is another session's, said once.
        var anyKnown = (rep: false, unit: false)
        var unknown = (reps: OrderedIDs(), units: OrderedIDs())
        var locator = CSVLocator(csv)
        // The long form's standard column (the cells are only made when it has a score column too).
        let longStandard = scoreCol != nil ? standardCol : nil
        // A row's ids and where they lead, read once for its cells (a wide row has one a
        // standard; the table makes a cell's text each time it is read).
        var ids = (row: -1, rep: "", unit: "", repIndex: Int?.none, unitIndex: Int?.none)
        for cell in cells {
            if let r = repeated, r.row != cell.row { sayRepeated() }
            let row = csv.rows[cell.row]
            if ids.row != cell.row {
                let rep = row[repCol].trimmingSpaces(), unit = row[unitCol].trimmingSpaces()
                ids = (cell.row, rep, unit, repIndex[rep], unitIndex[unit])
            }
            let itemCol = longStandard ?? cell.column
            let itemText = longStandard != nil ? row[itemCol].trimmingSpaces() : wideKeys[itemCol] ?? ""
            // The standard as a score's message names it: as the typist wrote it, in the long
            // form's cell or the wide form's header (never an id the sheet does not show).
            var itemShown: String { Echo.cell(longStandard != nil ? itemText : csv.header[itemCol].trimmingSpaces()) }
            let repID = ids.rep, unitID = ids.unit
            func at(_ column: Int) -> SourceLocation { locator.location(row: cell.row, column: column) }
            // A wide row without a score: only its ids are read (see above); their hint says so.
            let scoreless = cell.column < 0
            func withoutScores(_ hint: Localized?) -> Localized? {
                scoreless ? ReaderMessages.rowWithoutScores(after: hint) : hint
            }
            var ok = true
            // The ids as messages quote them: control characters shown, a long paste cut.
            var repText: String { Echo.cell(repID) }
            var unitText: String { Echo.cell(unitID) }
            let rep = ids.repIndex
            // An empty id is a cell to fill in, not an id of another session's.
            if rep == nil && !repID.isEmpty { unknown.reps.insert(repID, at: at(repCol)) } else if rep != nil { anyKnown.rep = true }
            // A wide row's unknown id is one cell to mend, said once for the row: once per score
            // cell it read "同一行另有 7 个单元格相同" (a secretary's test).
            let sameRow = idErrorRow == cell.row
            idErrorRow = cell.row
            if rep == nil {
                ok = false
                if !sameRow { diagnostics.append(.unknownRepresentative) {
                    if repID.isEmpty {
                        return .error(.unknownRepresentative, ReaderMessages.noBallotRepresentative, at: at(repCol), path: "representative",
                                      hint: ReaderMessages.fillInOrDeleteRow)
                    }
                    // A name typed for an id: the message names the id, and no other suggestion is needed.
                    let named = NameForID.representatives(named: repID, in: representatives)
                    return .error(.unknownRepresentative, ReaderMessages.unknownRepresentative(repText, namedIDs: named), at: at(repCol),
                                  path: "representative", hint: withoutScores(named.isEmpty ? ReaderMessages.unknownIDHint(repID, known: { repIndex[$0] != nil },
                                                                                                                          nearMiss: { repHints.hint(repID) },
                                                                                                                          writtenAs: repWrittenAs,
                                                                                                                          in: .roster) : nil))
                } }
            }
            let unit = ids.unitIndex
            if unit == nil && !unitID.isEmpty { unknown.units.insert(unitID, at: at(unitCol)) } else if unit != nil { anyKnown.unit = true }
            if unit == nil {
                ok = false
                if !sameRow { diagnostics.append(.unknownUnit) {
                    if unitID.isEmpty {
                        return .error(.unknownUnit, ReaderMessages.noBallotUnit, at: at(unitCol), path: "unit", hint: ReaderMessages.fillInOrDeleteRow)
                    }
                    let named = NameForID.units(named: unitID, in: units)
                    // A unit whose id cell holds its name may be the one meant (`unit-id-is-name`).
                    if named.isEmpty && !misnamed.isEmpty {
                        return .error(.unknownUnit, ReaderMessages.unknownBallotUnit(unitText).appending(ReaderMessages.idMaybeMisnamed(misnamed)),
                                      at: at(unitCol), path: "unit", hint: withoutScores(nil))
                    }
                    let partOf = named.isEmpty ? NameForID.units(partOf: unitID, in: units) : []
                    if !partOf.isEmpty {
                        return .error(.unknownUnit, ReaderMessages.unknownBallotUnit(unitText).appending(ReaderMessages.partOfName(unitText, units: partOf, in: .column)),
                                      at: at(unitCol), path: "unit", hint: withoutScores(nil))
                    }
                    return .error(.unknownUnit, ReaderMessages.unknownBallotUnit(unitText, namedIDs: named), at: at(unitCol), path: "unit",
                                  hint: withoutScores(named.isEmpty ? ReaderMessages.unknownIDHint(unitID, known: { unitIndex[$0] != nil },
                                                                                                   nearMiss: { unitHints.hint(unitID) },
                                                                                                   writtenAs: unitWrittenAs) : nil))
                } }
            }
            if scoreless { continue }
            // A long file's standard column may name the standard as a wide header does.
            let item = itemNames.index(named: itemText)
            if item == nil {
                ok = false
                diagnostics.append(.unknownStandard) {
                    if longStandard != nil && itemText.isEmpty {
                        return .error(.unknownStandard, ReaderMessages.noBallotStandard, at: at(itemCol), path: "standard",
                                      hint: ReaderMessages.fillInOrDeleteRow)
                    }
                    let isMetricStandard = rules.standards.contains { $0.id == itemText || $0.name == itemText }
                    let shown = Echo.cell(itemText)
                    return .error(.unknownStandard,
                                  isMetricStandard ? ReaderMessages.metricStandardBallot(shown) : ReaderMessages.unknownBallotStandard(shown),
                                  at: at(itemCol), path: "standard",
                                  hint: itemSuggestions.didYouMeanOnly(itemText) ?? ReaderMessages.ballotStandards(items, rules: rules))
                }
            }
            let text = row[cell.column].trimmingSpaces()
            // What a hint may suggest: a number, and where the standard is known one it allows
            // (`3 5` is not `35` when the standard is worth 4).
            func isNumber(_ t: String) -> Bool {
                guard let item else { return Rational(decimal: t) != nil }
                return allows(t, item: item)
            }
            var score: Rational?
            if text.isEmpty {
                diagnostics.append(.invalidScore) {
                    // A long row exists to carry its score: one without is a typing gap, not a blank on paper.
                    .error(.invalidScore, ReaderMessages.noScore(repText, unitText, itemShown), at: at(cell.column), path: "score",
                           hint: ReaderMessages.fillScoreOrDeleteRow)
                }
            } else if let s = Rational(decimal: TypedNumber.ascii(text)) {
                score = s
            } else if let item, case let limit = NumberLimits.check(unreadableLiteral: Substring(TypedNumber.ascii(text))),
                      limit == .tooManyDecimals || limit == .tooLarge {
                if limit == .tooManyDecimals {
                    // `0.000…1`, `1e-31`: a number (`3e0` reads as 3), with more decimals than any score can have.
                    diagnostics.append(.invalidScore) {
                        .error(.invalidScore, ReaderMessages.scoreBeyondLimits(Echo.cell(text), repText, unitText, itemShown),
                               at: at(cell.column), path: "score", hint: NumberLimits.hint(.tooManyDecimals))
                    }
                } else {
                    // A number with too many digits to hold is far above any standard's points: out
                    // of range, which says what a score may be, not "not a number".
                    let max = items[item].max.plainText()
                    diagnostics.append(.scoreOutOfRange) {
                        .error(.scoreOutOfRange, ReaderMessages.scoreOutOfRange(Echo.cell(text), repText, unitText, itemShown, max),
                               at: at(cell.column), path: "score", hint: ReaderMessages.standardWorth(max))
                    }
                }
            } else {
                /// `3.5分` for a standard worth 2: what to remove, and that the number is beyond its points.
                func unitBeyond() -> Localized? {
                    guard let item, let (core, unit) = TypedNumber.unitAround(TypedNumber.ascii(text)), let v = Rational(decimal: core),
                          v.isNegative || v > items[item].max else { return nil }
                    return ReaderMessages.removeSuffix(unit, core).appending(ReaderMessages.stillBeyond(items[item].max.plainText()))
                }
                diagnostics.append(.invalidScore) {
                    .error(.invalidScore, ReaderMessages.scoreNotNumber(Echo.cell(text), repText, unitText, itemShown), at: at(cell.column), path: "score",
                           // `3.5%` (a score the standard takes, with a `%`) is told to drop it; `350%`,
                           // which no score is, is most likely a cell in a percentage format.
                           hint: TypedNumber.spreadsheetHint(text)
                               ?? TypedNumber.hint(for: TypedNumber.ascii(text), valid: isNumber)
                               ?? ReaderMessages.scoreAsPercent(TypedNumber.ascii(text), max: item.map { items[$0].max.plainText() })
                               ?? TypedNumber.commaHint(typed: text, valid: isNumber)
                               ?? unitBeyond()
                               ?? (Self.isNoScoreMark(text) ? ReaderMessages.noScoreMark(Echo.cell(text), long: longStandard != nil) : nil))
                }
            }
            guard ok, let rep, let unit, let item, let score else { continue }
            let max = items[item].max
            if score.isNegative || score > max {
                // Two digits typed for `d.d` (35 for 3.5): said when the tenth is a score the standard takes.
                let tenth = score.divided(by: Rational(10))!
                let pointLeftOut = text.count == 2 && text.allSatisfy({ $0.isASCII && $0.isNumber }) && allows(tenth, item: item)
                diagnostics.append(.scoreOutOfRange) {
                    .error(.scoreOutOfRange, ReaderMessages.scoreOutOfRange(Echo.cell(text), repText, unitText, itemShown, max.plainText()),
                           at: at(cell.column), path: "score",
                           hint: pointLeftOut ? ReaderMessages.standardWorth(max.plainText(), pointLeftOut: tenth.plainText())
                                              : ReaderMessages.standardWorth(max.plainText()))
                }
                continue
            }
            if let step = rules.ballots.scoreStep, !(score.divided(by: step)!.isInteger) {
                diagnostics.append(.scoreStep) {
                    .error(.scoreStep, ReaderMessages.scoreStep(Echo.cell(text), repText, unitText, itemShown, step.plainText()),
                           at: at(cell.column), path: "score", hint: ReaderMessages.stepAllowed(step.plainText()))
                }
                continue
            }
            let key = (rep * units.count + unit) * items.count + item
            if let firstRow = seen[key] {
                let first = csv.spreadsheetRows[firstRow]
                if let r = repeated, r.firstRow != first { sayRepeated() }
                if repeated == nil {
                    repeated = (cell.row, repText, unitText, first, [], [], at(repCol))
                }
                // As the file heads or writes it, which is what the typist looks for.
                repeated?.items.append(itemShown)
                // The first ballot's score, in its row's cell of the same column (a long file's
                // score column; a wide file's column of this item): it was read as a score.
                let firstText = csv.rows[firstRow][cell.column].trimmingSpaces()
                if Rational(decimal: TypedNumber.ascii(firstText)) != score {
                    repeated?.differing.append(.init(item: itemShown, first: Echo.cell(firstText), again: Echo.cell(text)))
                }
                continue
            }
            seen[key] = cell.row
            if let reason = representatives[rep].recusal(from: unitID) {
                recusals.append(RecusalViolation(representative: repID, name: representatives[rep].name, unit: unitID, item: items[item].key, score: score,
                                                 location: at(repCol), reason: reason))
                // Without --strict the violation is reported with the run's warnings (SessionWarnings).
                if strict {
                    diagnostics.append(.recusal) {
                        let m = RosterMessages.strictRecusal(rep: repText, name: representatives[rep].name, unit: unitText, item: items[item].key, reason: reason)
                        return .error(.recusal, m.text, at: at(repCol), path: "representative", hint: m.hint)
                    }
                }
                continue
            }
            ballots.append(Ballot(representative: rep, unit: unit, item: item, score: score))
        }
        sayRepeated()
        if warnsOfBlankCells, let d = blankCells(blanks, csv, repCol: repCol, unitCol: unitCol, reps: repIndex, units: unitIndex).warning(fileName: fileName) {
            diagnostics.append(d)
        }
        // The typist's name columns (the entry template's 姓名 and 单位名称): a name that does
        // not fit its row's id, whose own errors (an unknown id) are said above; and its group
        // column (组别), a group that is not the representative's (a warning, since 0.29.3).
        let named = TypistNames.columns(csv.header, repCol: repCol, unitCol: unitCol)
        if named.any {
            let check = TypistNames(units: units, representatives: representatives, then: afterFix)
            for r in csv.rows.indices where !csv.rows[r].isBlank {
                let row = csv.rows[r]
                if let c = named.representative, let rep = repIndex[row[repCol].trimmingSpaces()],
                   let d = check.representativeName(row[c], rep: representatives[rep], at: csv.location(row: r, column: c), path: csv.header[c]) {
                    diagnostics.append(.sheetNameMismatch) { d }
                }
                if let c = named.group, let rep = repIndex[row[repCol].trimmingSpaces()],
                   let d = check.group(row[c], rep: representatives[rep], at: csv.location(row: r, column: c), path: csv.header[c]) {
                    diagnostics.append(.sheetGroupMismatch, .warning) { d }
                }
                if let c = named.unit, let unit = unitIndex[row[unitCol].trimmingSpaces()],
                   let d = check.unitName(row[c], unit: units[unit], at: csv.location(row: r, column: c), path: csv.header[c]) {
                    diagnostics.append(.sheetUnitMismatch) { d }
                }
            }
        }
        if ballots.isEmpty && recusals.isEmpty && !items.isEmpty && !diagnostics.hasErrors {
            diagnostics.append(.error(.noBallots, ReaderMessages.noBallots(fileName, items.count),
                                      at: lineStart, hint: ReaderMessages.addBallots))
        }
        var said = CommaSplit.said(commaSplits, in: diagnostics.items)
        if !anyKnown.unit {
            said = OrderedIDs.noneKnown(unknown.units, code: .unknownUnit, in: said, units: true) { id in
                !NameForID.units(named: id, in: units).isEmpty
                    || ReaderMessages.unknownIDHint(id, known: { unitIndex[$0] != nil }, nearMiss: { nil },
                                                    writtenAs: unitWrittenAs) != nil
            }
        }
        if !anyKnown.rep {
            said = OrderedIDs.noneKnown(unknown.reps, code: .unknownRepresentative, in: said, units: false) { id in
                !NameForID.representatives(named: id, in: representatives).isEmpty
                    || ReaderMessages.unknownIDHint(id, known: { repIndex[$0] != nil }, nearMiss: { nil },
                                                    writtenAs: repWrittenAs, in: .roster) != nil
            }
        }
        return (BallotBox(items: items, ballots: ballots, recusals: recusals), RepeatedProblems.merged(WorkbookHints.apply(said, result.workbook)))
    }
}


extension BallotsReader {
    /// What a secretary types for "not scored" in a score cell, none of it a score: the units
    /// file's words for a missing value (`-`, `—`, `N/A`, `无`, `空` …), and the marks of a
    /// paper sheet's cell struck through or crossed out: `/` and `\` (half- and full-width, and
    /// `、`, which a Chinese input method types for either key), `×` and `x`, `——` (a Chinese
    /// input method's dash). Each is answered with what to do instead (since 0.29.3 for all but
    /// the units file's words).
    static let noScoreMarks: Set<String> = MetricValue.missingTokens.subtracting([""])
        .union(["/", "／", "\\", "＼", "、", "×", "x", "X", "✗", "——", "–"])

    /// Whether `text` (a trimmed cell) is one of ``noScoreMarks``, as typed or with full-width
    /// forms made half-width (`－`).
    static func isNoScoreMark(_ text: String) -> Bool {
        noScoreMarks.contains(text) || noScoreMarks.contains(TypedNumber.ascii(text))
    }

    /// A wide file's empty score cells, `blanks` in row order, as ``BlankCells`` gathers them:
    /// those of rows whose representative may score the row's unit (a known one, not their own
    /// nor a declared conflict; another row's problem is said by its own message).
    func blankCells(_ blanks: [(row: Int, column: Int)], _ csv: CSVTable, repCol: Int, unitCol: Int, reps: [String: Int],
                    units: [String: Int]) -> BlankCells {
        var cells = BlankCells()
        for (r, c) in blanks {
            let row = csv.rows[r]
            let repID = row[repCol].trimmingSpaces(), unitID = row[unitCol].trimmingSpaces()
            guard let rep = reps[repID], units[unitID] != nil, representatives[rep].recusal(from: unitID) == nil else { continue }
            cells.add(row: csv.spreadsheetRows[r]) {
                BlankCells.Cell(row: csv.spreadsheetRows[r], column: c, header: csv.header[c], representative: repID, unit: unitID)
            }
        }
        return cells
    }
}
