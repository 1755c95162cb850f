/// `summary.xlsx`: the run as an Excel workbook. Sheets: 汇总 (the summary, cell for cell as in
/// `summary.csv`), one 评分表 per unit (up to `sheetLimit`; above it one long sheet), 代表评分
/// (each ballot, only when the representatives are published), and 提示 (warnings and notes).
public enum SummaryWorkbook {
    /// Above this many units the score sheets go into one long sheet instead of one each.
    public static let sheetLimit = 60

    /// - Parameter namesRepresentatives: `--publish-representatives` was given (``Publication``).
    public static func workbook(_ report: ScoreReport, session: ScoringSession?, lang: Language = .zh,
                                namesRepresentatives: Bool = false) -> XLSXWorkbook {
        workbook(report, session: session, lang: lang, publication: Publication(report, asked: namesRepresentatives))
    }

    /// - Parameter sheetTables: each unit's score sheet (``ScoreSheetExport/table(_:unit:lang:)``,
    ///   by unit index) when the caller already made them, as this workbook shows them (named or
    ///   not: `publication.workbookNames`); otherwise they are made here.
    static func workbook(_ report: ScoreReport, session: ScoringSession?, lang: Language,
                         publication: Publication, sheetTables: [ExportTable]? = nil) -> XLSXWorkbook {
        // Since 0.17.0: sheet names by Excel's measure, and set up to print (below).
        let current = report.writes(since: ScoreReport.v0_17)
        // Since 0.18.0: score sheets with their grid, pages numbered, rows tall enough for LibreOffice.
        let since018 = report.writes(since: ScoreReport.v0_18)
        var book = XLSXWorkbook()
        book.namesBefore017 = !current
        // Anonymous unless published (since 0.17.0): no cell names a representative, and the
        // score sheets are not the CSV ones, which name them.
        let names = publication.workbookNames
        let sheetTable = { (session: ScoringSession, u: Int) in
            sheetTables?[u] ?? ScoreSheetExport.table(session, unit: u, lang: lang, narration: nil, namesRepresentatives: names)
        }
        // Set up to print: long texts wrap in narrower columns, so a score sheet fit to one
        // landscape page is legible, and 汇总 prints its ranked summary one page wide.
        var summary = summarySheet(report, lang: lang, namesRepresentatives: names)
        if current {
            // Printed: the ranked summary up to 说明, one page wide, headers on every page; the
            // columns per standard after it are for sorting and sums, not for paper.
            summary.printTitleRows = summary.frozenRows
            summary.printColumns = SummaryExport.table(emptyOf: report, lang: lang, standardColumns: false).columns.count
            summary.fitToWidth = true
            summary.wrapsText = true
            summary.maxWidth = 36
        }
        if report.writes(since: ScoreReport.v0_25) { printedLarger(&summary, printed: summary.printColumns) }
        // Since 0.29.2 each printed page of 汇总 says whose summary it is, and which result.
        if report.writes(since: ScoreReport.v0_29_2) {
            let m = report.rules.metadata
            // Since 0.29.5 with the 考核期, as the report and the notice give it (a papers review:
            // a printed summary did not say which period it ranked).
            let right = [report.writes(since: ScoreReport.v0_29_5) ? PaperTexts.periodLine(report, lang) : "", report.sheets?.versionLine(lang) ?? ""]
            summary.pageHeader = (m.issuer, m.title + " " + PaperTexts.summaryHeading.text(lang), right.filter { !$0.isEmpty }.joined(separator: " "))
        }
        book.add(summary)
        if let session {
            let units = session.report.ranking.order
            if units.count <= sheetLimit {
                for u in units {
                    let table = sheetTable(session, u)
                    var sheet = XLSXSheet(name: "\(PaperTexts.sheetHeading.text(lang)) \(session.table.units[u].id)", frozenRows: table.preamble.count + 1)
                    sheet.fitToWidth = true
                    sheet.maxWidth = 50
                    if current { printable(&sheet, titleRows: table.preamble.count + 1) }
                    // Since 0.18.0 the table has its grid: printed, a subtotal is told from the
                    // wrapped text above it.
                    if since018 { sheet.borderedFrom = table.preamble.count }
                    sheet.rows = table.preamble.map(cells) + [table.columns.map { .header($0.header) }] + table.rows.map(cells)
                    if report.writes(since: ScoreReport.v0_29_3) {
                        // Since 0.29.5 the title row gives the 考核期 after the rules' title.
                        let period = report.writes(since: ScoreReport.v0_29_5) ? PaperTexts.periodLine(report, lang) : nil
                        spreadPreamble(&sheet, table, period: period, lang: lang)
                        // Since 0.29.7 the title row is as tall as the title wraps across its merged
                        // columns (a papers review: four lines high, measured in 编号 alone, for one).
                        sheet.heightsAcrossMerges = report.writes(since: ScoreReport.v0_29_7)
                    }
                    book.add(sheet)
                }
            } else {
                var long = longSheets(session, lang: lang, table: sheetTable)
                if current { printable(&long, titleRows: 1) }
                // One page wide, as every other 评分表 (since 0.29.1: it printed four columns a
                // page, 1 095 pages for 61 units).
                if report.writes(since: ScoreReport.v0_29_1) { long.fitToWidth = true }
                // Since 0.29.5 its pages say whose score sheets they are, and for which period (it
                // has no title rows of its own).
                if report.writes(since: ScoreReport.v0_29_5) {
                    let m = report.rules.metadata
                    long.pageHeader = (m.issuer, m.title + " " + PaperTexts.sheetHeading.text(lang), PaperTexts.periodLine(report, lang))
                }
                if since018 { long.borderedFrom = 0 }
                book.add(long)
            }
            if publication.representatives { book.add(ballotSheet(session, lang: lang)) }
        }
        var notes = XLSXSheet(name: PaperTexts.warningsHeading.text(lang) == "提示" ? "提示" : "Notes")

        notes.rows = [[.header(PaperTexts.warningsHeading.text(lang))]]
        notes.rows += (SessionWarnings.collect(report, lang: lang, limit: report.scores.unitCount > 1000 ? 20 : nil, recusals: names)
                       + report.papersInputWarnings.map { $0.rendered(lang) }).map { [.text($0)] }
        notes.maxWidth = current ? 100 : 120
        notes.wrapsText = current
        book.add(notes)
        // Since 0.18.0 every printed page says which it is, and of how many, and a wrapped row
        // is tall enough for LibreOffice's lines too.
        // Since 0.29.6 a row of one line is as high as one of LibreOffice's lines needs in every
        // sheet, as in 汇总: printed from LibreOffice without 等线, a 评分表's 小计 and title rows
        // and the notes' lines were 15 points, their CJK text on the grid line below (a papers review).
        if since018 { book.setUpPages(lang, lineHeight: 16, everyRow: report.writes(since: ScoreReport.v0_29_6)) }
        return book
    }

