/// Is the panel fair? Everything `kaimen panel` reports about a session's representatives:
/// each one's leniency, trimming and straight-lining with plain reasons for any flag; the
/// marks outside the corridor, to re-check; the groups; and the agreement figures.
/// `docs/panel.md` defines every figure. Nothing here changes the official result.
public struct PanelReport: Sendable {
    public struct Options: Sendable, Equatable {
        public var seed: UInt64 = 1
        /// Bootstrap resamples for every interval.
        public var resamples: Int = 1000
        /// A representative whose leniency is at least this share of the maximum (and whose
        /// interval leaves out 0) is flagged.
        /// Compared exactly with the exact mean share.
        public var leniencyThreshold = Rational(1, 10)
        /// A group whose mean is at least this share of the maximum from the overall mean is
        /// flagged (compared exactly).
        public var groupThreshold = Rational(1, 10)

        /// Decide the flags and show the groups table as kaimen before 0.29.0 did (thresholds in
        /// binary floating point, leniency from two ballots, a group flagged while only one has
        /// ballots, `groupOffset` by its id and 0.0 for a group without ballots): only to write a
        /// report sealed before 0.29.0 again.
        public var legacy = false

        public init(seed: UInt64 = 1, resamples: Int = 1000, legacy: Bool = false) {
            self.seed = seed
            self.resamples = resamples
            self.legacy = legacy
        }
    }

    public struct Flag: Sendable, Equatable {
        public enum Kind: String, Sendable {
            case lenient, harsh, trimmedLow, trimmedHigh, straightLining, identicalTotals, groupOffset

            /// What a table shows (JSON keeps the raw value, the name docs/panel.md gives).
            public var name: Localized {
                switch self {
                case .lenient: Localized(zh: "偏宽", en: "lenient")
                case .harsh: Localized(zh: "偏严", en: "harsh")
                case .trimmedLow: Localized(zh: "常被去低", en: "often dropped low")
                case .trimmedHigh: Localized(zh: "常被去高", en: "often dropped high")
                case .straightLining: Localized(zh: "各项同分", en: "straight-lining")
                case .identicalTotals: Localized(zh: "总分雷同", en: "identical totals")
                case .groupOffset: Localized(zh: "组别偏差", en: "group offset")
                }
            }
        }
        public var kind: Kind
        public var reason: Localized
    }

    public struct Rater: Sendable, Equatable {
        public var index: Int
        public var ballots: Int
        /// Units their group heard (from the schedule), or else units they scored.
        public var unitsHeard: Int
        /// With a schedule: units their group heard, not theirs nor a declared conflict, that they cast no ballot for.
        public var unitsNotScored: [Int]
        /// Ballots cast for their own unit, set aside (回避).
        public var recused: Int
        public var leniency: Leniency?
        /// Leniency not judged: too few ballots or units (`Leniency.tooFew`); said as 票数太少.
        public var leniencyTooFew: Bool
        public var trim: TrimShare
        public var straight: StraightLining
        public var flags: [Flag]
    }

    public let options: Options
    public let data: PanelBallots
    public let units: [Unit]
    public let raters: [Rater]
    public let cells: [Corridor.Cell]
    /// In unit, then item, then representative order.
    public let outliers: [Corridor.Outlier]
    public let groups: [GroupEffect]
    /// The mean of every ballot as a share of its maximum.
    public let overallShare: Double
    public let groupFlags: [(group: Int, flag: Flag)]
    public let whatIf: WhatIfRanking?
    public let agreement: Agreement

