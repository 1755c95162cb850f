import Dispatch

/// Scores many units fast, straight from column storage, into a `ScoreTable`.
///
/// Every decision (a band reached, a cap hit, a participation threshold met) is an exact
/// integer comparison. Points are fractions n/d turned into fixed point at 10⁻¹² with one
/// hardware division, carried as intervals that surely hold the exact value; a total is
/// rounded exactly whenever its interval lies on one side of a rounding boundary. Whenever it
/// does not, or anything would overflow, that one unit is scored by the checked `Evaluator`
/// with exact fractions instead. The results are therefore identical to the checked path,
/// with any number of threads.
public struct BulkScorer: Sendable {
    let plan: ScoringPlan
    let columns: MetricColumns
    let ballots: BallotColumns

    public init(plan: ScoringPlan, columns: MetricColumns, ballots: BallotColumns) {
        self.plan = plan
        self.columns = columns
        self.ballots = ballots
    }

    /// How many units fell back to the checked evaluator in the last run (for the benchmark).
    public struct Stats: Sendable {
        public var fallbacks = 0
        /// Units whose open tie-break keys were worked out exactly (`settleTieKeys`).
        public var settled = 0
    }

    /// Scores every unit, on `threads` threads, into a table ready for `Ranker`.
    public func score(threads: Int = 1, progress: (@Sendable (Int) -> Void)? = nil) -> (ScoreTable, Stats) {
        let rules = plan.rules
        let n = columns.unitCount
        var table = ScoreTable(unitCount: n, areaCount: rules.areas.count, standardCount: rules.standards.count,
                               precision: rules.ranking.precision, tieBreaks: rules.ranking.tieBreak.count,
                               narrow: ScaledColumn.narrowFits(plan), filledLater: true)
        let bulk = BulkPlan(plan: plan, scales: columns.scales, ballotScale: ballots.scale)
        let hot = (factors: plan.factor + [.one], weighted: plan.factor.map { !$0.isOne } + [false],
                   isBallot: plan.itemOfStandard.map { $0 != nil } + [false])
        let chunks = max(1, min(threads * 8, n / 2048 + 1))
        // Each chunk's warning lists and fallback count, in chunk order.
        var tieSpread = [UInt32](repeating: 0, count: n * rules.ranking.tieBreak.count)
        let results: [(ScoreRowLists, Int, Int)] = tieSpread.withUnsafeMutableBufferPointer { spreadBuffer in
        let spread = SpreadPointer(base: spreadBuffer.baseAddress ?? UnsafeMutablePointer(bitPattern: 4)!)
        return table.withRows { rows in
            columns.withPointers { wide, narrow in
                ballots.withPointers { offsets, scores in
                  columns.scales.withUnsafeBufferPointer { scales in
                   bulk.standards.withUnsafeBufferPointer { standards in
                    bulk.bonuses.withUnsafeBufferPointer { bonuses in
                     bulk.deductions.withUnsafeBufferPointer { deductions in
                      bulk.withListPointers { areaStart, areaMembers, deductionStart, deductionMembers, areaCaps, vetoes, ties, gradeMins in
                       hot.factors.withUnsafeBufferPointer { factors in
                        hot.weighted.withUnsafeBufferPointer { weighted in
                         hot.isBallot.withUnsafeBufferPointer { isBallot in
                    let tileSize = 512
                    let data = WorkerData(wide: wide, narrow: narrow, tile: UnsafeMutablePointer(bitPattern: 8)!, metricCount: columns.metricCount, scales: scales, offsets: offsets, scores: scores, standards: standards,
                                          bonuses: bonuses, deductions: deductions, areaStart: areaStart, areaMembers: areaMembers,
                                          deductionStart: deductionStart, deductionMembers: deductionMembers, areaCaps: areaCaps,
                                          vetoes: vetoes, ties: ties, gradeMins: gradeMins,
                                          factors: factors.baseAddress!, weighted: weighted.baseAddress!, isBallot: isBallot.baseAddress!)
                    return Parallel.map(chunks) { c in
                        let start = n * c / chunks, end = n * (c + 1) / chunks
                        let count = max(1, data.standards.count)
                        let points = UnsafeMutablePointer<FixedInterval>.allocate(capacity: count)
                        let leftOut = UnsafeMutablePointer<Bool>.allocate(capacity: count)
                        let areaSubtotals = UnsafeMutablePointer<FixedInterval>.allocate(capacity: max(1, rules.areas.count))
                        defer { points.deallocate(); leftOut.deallocate(); areaSubtotals.deallocate() }
                        let tile = UnsafeMutablePointer<Int64>.allocate(capacity: max(1, tileSize * columns.metricCount))
                        defer { tile.deallocate() }
                        var local = data
                        local.tile = tile
                        var worker = UnitWorker(plan: plan, bulk: bulk, columns: columns, ballots: ballots, data: local, rows: rows,
                                                points: points, leftOut: leftOut, areaSubtotals: areaSubtotals, tieSpread: spread.base)
                        var tileStart = start
                        while tileStart < end {
                            let tileEnd = min(end, tileStart + tileSize)
                            worker.data.load(tileStart, tileEnd)
                            for u in tileStart..<tileEnd where !(bulk.fastPathSafe && worker.score(u)) {
                                worker.fallback(u)
                            }
                            tileStart = tileEnd
                        }
                        progress?(end - start)
                        return (worker.lists, worker.fallbacks, worker.openTies)
                    }
                         }
                        }
                       }
                      }
                     }
                    }
                   }
                  }
                }
            }
        }
        }
        var stats = Stats()
        var open = 0
        for (lists, fallbacks, count) in results {
            table.append(lists)
            stats.fallbacks += fallbacks
            open += count
        }
        if open > 0 { stats.settled = settleTieKeys(in: &table, spread: tieSpread) }
        table.resetGrades()
        return (table, stats)
    }

