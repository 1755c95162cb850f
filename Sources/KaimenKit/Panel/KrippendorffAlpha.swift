/// Krippendorff's alpha for interval data: how far the raters agree beyond what chance gives,
/// from 1 (perfect agreement) through 0 (no better than chance) to below 0 (systematic
/// disagreement). Missing values (a representative who did not hear a unit, a recusal) are
/// simply left out: only units of analysis with at least two values count ("pairable").
///
/// With `n` pairable values in all, `Σv` and `Σv²` over them, and for each unit of analysis
/// `u` with `m` values `W_u = (m·Σv_u² − (Σv_u)²) / (m − 1)`:
///
///     α = 1 − (n − 1) · Σ_u W_u / (n·Σv² − (Σv)²)
///
/// which is Krippendorff's `1 − D_o / D_e` with the interval metric δ² = (c − k)², written
/// with sums (`docs/panel.md` derives it). The sums of each unit are kept apart so that a
/// bootstrap can add units up again without going back to the values.
public enum KrippendorffAlpha {
    /// The sums of one unit of analysis, or of many added together.
    public struct Sums: Sendable, Equatable {
        public var n: Double = 0
        public var s1: Double = 0
        public var s2: Double = 0
        public var within: Double = 0

        public init() {}

        /// The sums of one unit's values, shifted by `centre` (which changes nothing but the
        /// rounding error); empty when fewer than two values can be paired.
        public init(values: [Double], centre: Double) {
            guard values.count >= 2 else { return }
            var a = 0.0, b = 0.0
            for v in values { let x = v - centre; a += x; b += x * x }
            let m = Double(values.count)
            n = m
            s1 = a
            s2 = b
            within = max(0, m * b - a * a) / (m - 1)
        }

        public static func += (l: inout Sums, r: Sums) {
            l.n += r.n
            l.s1 += r.s1
            l.s2 += r.s2
            l.within += r.within
        }

        /// Alpha, or `nil` when it is undefined: fewer than two pairable values, or every value
        /// the same (no variation to agree on).
        public var alpha: Double? {
            guard n >= 2 else { return nil }
            let spread = n * s2 - s1 * s1
            guard spread > 1e-12 * max(1, n * s2) else { return nil }
            return 1 - (n - 1) * within / spread
        }
    }

    /// Alpha of `data[u]`: the values the raters gave unit of analysis `u` (missing ones left out).
    public static func interval(_ data: [[Double]]) -> Double? {
        let c = centre(of: data)
        return total(data.map { Sums(values: $0, centre: c) }).alpha
    }

    /// The mean of every value: subtracting it keeps the sums small and exact enough.
    public static func centre(of data: [[Double]]) -> Double {
        var s = 0.0, c = 0
        for values in data where values.count >= 2 { for v in values { s += v; c += 1 } }
        return c == 0 ? 0 : s / Double(c)
    }

    public static func total(_ units: [Sums]) -> Sums {
        var t = Sums()
        for u in units { t += u }
        return t
    }
}
