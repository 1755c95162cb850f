/// How far the representatives agree: Krippendorff's alpha over every ballot and per ballot
/// standard, with bootstrap intervals, and the ICC per ballot standard where the design allows.
public struct Agreement: Sendable, Equatable {
    public struct Alpha: Sendable, Equatable {
        /// The ballot item, or `nil` for all ballots together.
        public var item: Int?
        public var value: Double?
        public var interval: Bootstrap.Interval?
        /// Pairable values (ballots in units of analysis with at least two) and those units.
        public var values: Int
        public var unitsOfAnalysis: Int
    }

    /// One ICC table: a ballot item, within one group (or the whole panel when there are no groups).
    public struct ICCBlock: Sendable, Equatable {
        public var item: Int
        /// Index into `PanelBallots.groups`, or `nil` for the whole panel.
        public var group: Int?
        public var result: ICC.Result?
        /// Units and representatives left out to make the table complete.
        public var unitsLeftOut: [Int]
        public var ratersLeftOut: [Int]
        /// Why there is no result (an ICC whose own denominator is 0 says why in ``ICC/Result/undefined(average:)``).
        public var reason: Localized?
    }

    /// The fewest units a block needs for an ICC: with two, the between-units mean square has
    /// one degree of freedom and the figure says nothing.
    public static let minimumUnits = 3

    public var overall: Alpha
    public var byItem: [Alpha]
    public var icc: [ICCBlock]

    static func of(_ data: PanelBallots, resamples: Int, seed: UInt64) -> Agreement {
        let m = data.itemCount
        // All ballots together: each unit-standard cell is a unit of analysis, scores as shares of the
        // maximum so standards worth 4 and 2 points weigh alike. Resampled by assessed unit.
        var shares = [[Double]](repeating: [], count: data.cells.count)
        for c in data.cells.indices where data.cells[c].count >= 2 && !data.items[data.item(ofCell: c)].max.isZero {
            let max = data.items[data.item(ofCell: c)].max.doubleValue
            shares[c] = data.cells[c].map { $0.score.doubleValue / max }
        }
        let overall = alpha(cells: shares, clusters: data.unitCount, perCluster: m, item: nil, resamples: resamples, seed: seed)
        let byItem = (0..<m).map { i in
            let points = (0..<data.unitCount).map { u in
                let c = data.cells[u * m + i]
                return c.count >= 2 ? c.map(\.score.doubleValue) : []
            }
            return alpha(cells: points, clusters: data.unitCount, perCluster: 1, item: i, resamples: resamples,
                         seed: Bootstrap.seed(seed, stream: 1 + i))
        }
        var icc: [ICCBlock] = []
        let grouped = data.groups.count > 1
        for i in 0..<m {
            // unit → representative → score, by group (one pass over the item's cells).
            var scores = [[Int: [Int: Rational]]](repeating: [:], count: grouped ? data.groups.count : 1)
            for u in 0..<data.unitCount {
                for b in data.cells[u * m + i] {
                    scores[grouped ? data.groupOf[b.representative] : 0][u, default: [:]][b.representative] = b.score
                }
            }
            for g in scores.indices { icc.append(iccBlock(scores[g], item: i, group: grouped ? g : nil)) }
        }
        return Agreement(overall: overall, byItem: byItem, icc: icc)
    }

    /// `cells[c]` are the values of unit of analysis `c`; cluster `k` is cells `k·perCluster ..< (k+1)·perCluster`.
    static func alpha(cells: [[Double]], clusters: Int, perCluster: Int, item: Int?, resamples: Int, seed: UInt64) -> Alpha {
        let centre = KrippendorffAlpha.centre(of: cells)
        var sums = [KrippendorffAlpha.Sums](repeating: .init(), count: clusters)
        var values = 0, units = 0
        for c in cells.indices where cells[c].count >= 2 {
            sums[c / perCluster] += KrippendorffAlpha.Sums(values: cells[c], centre: centre)
            values += cells[c].count
            units += 1
        }
        let used = sums.filter { $0.n > 0 }
        let value = KrippendorffAlpha.total(used).alpha
        let interval = used.count < 2 ? nil : Bootstrap.interval(resamples: resamples, seed: seed) { rng in
            var t = KrippendorffAlpha.Sums()
            for _ in used.indices { t += used[Bootstrap.index(&rng, below: used.count)] }
            return t.alpha
        }
        return Alpha(item: item, value: value, interval: value == nil ? nil : interval, values: values, unitsOfAnalysis: units)
    }

    /// The complete table of one item within one group: the units any member scored, and of the
    /// members who scored any, either those who scored every unit or the units every one of them
    /// scored, whichever keeps more ballots (with at least two units and two raters).
    static func iccBlock(_ score: [Int: [Int: Rational]], item: Int, group: Int?) -> ICCBlock {
        let units = score.keys.sorted()
        let raters = Set(score.values.flatMap(\.keys)).sorted()
        let fullRaters = raters.filter { r in units.allSatisfy { score[$0]![r] != nil } }
        let fullUnits = units.filter { u in raters.allSatisfy { score[u]![$0] != nil } }
        let a = (units: units, raters: fullRaters), b = (units: fullUnits, raters: raters)
        func valid(_ x: (units: [Int], raters: [Int])) -> Bool { x.units.count >= minimumUnits && x.raters.count >= 2 }
        let pick: (units: [Int], raters: [Int])?
        switch (valid(a), valid(b)) {
        case (true, true): pick = a.units.count * a.raters.count >= b.units.count * b.raters.count ? a : b
        case (true, false): pick = a
        case (false, true): pick = b
        case (false, false): pick = nil
        }
        guard let pick else {
            return ICCBlock(item: item, group: group, result: nil, unitsLeftOut: [], ratersLeftOut: [],
                            reason: PanelMessages.iccNoDesign(units: units.count, raters: raters.count))
        }
        // Complete by its making: `pick` is `a` or `b`, whose every unit has every rater's score.
        let table = pick.units.map { u in pick.raters.map { score[u]![$0]! } }
        // A complete table of `minimumUnits` units and two raters or more always has a result;
        // a figure of it without a value says why itself (`ICC.Result.undefined(average:)`).
        return ICCBlock(item: item, group: group, result: ICC.twoWayRandom(table),
                        unitsLeftOut: units.filter { !pick.units.contains($0) }, ratersLeftOut: raters.filter { !pick.raters.contains($0) },
                        reason: nil)
    }
}
