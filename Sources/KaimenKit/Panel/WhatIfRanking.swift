/// Only a what-if, never the official result: the ranking if each group's ballots were centred
/// on the overall mean, i.e. each ballot minus its group's offset on that standard
/// (`GroupEffect.itemOffsets`), kept within 0 and the standard's maximum. The units are then
/// scored and ranked again by the same engine and ranker as `kaimen score`, on a copy of the
/// ballots; the session's own results are not touched.
public struct WhatIfRanking: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var unit: Int
        public var officialRank: Int
        /// Totals as integers at the rules' precision (`8735` is 87.35 at precision 2).
        public var officialTotal: Int64
        public var whatIfRank: Int
        public var whatIfTotal: Int64
    }

    /// In official rank order.
    public var rows: [Row]
    public var precision: Int

    /// Units whose rank would change.
    public var moved: Int { rows.filter { $0.officialRank != $0.whatIfRank }.count }

    /// `nil` with fewer than two groups: there is nothing to centre.
    static func of(_ session: ScoringSession, data: PanelBallots, groups: [GroupEffect]) -> WhatIfRanking? {
        guard groups.filter({ $0.ballots > 0 }).count >= 2 else { return nil }
        var box = session.ballots
        for i in box.ballots.indices {
            let b = box.ballots[i]
            guard let offset = groups[data.groupOf[b.representative]].itemOffsets[b.item] else { continue }
            box.ballots[i].score = (b.score - offset).clamped(.zero, box.items[b.item].max)
        }
        var (scores, _) = Engine(plan: session.plan).score(session.columns, BallotColumns.from(box, unitCount: session.table.units.count))
        _ = Ranker.rank(&scores, rules: session.rules, categories: session.table.units.map(\.category))
        let official = session.report.scores
        let rows = session.ranking.order.map { u in
            Row(unit: u, officialRank: Int(official.rank[u]), officialTotal: official.total[u],
                whatIfRank: Int(scores.rank[u]), whatIfTotal: scores.total[u])
        }
        return WhatIfRanking(rows: rows, precision: official.precision)
    }
}
