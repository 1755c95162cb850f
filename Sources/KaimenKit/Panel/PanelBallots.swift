/// A session's counted ballots arranged for the panel's analyses: by unit and ballot item
/// (a "cell"), with each item's maximum, aggregation and corridor, and each representative's
/// group.
public struct PanelBallots: Sendable {
    public let items: [BallotItem]
    /// Each item's standard name, for tables.
    public let itemNames: [String]
    /// The aggregation the rules use for each item (the standard's own, else the file's).
    public let aggregate: [BallotPolicy.Aggregate]
    public let trim: [BallotPolicy.Trim]
    /// Each item's corridor half-width (`BallotPolicy.Corridor.width`).
    public let corridorWidth: [Rational]
    public let unitCount: Int
    public let representatives: [Representative]
    /// `cells[unit * items.count + item]`: the counted ballots, in ascending representative order.
    public let cells: [[BallotScore]]
    /// The group names, in order of first appearance in the roster ("" for a representative without one).
    public let groups: [String]
    /// Each representative's index in `groups`.
    public let groupOf: [Int]

    public init(session: ScoringSession) {
        let rules = session.rules
        let items = session.ballots.items
        self.items = items
        itemNames = items.map { rules.standards[$0.standard].name }
        var aggregate: [BallotPolicy.Aggregate] = [], trim: [BallotPolicy.Trim] = []
        for it in items {
            guard case .ballot(let b) = rules.standards[it.standard].method else {
                aggregate.append(rules.ballots.aggregate)
                trim.append(rules.ballots.trim)
                continue
            }
            aggregate.append(b.aggregate ?? rules.ballots.aggregate)
            trim.append(b.trim ?? rules.ballots.trim)
        }
        self.aggregate = aggregate
        self.trim = trim
        corridorWidth = items.map { rules.ballots.corridor.width(max: $0.max) }
        unitCount = session.table.units.count
        representatives = session.representatives
        var cells = [[BallotScore]](repeating: [], count: unitCount * items.count)
        for b in session.ballots.ballots {
            cells[b.unit * items.count + b.item].append(BallotScore(representative: b.representative, score: b.score))
        }
        for c in cells.indices where cells[c].count > 1 { cells[c].sort { $0.representative < $1.representative } }
        self.cells = cells
        var groups: [String] = [], index: [String: Int] = [:]
        groupOf = session.representatives.map { r in
            if let g = index[r.group] { return g }
            index[r.group] = groups.count
            groups.append(r.group)
            return groups.count - 1
        }
        self.groups = groups
    }

    public var itemCount: Int { items.count }
    public func unit(ofCell c: Int) -> Int { c / items.count }
    public func item(ofCell c: Int) -> Int { c % items.count }

    /// The rules' own aggregate of a cell's ballots without `left` (an index into the cell):
    /// the consensus of the others. `nil` when no one else scored it.
    public func consensus(_ c: Int, without left: Int) -> Rational? {
        var others = cells[c]
        others.remove(at: left)
        guard !others.isEmpty else { return nil }
        let i = item(ofCell: c)
        return BallotAggregator.aggregate(others, aggregate: aggregate[i], trim: trim[i]).result
    }

    /// The median of a cell's ballots without `left`, as the corridor reads it.
    public func medianOfOthers(_ c: Int, without left: Int) -> Rational? {
        var others = cells[c]
        others.remove(at: left)
        guard !others.isEmpty else { return nil }
        return BallotAggregator.aggregate(others, aggregate: .median, trim: trim[item(ofCell: c)]).result
    }
}
