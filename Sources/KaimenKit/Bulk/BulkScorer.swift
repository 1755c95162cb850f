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
    }

    /// Scores every unit, on `threads` threads, into a table ready for `Ranker`.
    public func score(threads: Int = 1, progress: (@Sendable (Int) -> Void)? = nil) -> (ScoreTable, Stats) {
        let rules = plan.rules
        let n = columns.unitCount
        var table = ScoreTable(unitCount: n, areaCount: rules.areas.count, standardCount: rules.standards.count,
                               precision: rules.ranking.precision, tieBreaks: rules.ranking.tieBreak.count)
        let bulk = BulkPlan(plan: plan, scales: columns.scales, ballotScale: ballots.scale)
        let chunks = max(1, min(threads * 8, n / 2048 + 1))
        let results = ChunkResults(count: chunks)
        table.withRows { rows in
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let start = n * c / chunks, end = n * (c + 1) / chunks
                var worker = UnitWorker(plan: plan, bulk: bulk, columns: columns, ballots: ballots, rows: rows)
                for u in start..<end where !worker.score(u) {
                    worker.fallback(u)
                }
                results.set(c, worker.lists, worker.fallbacks)
                progress?(end - start)
            }
        }
        var stats = Stats()
        for c in 0..<chunks {
            let (lists, fallbacks) = results.get(c)
            table.append(lists)
            stats.fallbacks += fallbacks
        }
        table.resetGrades()
        return (table, stats)
    }
}

/// Each chunk's lists, handed from its thread back to the caller.
private final class ChunkResults: @unchecked Sendable {
    private var lists: [ScoreRowLists]
    private var fallbacks: [Int]
    private let lock = DispatchSemaphore(value: 1)

    init(count: Int) {
        lists = Array(repeating: ScoreRowLists(), count: count)
        fallbacks = Array(repeating: 0, count: count)
    }

    func set(_ c: Int, _ l: ScoreRowLists, _ f: Int) {
        lock.wait()
        lists[c] = l
        fallbacks[c] = f
        lock.signal()
    }

    func get(_ c: Int) -> (ScoreRowLists, Int) {
        lock.wait()
        defer { lock.signal() }
        return (lists[c], fallbacks[c])
    }
}

/// Scores units one at a time on one thread.
struct UnitWorker {
    let plan: ScoringPlan
    let bulk: BulkPlan
    let columns: MetricColumns
    let ballots: BallotColumns
    let rows: ScoreRows
    var lists = ScoreRowLists()
    var fallbacks = 0
    /// Scratch space reused for every unit.
    private var points: [FixedInterval?]
    private var rawOf: [Rational]
    private var statusOf: [StandardResult.Status]

    init(plan: ScoringPlan, bulk: BulkPlan, columns: MetricColumns, ballots: BallotColumns, rows: ScoreRows) {
        self.plan = plan
        self.bulk = bulk
        self.columns = columns
        self.ballots = ballots
        self.rows = rows
        let n = plan.rules.standards.count
        points = Array(repeating: nil, count: n)
        rawOf = Array(repeating: .zero, count: n)
        statusOf = Array(repeating: .scored, count: n)
    }

    /// What one standard came to, before its combine factor and not-assessable rule.
    enum Outcome {
        case scored(FixedInterval)
        case notAssessed(StandardResult.Status)
    }

    // MARK: One unit

