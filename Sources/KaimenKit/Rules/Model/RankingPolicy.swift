/// How totals are rounded and ties broken.
public struct RankingPolicy: Sendable, Equatable {
    public struct TieBreak: Sendable, Equatable {
        public enum Key: Sendable, Equatable {
            /// The representatives' points (all ballot standards).
            case ballots
            case area(String)
            case standard(String)
            case metric(String)
            case bonus
        }
        public var key: Key
        public var descending: Bool
        public var origin: Origin
    }

    /// Decimal places totals are rounded to, half away from zero.
    public var precision: Int
    public var tieBreak: [TieBreak]

    public static let `default` = RankingPolicy(precision: 2, tieBreak: [])
}
