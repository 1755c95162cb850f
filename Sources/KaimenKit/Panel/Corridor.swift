/// The marks to re-check (复核) before a result is closed: a ballot further from the median of
/// the other ballots for the same unit and standard than the rules' corridor allows
/// (`ballots.corridor`: by default more than 1.5 points or 25% of the maximum, whichever is
/// narrower). Also each cell's spread, so a committee sees where its raters disagreed.
public enum Corridor {
    public struct Outlier: Sendable, Equatable {
        public var representative: Int
        public var unit: Int
        public var item: Int
        public var score: Rational
        public var medianOfOthers: Rational
        /// `score − medianOfOthers` (signed).
        public var distance: Rational
        public var width: Rational
    }

    /// One unit's ballots for one item.
    public struct Cell: Sendable, Equatable {
        public var unit: Int
        public var item: Int
        public var count: Int
        public var low: Rational
        public var high: Rational
        public var mean: Double
        /// Sample standard deviation (`n − 1`); 0 for a single ballot.
        public var standardDeviation: Double
        public var outliers: Int

        public var range: Rational { high - low }
    }

    /// Every cell with at least one ballot, and every outlier, in unit then item order.
    static func scan(_ data: PanelBallots) -> (cells: [Cell], outliers: [Outlier]) {
        var cells: [Cell] = [], outliers: [Outlier] = []
        for c in data.cells.indices where !data.cells[c].isEmpty {
            let ballots = data.cells[c]
            let unit = data.unit(ofCell: c), item = data.item(ofCell: c)
            let width = data.corridorWidth[item]
            var found = 0
            if ballots.count >= 2 {
                for j in ballots.indices {
                    guard let median = data.medianOfOthers(c, without: j) else { continue }
                    let d = ballots[j].score - median
                    if d.magnitude > width {
                        found += 1
                        outliers.append(Outlier(representative: ballots[j].representative, unit: unit, item: item,
                                                score: ballots[j].score, medianOfOthers: median, distance: d, width: width))
                    }
                }
            }
            let xs = ballots.map(\.score.doubleValue)
            let mean = xs.reduce(0, +) / Double(xs.count)
            let ss = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            cells.append(Cell(unit: unit, item: item, count: ballots.count,
                              low: ballots.map(\.score).min()!, high: ballots.map(\.score).max()!, mean: mean,
                              standardDeviation: xs.count < 2 ? 0 : (ss / Double(xs.count - 1)).squareRoot(), outliers: found))
        }
        return (cells, outliers)
    }
}
