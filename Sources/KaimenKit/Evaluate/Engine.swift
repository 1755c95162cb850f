/// Scores a session: every unit by the one compiled program (`ScoringProgram`), on several
/// threads. In the fast form each unit is tried in fixed point first and, where that cannot
/// decide something, scored again exactly, so the results are the exact ones whatever the
/// form and the number of threads. A trace of the same run, for the units asked for only,
/// gives what `explain` and the score sheets show.
public struct Engine: Sendable {
    /// Which number form scores: `fast` (fixed point, exact where it cannot decide) or
    /// `exact` (fractions for every unit; for cross-checks).
    public enum NumberForm: String, Sendable {
        case fast, exact
    }

    public struct Stats: Sendable {
        /// Units the fast form handed to the exact one.
        public var fallbacks = 0
        /// Units whose open tie-break keys were worked out exactly (`TieKeySettling`).
        public var settled = 0
        /// Units whose exact arithmetic did not fit 64-bit fractions, scored in fractions of
        /// any size (`BigFraction`).
        public var unbounded = 0
    }

    public let plan: ScoringPlan

    public init(plan: ScoringPlan) { self.plan = plan }

    /// Every unit's row, ready for `Ranker`.
    public func score(_ columns: MetricColumns, _ ballots: BallotColumns, form: NumberForm = .fast, threads: Int = 1,
                      progress: (@Sendable (Int) -> Void)? = nil) -> (ScoreTable, Stats) {
        let rules = plan.rules
        let n = columns.unitCount
        let program = ScoringProgram(plan: plan, scales: columns.scales, ballotScale: ballots.scale)
        let fast = form == .fast && program.fastPathSafe
        var table = ScoreTable(unitCount: n, areaCount: rules.areas.count, standardCount: rules.standards.count,
                               precision: rules.ranking.precision, tieBreaks: rules.ranking.tieBreak.count,
                               width: ScaledColumn.width(plan), filledLater: true)
        let kc = program.ties.count
        let chunks = max(1, min(max(1, threads) * 8, n / 2048 + 1))
        let parts: [ChunkResult] = table.withRows { rows in
            Parallel.map(chunks) { c in
                let start = n * c / chunks, end = n * (c + 1) / chunks
                var out = ChunkResult(spread: [UInt32](repeating: 0, count: (end - start) * kc))
                var fastScorer = UnitScorer<FixedInterval>(program: program, ballots: ballots, remembers: fast)
                var exactScorer = ExactScorer(program: program, ballots: ballots)
                var tileStart = start
                while tileStart < end {
                    let tileEnd = min(end, tileStart + MetricTile.size)
                    if fast { fastScorer.tile.load(columns, tileStart, tileEnd) }
                    for u in tileStart..<tileEnd {
                        if fast && fastScorer.score(u) {
                            out.add(fastScorer.row, unit: u, rows: rows, spreadAt: (u - start) * kc)
                        } else {
                            if fast { out.fallbacks += 1 }
                            let row = exactScorer.score(u, columns)
                            out.add(row, unit: u, rows: rows, spreadAt: (u - start) * kc)
                        }
                    }
                    tileStart = tileEnd
                }
                progress?(end - start)
                out.unbounded = exactScorer.unbounded
                return out
            }
        }
        var stats = Stats()
        var spread: [UInt32] = []
        spread.reserveCapacity(n * kc)
        var open = false
        for part in parts {
            table.append(part.lists)
            stats.fallbacks += part.fallbacks
            stats.unbounded += part.unbounded
            spread += part.spread
            open = open || part.open
        }
        if open {
            stats.settled = TieKeySettling.settle(&table, spread: spread, threads: threads) { units in
                var exact = ExactScorer(program: program, ballots: ballots)
                return units.map { u in
                    let row = exact.score(u, columns)
                    return (row.tieKeys.array, row.wideTieKeys)
                }
            }
        }
        table.resetGrades()
        return (table, stats)
    }

    /// The full derivation of the units asked for, exactly: what `explain` and the score
    /// sheets show. (Ranks and grades after quotas are the ranking's.)
    public func trace(_ units: [Int], _ columns: MetricColumns, _ ballots: BallotColumns) -> [UnitResult] {
        let program = ScoringProgram(plan: plan, scales: columns.scales, ballotScale: ballots.scale)
        var scorer = ExactScorer(program: program, ballots: ballots)
        return units.map { u in scorer.trace(u, columns) }
    }

    /// Every unit of a checked-path input, traced.
    public func results(_ table: UnitTable, ballots: BallotBox) -> [UnitResult] {
        trace(Array(table.units.indices), MetricColumns.from(table), BallotColumns.from(ballots, unitCount: table.units.count))
    }
}

/// What one chunk of units adds: its lists, fallbacks and the widths of its open tie keys.
private struct ChunkResult: Sendable {
    var lists = ScoreRowLists()
    var fallbacks = 0
    var unbounded = 0
    var spread: [UInt32]
    var open = false

    mutating func add(_ row: UnitRow, unit u: Int, rows: ScoreRows, spreadAt s: Int) {
        rows.write(row, unit: u)
        lists.events += row.events
        for v in row.vetoes { lists.vetoes.append(.init(unit: Int32(u), item: v)) }
        for v in row.vetoesUnchecked { lists.vetoesUnchecked.append(.init(unit: Int32(u), item: v.veto, notChecked: v.why)) }
        for (k, w) in row.wideTieKeys { lists.wideTieKeys[u * row.tieKeys.count + k] = w }
        for k in 0..<row.tieSpread.count {
            spread[s + k] = row.tieSpread[k]
            if row.tieSpread[k] != 0 { open = true }
        }
    }
}

/// Scores a unit exactly: in `Rational`s, and in `BigFraction`s when its exact arithmetic
/// does not fit 64-bit fractions (a value `Rational` had to round), so that no total, grade,
/// cap or band depends on a rounded value.
private struct ExactScorer {
    var bounded: UnitScorer<Rational>
    var wide: UnitScorer<BigFraction>
    /// Units scored in `BigFraction`s.
    private(set) var unbounded = 0

    init(program: ScoringProgram, ballots: BallotColumns) {
        bounded = UnitScorer(program: program, ballots: ballots, tileCapacity: 1, remembers: false)
        wide = UnitScorer(program: program, ballots: ballots, tileCapacity: 1, remembers: false)
    }

    /// Unit `u`'s row.
    mutating func score(_ u: Int, _ columns: MetricColumns) -> UnitRow {
        bounded.tile.load(columns, u, u + 1)
        if bounded.score(u) { return bounded.row }
        unbounded += 1
        wide.tile.load(columns, u, u + 1)
        precondition(wide.score(u), "fractions of any size always decide")
        return wide.row
    }

    /// Unit `u`'s full derivation.
    mutating func trace(_ u: Int, _ columns: MetricColumns) -> UnitResult {
        bounded.tile.load(columns, u, u + 1)
        bounded.beginTrace()
        if bounded.score(u) { return bounded.trace!.result(unit: u, row: bounded.row, program: bounded.program) }
        wide.tile.load(columns, u, u + 1)
        wide.beginTrace()
        precondition(wide.score(u), "fractions of any size always decide")
        return wide.trace!.result(unit: u, row: wide.row, program: wide.program)
    }
}
