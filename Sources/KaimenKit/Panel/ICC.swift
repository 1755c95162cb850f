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
///
/// The scores are exact, and so is every step (`Rational`): an ICC of exactly 9/10 is 9/10, and
/// its reading is decided on that value, not on a binary approximation of it.
public enum ICC {
    public struct Result: Sendable, Equatable {
        /// Targets (units) and raters (representatives).
        public var n: Int
        public var k: Int
        /// ICC(2,1) and ICC(2,k), exact; `nil` when its denominator is 0 (see ``Undefined``).
        public var exactSingle: Rational?
        public var exactAverage: Rational?
        public var msr: Rational
        public var msc: Rational
        public var mse: Rational

        public var single: Double? { exactSingle?.doubleValue }
        public var average: Double? { exactAverage?.doubleValue }

        /// Why ICC(2,1) (`average: false`) or ICC(2,k) has no value; `nil` when it has one.
        public func undefined(average: Bool) -> Undefined? {
            guard (average ? exactAverage : exactSingle) == nil else { return nil }
            return msr.isZero && msc.isZero && mse.isZero ? .noVariation : .zeroDenominator
        }
    }

    /// Why an ICC has no value.
    public enum Undefined: Sendable, Equatable {
        /// Every score in the table is the same.
        case noVariation
        /// The scores vary, but the formula's denominator is 0: for ICC(2,k), `MSR + (MSC − MSE)/n`
        /// is 0 when the error mean square is exactly `n·MSR + MSC` (the raters disagree within
        /// the units as much as the units and raters differ).
        case zeroDenominator
    }

    /// Koo & Li (2016): below 0.5 poor, 0.5 to 0.75 moderate, 0.75 to 0.9 good, above 0.9 excellent.
    /// Decided on the exact value: 0.5 is moderate, 0.75 and 0.9 are good.
    public enum Reading: String, Sendable, CaseIterable {
        case poor, moderate, good, excellent

        static let half = Rational(1, 2), threeQuarters = Rational(3, 4), nineTenths = Rational(9, 10)

        /// `nil` outside 0…1: a negative ICC (the raters disagree more than the units differ) or
        /// one above 1 (possible for ICC(2,k) when the raters' mean square is below the error's)
        /// has no reading.
        public init?(reading icc: Rational) {
            guard !icc.isNegative && icc <= .one else { return nil }
            self.init(icc)
        }

        public init(_ icc: Rational) {
            self = icc < Self.half ? .poor : icc < Self.threeQuarters ? .moderate : icc <= Self.nineTenths ? .good : .excellent
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
    /// targets or two raters; a figure whose denominator is 0 is `nil` in the result.
    ///
    /// The sums of squares come from the exact sums (`SST = Σx² − (Σx)²/nk`, `SSR = Σ_i R_i²/k −
    /// (Σx)²/nk`, `SSC = Σ_j C_j²/n − (Σx)²/nk`), so their denominators stay small.
    public static func twoWayRandom(_ ratings: [[Rational]]) -> Result? {
        let n = ratings.count
        guard n >= 2, let k = ratings.first?.count, k >= 2, ratings.allSatisfy({ $0.count == k }) else { return nil }
        var total = Rational.zero, squares = Rational.zero, rowSquares = Rational.zero
        var columns = [Rational](repeating: .zero, count: k)
        for row in ratings {
            var r = Rational.zero
            for (j, x) in row.enumerated() {
                r += x
                squares += x * x
                columns[j] += x
            }
            total += r
            rowSquares += r * r
        }
        let columnSquares = columns.reduce(Rational.zero) { $0 + $1 * $1 }
        let nr = Rational(n), kr = Rational(k)
        let correction = (total * total).divided(by: Rational(n * k))!
        let sst = squares - correction
        let ssr = rowSquares.divided(by: kr)! - correction
        let ssc = columnSquares.divided(by: nr)! - correction
        let sse = sst - ssr - ssc   // a sum of squares, exact: never below 0
        let msr = ssr.divided(by: Rational(n - 1))!, msc = ssc.divided(by: Rational(k - 1))!
        let mse = sse.divided(by: Rational((n - 1) * (k - 1)))!
        let d1 = msr + (kr - .one) * mse + (kr * (msc - mse)).divided(by: nr)!
        let dk = msr + (msc - mse).divided(by: nr)!
        return Result(n: n, k: k, exactSingle: (msr - mse).divided(by: d1), exactAverage: (msr - mse).divided(by: dk),
                      msr: msr, msc: msc, mse: mse)
    }
}