    /// 汇总 as it prints since 0.25.0 (a trial printed it from LibreOffice at about half size,
    /// without a grid): its grid drawn; the headings of the printed columns wrapped to 6
    /// characters (`类别` over `排名`) and every column at most 28 wide, so the page is some
    /// 195 characters wide, not 250, and prints at about three quarters in Excel (about 56% in
    /// LibreOffice without 等线, 45% before); a heading with no
    /// second header row under it (every printed one: the second row names the standards
    /// after them) merged over both rows; the texts of the columns not printed (the hints) on
    /// one line, so that they make no printed row taller; a row of one line as high as
    /// LibreOffice's line needs.
    static func printedLarger(_ summary: inout XLSXSheet, printed: Int) {
        summary.borderedFrom = 0
        summary.maxWidth = 28
        (summary.headerMaxWidth, summary.headerMaxWidthColumns, summary.wrapsColumns) = (6, printed, printed)
        summary.heightsEveryRow = true
        guard summary.frozenRows == 2, summary.rows.count > 1 else { return }
        for (c, cell) in summary.rows[1].enumerated() where cell == .empty {
            let column = XLSXSheet.columnName(c)
            summary.merges.append("\(column)1:\(column)2")
        }
    }

    /// A score sheet's three rows above its table (``ScoreSheetExport``: 评分表 and the rules' title
    /// and id; 单位, its id, name and category; 总分, the total, grade and rank), each text
    /// merged over the columns to the last two, the last text over those two (since 0.29.3: a
    /// tester's print had the rules' title wrapped in the narrow 编号 column and `96.20优秀` run
    /// together across two cells). The grade is said as such (`等级：优秀`), clear of the total,
    /// and the rules' title followed by `period`, the 考核期, when given (`西城区…细则　考核期：2014年年中`;
    /// the CSV sheets, whose preamble this is, have no period).
    static func spreadPreamble(_ sheet: inout XLSXSheet, _ table: ExportTable, period: String? = nil, lang: Language) {
        let n = table.columns.count
        guard n >= 6 else { return }
        func column(_ i: Int) -> String { XLSXSheet.columnName(i) }
        for (r, row) in table.preamble.enumerated() where row.count >= 3 {
            var cells = Self.cells(row)
            if r == 0, let period, case .text(let title) = cells[1] { cells[1] = .text(title + lang.t("　", " · ") + period) }
            if r == 2, case .text(let grade) = cells[2] { cells[2] = .text(PaperTexts.gradeLabel.text(lang) + grade) }
            // The first texts at A (and B); the one before the last from there to column n − 2; the last over n − 1 and n.
            let head = Array(cells.dropLast(2)), middle = cells[cells.count - 2], last = cells[cells.count - 1]
            var out = head + [middle]
            out += Array(repeating: .empty, count: n - 2 - out.count) + [last, .empty]
            sheet.rows[r] = out
            let line = r + 1
            if n - 2 > head.count + 1 { sheet.merges.append("\(column(head.count))\(line):\(column(n - 3))\(line)") }
            sheet.merges.append("\(column(n - 2))\(line):\(column(n - 1))\(line)")
        }
    }