    /// Makes open tie-break keys safe to compare: within each run of units with the same
    /// rounded total (the only place `Ranker` compares keys), any key whose interval touches
    /// another unit's key for the same tie-break is worked out exactly (the unit's keys are
    /// replaced by the checked evaluator's). Open keys left are each apart from every other
    /// key of their run, so comparing their lower ends orders them as their exact values
    /// would. Returns how many units it scored exactly.
    func settleTieKeys(in table: inout ScoreTable, spread: [UInt32]) -> Int {
        let kc = table.tieBreakCount
        let order = Ranker.byTotal(table.total)
        var settled = Set<Int>()
        var start = 0
        let width = Rational(1, FixedInterval.scale)
        while start < order.count {
            var end = start + 1
            while end < order.count && table.total[order[end]] == table.total[order[start]] { end += 1 }
            let run = order[start..<end]
            start = end
            guard run.count > 1, run.contains(where: { u in (0..<kc).contains { spread[u * kc + $0] != 0 } }) else { continue }
            for k in 0..<kc {
                // Sorted by lower end; a unit whose interval reaches the next one's start overlaps it.
                let sorted = run.compactMap { u in table.tieKeys[u * kc + k].map { (u: u, lo: $0) } }.sorted { $0.lo < $1.lo }
                var i = 0
                while i < sorted.count {
                    var j = i
                    var hi = sorted[i].lo + width * Rational(Int(spread[sorted[i].u * kc + k]))
                    while j + 1 < sorted.count && sorted[j + 1].lo <= hi {
                        j += 1
                        hi = max(hi, sorted[j].lo + width * Rational(Int(spread[sorted[j].u * kc + k])))
                    }
                    if j > i {
                        for e in sorted[i...j] where spread[e.u * kc + k] != 0 { settled.insert(e.u) }
                    }
                    i = j + 1
                }
            }
        }
        for u in settled.sorted() {
            let r = exactResult(u)
            let keys = ScoreTable.tieKeys(of: r, plan: plan) { id in plan.metricIndex[id].flatMap { columns.value(metric: $0, unit: u) } }
            for (k, key) in keys.enumerated() { table.tieKeys[u * kc + k] = key }
        }
        return settled.count
    }

    /// Unit `u` scored by the checked evaluator, from its column values.
    func exactResult(_ u: Int) -> UnitResult {
        let rules = plan.rules
        let values = rules.metrics.indices.map { [columns.value(metric: $0, unit: u)] }
        let one = UnitTable(units: [Unit(id: "", name: "", category: "", location: SourceLocation(file: "", line: 0, column: 0))],
                            values: values, locations: values.map { _ in [nil] })
        let grouped: [[BallotScore]] = (0..<ballots.itemCount).map { item in
            let i = u * ballots.itemCount + item
            let scores = ballots.scores[Int(ballots.offsets[i])..<Int(ballots.offsets[i + 1])]
            return scores.enumerated().map { BallotScore(representative: $0.offset, score: Rational(Int64($0.element), BulkData.pow10[ballots.scale])) }
        }
        return Evaluator(plan: plan).evaluate(unit: 0, table: one, ballots: grouped)
    }
}

/// Where the workers write the widths of open tie-break keys (each its own units).
struct SpreadPointer: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt32>
}

