/// Sorting a million packed ranking keys by their digits instead of by comparisons.
///
/// Why: `Ranker.byTotal` sorts one 64-bit integer per unit. A comparison sort of a million
/// took about a tenth of a second on one core, the ranking stage's largest part; counting
/// digits takes two or three passes over the keys, each a few milliseconds.
enum RadixOrder {
    /// Bits per digit: 2¹¹ counters fit in the first-level cache.
    static let digitBits = 11

    /// `keys` in ascending order, comparing only bits `lowBit ..< 64`; keys equal there keep
    /// their order in `keys` (a stable sort). Passes whose digit is the same in every key are
    /// skipped, so keys that span few bits cost few passes.
    static func sorted(_ keys: [UInt64], fromBit lowBit: Int = 0) -> [UInt64] {
        precondition((0 ..< 64).contains(lowBit), "lowBit is a bit of a 64-bit key")
        let n = keys.count
        guard n > 1 else { return keys }
        // Bits that differ between some two keys: only their digits need a pass.
        var all = UInt64.max, any: UInt64 = 0
        for k in keys {
            all &= k
            any |= k
        }
        let varying = (any ^ all) & ~((UInt64(1) << UInt64(lowBit)) &- 1)
        var source = keys
        var target = [UInt64](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 1 << digitBits)
        let mask = UInt64((1 << digitBits) - 1)
        var shift = lowBit
        while shift < 64 {
            defer { shift += digitBits }
            guard (varying >> UInt64(shift)) & mask != 0 else { continue }
            let s = UInt64(shift)
            for i in counts.indices { counts[i] = 0 }
            for k in source { counts[Int((k >> s) & mask)] += 1 }
            var total = 0
            for i in counts.indices {
                let c = counts[i]
                counts[i] = total
                total += c
            }
            for k in source {
                let d = Int((k >> s) & mask)
                target[counts[d]] = k
                counts[d] += 1
            }
            swap(&source, &target)
        }
        return source
    }
}
