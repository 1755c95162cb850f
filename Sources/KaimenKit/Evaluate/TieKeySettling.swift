/// Makes the fast form's open tie-break keys safe to compare and to print. Within each run of
/// units with the same rounded total (the only place `Ranker` compares keys, and tie notes
/// print them), any key whose interval touches another unit's key for the same tie-break, or
/// holds a point where its printed text would change (half a unit of one of the places up to
/// `TieValueText.maxPlaces`), is worked out exactly (the unit's keys are replaced by the exact
/// form's). Open keys left are each apart from every other key of their run, so comparing
/// their lower ends orders them as their exact values would, and each prints as its exact
/// value would at any of those places: a tie note's `14.79 对 14.75` is not `14.8 对 14.7`
/// (14.75 computed through a third, held as 14.749999999999…, printed at one place).
enum TieKeySettling {
    /// `spread[u * tieBreakCount + k]`: the width at 10⁻¹² of unit `u`'s key `k` (0: exact).
    /// `exactKeys` gives the exact keys of the units asked for. Runs are independent of each
    /// other, so they are looked at on `threads` threads, and the units found are re-scored
    /// on as many. Returns how many were settled.
    static func settle(_ table: inout ScoreTable, spread: [UInt32], threads: Int = 1,
                       exactKeys: @Sendable ([Int]) -> [(keys: [Rational?], wide: [(tieBreak: Int, value: BigFraction)])]) -> Int {
        let kc = table.tieBreakCount
        let order = Ranker.byTotal(table.total)
        // The runs of equal totals with more than one unit and an open key among them.
        var open: [Range<Int>] = []
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && table.total[order[end]] == table.total[order[start]] { end += 1 }
            if end - start > 1 && order[start..<end].contains(where: { u in (0..<kc).contains { spread[u * kc + $0] != 0 } }) {
                open.append(start..<end)
            }
            start = end
        }
        let (keys, runs) = (table.tieKeys, open)
        let parts = max(1, min(threads * 4, runs.count / 64 + 1))
        let found = Parallel.map(parts) { p in
            runs[runs.count * p / parts ..< runs.count * (p + 1) / parts].flatMap { run in
                touching(order[run], keys: keys, spread: spread, kc: kc)
            }
        }
        let units = Set(found.joined()).sorted()
        let batches = max(1, min(threads, units.count / 256 + 1))
        let exact = Parallel.map(batches) { b in
            exactKeys(Array(units[units.count * b / batches ..< units.count * (b + 1) / batches]))
        }.joined()
        for (u, exact) in zip(units, exact) {
            for (k, key) in exact.keys.enumerated() { table.tieKeys[u * kc + k] = key }
            for (k, wide) in exact.wide { table.wideTieKeys[u * kc + k] = wide }
        }
        return units.count
    }

    /// The units of one run with an open key whose interval touches another's for the same
    /// tie-break, or holds a rounding point of its printed text (`straddlesRounding`).
    static func touching(_ run: ArraySlice<Int>, keys: [Rational?], spread: [UInt32], kc: Int) -> [Int] {
        var out: [Int] = []
        for k in 0..<kc {
            let present = run.compactMap { u in keys[u * kc + k].map { (u: u, lo: $0, spread: spread[u * kc + k]) } }
            for e in present where e.spread != 0 && straddlesRounding(e.lo, spread: e.spread) { out.append(e.u) }
            // A key of the fast form is a whole number of 10⁻¹²: then the intervals' ends are
            // compared as those whole numbers, without a fraction's arithmetic each (a twentieth
            // of a second of `explain` at 100 000 units). An exact key that is not (a third)
            // sends its run's key `k` through fractions: the same sweep, the same answer.
            if present.allSatisfy({ FixedInterval.scale % $0.lo.denominator == 0 }) {
                sweep(present.map { e in
                    let lo = Int128(e.lo.numerator) * Int128(FixedInterval.scale / e.lo.denominator)
                    return (e.u, lo, lo + Int128(e.spread), e.spread != 0)
                }, into: &out)
            } else {
                let width = Rational(1, FixedInterval.scale)
                sweep(present.map { e in (e.u, e.lo, e.lo + width * Rational(Int(e.spread)), e.spread != 0) }, into: &out)
            }
        }
        return out
    }

    /// Whether [lo, lo + spread × 10⁻¹²] holds a value that rounds (half away from zero) to
    /// other digits than `lo` at some place from 0 to `TieValueText.maxPlaces`, or a whole
    /// number of 10⁻⁶ (where a value cut at six places, as a note prints two keys that read
    /// alike, changes its digits, and the exact value may be that number, printed without `…`,
    /// or a hair off it): then the text a tie note prints is not decided by the interval. (An
    /// open key is a whole number of 10⁻¹², compared as one; any other is compared in fractions.)
    static func straddlesRounding(_ lo: Rational, spread: UInt32) -> Bool {
        guard spread != 0 else { return false }
        guard FixedInterval.scale % lo.denominator == 0 else {
            let hi = lo + Rational(Int(spread)) * Rational(1, FixedInterval.scale)
            // The first whole 10⁻⁶ from `lo` up (a ceiling: `/` cuts toward zero).
            let n = Int128(lo.numerator) * 1_000_000, d = Int128(lo.denominator)
            let first = n / d + (n > 0 && n % d != 0 ? 1 : 0)
            if Rational(wide: first, 1_000_000, approximated: false) <= hi { return true }
            return (0 ... TieValueText.maxPlaces).contains { lo.scaledInteger(places: $0) != hi.scaledInteger(places: $0) }
        }
        let a = Int128(lo.numerator) * Int128(FixedInterval.scale / lo.denominator), b = a + Int128(spread)
        let millionth = Int128(BulkData.pow10[FixedInterval.scaleDigits - TieValueText.maxPlaces])
        if (a / millionth + (a > 0 && a % millionth != 0 ? 1 : 0)) * millionth <= b { return true }
        for places in 0 ... TieValueText.maxPlaces {
            let unit = Int128(BulkData.pow10[FixedInterval.scaleDigits - places]), half = unit / 2
            func rounded(_ x: Int128) -> Int128 { x >= 0 ? (x + half) / unit : -((-x + half) / unit) }
            if rounded(a) != rounded(b) { return true }
        }
        return false
    }

    /// Sorted by lower end, a unit whose interval reaches the next one's start overlaps it: the
    /// open ones among each group of two or more overlapping intervals go to `out`.
    private static func sweep<P: Comparable>(_ intervals: [(u: Int, lo: P, hi: P, open: Bool)], into out: inout [Int]) {
        let sorted = intervals.sorted { $0.lo < $1.lo }
        var i = 0
        while i < sorted.count {
            var j = i
            var hi = sorted[i].hi
            while j + 1 < sorted.count && sorted[j + 1].lo <= hi {
                j += 1
                hi = max(hi, sorted[j].hi)
            }
            if j > i {
                for e in sorted[i...j] where e.open { out.append(e.u) }
            }
            i = j + 1
        }
    }
}
