import Foundation

/// Writes a run's files into an output folder as one whole set (``OutputBatch``: the old set or
/// the new, never a mix, with a `manifest.json` of hashes): the summary (`summary.csv` with
/// every standard's points, `summary.json`) and, given the checked run's rich results, a score
/// sheet per unit (`sheets/<unit>.csv`, `.json`). File names made from unit ids are sanitised so
/// they never leave the folder.
public enum OutputFiles {
    /// Above this many units the summary is written as CSV only: its JSON runs to hundreds of
    /// megabytes (two gigabytes at a million units).
    public static let jsonLimit = 10_000

    @discardableResult
    public static func write(_ session: ScoringSession, to dir: URL, lang: Language = .zh,
                             options: OutputBatch.CommitOptions = OutputBatch.CommitOptions()) throws -> [URL] {
        try write(session.report, sheets: session, to: dir, lang: lang, options: options)
    }

    /// - Parameters:
    ///   - sheets: the checked session whose results the score sheets show; `nil` writes the summary only.
    ///   - options: the run's input files for the manifest, `force`, the lock's patience.
    @discardableResult
    public static func write(_ report: ScoreReport, sheets: ScoringSession?, to dir: URL, lang: Language = .zh, threads: Int = 1,
                             summaryOnly: Bool = false, options: OutputBatch.CommitOptions = OutputBatch.CommitOptions()) throws -> [URL] {
        var batch = OutputBatch()
        let large = report.scores.unitCount > 1000
        batch.add(streaming: { write in try SummaryWriter.csv(report, lang: lang, threads: threads, write: write) }, at: "summary.csv")
        if report.scores.unitCount <= jsonLimit && !summaryOnly {
            batch.add(Data(SummaryWriter.json(report, lang: lang, threads: threads, warningLimit: large ? 20 : nil)), at: "summary.json")
        }
        if let session = sheets, !summaryOnly {
            let names = SafePath.uniqueFileNames(for: session.table.units.map(\.id))
            for (u, name) in names.enumerated() {
                batch.add(Data(ScoreSheetExport.table(session, unit: u, lang: lang).csv()), at: "sheets/\(name).csv")
                batch.add(Data(ScoreSheetExport.json(session, unit: u, lang: lang).rendered().utf8), at: "sheets/\(name).json")
            }
        }
        return try batch.commit(into: dir, options: options)
    }
}