    /// Scores unit `u` into its row; `false` when it must be scored exactly instead.
    mutating func score(_ u: Int) -> Bool {
        let rules = plan.rules
        let p = rules.ranking.precision
        let eventsBefore = lists.events.count
        // 1. Standards.
        for (i, cs) in bulk.standards.enumerated() {
            guard let outcome = evaluate(cs, u, index: i) else { return abandon(eventsBefore) }
            switch outcome {
            case .scored(let iv):
                guard let w = weighted(iv, cs.factor) else { return abandon(eventsBefore) }
                points[i] = w
                statusOf[i] = .scored
            case .notAssessed(let status):
                let (raw, prorated) = notAssessedPoints(cs, status)
                statusOf[i] = status
                rawOf[i] = raw
                if prorated {
                    points[i] = nil
                } else {
                    guard let w = FixedInterval(raw * cs.factor) else { return abandon(eventsBefore) }
                    points[i] = w
                }
                lists.events.append(.init(unit: Int32(u), standard: Int32(i), status: status, raw: raw, prorated: prorated))
            }
        }
        // 2. Areas.
        var areaTotal = FixedInterval.zero, deductedTotal = FixedInterval.zero
        for a in rules.areas.indices {
            var earned = FixedInterval.zero
            var prorated: [Int] = []
            for i in plan.areaStandards[a] {
                if let iv = points[i] { earned = earned + iv } else { prorated.append(i) }
            }
            if !prorated.isEmpty {
                let missing = prorated.reduce(Rational.zero) { $0 + rules.standards[$1].points * plan.factor[$1] }
                let assessed = bulk.areaMax[a] - missing
                if assessed.isZero {
                    earned = .zero
                } else {
                    let f = bulk.areaMax[a].divided(by: assessed)!
                    guard let e = earned.scaled(f.numerator, f.denominator) else { return abandon(eventsBefore) }
                    earned = e
                }
            }
            guard let capFixed = bulk.areaCaps[a].fixed, let capped = earned.minimum(capFixed) else { return abandon(eventsBefore) }
            var deductions = FixedInterval.zero
            for d in plan.areaDeductions[a] {
                guard let iv = bonusOrDeduction(bulk.deductions[d], u) else { return abandon(eventsBefore) }
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
            areaTotal = areaTotal + subtotal
            deductedTotal = deductedTotal + deducted
        }
        // 3. Bonus.
        var bonus = FixedInterval.zero
        for b in bulk.bonuses {
            guard let iv = bonusOrDeduction(b, u) else { return abandon(eventsBefore) }
            bonus = bonus + iv
        }
        if rules.bonusCap != nil {
            guard let cap = bulk.bonusCap, let capped = bonus.minimum(cap) else { return abandon(eventsBefore) }
            bonus = capped
        }
        var total = areaTotal + bonus
        // 4. Vetoes.
        let vetoesBefore = lists.vetoes.count, uncheckedBefore = lists.vetoesUnchecked.count
        var forced: Int?
        for (v, veto) in rules.vetoes.enumerated() {
            switch veto.when.compiled.evaluate({ columns.value(metric: $0, unit: u) }) {
            case .boolean(true):
                lists.vetoes.append(.init(unit: Int32(u), item: Int32(v)))
                if veto.capTotal != nil {
                    guard let cap = bulk.vetoCaps[v], let capped = total.minimum(cap) else {
                        lists.vetoes.removeSubrange(vetoesBefore...)
                        lists.vetoesUnchecked.removeSubrange(uncheckedBefore...)
                        return abandon(eventsBefore)
                    }
                    total = capped
                }
                if forced == nil, let g = veto.grade { forced = rules.grades.firstIndex { $0.name == g } }
            case .missing, .divisionByZero:
                lists.vetoesUnchecked.append(.init(unit: Int32(u), item: Int32(v)))
            default:
                break
            }
        }
        // 5. Everything rounded at the rules' precision.
        var ballotPoints = FixedInterval.zero
        for i in plan.itemOfStandard.indices where plan.itemOfStandard[i] != nil {
            if let iv = points[i] { ballotPoints = ballotPoints + iv }
        }
        guard let t = total.rounded(places: p), let bp = ballotPoints.rounded(places: p),
              let bo = bonus.rounded(places: p), let de = deductedTotal.rounded(places: p) else {
            lists.vetoes.removeSubrange(vetoesBefore...)
            lists.vetoesUnchecked.removeSubrange(uncheckedBefore...)
            return abandon(eventsBefore)
        }
        for i in 0..<rows.standardCount {
            guard let r = (points[i] ?? .zero).rounded(places: p) else {
                lists.vetoes.removeSubrange(vetoesBefore...)
                lists.vetoesUnchecked.removeSubrange(uncheckedBefore...)
                return abandon(eventsBefore)
            }
            rows.standards[u * rows.standardCount + i] = r
        }
        rows.total[u] = t
        rows.ballotPoints[u] = bp
        rows.bonus[u] = bo
        rows.deducted[u] = de
        rows.forced[u] = forced != nil
        rows.gradeByTotal[u] = UInt8(forced ?? gradeIndex(t))
        // 6. Tie-break keys, as the checked path computes them.
        for (k, tb) in rules.ranking.tieBreak.enumerated() {
            let key: Rational?
            switch tb.key {
            case .ballots: key = Rational(bp, BulkData.pow10[p])
            case .bonus: key = Rational(bo, BulkData.pow10[p])
            case .area(let id): key = rules.areas.firstIndex { $0.id == id }.map { Rational(rows.areas[u * rows.areaCount + $0], BulkData.pow10[p]) }
            case .standard(let id):
                if let i = rules.standards.firstIndex(where: { $0.id == id }) {
                    key = Rational(rows.standards[u * rows.standardCount + i], BulkData.pow10[p])
                } else {
                    let list = rules.bonuses.contains { $0.id == id } ? bulk.bonuses : bulk.deductions
                    guard let cs = list.first(where: { $0.standard.id == id }), let iv = bonusOrDeduction(cs, u), let r = iv.rounded(places: p) else {
                        lists.vetoes.removeSubrange(vetoesBefore...)
                        lists.vetoesUnchecked.removeSubrange(uncheckedBefore...)
                        return abandon(eventsBefore)
                    }
                    key = Rational(r, BulkData.pow10[p])
                }
            case .metric(let id): key = plan.metricIndex[id].flatMap { columns.value(metric: $0, unit: u) }
            }
            rows.tieKeys[u * rows.tieBreakCount + k] = key
        }
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
        let rules = plan.rules
        let values = rules.metrics.indices.map { [columns.value(metric: $0, unit: u)] }
        let one = UnitTable(units: [Unit(id: "", name: "", category: "", location: SourceLocation(file: "", line: 0, column: 0))],
                            values: values, locations: values.map { _ in [nil] })
        let grouped: [[BallotScore]] = (0..<ballots.itemCount).map { item in
            let i = u * ballots.itemCount + item
            let scores = ballots.scores[Int(ballots.offsets[i])..<Int(ballots.offsets[i + 1])]
            return scores.enumerated().map { BallotScore(representative: $0.offset, score: Rational(Int64($0.element), BulkData.pow10[ballots.scale])) }
        }
        let result = Evaluator(plan: plan).evaluate(unit: 0, table: one, ballots: grouped)
        var local = ScoreRowLists()
        rows.write(result, unit: u, plan: plan, lists: &local) { id in plan.metricIndex[id].flatMap { columns.value(metric: $0, unit: u) } }
        for e in local.events { lists.events.append(.init(unit: Int32(u), standard: e.standard, status: e.status, raw: e.raw, prorated: e.prorated)) }
        lists.vetoes += local.vetoes.map { .init(unit: Int32(u), item: $0.item) }
        lists.vetoesUnchecked += local.vetoesUnchecked.map { .init(unit: Int32(u), item: $0.item) }
    }

    func gradeIndex(_ total: Int64) -> Int {
        for (g, m) in bulk.gradeMins.enumerated() where m.map({ total >= $0 }) ?? true { return g }
        return bulk.gradeMins.count - 1
    }

    private func weighted(_ iv: FixedInterval, _ factor: Rational) -> FixedInterval? {
        factor == .one ? iv : iv.scaled(factor.numerator, factor.denominator)
    }

    /// A bonus or deduction item's points (unweighted, not-assessable → its rule).
    private func bonusOrDeduction(_ cs: BulkPlan.CompiledStandard, _ u: Int) -> FixedInterval? {
        guard let outcome = evaluate(cs, u, index: nil) else { return nil }
        switch outcome {
        case .scored(let iv): return iv
        case .notAssessed(let status): return FixedInterval(notAssessedPoints(cs, status).raw)
        }
    }

    /// The points a not-assessed standard gets by its rule, and whether it is left out.
    private func notAssessedPoints(_ cs: BulkPlan.CompiledStandard, _ status: StandardResult.Status) -> (raw: Rational, prorated: Bool) {
        if case .insufficientBallots = status, plan.rules.ballots.insufficient == .zero { return (.zero, false) }
        switch cs.fallback {
        case .zero: return (.zero, false)
        case .full: return (cs.standard.points, false)
        case .points(let p): return (min(p, cs.standard.points), false)
        case .prorate: return (.zero, true)
        }
    }

    // MARK: One standard

    @inline(__always) private func x(_ m: Int, _ u: Int) -> Int64 { columns.mantissas[m][u] }

    private func missing(_ m: Int) -> Outcome { .notAssessed(.notAssessable(.missingMetric(plan.rules.metrics[m].id))) }

    private func zeroDenominator(_ zero: Ratio.Zero, den: Int, max: Rational) -> Outcome? {
        switch zero {
        case .points(let p): return FixedInterval(Swift.min(p, max)).map { .scored($0) }
        case .full: return FixedInterval(max).map { .scored($0) }
        case .notAssessable: return .notAssessed(.notAssessable(.zeroDenominator(plan.rules.metrics[den].id)))
        }
    }

    /// `nil`: score this unit exactly instead.
    private func evaluate(_ cs: BulkPlan.CompiledStandard, _ u: Int, index: Int?) -> Outcome? {
        let max = cs.standard.points
        if let pre = cs.precondition {
            switch pre.evaluate({ columns.value(metric: $0, unit: u) }) {
            case .boolean(true): break
            case .boolean(false), .number: return .notAssessed(.notAssessable(.precondition))
            case .missing(let slot): return missing(slot)
            case .divisionByZero: return .notAssessed(.notAssessable(.divisionByZero))
            }
        }
        switch cs.method {
        case .bandsMetric(let m, let thresholds, let atLeast):
            let v = x(m, u)
            if v == BulkData.missing { return missing(m) }
            for (i, t) in thresholds.enumerated() where atLeast ? v >= t : v <= t {
                return FixedInterval(cs.constantPoints[i]).map { .scored($0) }
            }
            return FixedInterval(cs.otherwise).map { .scored($0) }
        case .bandsRatio(let nm, let dm, let left, let right, let atLeast, let zero):
            let n = x(nm, u)
            if n == BulkData.missing { return missing(nm) }
            let d = x(dm, u)
            if d == BulkData.missing { return missing(dm) }
            if d == 0 { return zeroDenominator(zero, den: dm, max: max) }
            if d < 0 { return nil }
            for i in left.indices {
                guard let a = Int128(n) ** left[i], let b = Int128(d) ** right[i] else { return nil }
                if atLeast ? a >= b : a <= b { return FixedInterval(cs.constantPoints[i]).map { .scored($0) } }
            }
            return FixedInterval(cs.otherwise).map { .scored($0) }
        case .linear(let input, let floor, let target):
            // value = vn / vd (vd > 0)
            let vn: Int128, vd: Int128
            switch input {
            case .metric(let m):
                let v = x(m, u)
                if v == BulkData.missing { return missing(m) }
                vn = Int128(v); vd = Int128(BulkData.pow10[columns.scales[m]])
            case .ratio(let nm, let dm, let zero):
                let n = x(nm, u)
                if n == BulkData.missing { return missing(nm) }
                let d = x(dm, u)
                if d == BulkData.missing { return missing(dm) }
                if d == 0 { return zeroDenominator(zero, den: dm, max: max) }
                if d < 0 { return nil }
                vn = Int128(n) * Int128(BulkData.pow10[columns.scales[dm]])  // < 2^63 · 10^18: fits
                vd = Int128(d) * Int128(BulkData.pow10[columns.scales[nm]])
            }
            // max × (v − floor) / (target − floor), clamped to [0, max].
            let span = target - floor
            guard let a = vn ** Int128(floor.denominator), let b = Int128(floor.numerator) ** vd,
                  let c = (a - b) ** Int128(max.numerator), var num = c ** Int128(span.denominator),
                  let e = vd ** Int128(floor.denominator), let f = e ** Int128(max.denominator), var den = f ** Int128(span.numerator)
            else { return nil }
            if den < 0 { num = -num; den = -den }
            if num <= 0 { return .scored(.zero) }
            guard let l = num ** Int128(max.denominator), let r = Int128(max.numerator) ** den else { return nil }
            if l >= r { return FixedInterval(max).map { .scored($0) } }
            return fixed(num, den).map { .scored($0) }
        case .count(let m, let per):
            let v = x(m, u)
            if v == BulkData.missing { return missing(m) }
            if v < 0 { return nil }
            let num = Int128(v) * Int128(per.numerator), den = Int128(BulkData.pow10[columns.scales[m]]) * Int128(per.denominator)
            guard let l = num ** Int128(max.denominator), let r = Int128(max.numerator) ** den else { return nil }
            if l >= r { return FixedInterval(max).map { .scored($0) } }
            return fixed(num, den).map { .scored($0) }
        case .checklist(let metrics):
            var sum = FixedInterval.zero
            for (k, m) in metrics.enumerated() {
                let v = x(m, u)
                if v == BulkData.missing { return missing(m) }
                if v > 0 {
                    guard let iv = FixedInterval(cs.constantPoints[k]) else { return nil }
                    sum = sum + iv
                }
            }
            guard let cap = FixedInterval(max), cap.isExact else { return nil }
            return sum.minimum(cap.lo).map { .scored($0) }
        case .presence(let m):
            let v = x(m, u)
            if v == BulkData.missing { return missing(m) }
            return v > 0 ? FixedInterval(max).map { .scored($0) } : .scored(.zero)
        case .ballot(let item, let aggregate, let trim, let needed):
            let i = u * ballots.itemCount + item
            let lo = Int(ballots.offsets[i]), hi = Int(ballots.offsets[i + 1])
            let n = hi - lo
            if n < needed { return .notAssessed(.insufficientBallots(count: n, needed: needed)) }
            let scale = Int128(BulkData.pow10[ballots.scale])
            switch aggregate {
            case .median:
                if n % 2 == 1 { return fixed(Int128(ballots.scores[lo + n / 2]), scale).map { .scored($0) } }
                let s = Int128(ballots.scores[lo + n / 2 - 1]) + Int128(ballots.scores[lo + n / 2])
                return fixed(s, 2 * scale).map { .scored($0) }
            case .mean, .trimmedMean:
                var from = lo, to = hi
                if aggregate == .trimmedMean && n >= trim.minBallots && n > 2 * trim.k { from += trim.k; to -= trim.k }
                var sum: Int128 = 0
                for j in from..<to { sum += Int128(ballots.scores[j]) }
                return fixed(sum, Int128(to - from) * scale).map { .scored($0) }
            }
        case .survey(let sm, let bm, let dm, let weights, let participation):
            let sa = x(sm, u), ba = x(bm, u), da = x(dm, u)
            if sa == BulkData.missing { return missing(sm) }
            if ba == BulkData.missing { return missing(bm) }
            if da == BulkData.missing { return missing(dm) }
            // Bring the three counts to one scale.
            let c = Swift.max(columns.scales[sm], columns.scales[bm], columns.scales[dm])
            func at(_ v: Int64, _ m: Int) -> Int128 { Int128(v) * Int128(BulkData.pow10[c - columns.scales[m]]) }
            let s = at(sa, sm), b = at(ba, bm), d = at(da, dm)
            let respondents = s + b + d
            if let (pm, min) = participation {
                let pop = x(pm, u)
                if pop == BulkData.missing { return missing(pm) }
                if pop == 0 { return .notAssessed(.notAssessable(.zeroDenominator(plan.rules.metrics[pm].id))) }
                if pop < 0 { return nil }
                // rate = (respondents / 10^c) / (pop / 10^sp)
                guard let rn = respondents ** Int128(BulkData.pow10[columns.scales[pm]]), let rd = Int128(pop) ** Int128(BulkData.pow10[c]),
                      let l = rn ** Int128(min.denominator), let r = Int128(min.numerator) ** rd else { return nil }
                if l < r {
                    guard let rn64 = Int64(exactly: rn), let rd64 = Int64(exactly: rd) else { return nil }
                    return .notAssessed(.notAssessable(.participationBelow(rate: Rational(rn64, rd64), min: min)))
                }
            }
            if respondents == 0 { return .notAssessed(.notAssessable(.noRespondents)) }
            let (w1, w2, w3) = weights
            guard let common = (Int128(w1.denominator) ** Int128(w2.denominator)).flatMap({ $0 ** Int128(w3.denominator) }),
                  let x1 = s ** (common / Int128(w1.denominator) * Int128(w1.numerator)),
                  let x2 = b ** (common / Int128(w2.denominator) * Int128(w2.numerator)),
                  let x3 = d ** (common / Int128(w3.denominator) * Int128(w3.numerator)),
                  let num = Int128(max.numerator) ** (x1 + x2 + x3),
                  let den = (Int128(max.denominator) ** common).flatMap({ $0 ** respondents }),
                  let l = num ** Int128(max.denominator), let r = Int128(max.numerator) ** den else { return nil }
            if l >= r { return FixedInterval(max).map { .scored($0) } }
            return fixed(num, den).map { .scored($0) }
        case .expression(let f):
            switch f.evaluate({ columns.value(metric: $0, unit: u) }) {
            case .number(let v): return FixedInterval(v.clamped(.zero, max)).map { .scored($0) }
            case .boolean(let b): return b ? FixedInterval(max).map { .scored($0) } : .scored(.zero)
            case .missing(let slot): return missing(slot)
            case .divisionByZero: return .notAssessed(.notAssessable(.divisionByZero))
            }
        }
    }

    /// n/d (both > 0) as a fixed-point interval; `nil` if it does not fit.
    private func fixed(_ n: Int128, _ d: Int128) -> FixedInterval? {
        if n <= 0 { return n == 0 ? .zero : nil }
        if let n64 = UInt64(exactly: n), let d64 = UInt64(exactly: d) { return FixedInterval(n64, d64) }
        guard let p = n ** Int128(FixedInterval.scale) else { return nil }
        let q = p / d, r = p % d
        guard let lo = Int64(exactly: q) else { return nil }
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