/// Read-only pointers to the columns, valid while `BulkScorer.score` runs.
struct WorkerData: @unchecked Sendable {
    /// The columns, each wide or narrow.
    let wide: UnsafeBufferPointer<UnsafePointer<Int64>?>
    let narrow: UnsafeBufferPointer<UnsafePointer<Int32>?>
    /// The current tile: units `tileStart ..<` copied row-major, metric `m` of unit `u` at
    /// `tile[(u - tileStart) * metricCount + m]`, so scoring reads one small block instead of
    /// one stream per metric.
    var tile: UnsafeMutablePointer<Int64>
    var tileStart = 0
    let metricCount: Int
    let scales: UnsafeBufferPointer<Int>
    let offsets: UnsafePointer<Int32>
    let scores: UnsafePointer<Int16>
    let standards: UnsafeBufferPointer<BulkPlan.CompiledStandard>
    let bonuses: UnsafeBufferPointer<BulkPlan.CompiledStandard>
    let deductions: UnsafeBufferPointer<BulkPlan.CompiledStandard>
    let areaStart: UnsafePointer<Int>
    let areaMembers: UnsafePointer<Int>
    let deductionStart: UnsafePointer<Int>
    let deductionMembers: UnsafePointer<Int>
    let areaCaps: UnsafePointer<Int64?>
    let vetoes: UnsafeBufferPointer<BulkPlan.VetoPlan>
    let ties: UnsafeBufferPointer<BulkPlan.TieKind>
    let gradeMins: UnsafeBufferPointer<Int64?>
    /// Per standard, small and hot: its combine factor, whether that is not 1, whether it is a ballot standard.
    let factors: UnsafePointer<Rational>
    let weighted: UnsafePointer<Bool>
    let isBallot: UnsafePointer<Bool>

    @inline(__always) func x(_ m: Int, _ u: Int) -> Int64 { tile[(u - tileStart) * metricCount + m] }

    /// What formulas read, small: a closure that captures it costs nothing to make (capturing
    /// all of `WorkerData` copies some two hundred bytes for every formula of every unit).
    var reader: TileReader { TileReader(tile: tile, tileStart: tileStart, metricCount: metricCount, scales: scales.baseAddress ?? UnsafePointer(bitPattern: 8)!) }

    /// Copies units `start ..< end` (at most the tile's size) into the tile.
    mutating func load(_ start: Int, _ end: Int) {
        tileStart = start
        for m in 0..<metricCount {
            if let p = narrow[m] {
                for u in start..<end {
                    let v = p[u]
                    tile[(u - start) * metricCount + m] = v == Int32.min ? BulkData.missing : Int64(v)
                }
            } else if let p = wide[m] {
                for u in start..<end { tile[(u - start) * metricCount + m] = p[u] }
            }
        }
    }

    @inline(__always) func value(_ m: Int, _ u: Int) -> Rational? { reader.value(m, u) }
}

/// The current tile's metric values as exact numbers, for formulas.
struct TileReader {
    let tile: UnsafeMutablePointer<Int64>
    let tileStart: Int
    let metricCount: Int
    let scales: UnsafePointer<Int>

    @inline(__always) func value(_ m: Int, _ u: Int) -> Rational? {
        let v = tile[(u - tileStart) * metricCount + m]
        if v == BulkData.missing { return nil }
        let s = scales[m]
        return s == 0 ? Rational(integer: v) : Rational(v, BulkData.pow10[s])
    }
}

extension BallotColumns {
    func withPointers<R>(_ body: (UnsafePointer<Int32>, UnsafePointer<Int16>) -> R) -> R {
        offsets.withUnsafeBufferPointer { o in
            scores.withUnsafeBufferPointer { s in body(o.baseAddress!, s.baseAddress ?? UnsafePointer(bitPattern: 2)!) }
        }
    }
}

/// Scores units one at a time on one thread.
///
/// Its helpers that only read (`evaluate`, `formula`, …) are nevertheless `mutating`: called from
/// the mutating `score(_:)`, a non-mutating method gets a copy of the whole worker (some 900
/// bytes, and a retain of every array in it) for every standard of every unit.
struct UnitWorker {
    let plan: ScoringPlan
    /// Kept alive by `BulkScorer.score` for as long as any worker runs.
    unowned(unsafe) let bulk: BulkPlan
    let columns: MetricColumns
    let ballots: BallotColumns
    var data: WorkerData
    let rows: ScoreRows
    var lists = ScoreRowLists()
    var fallbacks = 0
    /// Scratch space for one unit's standards, owned by the caller: points as they count, and
    /// whether each was left out (prorated).
    let points: UnsafeMutablePointer<FixedInterval>
    let leftOut: UnsafeMutablePointer<Bool>
    /// Scratch space for one unit's area subtotals (after caps and deductions), owned by the caller.
    let areaSubtotals: UnsafeMutablePointer<FixedInterval>
    /// `tieSpread[u * tieBreakCount + k]`: the width (at 10⁻¹²) of the interval whose lower end
    /// is stored as the unit's tie-break key `k`; 0 for an exact key. Owned by the caller.
    let tieSpread: UnsafeMutablePointer<UInt32>
    /// How many units scored here have an open (not exact) tie-break key.
    var openTies = 0

