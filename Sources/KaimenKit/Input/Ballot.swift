/// What representatives can cast a ballot on: a ballot standard, or a whole area for a
/// standard whose ballots target the area.
public struct BallotItem: Sendable, Equatable {
    /// The id written in ballot files: the standard's id, or the area's id.
    public var key: String
    /// The ballot standard's index in `rules.standards`.
    public var standard: Int
    /// The highest score allowed: the standard's points.
    public var max: Rational

    public static func items(of rules: Rules) -> [BallotItem] {
        rules.standards.enumerated().compactMap { i, s in
            guard case .ballot(let b) = s.method else { return nil }
            return BallotItem(key: b.target == .area ? (s.area ?? s.id) : s.id, standard: i, max: s.points)
        }
    }
}

/// One representative's score for one unit on one ballot item.
public struct Ballot: Sendable, Equatable {
    public var representative: Int
    public var unit: Int
    public var item: Int
    public var score: Rational
    public var location: SourceLocation
}

/// A ballot cast for the representative's own unit: never counted.
public struct RecusalViolation: Sendable, Equatable {
    public var representative: String
    /// The representative's name, for messages.
    public var name: String
    public var unit: String
    public var item: String
    public var score: Rational
    public var location: SourceLocation
    /// Why the representative must not score the unit.
    public var reason: Reason = .ownUnit

    public enum Reason: String, Sendable, Equatable {
        /// The unit is one of theirs (the roster's `units`).
        case ownUnit
        /// The roster declares a conflict with it (the roster's `conflicts`).
        case declaredConflict
    }

    /// `本单位代表` / `申报回避`, as sheets, summaries and warnings print it.
    public var reasonText: Localized { RosterMessages.reasonText(reason) }
}

/// All ballots of a session, checked, with recused ones set aside.
public struct BallotBox: Sendable {
    public var items: [BallotItem]
    /// The ballots that count.
    public var ballots: [Ballot]
    public var recusals: [RecusalViolation]
}