    /// Analyses a scored session; its results are only read. With a `schedule` (which group
    /// heard which unit, in order), units heard are the schedule's, sheets are read in the order
    /// the units were heard, and units heard but not scored are listed.
    public static func analyse(_ session: ScoringSession, schedule: Schedule? = nil, options: Options = Options()) -> PanelReport {
        let data = PanelBallots(session: session)
        let reps = session.representatives
        let unitIndex = Dictionary(session.table.units.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Units each group heard, in the schedule's order.
        var heardBy: [String: [Int]] = [:]
        for e in schedule?.entries ?? [] { if let u = unitIndex[e.unit] { heardBy[e.group, default: []].append(u) } }
        // Per representative: differences from the others' consensus, trimming, sheets.
        var diffs = [[(difference: Rational, max: Rational)]](repeating: [], count: reps.count)
        var comparedUnits = [Set<Int>](repeating: [], count: reps.count)
        var trims = [TrimShare](repeating: TrimShare(), count: reps.count)
        var sheets = [[Int: [(score: Rational, max: Rational)]]](repeating: [:], count: reps.count)
        for c in data.cells.indices where !data.cells[c].isEmpty {
            let i = data.item(ofCell: c), u = data.unit(ofCell: c)
            let max = data.items[i].max
            let ballots = data.cells[c]
            for (j, b) in ballots.enumerated() {
                sheets[b.representative][u, default: []].append((b.score, max))
                if !max.isZero, let consensus = data.consensus(c, without: j) {
                    diffs[b.representative].append((b.score - consensus, max))
                    comparedUnits[b.representative].insert(u)
                }
            }
            TrimShare.add(BallotAggregator.aggregate(ballots, aggregate: data.aggregate[i], trim: data.trim[i]), into: &trims)
        }
        var recused = [String: Int]()
        for r in session.ballots.recusals { recused[r.representative, default: 0] += 1 }
        let seed = options.seed, resamples = options.resamples
        let diffsFinal = diffs, unitsFinal = comparedUnits.map(\.count)
        let leniencies = Parallel.map(reps.count) { r in
            Leniency.of(diffsFinal[r], units: unitsFinal[r], resamples: resamples, seed: Bootstrap.seed(seed, stream: 1000 + r))
        }
        var raters: [Rater] = []
        var castBy = [Set<Int>](repeating: [], count: reps.count)
        for b in session.ballots.ballots { castBy[b.representative].insert(b.unit) }
        for v in session.ballots.recusals {
            if let r = reps.firstIndex(where: { $0.id == v.representative }), let u = unitIndex[v.unit] { castBy[r].insert(u) }
        }
        for (r, rep) in reps.enumerated() {
            let heard = schedule == nil ? nil : heardBy[rep.group] ?? []
            // Sheets in the order the units were heard (the schedule's), else in the units file's.
            let order = heard.map { h in h.filter { sheets[r][$0] != nil } + sheets[r].keys.filter { !h.contains($0) }.sorted() } ?? sheets[r].keys.sorted()
            let straight = StraightLining.of(order.map { sheets[r][$0]! })
            var flags: [Flag] = []
            if let l = leniencies[r], l.isFlagged(threshold: options.leniencyThreshold, legacy: options.legacy) {
                flags.append(Flag(kind: l.share > 0 ? .lenient : .harsh, reason: PanelMessages.leniency(rep, l)))
            }
            let side = trims[r].flaggedSide(legacy: options.legacy)
            if side.low { flags.append(Flag(kind: .trimmedLow, reason: PanelMessages.trimmed(rep, low: true, count: trims[r].droppedLow, chance: trims[r].chanceLow))) }
            if side.high { flags.append(Flag(kind: .trimmedHigh, reason: PanelMessages.trimmed(rep, low: false, count: trims[r].droppedHigh, chance: trims[r].chanceHigh))) }
            if straight.isFlaggedStraight { flags.append(Flag(kind: .straightLining, reason: PanelMessages.straight(rep, straight))) }
            if straight.isFlaggedRun { flags.append(Flag(kind: .identicalTotals, reason: PanelMessages.run(rep, straight))) }
            raters.append(Rater(index: r, ballots: sheets[r].values.reduce(0) { $0 + $1.count }, unitsHeard: heard?.count ?? sheets[r].count,
                                unitsNotScored: (heard ?? []).filter { !castBy[r].contains($0) && rep.recusal(from: session.table.units[$0].id) == nil },
                                recused: recused[rep.id] ?? 0, leniency: leniencies[r],
                                leniencyTooFew: !options.legacy && leniencies[r]?.tooFew == true, trim: trims[r], straight: straight, flags: flags))
        }
        let scan = Corridor.scan(data)
        let (groups, overall) = GroupEffect.of(data)
        let withBallots = groups.filter { $0.ballots > 0 }.count
        let groupFlags = groups.indices.compactMap { g -> (group: Int, flag: Flag)? in
            guard groups[g].isFlagged(threshold: options.groupThreshold, groupsWithBallots: withBallots, groups: groups.count,
                                      legacy: options.legacy) else { return nil }
            return (g, Flag(kind: .groupOffset, reason: PanelMessages.group(groups[g])))
        }
        return PanelReport(options: options, data: data, units: session.table.units, raters: raters, cells: scan.cells,
                           outliers: scan.outliers, groups: groups, overallShare: overall, groupFlags: groupFlags,
                           whatIf: WhatIfRanking.of(session, data: data, groups: groups),
                           agreement: Agreement.of(data, resamples: resamples, seed: seed))
    }

    /// Every flag, representatives' first (in roster order), then groups'.
    public var flags: [Flag] { raters.flatMap(\.flags) + groupFlags.map(\.flag) }
}