    /// Why a standard was not assessed, as plain values (metric by index); turned into a
    /// `StandardResult.Status` only when it is recorded.
    enum Reason {
        case precondition
        case missing(Int)
        case zeroDenominator(Int)
        case divisionByZero
        case noRespondents
        case participation(rate: Rational, min: Rational)
        case insufficient(count: Int, needed: Int)
    }

    /// What one standard came to, before its combine factor and not-assessable rule.
    enum Outcome {
        case scored(FixedInterval)
        case notAssessed(Reason)
    }

    mutating func status(_ r: Reason) -> StandardResult.Status {
        let metrics = plan.rules.metrics
        switch r {
        case .precondition: return .notAssessable(.precondition)
        case .missing(let m): return .notAssessable(.missingMetric(metrics[m].id))
        case .zeroDenominator(let m): return .notAssessable(.zeroDenominator(metrics[m].id))
        case .divisionByZero: return .notAssessable(.divisionByZero)
        case .noRespondents: return .notAssessable(.noRespondents)
        case .participation(let rate, let min): return .notAssessable(.participationBelow(rate: rate, min: min))
        case .insufficient(let count, let needed): return .insufficientBallots(count: count, needed: needed)
        }
    }

    // MARK: One unit

    /// Scores unit `u` into its row; `false` when it must be scored exactly instead.
    mutating func score(_ u: Int) -> Bool {
        let p = rows.precision
        let eventsBefore = lists.events.count
        // 1. Standards.
        // (The compiled standard is reached only through its pointer here: binding it to a local
        // would copy all of it for every standard of every unit.)
        for i in 0..<data.standards.count {
            guard let outcome = evaluate(data.standards.baseAddress! + i, u) else { return abandon(eventsBefore) }
            switch outcome {
            case .scored(let iv):
                if data.weighted[i] {
                    guard let w = iv.scaled(data.factors[i].numerator, data.factors[i].denominator) else { return abandon(eventsBefore) }
                    points[i] = w
                } else {
                    points[i] = iv
                }
                leftOut[i] = false
            case .notAssessed(let reason):
                let (raw, prorated) = notAssessedPoints(data.standards.baseAddress! + i, reason)
                leftOut[i] = prorated
                if prorated {
                    points[i] = .zero
                } else {
                    guard let w = FixedInterval(raw * data.factors[i]) else { return abandon(eventsBefore) }
                    points[i] = w
                }
                lists.events.append(.init(unit: Int32(u), standard: Int32(i), status: status(reason), raw: raw, prorated: prorated))
            }
        }
        // 2. Areas: prorate, cap, deduct.
        var areaTotal = FixedInterval.zero, deductedTotal = FixedInterval.zero
        for a in 0..<rows.areaCount {
            var earned = FixedInterval.zero
            var anyProrated = false
            for k in data.areaStart[a]..<data.areaStart[a + 1] {
                let i = data.areaMembers[k]
                if leftOut[i] { anyProrated = true } else { earned = earned + points[i] }
            }
            if anyProrated {
                var missing = Rational.zero
                for k in data.areaStart[a]..<data.areaStart[a + 1] where leftOut[data.areaMembers[k]] {
                    let cs = data.standards.baseAddress! + data.areaMembers[k]
                    missing += cs.pointee.max * cs.pointee.factor
                }
                let all = bulk.areaMax[a]
                let assessed = all - missing
                if assessed.isZero {
                    earned = .zero
                } else {
                    let f = all.divided(by: assessed)!
                    guard let e = earned.scaled(f.numerator, f.denominator) else { return abandon(eventsBefore) }
                    earned = e
                }
            }
            guard let capFixed = data.areaCaps[a], let capped = earned.minimum(capFixed) else { return abandon(eventsBefore) }
            var deductions = FixedInterval.zero
            for k in data.deductionStart[a]..<data.deductionStart[a + 1] {
                guard let iv = bonusOrDeduction(data.deductions.baseAddress! + data.deductionMembers[k], u) else { return abandon(eventsBefore) }
                deductions = deductions + iv
            }
            let subtotal: FixedInterval, deducted: FixedInterval
            if deductions.hi <= capped.lo {
                deducted = deductions
                subtotal = capped - deductions
            } else if deductions.lo >= capped.hi {
                deducted = capped
                subtotal = .zero
            } else {
                return abandon(eventsBefore)
            }
            guard let rounded = subtotal.rounded(places: p) else { return abandon(eventsBefore) }
            rows.areas[u * rows.areaCount + a] = rounded
            areaSubtotals[a] = subtotal
            areaTotal = areaTotal + subtotal
            deductedTotal = deductedTotal + deducted
        }
        // 3. Bonus.
        var bonus = FixedInterval.zero
        for b in 0..<data.bonuses.count {
            guard let iv = bonusOrDeduction(data.bonuses.baseAddress! + b, u) else { return abandon(eventsBefore) }
            bonus = bonus + iv
        }
        if bulk.hasBonusCap {
            guard let cap = bulk.bonusCap, let capped = bonus.minimum(cap) else { return abandon(eventsBefore) }
            bonus = capped
        }
        var total = areaTotal + bonus
        // 4. Vetoes.
        let vetoesBefore = lists.vetoes.count, uncheckedBefore = lists.vetoesUnchecked.count
        func giveUp() -> Bool {
            lists.vetoes.removeSubrange(vetoesBefore...)
            lists.vetoesUnchecked.removeSubrange(uncheckedBefore...)
            return abandon(eventsBefore)
        }
        var forced: Int?
        for v in 0..<data.vetoes.count {
            let veto = data.vetoes[v]
            switch formula(veto.formula, u) {
            case .boolean(true):
                lists.vetoes.append(.init(unit: Int32(u), item: Int32(v)))
                if veto.hasCap {
                    guard let cap = veto.cap, let capped = total.minimum(cap) else { return giveUp() }
                    total = capped
                }
                // The worst forced grade of all the vetoes that hold (as `Evaluator`).
                if let g = veto.grade { forced = max(forced ?? g, g) }
            case .missing, .divisionByZero:
                lists.vetoesUnchecked.append(.init(unit: Int32(u), item: Int32(v)))
            default:
                break
            }
        }
        // 5. Everything rounded at the rules' precision.
        var ballotPoints = FixedInterval.zero
        for i in 0..<data.standards.count where data.isBallot[i] && !leftOut[i] {
            ballotPoints = ballotPoints + points[i]
        }
        guard let t = total.rounded(places: p), let bp = ballotPoints.rounded(places: p),
              let bo = bonus.rounded(places: p), let de = deductedTotal.rounded(places: p) else { return giveUp() }
        for i in 0..<rows.standardCount {
            guard let r = points[i].rounded(places: p) else { return giveUp() }
            rows.standards[u * rows.standardCount + i] = r
        }
        rows.total[u] = t
        rows.ballotPoints[u] = bp
        rows.bonus[u] = bo
        rows.deducted[u] = de
        rows.forced[u] = forced != nil
        rows.gradeByTotal[u] = UInt8(forced ?? gradeIndex(t))
        // 6. Tie-break keys, as the checked path computes them: exact, not rounded. A key whose
        // interval is not one value is stored as its lower end, with the interval's width in
        // `tieSpread`; `BulkScorer.settleTieKeys` then works out exactly any that could compare
        // equal to another unit's.
        var open = false
        func key(_ iv: FixedInterval, _ k: Int) -> Rational? {
            let w = iv.hi &- iv.lo
            guard w >= 0, w <= Int64(UInt32.max) else { return nil }
            if w > 0 { open = true }
            tieSpread[u * rows.tieBreakCount + k] = UInt32(w)
            return Rational(iv.lo, FixedInterval.scale)
        }
        for k in 0..<data.ties.count {
            let value: Rational?
            switch data.ties[k] {
            case .ballots: value = key(ballotPoints, k)
            case .bonus: value = key(bonus, k)
            case .area(let a): value = key(areaSubtotals[a], k)
            case .metric(let m):
                value = data.value(m, u)
                tieSpread[u * rows.tieBreakCount + k] = 0
                rows.tieKeys[u * rows.tieBreakCount + k] = value
                continue
            case .standard(let i):
                if i < rows.standardCount {
                    value = key(points[i], k)
                } else {
                    let j = i - rows.standardCount
                    let cs = j < data.bonuses.count ? data.bonuses.baseAddress! + j : data.deductions.baseAddress! + (j - data.bonuses.count)
                    guard let iv = bonusOrDeduction(cs, u) else { return giveUp() }
                    value = key(iv, k)
                }
            }
            guard let value else { return giveUp() }
            rows.tieKeys[u * rows.tieBreakCount + k] = value
        }
        if open { openTies += 1 }
        return true
    }