    /// A score sheet set up to print: its texts wrapped in columns at most 28 characters wide,
    /// its header rows repeated on every page.
    static func printable(_ sheet: inout XLSXSheet, titleRows: Int) {
        (sheet.wrapsText, sheet.maxWidth, sheet.printTitleRows) = (true, 28, titleRows)
    }

    /// An exported cell as a workbook cell: numbers keep the decimals kaimen printed.
    static func cells(_ row: [ExportCell]) -> [XLSXSheet.Cell] {
        row.map { cell in
            switch cell {
            case .text(let s), .notApplicable(let s), .structured(let s, _): .text(s)
            case .number(let s): number(s)
            case .empty: .empty
            }
        }
    }

    static func number(_ s: String) -> XLSXSheet.Cell {
        if let dot = s.firstIndex(of: ".") { return .number(s, places: s.distance(from: dot, to: s.endIndex) - 1) }
        if let i = Int(s) { return .integer(i) }
        return .text(s)
    }

    /// 汇总: the same header rows, columns and values as `summary.csv`.
    static func summarySheet(_ report: ScoreReport, lang: Language, namesRepresentatives: Bool = true) -> XLSXSheet {
        let table = SummaryExport.table(report, lang: lang, standardColumns: true, namesRepresentatives: namesRepresentatives)
        var sheet = XLSXSheet(name: lang.t("汇总", "Summary"), frozenRows: table.subheaders == nil ? 1 : 2)
        sheet.rows = [table.columns.map { .header($0.header) }]
        if let sub = table.subheaders { sheet.rows.append(sub.map { $0.isEmpty ? .empty : .header($0) }) }
        sheet.rows += table.rows.map(cells)
        return sheet
    }

    /// Every unit's score sheet rows in one sheet, each row led by the unit's id and name.
    static func longSheets(_ session: ScoringSession, lang: Language, table sheetTable: (ScoringSession, Int) -> ExportTable) -> XLSXSheet {
        var sheet = XLSXSheet(name: PaperTexts.sheetHeading.text(lang))
        for (k, u) in session.report.ranking.order.enumerated() {
            let table = sheetTable(session, u)
            let unit = session.table.units[u]
            if k == 0 { sheet.rows.append([.header(lang.t("单位编号", "Unit id")), .header(lang.t("单位", "Unit"))] + table.columns.map { .header($0.header) }) }
            for row in table.rows { sheet.rows.append([.text(unit.id), .text(unit.name)] + cells(row)) }
        }
        return sheet
    }

    /// 代表评分: one row per ballot with whether it counted, was trimmed, or was set aside for recusal.
    static func ballotSheet(_ session: ScoringSession, lang: Language) -> XLSXSheet {
        var sheet = XLSXSheet(name: lang.t("代表评分", "Ballots"))
        sheet.rows = [[lang.t("代表编号", "Representative id"), lang.t("代表", "Representative"), lang.t("组别", "Group"), lang.t("单位编号", "Unit id"),
                       lang.t("单位", "Unit"), lang.t("标准", "Standard"), lang.t("分数", "Score"), lang.t("状态", "Status")].map { .header($0) }]
        let rules = session.rules
        let places = max(rules.ranking.precision, 2)
        for b in session.ballots.ballots {
            let item = session.ballots.items[b.item], rep = session.representatives[b.representative], unit = session.table.units[b.unit]
            var status = lang.t("计入", "counted")
            if case .ballot(let d) = session.results[b.unit].standards[item.standard].detail {
                if d.droppedHigh.contains(where: { $0.representative == b.representative }) { status = lang.t("去掉最高", "dropped (highest)") }
                if d.droppedLow.contains(where: { $0.representative == b.representative }) { status = lang.t("去掉最低", "dropped (lowest)") }
            }
            sheet.rows.append([.text(rep.id), .text(rep.name), .text(rep.group), .text(unit.id), .text(unit.name),
                               .text(rules.standards[item.standard].name), .number(b.score.formatted(places: places), places: places), .text(status)])
        }
        for v in session.report.recusals {
            let rep = session.representatives.first { $0.id == v.representative }
            let unit = session.table.units.first { $0.id == v.unit }
            sheet.rows.append([.text(v.representative), .text(v.name), .text(rep?.group ?? ""), .text(v.unit), .text(unit?.name ?? ""), .text(v.item),
                               .number(v.score.formatted(places: places), places: places), .text(lang.t("回避，未计入", "recused, not counted"))])
        }
        return sheet
    }
}
