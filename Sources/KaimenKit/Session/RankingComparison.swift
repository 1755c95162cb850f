import Foundation

/// A seal's `ranking` against another ranking of the same shape (`{unit id: {rank, total,
/// grade}}`, as `SessionFolder.sealedRanking` writes it): the result scored again from the
/// journal (`verify`), or the figures of the `summary.csv` the seal holds the hash of
/// (`status`, read by `summaryRanking`). One comparison for both, so that they name the same
/// differences in the same order, each value quoted the one way (`shownValue`).
extension Verifier {
    /// The figures of each unit a seal's ranking holds, in the order a message names them;
    /// any other key a (rewritten) entry holds comes after them.
    static let rankingFields = ["rank", "total", "grade"]

    /// Each difference of `sealed` from `other`: unit by unit in `other`'s order (rank, then
    /// id), then the units only `sealed` has (by id); for a unit in both, each figure that
    /// differs (`rankingFields`, then any other key, by name). Empty when they are equal.
    static func rankingDifferences(sealed: JSONOut, other: JSONOut) -> [SessionMessages.RankingDifference] {
        guard sealed != other else { return [] }
        let s = sealed.objectValue ?? [:], o = other.objectValue ?? [:]
        let order = o.sorted { ($0.value["rank"]?.intValue ?? 0, $0.key) < ($1.value["rank"]?.intValue ?? 0, $1.key) }.map(\.key)
            + s.keys.filter { o[$0] == nil }.sorted()
        var differences: [SessionMessages.RankingDifference] = []
        for unit in order where s[unit] != o[unit] {
            guard let mine = s[unit] else { differences.append(.init(unit: unit, field: nil, sealed: nil, other: nil)); continue }
            guard let theirs = o[unit] else { differences.append(.init(unit: unit, field: nil, sealed: "", other: nil)); continue }
            let others = Set(mine.objectValue?.keys.map { $0 } ?? []).union(theirs.objectValue?.keys.map { $0 } ?? []).subtracting(rankingFields)
            let fields = (rankingFields + others.sorted()).filter { mine[$0] != theirs[$0] }
            // Entries that differ in no figure are no objects (a number in place of a unit's
            // figures): said by their ranks.
            for f in fields.isEmpty ? ["rank"] : fields {
                differences.append(.init(unit: unit, field: f, sealed: shownValue(mine[f]), other: shownValue(theirs[f])))
            }
        }
        return differences
    }

    /// Each unit's rank, total and grade in a `summary.csv` as `close` writes it, in the shape
    /// of a seal's `ranking` (a rank that is a whole number as a number, as the seal holds it;
    /// anything else as the text it is); `nil` when the file does not read so (`summaryFigures`).
    static func summaryRanking(_ data: Data, path: String) -> JSONOut? {
        summaryFigures(data, path: path).map { figures in
            .object(figures.mapValues { f in
                .object(["rank": f["rank"].flatMap { Int($0) }.map(JSONOut.num) ?? .str(f["rank"]), "total": .str(f["total"]), "grade": .str(f["grade"])])
            })
        }
    }

    /// A figure as a message quotes it: its text (a number's digits, a string's characters,
    /// anything else its canonical JSON), control and invisible characters escaped, cut after
    /// 80 characters; `—` when there is none.
    static func shownValue(_ value: JSONOut?) -> String {
        guard let value else { return "—" }
        let text = value.stringValue ?? CanonicalJSON.serialise(value)
        return Echo.shown(text.count > 80 ? String(text.prefix(80)) + "…" : text)
    }
}
