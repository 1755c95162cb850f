import Foundation

/// Writes a run's files into an output folder as one whole set (``OutputBatch``: the old set or
/// the new, never a mix, with a `manifest.json` of hashes): the summary (`summary.csv` with
/// every standard's points, `summary.json`) and, given the checked run's rich results, a score
/// sheet per unit (`sheets/<unit>.csv`, `.json`), and the printable papers: `report.html` (the
/// summary and a score sheet per unit), `summary.xlsx` (the workbook) and `公示.html` (the public notice; `notice.html` in English). File names made from unit ids are sanitised so
/// they never leave the folder.
public enum OutputFiles {
    /// Above this many units the summary is written as CSV only: its JSON runs to hundreds of
    /// megabytes (two gigabytes at a million units).
    public static let jsonLimit = 10_000

    /// Above this many units the printable papers (`report.html`, `公示.html`) are not written:
    /// nobody prints a score sheet per unit for a city of units.
    public static let papersLimit = 2_000

    @discardableResult
    public static func write(_ session: ScoringSession, to dir: URL, lang: Language = .zh, namesRepresentatives: Bool = false,
                             options: OutputBatch.CommitOptions = OutputBatch.CommitOptions()) throws -> OutputBatch.Committed {
        try write(session.report, sheets: session, to: dir, lang: lang, namesRepresentatives: namesRepresentatives, options: options)
    }

    /// - Parameters:
    ///   - sheets: the checked session whose results the score sheets show; `nil` writes the summary only.
    ///   - namesRepresentatives: 公示.html and the workbook name the representatives and show their ballots
    ///     (also when the rules say `publishRepresentatives`).
    ///   - options: the run's input files for the manifest, `force`, the lock's patience.
    @discardableResult
    public static func write(_ report: ScoreReport, sheets: ScoringSession?, to dir: URL, lang: Language = .zh, threads: Int = 1,
                             summaryOnly: Bool = false, namesRepresentatives: Bool = false,
                             options: OutputBatch.CommitOptions = OutputBatch.CommitOptions()) throws -> OutputBatch.Committed {
        try write(report, sheets: sheets, to: dir, lang: lang, threads: threads, summaryOnly: summaryOnly, namesRepresentatives: namesRepresentatives,
                  options: options, papersUpTo: papersLimit)
    }

