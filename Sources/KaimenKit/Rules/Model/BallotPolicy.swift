/// How the representatives' ballots become points.
public struct BallotPolicy: Sendable, Equatable {
    /// How an item's ballots become one score. Each is written here (its name and words) and
    /// in `BallotAggregation.counted` (which sorted ballots count); nothing else names one.
    public enum Aggregate: String, Sendable, CaseIterable {
        case mean, median, trimmedMean

        /// The policy in words, for `rules show`: `中位数`.
        func policyWords(_ trim: Trim, lang: Language) -> String {
            switch self {
            case .mean: lang.t("平均分", "mean")
            case .median: lang.t("中位数", "median")
            case .trimmedMean: lang.t("满 \(trim.minBallots) 票去掉最高、最低各 \(trim.k) 票后取平均",
                                      "from \(trim.minBallots) ballots, the mean without the \(trim.k) highest and \(trim.k) lowest")
            }
        }

        /// What a score sheet says of it (`nil`: nothing, the plain mean goes without saying).
        func sheetWords(_ trim: Trim, lang: Language) -> String? {
            switch self {
            case .mean: nil
            case .median: lang.t("每项取中位数", "each item takes the median")
            case .trimmedMean: lang.t("每项不少于 \(trim.minBallots) 张票时去掉最高、最低各 \(trim.k) 张后取平均",
                                      "with at least \(trim.minBallots) ballots on an item, the \(trim.k) highest and \(trim.k) lowest are dropped before averaging")
            }
        }

        /// What `count` ballots came to when none were dropped: `7 票平均 7.3`.
        func resultWords(count n: Int, result: String, lang: Language) -> String {
            switch self {
            case .mean, .trimmedMean: lang.t("\(n) 票平均 \(result)", "mean of \(n) ballot\(n == 1 ? "" : "s") \(result)")
            case .median: lang.t("\(n) 票取中位数 \(result)", "median of \(n) ballot\(n == 1 ? "" : "s") \(result)")
            }
        }
    }

    public struct Trim: Sendable, Equatable {
        /// Drop this many highest and as many lowest ballots…
        public var k: Int
        /// …when there are at least this many.
        public var minBallots: Int
    }

    public enum Insufficient: String, Sendable, CaseIterable {
        case notAssessable, zero
    }

    public enum Combine: Sendable, Equatable {
        case sum
        /// The ballot standards together count `ballots`% of the total, the rest `metrics`%.
        case weighted(ballots: Rational, metrics: Rational)

        /// As `rules show` says it: `与指标得分直接相加`, `代表评分占 40%，指标占 60%`.
        public func policyWords(lang: Language) -> String {
            switch self {
            case .sum: lang.t("与指标得分直接相加", "added to the metrics' points")
            case .weighted(let bw, let mw): lang.t("代表评分占 \(bw.plainText())%，指标占 \(mw.plainText())%", "ballots \(bw.plainText())%, metrics \(mw.plainText())%")
            }
        }
    }

    /// How far a ballot may lie from the median of the other ballots for the same unit and
    /// standard before `kaimen panel` lists it for re-check (复核): more than `points`, or more
    /// than `share` of the standard's maximum, whichever is narrower.
    public struct Corridor: Sendable, Equatable {
        public var points: Rational
        public var share: Rational

        public static let `default` = Corridor(points: Rational(3, 2), share: Rational(1, 4))

        /// The corridor's half-width for a standard worth `max` points.
        public func width(max: Rational) -> Rational { Swift.min(points, share * max) }
    }

    public var aggregate: Aggregate
    public var trim: Trim
    public var minBallots: Int
    public var insufficient: Insufficient
    public var scoreStep: Rational?
    public var combine: Combine
    /// Where `combine` was written (its `{`), for the checks that need the standards as well
    /// (`ScoringPlan.compile`); `nil` unless it is `weighted`.
    public var combineLocation: SourceLocation? = nil
    /// Only `kaimen panel` reads it: it never changes a score.
    public var corridor: Corridor = .default

    public static let `default` = BallotPolicy(
        aggregate: .trimmedMean, trim: Trim(k: 1, minBallots: 5), minBallots: 3,
        insufficient: .notAssessable, scoreStep: nil, combine: .sum)
}
