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
        var scale = 0
        for b in box.ballots { scale = max(scale, BulkData.decimals(b.score)) }
        var lists = Array(repeating: [(score: Int16, rep: Int32)](), count: unitCount * box.items.count)
        for b in box.ballots {
            lists[b.unit * box.items.count + b.item].append((Int16((b.score * Rational(integer: BulkData.pow10[scale])).numerator), Int32(b.representative)))
        }
        var offsets: [Int32] = [0], scores: [Int16] = [], reps: [Int32] = []
        for l in lists {
            for (score, rep) in l.sorted(by: { ($0.score, $0.rep) < ($1.score, $1.rep) }) {
                scores.append(score)
                reps.append(rep)
            }
            offsets.append(Int32(scores.count))
        }
        return BallotColumns(itemCount: box.items.count, scale: scale, offsets: offsets, scores: scores, recusals: box.recusals,
                             representatives: reps)
    }
}

