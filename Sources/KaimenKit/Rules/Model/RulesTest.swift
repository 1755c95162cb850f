/// A test case carried inside a rules file (`tests`): one imagined unit's metrics and
/// ballots, and the points, subtotals, total or grade the criteria text says it must get.
/// `kaimen rules test` scores it with the one evaluator and reports every difference.
public struct RulesTest: Sendable, Equatable {
    /// A metric value as written: a number, or text such as `"91.5%"` or `"是"`.
    public struct MetricEntry: Sendable, Equatable {
        public var metric: String
        public var text: String
        public var location: SourceLocation
    }

    /// The representatives' scores for one ballot item (a ballot standard's id, or an area's
    /// for a ballot standard that targets its area), one score per representative.
    public struct BallotEntry: Sendable, Equatable {
        public var item: String
        public var scores: [Rational]
        public var location: SourceLocation
    }

    public enum Target: Sendable, Equatable {
        /// A standard's (or bonus or deduction item's) points by its method, before any combine weight.
        case standard(String)
        /// An area's subtotal: after prorating, its cap and deductions.
        case area(String)
        /// The bonus after `bonusCap`.
        case bonus
        /// The rounded total, after veto caps.
        case total
        /// The grade by total and vetoes (quotas depend on the other units and do not apply).
        case grade
    }

    public struct Expectation: Sendable, Equatable {
        public var target: Target
        public var points: Rational?
        public var grade: String?
        public var location: SourceLocation
    }

    public var name: String
    public var metrics: [MetricEntry]
    public var ballots: [BallotEntry]
    public var expectations: [Expectation]
    /// Where the test was written: its file tells a file's own tests from inherited ones.
    public var location: SourceLocation

    /// Written in `file` itself (not in a file it extends).
    public func isOwn(in rules: Rules) -> Bool { location.file == rules.sourceFiles.first }
}
