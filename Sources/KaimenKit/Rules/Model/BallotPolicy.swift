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

    public var aggregate: Aggregate
    public var trim: Trim
    public var minBallots: Int
    public var insufficient: Insufficient
    public var scoreStep: Rational?
    public var combine: Combine

    public static let `default` = BallotPolicy(
        aggregate: .trimmedMean, trim: Trim(k: 1, minBallots: 5), minBallots: 3,
        insufficient: .notAssessable, scoreStep: nil, combine: .sum)
}
