import Foundation

/// The blank ballot sheets of a session (职工代表现场评分表), before anyone scores: one per
/// representative and unit their group hears, in schedule order, each with a sheet id that
/// carries a check digit; the sheets a representative must not fill (回避) are kept too, to be
/// printed struck through. The entry template lists the fillable sheets in the same order.
public struct BallotSheetSet: Sendable {
    public struct Sheet: Sendable, Equatable {
        /// `0012-5`: a running number and its Luhn check digit.
        public var id: String
        public var representative: Int
        public var unit: Int
        public var group: String
        /// The representative belongs to the unit (or declared a conflict): printed struck through.
        public var recused: Bool
        /// When and where the group hears the unit, from the schedule (empty without one).
        public var time: String
        public var place: String
    }

    public let rules: Rules
    public let units: [Unit]
    public let representatives: [Representative]
    public let items: [BallotItem]
    public let sheets: [Sheet]

    /// Reads rules, units, roster and (optionally) the schedule; throws every problem at once.
    public static func load(rules: String, units: String, roster: String, schedule: String?, baseDirectory: String = "",
                            readFile: ((String) throws -> Data)? = nil) throws(DiagnosticsError) -> BallotSheetSet {
        let readFile = readFile ?? { try InputFile.read(PathText.resolve($0, in: baseDirectory)) }
        let loaded = try RulesLoader(readFile: { try RulesLoader.text(readFile($0), path: $0) }).load(rules)
        var diagnostics = Diagnostics()
        diagnostics.append(contentsOf: loaded.warnings)
        func read(_ path: String) -> Data? {
            do { return try readFile(path) } catch {
                diagnostics.append(UnreadableFile.diagnostic(path, error, at: PathText.resolve(path, in: baseDirectory)))
                return nil
            }
        }
        var table: UnitTable?
        if let data = read(units) {
            let r = UnitsReader(rules: loaded.rules).read(data, fileName: units)
            table = r.table
            diagnostics.append(contentsOf: r.diagnostics)
        }
        var reps: [Representative]?
        if let data = read(roster) {
            let r = RosterReader.read(data, fileName: roster, units: table?.units, rules: loaded.rules)
            reps = r.reps
            diagnostics.append(contentsOf: r.diagnostics)
        }
        var plan: Schedule?
        if let schedule, let data = read(schedule) {
            let r = ScheduleReader.read(data, fileName: schedule, units: table?.units, representatives: reps)
            plan = r.schedule
            diagnostics.append(contentsOf: r.diagnostics)
        }
        let items = BallotItem.items(of: loaded.rules)
        if items.isEmpty {
            diagnostics.append(.error(.noBallotStandards, PaperTexts.noBallotStandards, at: nil, path: "standards", hint: PaperTexts.noBallotStandardsHint))
        }
        guard !diagnostics.hasErrors, let table, let reps, schedule == nil || plan != nil else { throw DiagnosticsError(diagnostics.sorted) }
        // Counted before a sheet is made, as `session init` does: without a schedule, 28 000
        // representatives × 200 000 units would be billions of sheets.
        if let tooLarge = ExpectedBallots.sizeProblem(schedule: plan, representatives: reps, units: table.units.count) {
            throw DiagnosticsError([tooLarge])
        }
        return BallotSheetSet(rules: loaded.rules, units: table.units, representatives: reps, items: items, schedule: plan)
    }

