import Foundation

/// Writes a run's files into an output folder, all or nothing: the summary (`summary.csv`,
/// `summary.json`) and a score sheet per unit (`sheets/<unit>.csv`, `.json`). File names made
/// from unit ids are sanitised so they never leave the folder.
public enum OutputFiles {
    @discardableResult
    public static func write(_ session: ScoringSession, to dir: URL, lang: Language = .zh) throws -> [URL] {
        var batch = OutputBatch()
        let summary = SummaryExport.table(session, lang: lang, standardColumns: true)
        batch.add(Data(summary.csv()), at: "summary.csv")
        batch.add(Data(SummaryExport.json(session, lang: lang).rendered().utf8), at: "summary.json")
        let names = SafePath.uniqueFileNames(for: session.table.units.map(\.id))
        for (u, name) in names.enumerated() {
            batch.add(Data(ScoreSheetExport.table(session, unit: u, lang: lang).csv()), at: "sheets/\(name).csv")
            batch.add(Data(ScoreSheetExport.json(session, unit: u, lang: lang).rendered().utf8), at: "sheets/\(name).json")
        }
        return try batch.commit(into: dir)
    }
}
