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

    /// Each ballot item's name as papers and messages print it, by the key ballot files use:
    /// its standard's name (a first user read `rights.ballot 3.5` in a Chinese note).
    public static func names(of rules: Rules) -> [String: String] {
        Dictionary(items(of: rules).map { ($0.key, rules.standards[$0.standard].name) }, uniquingKeysWith: { a, _ in a })
    }
}

/// How ballot files and `session resolve --standard` name a ballot item: by its key, its
/// standard's id, or its standard's name (as `依法维权工作评价（职工代表评分）`), in a wide
/// file's header and in a long file's standard column alike.
struct BallotItemNames {
    /// Item key and standard id → the item's index.
    let byID: [String: Int]
    private let rules: Rules

    init(items: [BallotItem], rules: Rules) {
        var byID: [String: Int] = [:]
        for (i, it) in items.enumerated() {
            byID[it.key] = i
            byID[rules.standards[it.standard].id] = i
        }
        self.byID = byID
        self.rules = rules
    }

    /// The id under which a header naming a ballot standard by its name reads: that standard's id.
    /// Only ballot standards are looked at (the rules check refuses two of one name, as their
    /// names head the entry sheets' columns; another standard may share one).
    func standardID(named name: String) -> String? {
        Self.standardID(named: name, in: rules) { byID[$0] != nil }
    }

    /// The id of the standard of `rules` that `text` names, among those `isBallot` accepts (by
    /// id): the one so named as written, else the one whose name it is with its full-width
    /// brackets, digits and letters typed half-width (or the other way round), spaces around it
    /// aside. Excel users type `(职工代表评分)` for `（职工代表评分）` (a secretary's trial, whose header
    /// was refused while `４` in a cell was read as 4). The rules check refuses two ballot
    /// standards whose names differ only so (`duplicate-id`). Both ballots readers look up a
    /// header here, so they always agree.
    static func standardID(named text: String, in rules: Rules, isBallot: (String) -> Bool) -> String? {
        if let exact = rules.standards.first(where: { $0.name == text && isBallot($0.id) }) { return exact.id }
        let folded = UnitMatcher.normalized(text)
        guard !folded.isEmpty else { return nil }
        return rules.standards.first(where: { UnitMatcher.normalized($0.name) == folded && isBallot($0.id) })?.id
    }

    /// The item `text` names as any ballot file may, in a wide file's header or a long file's
    /// standard column, and `session resolve --standard`: key, standard id or standard name.
    func index(named text: String) -> Int? {
        byID[text] ?? standardID(named: text).flatMap { byID[$0] }
    }

    /// What to offer for a misspelt item: keys, then the ballot standards' names.
    var spellings: [String] {
        Array(byID.keys).sorted() + rules.standards.filter { byID[$0.id] != nil }.map(\.name)
    }
}

/// One representative's score for one unit on one ballot item.
///
/// Without its place in the file: every message about a ballot is made while reading it, and
/// a large session holds millions (a place took 72 of a ballot's 120 bytes).
public struct Ballot: Sendable, Equatable {
    public var representative: Int
    public var unit: Int
    public var item: Int
    public var score: Rational
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
