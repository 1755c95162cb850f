import Testing
@testable import KaimenKit

@Suite("Ballot scores in raw memory: a chunk's own, or lent, and joined in pieces")
struct ScoreStoreTests {
    func fill(_ store: inout ScoreStore, _ values: [Int16]) -> Bool {
        guard store.reserve(values.count) else { return false }
        values.withUnsafeBufferPointer { store.append($0.baseAddress!, $0.count) }
        return true
    }

    @Test("a store of its own grows past its first room, keeping what it holds")
    func grows() {
        var store = ScoreStore(capacity: 3)
        var expected: [Int16] = []
        for k in 0 ..< 200 {
            let values = (0 ..< k % 7).map { Int16(k * 7 + $0) }
            #expect(fill(&store, values))
            expected += values
        }
        #expect(Array(store.buffer) == expected)
        #expect(store.capacity >= expected.count)
    }

    @Test("lent memory is written in place and never grown")
    func lent() {
        var backing = [Int16](repeating: -1, count: 5)
        backing.withUnsafeMutableBufferPointer { buffer in
            var store = ScoreStore(lent: buffer)
            #expect(fill(&store, [1, 2, 3]))
            let room3 = store.reserve(3)
            #expect(!room3)
            #expect(fill(&store, [4, 5]))
            #expect(!fill(&store, [6]))
            store.discard(0 ..< 5)  // lent memory is left alone
        }
        #expect(backing == [1, 2, 3, 4, 5])
        var empty: [Int16] = []
        empty.withUnsafeMutableBufferPointer { buffer in
            var store = ScoreStore(lent: buffer)
            let room1 = store.reserve(1)
            #expect(!room1)
            let room0 = store.reserve(0)
            #expect(room0)
            #expect(store.lent)
        }
    }

    @Test("a copy shares the scores written so far but keeps its own count; a grown store leaves its copies their memory")
    func copies() {
        var store = ScoreStore(capacity: 16)
        #expect(fill(&store, [1, 2, 3]))
        let copy = store
        #expect(fill(&store, (0 ..< 100).map { Int16($0) }))  // grows: new memory of its own
        // The buffers are read while their stores are alive (a copy is the old memory's only owner now).
        withExtendedLifetime(copy) { #expect(Array(copy.buffer) == [1, 2, 3]) }
        withExtendedLifetime(store) { #expect(Array(store.buffer.prefix(4)) == [1, 2, 3, 0]) }
        #expect(store.count == 103)
    }

    @Test("stores joined after a first part, piece by piece, equal their scores end to end", arguments: [1, 3, 1 << 20])
    func join(piece: Int) {
        let parts: [[Int16]] = [[7, 8, 9, 10, 11], [], [12], (0 ..< 40).map { Int16($0) }]
        let stores = parts.map { part in
            var s = ScoreStore(capacity: 2)
            _ = fill(&s, part)
            return s
        }
        var result = [Int16](repeating: 0, count: 2 + parts.joined().count)
        result[0] = 100
        result[1] = 101
        result.withUnsafeMutableBufferPointer { BulkBallotsReader.join(stores, at: 2, into: $0.baseAddress!, piece: piece) }
        #expect(result == [100, 101] + Array(parts.joined()))
    }
}

@Suite("A bucket of up to eight scores sorted by a sorting network")
struct SortEightTests {
    @Test("sorts every count from 0 to 8 as sort() does, leaving the scores before the count in order")
    func sorts() {
        var generator = SystemRandomNumberGenerator()
        for n in 0 ... 8 {
            for round in 0 ..< 300 {
                // Few distinct values (ties), or any value.
                let range: ClosedRange<Int16> = round % 2 == 0 ? 0 ... 3 : Int16.min ... Int16.max
                let values = (0 ..< n).map { _ in Int16.random(in: range, using: &generator) }
                var slots = values + (n ..< 8).map { _ in Int16.random(in: range, using: &generator) }
                slots.withUnsafeMutableBufferPointer { BallotChunk.sortEight($0.baseAddress!, n) }
                #expect(Array(slots[0 ..< n]) == values.sorted(), "n = \(n): \(values)")
            }
        }
        // Every arrangement of 0s and 1s (the 0–1 principle).
        for bits in 0 ..< 256 {
            var v = (0 ..< 8).map { Int16(bits >> $0 & 1) }
            let expected = v.sorted()
            v.withUnsafeMutableBufferPointer { BallotChunk.sortEight($0.baseAddress!, 8) }
            #expect(v == expected)
        }
    }
}

@Suite("A bucket's scores sorted with who cast them")
struct SortPairsTests {
    @Test("by score, then representative, as sorting the pairs does, for every count from 1 to 40 (in registers to 8, in place to 16, by keys above)")
    func sorts() {
        var generator = SystemRandomNumberGenerator()
        for n in 1 ... 40 {
            for round in 0 ..< 50 {
                // Many ties in the score (so the representative decides), or few.
                let top: Int16 = round % 2 == 0 ? 3 : 200
                var scores = (0 ..< n).map { _ in Int16.random(in: 0 ... top, using: &generator) }
                var reps = (0 ..< n).map { _ in Int32.random(in: 0 ... 5_000, using: &generator) }
                let expected = zip(scores, reps).sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
                scores.withUnsafeMutableBufferPointer { s in
                    reps.withUnsafeMutableBufferPointer { r in BallotChunk.sortPairs(s.baseAddress!, r.baseAddress!, n) }
                }
                #expect(scores == expected.map(\.0) && reps == expected.map(\.1), "n = \(n)")
            }
        }
    }
}
