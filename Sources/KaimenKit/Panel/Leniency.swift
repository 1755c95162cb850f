/// How much higher (positive) or lower (negative) a representative scores than the others:
/// the mean, over their ballots, of `score − consensus of the others`, where the consensus is
/// the rules' own aggregate (trimmed mean, mean or median) of the other representatives'
/// ballots for the same unit and standard.
public struct Leniency: Sendable, Equatable {
    /// Ballots that had at least one other ballot to compare with, and the units they were for.
    public var compared: Int
    public var units: Int
    /// The mean difference in points, exact.
    public var points: Rational
    /// The mean of `difference / the standard's maximum`, as shown (binary).
    public var share: Double
    /// The same, exact: the flag's threshold is compared with it.
    public var exactShare: Rational
    /// Percentile bootstrap intervals over the representative's ballots (seeded).
    public var pointsInterval: Bootstrap.Interval?
    public var shareInterval: Bootstrap.Interval?
    /// The standards' maximum, when every compared ballot is on standards with the same one.
    public var commonMax: Rational?

    /// From one representative's `(difference, maximum)` pairs.
    static func of(_ diffs: [(difference: Rational, max: Rational)], units: Int, resamples: Int, seed: UInt64) -> Leniency? {
        guard !diffs.isEmpty else { return nil }
        let n = diffs.count
        let sum = diffs.reduce(Rational.zero) { $0 + $1.difference }
        let points = sum.divided(by: Rational(n))!
        let p = diffs.map(\.difference.doubleValue)
        let s = diffs.map { $0.difference.doubleValue / $0.max.doubleValue }
        let share = s.reduce(0, +) / Double(n)
        let exactShare = diffs.reduce(Rational.zero) { $0 + $1.difference.divided(by: $1.max)! }.divided(by: Rational(n))!
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
        return Leniency(compared: n, units: units, points: points, share: share, exactShare: exactShare, pointsInterval: pointsInterval, shareInterval: shareInterval,
                        commonMax: maxima.count == 1 ? maxima.first : nil)
    }

    /// The fewest compared ballots, and the fewest units they are for, before a representative
    /// is flagged lenient or harsh: a bootstrap of two or three differences, or of one unit's
    /// ballots, gives an interval that says nothing.
    public static let minimumBallots = 6
    public static let minimumUnits = 2

    /// Too few ballots or units to flag (``minimumBallots``, ``minimumUnits``).
    public var tooFew: Bool { compared < Self.minimumBallots || units < Self.minimumUnits }

    /// Flagged when there are enough ballots (``tooFew``), the mean is at least `threshold` of
    /// the maximum away from 0 (exactly), and the interval of the share leaves out 0 as it is
    /// shown, to 0.1% of the maximum: both ends at least 0.1%, or both at most −0.1%. (The
    /// interval is a quantile of binary means; an end that is 0 in exact arithmetic can come out
    /// as ±1e-17, and must not decide a flag.) `legacy`: as before 0.29.0 (binary, from two
    /// ballots), to write a report sealed before again.
    func isFlagged(threshold: Rational, legacy: Bool = false) -> Bool {
        guard let i = shareInterval else { return false }
        if legacy { return abs(share) >= threshold.doubleValue && (share > 0 ? i.low > 0 : i.high < 0) }
        guard !tooFew, exactShare.magnitude >= threshold else { return false }
        return exactShare.isNegative ? Self.shownTenths(i.high) < 0 : Self.shownTenths(i.low) > 0
    }

    /// A share in tenths of a percent, rounded as the table shows it (`PanelMessages.number(share * 100, places: 1)`).
    static func shownTenths(_ share: Double) -> Int64 {
        let q = (abs(share * 100) * 10).rounded()
        return share < 0 ? -Int64(q) : Int64(q)
    }
}
