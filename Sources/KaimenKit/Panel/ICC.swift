/// Intraclass correlation, two-way random effects, absolute agreement (Shrout & Fleiss
/// ICC(2,1) and ICC(2,k); McGraw & Wong's ICC(A,1) and ICC(A,k)): how well the raters agree on
/// the targets' scores, as one rater (`single`) and as the mean of all `k` raters (`average`).
///
/// It needs a complete table: every one of the `k` raters scored every one of the `n`
/// targets. From the two-way analysis of variance of that table,
///
///     MSR = k·Σ_i (row mean_i − grand mean)² / (n − 1)           between targets
///     MSC = n·Σ_j (column mean_j − grand mean)² / (k − 1)        between raters
///     MSE = (Σ_ij (x_ij − grand mean)² − SSR − SSC) / ((n − 1)(k − 1))
///     ICC(2,1) = (MSR − MSE) / (MSR + (k − 1)·MSE + k·(MSC − MSE) / n)
///     ICC(2,k) = (MSR − MSE) / (MSR + (MSC − MSE) / n)
public enum ICC {
    public struct Result: Sendable, Equatable {
        /// Targets (units) and raters (representatives).
        public var n: Int
        public var k: Int
        public var single: Double
        public var average: Double
        public var msr: Double
        public var msc: Double
        public var mse: Double
    }

    /// Koo & Li (2016): below 0.5 poor, 0.5 to 0.75 moderate, 0.75 to 0.9 good, above 0.9 excellent.
    public enum Reading: String, Sendable, CaseIterable {
        case poor, moderate, good, excellent

        /// `nil` outside 0…1: a negative ICC (the raters disagree more than the units differ) or
        /// one above 1 (possible for ICC(2,k) when the raters' mean square is below the error's)
        /// has no reading.
        public init?(reading icc: Double) {
            guard icc >= 0 && icc <= 1 else { return nil }
            self.init(icc)
        }

        public init(_ icc: Double) {
            self = icc < 0.5 ? .poor : icc < 0.75 ? .moderate : icc <= 0.9 ? .good : .excellent
        }

        public var text: Localized {
            switch self {
            case .poor: Localized(zh: "差", en: "poor")
            case .moderate: Localized(zh: "中等", en: "moderate")
            case .good: Localized(zh: "良好", en: "good")
            case .excellent: Localized(zh: "优秀", en: "excellent")
            }
        }
    }

    /// `ratings[target][rater]`, complete and rectangular. `nil` when there are fewer than two
    /// targets or two raters, or when the denominators vanish (every score the same).
    public static func twoWayRandom(_ ratings: [[Double]]) -> Result? {
        let n = ratings.count
        guard n >= 2, let k = ratings.first?.count, k >= 2, ratings.allSatisfy({ $0.count == k }) else { return nil }
        var grand = 0.0
        for row in ratings { for x in row { grand += x } }
        grand /= Double(n * k)
        var ssr = 0.0, ssc = 0.0, sst = 0.0
        for row in ratings {
            var m = 0.0
            for x in row { m += x; sst += (x - grand) * (x - grand) }
            m /= Double(k)
            ssr += (m - grand) * (m - grand)
        }
        ssr *= Double(k)
        for j in 0..<k {
            var m = 0.0
            for row in ratings { m += row[j] }
            m /= Double(n)
            ssc += (m - grand) * (m - grand)
        }
        ssc *= Double(n)
        let sse = max(0, sst - ssr - ssc)
        let msr = ssr / Double(n - 1), msc = ssc / Double(k - 1), mse = sse / Double((n - 1) * (k - 1))
        let d1 = msr + Double(k - 1) * mse + Double(k) * (msc - mse) / Double(n)
        let dk = msr + (msc - mse) / Double(n)
        let tiny = 1e-12 * max(1, sst)
        guard abs(d1) > tiny, abs(dk) > tiny else { return nil }
        return Result(n: n, k: k, single: (msr - mse) / d1, average: (msr - mse) / dk, msr: msr, msc: msc, mse: mse)
    }
}