    /// - Parameter papersUpTo: the most units the papers are written for (``papersLimit``; a
    ///   test's lower one writes a small session's sheets as a large one's are written).
    static func write(_ report: ScoreReport, sheets: ScoringSession?, to dir: URL, lang: Language, threads: Int, summaryOnly: Bool,
                      namesRepresentatives: Bool, options: OutputBatch.CommitOptions, papersUpTo: Int) throws -> OutputBatch.Committed {
        var batch = OutputBatch()
        let large = report.scores.unitCount > 1000
        batch.add(streaming: { write in try SummaryWriter.csv(report, lang: lang, threads: threads, write: write) }, at: "summary.csv")
        if report.scores.unitCount <= jsonLimit && !summaryOnly {
            batch.add(Data(SummaryWriter.json(report, lang: lang, threads: threads, warningLimit: large ? 20 : nil)), at: "summary.json")
        }
        var bookTables: [ExportTable]?, narrations: [SheetNarration]?, pages: [HTMLText]?
        let papers = sheets.map { !summaryOnly && $0.table.units.count <= papersUpTo } ?? false
        // Whom the papers name, decided once for the notice and the workbook.
        let publication = Publication(report, asked: namesRepresentatives)
        // The workbook's score sheets name no one unless published (`SummaryWorkbook`): made on
        // the threads with the others, not after them on one.
        let anonymousBook = papers && !publication.workbookNames
        if let session = sheets, !summaryOnly {
            let names = SafePath.uniqueFileNames(for: session.table.units.map(\.id))
            if !papers {
                // No paper needs the sheets all at once: each unit's CSV and JSON are made when
                // they are written, and dropped, so a large session's close and verify never hold
                // every sheet (about 110 KB a unit, most of their memory, when they did).
                batch.threads = max(2, threads)
                for (u, name) in names.enumerated() {
                    batch.add(together: ["sheets/\(name).csv", "sheets/\(name).json"]) {
                        let sheet = Self.sheet(session, unit: u, lang: lang)
                        return [sheet.csv, sheet.json]
                    }
                }
            } else {
                // The sheets are most of the work of a small run's --out: made on all the threads,
                // each unit's texts and table once, for its CSV, its JSON, the workbook and the
                // report (whose page per unit is made here too, so the threads share the work evenly).
                let count = names.count
                let chunks = max(1, min(threads, count / 16))
                let medians = ReportHTML.areaMedians(session)
                let sheets = Parallel.map(chunks) { c in
                    (count * c / chunks ..< count * (c + 1) / chunks).map { u in
                        Self.paperSheet(session, unit: u, lang: lang, anonymous: anonymousBook, medians: medians)
                    }
                }.joined()
                for (name, paper) in zip(names, sheets) {
                    batch.add(paper.sheet.csv, at: "sheets/\(name).csv")
                    batch.add(paper.sheet.json, at: "sheets/\(name).json")
                }
                bookTables = sheets.map(\.bookTable)
                narrations = sheets.map(\.sheet.narration)
                pages = sheets.map(\.page)
            }
        }
        if let session = sheets, papers {
            // The three papers are independent of each other: made side by side.
            let (bookTables, narrations, pages) = (bookTables, narrations, pages)
            let make: @Sendable (Int) -> (Data, String)? = { k in
                switch k {
                case 0:
                    return SummaryWorkbook.workbook(report, session: session, lang: lang, publication: publication,
                                                    sheetTables: bookTables).bytes().map { (Data($0), "summary.xlsx") }
                case 1: return (Data(ReportHTML.render(session, lang: lang, narrations: narrations, pages: pages).utf8), "report.html")
                default: return (Data(NoticeHTML.render(session, lang: lang, publication: publication).utf8), lang == .zh ? "公示.html" : "notice.html")
                }
            }
            let made = threads > 1 ? Parallel.map(3, make) : (0..<3).map(make)
            for case let (data, name)? in made { batch.add(data, at: name) }
        }
        return try batch.commit(into: dir, options: options)
    }

    /// One unit's score sheet: its texts, its table, and the CSV and JSON bytes.
    private typealias Sheet = (narration: SheetNarration, table: ExportTable, csv: Data, json: Data)

    /// One unit's score sheet as the files show it: its texts and table (once, for all of them),
    /// and the CSV and JSON bytes.
    private static func sheet(_ session: ScoringSession, unit u: Int, lang: Language) -> Sheet {
        let narration = SheetNarration(session, unit: u, lang: lang)
        let table = ScoreSheetExport.table(session, unit: u, lang: lang, narration: narration)
        return (narration: narration, table: table,
                csv: Data(table.csv()), json: Data(JSONBytes.render(ScoreSheetExport.json(session, unit: u, lang: lang, table: table))))
    }

    /// ``sheet(_:unit:lang:)`` with what the papers show of it: the workbook's table (naming no
    /// one when `anonymous`, else the CSV's) and, with the papers' `medians`, the report's page.
    private static func paperSheet(_ session: ScoringSession, unit u: Int, lang: Language, anonymous: Bool, medians: [Double])
        -> (sheet: Sheet, bookTable: ExportTable, page: HTMLText) {
        let sheet = sheet(session, unit: u, lang: lang)
        return (sheet: sheet,
                bookTable: anonymous ? ScoreSheetExport.table(session, unit: u, lang: lang, narration: nil, namesRepresentatives: false) : sheet.table,
                page: ScoreSheetHTML.page(session, unit: u, medians: medians, lang: lang, narration: sheet.narration))
    }
}