    /// Drops what this unit added to the lists; the caller scores it exactly.
    private mutating func abandon(_ eventsBefore: Int) -> Bool {
        lists.events.removeSubrange(eventsBefore...)
        return false
    }

    /// Scores unit `u` with the checked evaluator, from its column values.
    mutating func fallback(_ u: Int) {
        fallbacks += 1
        let result = BulkScorer(plan: plan, columns: columns, ballots: ballots).exactResult(u)
        for k in 0..<rows.tieBreakCount { tieSpread[u * rows.tieBreakCount + k] = 0 }
        var local = ScoreRowLists()
        rows.write(result, unit: u, plan: plan, lists: &local) { id in plan.metricIndex[id].flatMap { columns.value(metric: $0, unit: u) } }
        for e in local.events { lists.events.append(.init(unit: Int32(u), standard: e.standard, status: e.status, raw: e.raw, prorated: e.prorated)) }
        lists.vetoes += local.vetoes.map { .init(unit: Int32(u), item: $0.item) }
        lists.vetoesUnchecked += local.vetoesUnchecked.map { .init(unit: Int32(u), item: $0.item) }
    }

    mutating func gradeIndex(_ total: Int64) -> Int {
        for g in 0..<data.gradeMins.count where data.gradeMins[g].map({ total >= $0 }) ?? true { return g }
        return data.gradeMins.count - 1
    }

