import Foundation

/// Each seal's `ranking` against the `summary.csv` it seals, for `status`: the ranks, totals and
/// grades `status` shows of a sealed result (the appeal table) are read from the seal record,
/// and `status` does not score the session again (`verify` does). The file's hash is checked
/// against the seal already (`changedOutputs`); this ties the record's figures to the file's,
/// so that a seal whose `ranking` was rewritten, with every hash recomputed after it, is not
/// shown as the sealed result: it was, with exit 0, until `verify` scored it again.
/// One read of each sealed summary, no scoring: a small part of `status` at any size.
extension Verifier {
    /// - Parameter notAsSealed: the result files whose bytes are not as sealed (said already).
    static func sealedRankingAgainstSummary(_ seals: [JournalRecord], in directory: URL, notAsSealed: Set<String>) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for seal in seals {
            let c = seal.content
            let path = (c["results"]?.stringValue ?? "results") + "/summary.csv"
            guard let ranking = c["ranking"], ranking.objectValue != nil, c["outputs"]?[path] != nil, !notAsSealed.contains(path), outsidePath(seal) == nil,
                  let data = FileManager.default.contents(atPath: directory.appendingPathComponent(path).path),
                  let figures = summaryRanking(data, path: path) else { continue }
            let differences = rankingDifferences(sealed: ranking, other: figures)
            guard !differences.isEmpty else { continue }
            found.append(.error("seal-mismatch", SessionMessages.sealRanking(seq: seal.seq, against: .file(path), differences),
                                at: SourceLocation(file: Journal.fileName, line: seal.seq, column: 1), hint: SessionMessages.sealFieldHint))
        }
        return found
    }

    /// Each unit's rank, total and grade in a `summary.csv` as `close` writes it (by the headers
    /// of its language); `nil` when the file does not read so (a header another version wrote):
    /// then nothing is compared.
    static func summaryFigures(_ data: Data, path: String) -> [String: [String: String]]? {
        guard let table = CSVReader.read(data, fileName: path).table else { return nil }
        var columns: [String: Int] = [:]
        for (field, names) in [("rank", ["排名", "Rank"]), ("id", ["单位编号", "Unit id"]), ("total", ["总分", "Total"]), ("grade", ["等级", "Grade"])] {
            guard let c = names.lazy.compactMap(table.columnIndex(named:)).first else { return nil }
            columns[field] = c
        }
        var figures: [String: [String: String]] = [:]
        for r in 0 ..< table.rows.count {
            let row = table.rows[r]
            let id = row[columns["id"]!]
            // The second header row (the standards' names) has no unit.
            guard !id.isEmpty else { continue }
            figures[id] = ["rank": row[columns["rank"]!], "total": row[columns["total"]!], "grade": row[columns["grade"]!]]
        }
        return figures
    }
}
