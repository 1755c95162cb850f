/// Columns built from the checked path's input: for tests and comparisons, and as the bridge
/// when the checked readers had to read the files.
extension BulkData {
    /// The fewest decimals that write `v` exactly (its denominator divides 10^k).
    static func decimals(_ v: Rational) -> Int {
        var k = 0
        while k < 18 && BulkData.pow10[k] % v.denominator != 0 { k += 1 }
        return k
    }
}

extension MetricColumns {
    /// The checked path's values as columns: each metric at the most decimals any of its values has.
    public static func from(_ table: UnitTable) -> MetricColumns {
        let scales = table.values.map { column in column.compactMap { $0 }.reduce(0) { max($0, BulkData.decimals($1)) } }
        let mantissas = table.values.enumerated().map { m, column in
            column.map { v in v.map { ($0 * Rational(integer: BulkData.pow10[scales[m]])).numerator } ?? BulkData.missing }
        }
        return MetricColumns(unitCount: table.units.count, scales: scales, mantissas: mantissas)
    }
}

extension BallotColumns {
    /// The checked path's counted ballots as sorted columns, with who cast each: within a
    /// (unit, item), by score, then representative (as `BallotAggregator` sorts them).
    public static func from(_ box: BallotBox, unitCount: Int) -> BallotColumns {
        // One unit for every score: a power of ten when all are decimals (they are, as read),
        // else the least common multiple of their denominators (a what-if's centred scores).
        var scale = 0
        var decimal = true
        for b in box.ballots {
            let d = BulkData.decimals(b.score)
            if BulkData.pow10[d] % b.score.denominator != 0 { decimal = false }
            scale = max(scale, d)
        }
        var denominator: Int64?
        if !decimal {
            var l: Int64 = 1
            for b in box.ballots {
                let g = Int64(Rational.gcd64(UInt64(l), UInt64(b.score.denominator)))
                let (m, o) = (l / g).multipliedReportingOverflow(by: b.score.denominator)
                if o { l = FixedInterval.scale; break }
                l = m
            }
            denominator = l
        }
        let unit = Rational(integer: denominator ?? BulkData.pow10[scale])
        var lists = Array(repeating: [(score: Int64, rep: Int32)](), count: unitCount * box.items.count)
        var narrow = true
        for b in box.ballots {
            let m = (b.score * unit).rounded(places: 0).numerator
            if m < Int64(Int16.min) || m > Int64(Int16.max) { narrow = false }
            lists[b.unit * box.items.count + b.item].append((m, Int32(b.representative)))
        }
        var offsets: [Int32] = [0], wide: [Int64] = [], reps: [Int32] = []
        for l in lists {
            for e in l.sorted(by: { ($0.score, $0.rep) < ($1.score, $1.rep) }) {
                wide.append(e.score)
                reps.append(e.rep)
            }
            offsets.append(Int32(wide.count))
        }
        var columns = BallotColumns(itemCount: box.items.count, scale: denominator == nil ? scale : 0, offsets: offsets,
                                    scores: narrow ? wide.map { Int16($0) } : [], recusals: box.recusals)
        if !narrow { columns.wideScores = wide }
        columns.denominator = denominator
        columns.representatives = reps
        return columns
    }
}
