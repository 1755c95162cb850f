import Testing
@testable import KaimenKit

/// The ranking's digit sort against the standard library's comparison sort: the same order
/// for every key width, with ties left in input order, and the ranking's own use of it.
@Suite("RadixOrder: sorting packed keys by their digits")
struct RadixOrderTests {
    typealias SplitMix = QuickPassHostileTests.SplitMix

    /// The reference: a stable comparison sort on bits `lowBit ..< 64` (Swift's `sort` is stable).
    static func reference(_ keys: [UInt64], fromBit lowBit: Int) -> [UInt64] {
        keys.sorted { ($0 >> UInt64(lowBit)) < ($1 >> UInt64(lowBit)) }
    }

    @Test("random keys of every width agree with a comparison sort", arguments: [1, 5, 11, 12, 22, 23, 38, 40, 63, 64])
    func randomKeys(bits: Int) {
        var rng = SplitMix(state: UInt64(bits))
        for n in [0, 1, 2, 3, 100, 2049, 20_000] {
            let mask = bits == 64 ? UInt64.max : (UInt64(1) << UInt64(bits)) - 1
            let keys = (0 ..< n).map { _ in rng.next() & mask }
            #expect(RadixOrder.sorted(keys) == Self.reference(keys, fromBit: 0), "n = \(n), \(bits) bits")
        }
    }

    @Test("keys equal above the low bits keep their input order", arguments: [1, 11, 25, 40])
    func stableAboveLowBits(lowBit: Int) {
        var rng = SplitMix(state: 7)
        // Few distinct high parts, so most keys tie there; the low bits are scrambled, so a
        // sort that looked at them would reorder the ties.
        let keys: [UInt64] = (0 ..< 5_000).map { _ in
            let high: UInt64 = (rng.next() % 6) << UInt64(lowBit)
            let low: UInt64 = rng.next() & ((1 << UInt64(lowBit)) - 1)
            return high | low
        }
        let sorted = RadixOrder.sorted(keys, fromBit: lowBit)
        #expect(sorted == Self.reference(keys, fromBit: lowBit))
        #expect(sorted != keys.sorted(), "the low bits are not compared")
    }

    @Test("keys that are all equal, or differ only in the top bit")
    func degenerate() {
        #expect(RadixOrder.sorted([UInt64](repeating: 42, count: 1000)) == [UInt64](repeating: 42, count: 1000))
        let top: [UInt64] = [1 << 63, 0, 1 << 63 | 1, 1]
        let expected: [UInt64] = [0, 1, 1 << 63, 1 << 63 | 1]
        #expect(RadixOrder.sorted(top) == expected)
        #expect(RadixOrder.sorted(top, fromBit: 63) == expected)
        #expect(RadixOrder.sorted([3, 1, 2], fromBit: 2) == [3, 1, 2], "all equal above bit 2: input order")
    }

    @Test("byTotal: highest total first, equal totals in input order, negative totals too")
    func byTotal() {
        var rng = SplitMix(state: 99)
        let totals = (0 ..< 30_000).map { _ in Int64(rng.next() % 2_001) - 1_000 }
        let expected = totals.indices.sorted { totals[$0] != totals[$1] ? totals[$0] > totals[$1] : $0 < $1 }
        #expect(Ranker.byTotal(totals) == expected)
        #expect(Ranker.byTotal([5, 7, 5, 7, -1]) == [1, 3, 0, 2, 4])
        #expect(Ranker.byTotal([]) == [])
    }
}
