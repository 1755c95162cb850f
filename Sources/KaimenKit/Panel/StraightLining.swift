/// Straight-lining: sheets where a representative gave every standard the same score (2
/// everywhere) or the same share of its maximum (full marks everywhere), and runs of identical sheet
/// totals across the units they scored (in the units file's order).
public struct StraightLining: Sendable, Equatable {
    /// Sheets (one unit's ballots by one representative) with at least two standards scored.
    public var sheets: Int = 0
    public var straight: Int = 0
    /// The longest run of consecutive sheets (by unit order) with the same total.
    public var longestRun: Int = 0

    public init() {}

    public var share: Double { sheets == 0 ? 0 : Double(straight) / Double(sheets) }

    /// Flagged when at least half of three or more sheets are straight, or five sheets in a row
    /// have the same total.
    var isFlaggedStraight: Bool { sheets >= 3 && 2 * straight >= sheets }   // in whole numbers: exactly half counts
    var isFlaggedRun: Bool { longestRun >= 5 }

    /// One representative's sheets, in unit order: each the `(score, max)` pairs of its standards.
    static func of(_ sheets: [[(score: Rational, max: Rational)]]) -> StraightLining {
        var s = StraightLining()
        var previous: Rational?
        var run = 0
        for sheet in sheets where !sheet.isEmpty {
            let total = sheet.reduce(Rational.zero) { $0 + $1.score }
            if total == previous { run += 1 } else { run = 1; previous = total }
            s.longestRun = max(s.longestRun, run)
            guard sheet.count >= 2 else { continue }
            s.sheets += 1
            let first = sheet[0]
            if sheet.allSatisfy({ $0.score == first.score }) || sheet.allSatisfy({ $0.score.divided(by: $0.max) == first.score.divided(by: first.max) }) {
                s.straight += 1
            }
        }
        return s
    }
}