    /// A bonus or deduction item's points (unweighted, not-assessable → its rule).
    private mutating func bonusOrDeduction(_ cs: UnsafePointer<BulkPlan.CompiledStandard>, _ u: Int) -> FixedInterval? {
        guard let outcome = evaluate(cs, u) else { return nil }
        switch outcome {
        case .scored(let iv): return iv
        case .notAssessed(let reason): return FixedInterval(notAssessedPoints(cs, reason).raw)
        }
    }

    /// The points a not-assessed standard gets by its rule, and whether it is left out.
    private mutating func notAssessedPoints(_ cs: UnsafePointer<BulkPlan.CompiledStandard>, _ reason: Reason) -> (raw: Rational, prorated: Bool) {
        if case .insufficient = reason, bulk.insufficientIsZero { return (.zero, false) }
        switch cs.pointee.fallback {
        case .zero: return (.zero, false)
        case .full: return (cs.pointee.max, false)
        case .points(let p): return (min(p, cs.pointee.max), false)
        case .prorate: return (.zero, true)
        }
    }

    // MARK: One standard

    @inline(__always) private func x(_ m: Int, _ u: Int) -> Int64 { data.x(m, u) }

    @inline(__always) private func scale(_ m: Int) -> Int128 { Int128(BulkData.pow10[data.scales[m]]) }

    private mutating func zeroDenominator(_ cs: UnsafePointer<BulkPlan.CompiledStandard>, den: Int) -> Outcome? {
        switch cs.pointee.zero {
        case .points(let p): return FixedInterval(Swift.min(p, cs.pointee.max)).map { .scored($0) }
        case .full: return cs.pointee.maxPoints.map { .scored($0) }
        case .notAssessable: return .notAssessed(.zeroDenominator(den))
        }
    }

    private mutating func formula(_ index: Int, _ u: Int) -> FormulaResult {
        if let c = bulk.comparisons[index] {
            let v = x(c.slot, u)
            return v == BulkData.missing ? .missing(slot: c.slot) : .boolean(c.result(v))
        }
        let r = data.reader
        return bulk.formulas[index].evaluate { r.value($0, u) }
    }

