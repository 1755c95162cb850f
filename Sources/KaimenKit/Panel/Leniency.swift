/// How much higher (positive) or lower (negative) a representative scores than the others:
/// the mean, over their ballots, of `score − consensus of the others`, where the consensus is
/// the rules' own aggregate (trimmed mean, mean or median) of the other representatives'
/// ballots for the same unit and standard.
public struct Leniency: Sendable, Equatable {
    /// Ballots that had at least one other ballot to compare with.
    public var compared: Int
    /// The mean difference in points, exact.
    public var points: Rational
    /// The mean of `difference / the standard's maximum`.
    public var share: Double
    /// Percentile bootstrap intervals over the representative's ballots (seeded).
    public var pointsInterval: Bootstrap.Interval?
    public var shareInterval: Bootstrap.Interval?
    /// The standards' maximum, when every compared ballot is on standards with the same one.
    public var commonMax: Rational?

    /// From one representative's `(difference, maximum)` pairs.
    static func of(_ diffs: [(difference: Rational, max: Rational)], resamples: Int, seed: UInt64) -> Leniency? {
        guard !diffs.isEmpty else { return nil }
        let n = diffs.count
        let sum = diffs.reduce(Rational.zero) { $0 + $1.difference }
        let points = sum.divided(by: Rational(n))!
        let p = diffs.map(\.difference.doubleValue)
        let s = diffs.map { $0.difference.doubleValue / $0.max.doubleValue }
        let share = s.reduce(0, +) / Double(n)
        let maxima = Set(diffs.map(\.max))
        // Both intervals from the same resamples, drawn once.
        var pointsInterval: Bootstrap.Interval?, shareInterval: Bootstrap.Interval?
        if n >= 2, resamples > 0 {
            var rng = SplitMix64(seed: seed)
            var pm = [Double](repeating: 0, count: resamples), sm = [Double](repeating: 0, count: resamples)
            p.withUnsafeBufferPointer { p in
                s.withUnsafeBufferPointer { s in
                    for k in 0..<resamples {
                        var tp = 0.0, ts = 0.0
                        for _ in 0..<n {
                            let i = Bootstrap.index(&rng, below: n)
                            tp += p[i]
                            ts += s[i]
                        }
                        pm[k] = tp / Double(n)
                        sm[k] = ts / Double(n)
                    }
                }
            }
            pointsInterval = Bootstrap.interval(of: &pm)
            shareInterval = Bootstrap.interval(of: &sm)
        }
        return Leniency(compared: n, points: points, share: share, pointsInterval: pointsInterval, shareInterval: shareInterval,
                        commonMax: maxima.count == 1 ? maxima.first : nil)
    }

    /// Flagged when the interval of the share leaves out 0 and the mean is at least `threshold`
    /// of the maximum away from it.
    func isFlagged(threshold: Double) -> Bool {
        guard let i = shareInterval, abs(share) >= threshold else { return false }
        return share > 0 ? i.low > 0 : i.high < 0
    }
}
