/// Percentile bootstrap intervals, seeded so the same data and seed give the same interval
/// on every machine (SplitMix64, as `kaimen generate` uses).
public enum Bootstrap {
    /// A 95% interval, or any other level.
    public struct Interval: Sendable, Equatable {
        public var low: Double
        public var high: Double

        public func contains(_ x: Double) -> Bool { low <= x && x <= high }
    }

    /// Draws `resamples` statistics with `draw` (which resamples with the generator it is given)
    /// and returns their central `level` interval. `nil` when fewer than half the draws gave a
    /// value (the statistic is undefined on most resamples).
    public static func interval(resamples: Int, seed: UInt64, level: Double = 0.95,
                                draw: (inout SplitMix64) -> Double?) -> Interval? {
        guard resamples > 0 else { return nil }
        var rng = SplitMix64(seed: seed)
        var values: [Double] = []
        values.reserveCapacity(resamples)
        for _ in 0..<resamples {
            if let v = draw(&rng), v.isFinite { values.append(v) }
        }
        guard values.count * 2 >= resamples else { return nil }
        return interval(of: &values, level: level)
    }

    /// The central `level` interval of drawn statistics (sorted in place).
    public static func interval(of values: inout [Double], level: Double = 0.95) -> Interval? {
        guard !values.isEmpty else { return nil }
        values.sort()
        let tail = (1 - level) / 2
        return Interval(low: quantile(values, tail), high: quantile(values, 1 - tail))
    }

    /// A uniform index in `0 ..< n` (`n` below 2³²) by multiplying instead of dividing: the
    /// resampling loops draw hundreds of millions of these.
    @inline(__always)
    public static func index(_ rng: inout SplitMix64, below n: Int) -> Int {
        Int(truncatingIfNeeded: ((rng.next() >> 32) &* UInt64(truncatingIfNeeded: n)) >> 32)
    }

    /// The `p` quantile of sorted values, interpolating linearly between neighbours (numpy's
    /// default): position `p · (count − 1)`.
    public static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let pos = p * Double(sorted.count - 1)
        let i = Int(pos.rounded(.down))
        guard i + 1 < sorted.count else { return sorted[sorted.count - 1] }
        return sorted[i] + (sorted[i + 1] - sorted[i]) * (pos - Double(i))
    }

    /// A seed for one of several independent streams (one per representative, per standard…).
    public static func seed(_ base: UInt64, stream: Int) -> UInt64 {
        var g = SplitMix64(seed: base ^ (UInt64(truncatingIfNeeded: stream) &* 0xD1B5_4A32_D192_ED03))
        return g.next()
    }
}