    /// `nil`: score this unit exactly instead.
    private mutating func evaluate(_ cs: UnsafePointer<BulkPlan.CompiledStandard>, _ u: Int) -> Outcome? {
        if cs.pointee.precondition >= 0 {
            switch formula(cs.pointee.precondition, u) {
            case .boolean(true): break
            case .boolean(false), .number: return .notAssessed(.precondition)
            case .missing(let slot): return .notAssessed(.missing(slot))
            case .divisionByZero: return .notAssessed(.divisionByZero)
            }
        }
        let max = cs.pointee.max
        switch cs.pointee.kind {
        case .bandsMetric:
            let m = cs.pointee.m0
            let v = x(m, u)
            if v == BulkData.missing { return .notAssessed(.missing(m)) }
            let thresholds = cs.pointee.thresholds, atLeast = cs.pointee.atLeast
            for i in 0..<thresholds.count where atLeast ? v >= thresholds[i] : v <= thresholds[i] {
                return cs.pointee.constants[i].map { .scored($0) }
            }
            return cs.pointee.otherwise.map { .scored($0) }
        case .bandsRatio:
            let nm = cs.pointee.m0, dm = cs.pointee.m1
            let n = x(nm, u)
            if n == BulkData.missing { return .notAssessed(.missing(nm)) }
            let d = x(dm, u)
            if d == BulkData.missing { return .notAssessed(.missing(dm)) }
            if d == 0 { return zeroDenominator(cs, den: dm) }
            if d < 0 { return nil }
            let left = cs.pointee.left, right = cs.pointee.right, atLeast = cs.pointee.atLeast
            for i in 0..<left.count {
                guard let a = Int128(n) ** left[i], let b = Int128(d) ** right[i] else { return nil }
                if atLeast ? a >= b : a <= b { return cs.pointee.constants[i].map { .scored($0) } }
            }
            return cs.pointee.otherwise.map { .scored($0) }
        case .linearMetric, .linearRatio:
            // value = vn / vd (vd > 0)
            let vn: Int128, vd: Int128
            let m = cs.pointee.m0
            let v = x(m, u)
            if v == BulkData.missing { return .notAssessed(.missing(m)) }
            if cs.pointee.kind == .linearMetric {
                vn = Int128(v); vd = scale(m)
            } else {
                let dm = cs.pointee.m1
                let d = x(dm, u)
                if d == BulkData.missing { return .notAssessed(.missing(dm)) }
                if d == 0 { return zeroDenominator(cs, den: dm) }
                if d < 0 { return nil }
                vn = Int128(v) * scale(dm)  // < 2^63 · 10^18: fits
                vd = Int128(d) * scale(m)
            }
            // max × (v − floor) / (target − floor), clamped to [0, max].
            let floor = cs.pointee.r0, span = cs.pointee.r1 - floor
            guard let a = vn ** Int128(floor.denominator), let b = Int128(floor.numerator) ** vd,
                  case let (diff, o) = a.subtractingReportingOverflow(b), !o,
                  let c = diff ** Int128(max.numerator), var num = c ** Int128(span.denominator),
                  let e = vd ** Int128(floor.denominator), let f = e ** Int128(max.denominator), var den = f ** Int128(span.numerator)
            else { return nil }
            if den < 0 {
                guard num != Int128.min, den != Int128.min else { return nil }
                num = -num; den = -den
            }
            if num <= 0 { return .scored(.zero) }
            guard let l = num ** Int128(max.denominator), let r = Int128(max.numerator) ** den else { return nil }
            if l >= r { return cs.pointee.maxPoints.map { .scored($0) } }
            return fixed(num, den).map { .scored($0) }
        case .count:
            let m = cs.pointee.m0
            let v = x(m, u)
            if v == BulkData.missing { return .notAssessed(.missing(m)) }
            if v < 0 { return .scored(.zero) }  // clamped at 0, as `MethodScorer`
            let per = cs.pointee.r0
            let num = Int128(v) * Int128(per.numerator), den = scale(m) * Int128(per.denominator)
            guard let l = num ** Int128(max.denominator), let r = Int128(max.numerator) ** den else { return nil }
            if l >= r { return cs.pointee.maxPoints.map { .scored($0) } }
            return fixed(num, den).map { .scored($0) }
        case .checklist:
            var sum = FixedInterval.zero
            let metrics = cs.pointee.metrics
            for k in 0..<metrics.count {
                let v = x(metrics[k], u)
                if v == BulkData.missing { return .notAssessed(.missing(metrics[k])) }
                if v > 0 {
                    guard let iv = cs.pointee.constants[k] else { return nil }
                    sum = sum + iv
                }
            }
            guard let cap = cs.pointee.maxPoints, cap.isExact else { return nil }
            return sum.minimum(cap.lo).map { .scored($0) }
        case .presence:
            let m = cs.pointee.m0
            let v = x(m, u)
            if v == BulkData.missing { return .notAssessed(.missing(m)) }
            return v > 0 ? cs.pointee.maxPoints.map { .scored($0) } : .scored(.zero)
        case .ballot:
            let i = u * ballots.itemCount + cs.pointee.m0
            let lo = Int(data.offsets[i]), hi = Int(data.offsets[i + 1])
            let n = hi - lo
            if n < cs.pointee.needed { return .notAssessed(.insufficient(count: n, needed: cs.pointee.needed)) }
            let scale = Int128(BulkData.pow10[ballots.scale])
            switch cs.pointee.aggregate {
            case .median:
                if n % 2 == 1 { return fixed(Int128(data.scores[lo + n / 2]), scale).map { .scored($0) } }
                let s = Int128(data.scores[lo + n / 2 - 1]) + Int128(data.scores[lo + n / 2])
                return fixed(s, 2 * scale).map { .scored($0) }
            case .mean, .trimmedMean:
                var from = lo, to = hi
                let k = cs.pointee.trimK
                if cs.pointee.aggregate == .trimmedMean && n >= cs.pointee.trimMin && n > 2 * k { from += k; to -= k }
                var sum = 0
                for j in from..<to { sum += Int(data.scores[j]) }
                return fixed(Int128(sum), Int128(to - from) * scale).map { .scored($0) }
            }
        case .survey:
            let sm = cs.pointee.m0, bm = cs.pointee.m1, dm = cs.pointee.m2
            let sa = x(sm, u), ba = x(bm, u), da = x(dm, u)
            if sa == BulkData.missing { return .notAssessed(.missing(sm)) }
            if ba == BulkData.missing { return .notAssessed(.missing(bm)) }
            if da == BulkData.missing { return .notAssessed(.missing(dm)) }
            // Bring the three counts to one scale.
            let c = Swift.max(data.scales[sm], data.scales[bm], data.scales[dm])
            func at(_ v: Int64, _ m: Int) -> Int128 { Int128(v) * Int128(BulkData.pow10[c - data.scales[m]]) }
            let s = at(sa, sm), b = at(ba, bm), d = at(da, dm)
            let respondents = s + b + d
            if cs.pointee.atLeast {
                let pm = cs.pointee.m3, min = cs.pointee.r3
                let pop = x(pm, u)
                if pop == BulkData.missing { return .notAssessed(.missing(pm)) }
                if pop == 0 { return .notAssessed(.zeroDenominator(pm)) }
                if pop < 0 { return nil }
                // rate = (respondents / 10^c) / (pop / 10^sp)
                guard let rn = respondents ** scale(pm), let rd = Int128(pop) ** Int128(BulkData.pow10[c]),
                      let l = rn ** Int128(min.denominator), let r = Int128(min.numerator) ** rd else { return nil }
                if l < r {
                    guard let rn64 = Int64(exactly: rn), let rd64 = Int64(exactly: rd) else { return nil }
                    return .notAssessed(.participation(rate: Rational(rn64, rd64), min: min))
                }
            }
            // Counts of kind `number` may be negative; the checked path handles such oddities.
            if respondents < 0 { return nil }
            if respondents == 0 { return .notAssessed(.noRespondents) }
            let w1 = cs.pointee.r0, w2 = cs.pointee.r1, w3 = cs.pointee.r2
            guard let common = (Int128(w1.denominator) ** Int128(w2.denominator)).flatMap({ $0 ** Int128(w3.denominator) }),
                  let x1 = s ** (common / Int128(w1.denominator) * Int128(w1.numerator)),
                  let x2 = b ** (common / Int128(w2.denominator) * Int128(w2.numerator)),
                  let x3 = d ** (common / Int128(w3.denominator) * Int128(w3.numerator)),
                  case let (x12, o1) = x1.addingReportingOverflow(x2), !o1,
                  case let (sum, o2) = x12.addingReportingOverflow(x3), !o2,
                  let num = Int128(max.numerator) ** sum,
                  let den = (Int128(max.denominator) ** common).flatMap({ $0 ** respondents }),
                  let l = num ** Int128(max.denominator), let r = Int128(max.numerator) ** den else { return nil }
            if l >= r { return cs.pointee.maxPoints.map { .scored($0) } }
            return fixed(num, den).map { .scored($0) }
        case .expression:
            switch formula(cs.pointee.m0, u) {
            case .number(let v): return FixedInterval(v.clamped(.zero, max)).map { .scored($0) }
            case .boolean(let b): return b ? cs.pointee.maxPoints.map { .scored($0) } : .scored(.zero)
            case .missing(let slot): return .notAssessed(.missing(slot))
            case .divisionByZero: return .notAssessed(.divisionByZero)
            }
        }
    }

    /// n/d (both > 0) as a fixed-point interval; `nil` if it does not fit.
    @inline(__always) private func fixed(_ n: Int128, _ d: Int128) -> FixedInterval? {
        if n <= 0 { return n == 0 ? .zero : nil }
        if let n64 = UInt64(exactly: n), let d64 = UInt64(exactly: d) { return FixedInterval(n64, d64) }
        guard let p = n ** Int128(FixedInterval.scale) else { return nil }
        let q = p / d, r = p % d
        guard let lo = Int64(exactly: q), lo < Int64.max else { return nil }
        return FixedInterval(lo: lo, hi: r == 0 ? lo : lo + 1)
    }
}

infix operator **: MultiplicationPrecedence

extension Int128 {
    /// Multiplication that says so on overflow instead of trapping.
    @inline(__always) static func ** (a: Int128, b: Int128) -> Int128? {
        let (p, o) = a.multipliedReportingOverflow(by: b)
        return o ? nil : p
    }
}
