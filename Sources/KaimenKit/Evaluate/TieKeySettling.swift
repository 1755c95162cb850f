/// Makes the fast form's open tie-break keys safe to compare. Within each run of units with
/// the same rounded total (the only place `Ranker` compares keys), any key whose interval
/// touches another unit's key for the same tie-break is worked out exactly (the unit's keys
/// are replaced by the exact form's). Open keys left are each apart from every other key of
/// their run, so comparing their lower ends orders them as their exact values would.
enum TieKeySettling {
    /// `spread[u * tieBreakCount + k]`: the width at 10⁻¹² of unit `u`'s key `k` (0: exact).
    /// `exactKeys` gives the exact keys of the units asked for. Returns how many were settled.
    static func settle(_ table: inout ScoreTable, spread: [UInt32], exactKeys: ([Int]) -> [[Rational?]]) -> Int {
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
        let units = settled.sorted()
        for (u, keys) in zip(units, exactKeys(units)) {
            for (k, key) in keys.enumerated() { table.tieKeys[u * kc + k] = key }
        }
        return units.count
    }
}