    public init(rules: Rules, units: [Unit], representatives: [Representative], items: [BallotItem], schedule: Schedule?) {
        self.rules = rules
        self.units = units
        self.representatives = representatives
        self.items = items
        // Each group's representatives, found once: a search of the roster per schedule row was
        // quadratic (200 000 rows × 28 000 representatives).
        let groups = RosterGroups(representatives)
        let plan = schedule ?? Schedule.everyoneHearsEverything(groups: groups.order, units: units.map(\.id))
        let unitIndex = Dictionary(units.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var sheets: [Sheet] = []
        var seen = Set<[Int]>()
        for entry in plan.entries {
            guard let u = unitIndex[entry.unit] else { continue }
            for r in groups.members[entry.group, default: []] where seen.insert([r, u]).inserted {
                let rep = representatives[r]
                let recused = rep.units.contains(entry.unit) || rep.conflicts.contains(entry.unit)
                sheets.append(Sheet(id: "", representative: r, unit: u, group: entry.group, recused: recused, time: entry.time, place: entry.place))
            }
        }
        // Group by group, then representative (roster order), then unit (schedule order): the
        // pile each representative is handed.
        let groupOrder = Dictionary(plan.groups.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        sheets = sheets.enumerated().sorted { a, b in
            (groupOrder[a.element.group] ?? 0, a.element.representative, a.offset) < (groupOrder[b.element.group] ?? 0, b.element.representative, b.offset)
        }.map(\.element)
        for i in sheets.indices { sheets[i].id = Self.sheetID(i + 1) }
        self.sheets = sheets
    }

    /// `0012-5`: the number with four digits at least, and its Luhn check digit, which catches
    /// any single mistyped digit and most swaps of neighbours.
    public static func sheetID(_ n: Int) -> String {
        let digits = String(n).count < 4 ? String(repeating: "0", count: 4 - String(n).count) + String(n) : String(n)
        return digits + "-" + String(luhn(digits))
    }

    /// The Luhn check digit of a string of digits.
    public static func luhn(_ digits: String) -> Int {
        var sum = 0
        for (i, ch) in digits.reversed().enumerated() {
            var d = Int(String(ch)) ?? 0
            if i % 2 == 0 { d *= 2; if d > 9 { d -= 9 } }
            sum += d
        }
        return (10 - sum % 10) % 10
    }

    /// The fillable sheets, in print order.
    public var fillable: [Sheet] { sheets.filter { !$0.recused } }

    /// The entry template's headers: the representative, their name and group, the unit, then
    /// each ballot item. In Chinese the names a typist reads (代表编号, …, each standard's name),
    /// in English the ids; the readers take either (`BallotItemNames`, `ColumnNames`). An item's
    /// id is its standard's, as the blank sheet prints it beside the item (`publicity.ballot`):
    /// an area's item was headed by its key, the area's id (`publicity`), which the sheet does
    /// not print. The readers still take the key.
    func entryHeaders(lang: Language) -> (fixed: [String], items: [String]) {
        guard lang == .zh else { return (Self.entryKeys, items.map { rules.standards[$0.standard].id }) }
        // An item's standard's name, where the readers take that name back to this item (it is
        // the first standard of that name, as `BallotItemNames.standardID(named:)` looks); its
        // key otherwise.
        let names = items.map { item in
            let standard = rules.standards[item.standard]
            let first = rules.standards.first { $0.name == standard.name }
            return !standard.name.isEmpty && first?.id == standard.id ? standard.name : item.key
        }
        return (["代表编号", "姓名", "组别", "单位编号"], names)
    }

    /// The entry template's first four columns, as ids (their English headers).
    static let entryKeys = ["representative", "name", "group", "unit"]

    /// `entry-template.csv`: a wide ballots file with one row per fillable sheet, in print order,
    /// scores left blank. Filled in, it is read by `kaimen score --ballots` as it is (the name and
    /// group columns are skipped).
    public func entryTemplate(lang: Language) -> ExportTable {
        let headers = entryHeaders(lang: lang)
        var columns: [ExportTable.Column] = zip(Self.entryKeys, headers.fixed).map {
            .init(header: $1, key: $0, alignRight: false)
        }
        columns += zip(items, headers.items).map { .init(header: $1, key: $0.key, alignRight: true) }
        let rows: [[ExportCell]] = fillable.map { s in
            let rep = representatives[s.representative]
            return [.text(rep.id), .text(rep.name), .text(rep.group), .text(units[s.unit].id)] + items.map { _ in .empty }
        }
        return ExportTable(columns: columns, rows: rows)
    }

    /// The entry template as a workbook sheet (录入模板), with the sheet ids and unit names beside
    /// it for the typist; only the score columns are to be filled.
    public func entryWorkbook(lang: Language) -> XLSXWorkbook {
        var sheet = XLSXSheet(name: lang.t("录入模板", "Entry"))
        // Saved as CSV, it reads as the CSV template does: the readers skip the sheet id and unit name.
        let headers = entryHeaders(lang: lang)
        sheet.rows = [([lang.t("表号", "sheet")] + headers.fixed + [lang.t("单位名称", "unit_name")] + headers.items).map { .header($0) }]
        // The standards' names head columns of one-digit scores: wrapped, not as wide as the names,
        // in a header row as tall as its longest name needs (a papers review found the third
        // line of 宣传教育工作总体评价（职工代表评分） cut off in LibreOffice); the rows below on one line.
        sheet.headerMaxWidth = 12
        (sheet.wrapsText, sheet.wrapsColumns) = (true, 0)
        for s in fillable {
            let rep = representatives[s.representative]
            sheet.rows.append([.text(s.id), .text(rep.id), .text(rep.name), .text(rep.group), .text(units[s.unit].id), .text(units[s.unit].name)])
        }
        // Printed to check a typing against the paper: one page wide, the headers on every page,
        // a grid (the empty score cells too), each page numbered and titled.
        (sheet.fitToWidth, sheet.printTitleRows, sheet.borderedFrom) = (true, 1, 0)
        sheet.pageHeader = (rules.metadata.issuer, rules.metadata.title + " " + PaperTexts.entryTitle.text(lang), "")
        // Each score column warns of a number below 0 or above its item's maximum as it is typed
        // (a warning: what the paper says can still be typed, and `session enter` judges it).
        let fixed = 2 + headers.fixed.count
        if !fillable.isEmpty {
            sheet.validations = items.enumerated().map { i, item in
                let max = item.max.plainText()
                return XLSXSheet.Validation(
                    column: fixed + i, firstRow: 2, lastRow: fillable.count + 1, maximum: max,
                    title: PaperTexts.scoreOutOfRange.text(lang),
                    message: PaperTexts.scoreOutOfRangeText(max).text(lang),
                    promptTitle: PaperTexts.scoreRange.text(lang), prompt: PaperTexts.scoreRangeText(max).text(lang))
            }
        }
        var book = XLSXWorkbook()
        book.add(sheet)
        // Each row a line of LibreOffice's CJK font high (17 points): at Excel's default 15, a
        // print from LibreOffice without 等线 had every name on the grid line below it.
        book.setUpPages(lang, lineHeight: 16, everyRow: true)
        return book
    }
}
