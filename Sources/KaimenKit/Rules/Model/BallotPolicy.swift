/// How the representatives' ballots become points.
public struct BallotPolicy: Sendable, Equatable {
    public enum Aggregate: String, Sendable, CaseIterable {
        case mean, median, trimmedMean
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
    /// Only `kaimen panel` reads it: it never changes a score.
    public var corridor: Corridor = .default

    public static let `default` = BallotPolicy(
        aggregate: .trimmedMean, trim: Trim(k: 1, minBallots: 5), minBallots: 3,
        insufficient: .notAssessable, scoreStep: nil, combine: .sum)
}
