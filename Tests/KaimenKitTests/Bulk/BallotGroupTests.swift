import Testing
@testable import KaimenKit

/// `BallotChunk.Group`, a unit's ballots as the bulk readers gather them: the duplicate check
/// as scores come (each representative's items as bits, valid while their stamp is the group's
/// number), the counts and the room they grow into, and the check at the group's end where
/// there are more than 64 items. Worked by hand: which appends are refused follows from the
/// rule "one score per representative, item and unit" alone.
@Suite("A unit's ballots as gathered: one score per representative and item, any number of representatives")
struct BallotGroupTests {
    @Test("100 representatives, each scoring 40 items once: all taken; a second score for any item refused, before and after the 64th")
    func manyRepresentatives() {
        var g = BallotChunk.Group(itemCount: 40, representatives: 100)
        #expect(g.small)
        var refused = 0
        for item in 0 ..< 40 {
            for rep in 0 ..< 100 where !g.append(rep: Int32(rep), item: item, score: Int16((rep + item) % 4)) { refused += 1 }
        }
        #expect(refused == 0)
        #expect(g.total == 4_000 && g.fullest == 100)
        // Buckets grew from 16 to 128 and kept every score in row order.
        #expect(g.capacity == 128)
        #expect((0 ..< 100).allSatisfy { g.scores[7 * g.capacity + $0] == Int16(($0 + 7) % 4) && g.reps[7 * g.capacity + $0] == Int32($0) })
        for (rep, item) in [(0, 0), (63, 39), (64, 12), (99, 5)] {
            let taken = g.append(rep: Int32(rep), item: item, score: 1)
            #expect(!taken, "representative \(rep), item \(item)")
        }
        // A refused score is not added.
        #expect(g.total == 4_000)
    }

    @Test("a new group forgets the last one's scores without clearing them, and so after the group number wraps")
    func newGroup() {
        var g = BallotChunk.Group(itemCount: 3, representatives: 6)
        var taken: [Bool] = []
        // Representative 5 scores item 1 in group 0 and then nothing until the number wraps
        // back to 0: only clearing the stamps at the wrap lets their next score in.
        taken.append(g.append(rep: 5, item: 1, score: 1))
        taken.append(g.append(rep: 4, item: 2, score: 1))
        taken.append(g.append(rep: 4, item: 2, score: 1))
        g.reset()
        #expect(g.total == 0 && g.fullest == 0 && g.generation == 1)
        taken.append(g.append(rep: 4, item: 2, score: 1))
        // The number about to wrap.
        g.generation = .max
        taken.append(g.append(rep: 3, item: 0, score: 1))
        taken.append(g.append(rep: 3, item: 0, score: 1))
        g.reset()
        #expect(g.generation == 0)
        taken.append(g.append(rep: 5, item: 1, score: 2))
        taken.append(g.append(rep: 3, item: 0, score: 1))
        taken.append(g.append(rep: 4, item: 2, score: 1))
        taken.append(g.append(rep: 3, item: 0, score: 2))
        #expect(taken == [true, true, false, true, true, false, true, true, true, false])
    }

    /// Adds `rep`'s row of scores, each `item << 16 | score`.
    static func add(_ g: inout BallotChunk.Group, rep: Int32, _ row: [Int]) -> Bool {
        row.withUnsafeBufferPointer { g.append(rep: rep, $0.baseAddress!, row.count) }
    }

    @Test("a row of several scores: refused when it repeats an item, in itself or after an earlier row of the same representative")
    func packedRows() {
        var g = BallotChunk.Group(itemCount: 5, representatives: 3)
        let row: [Int] = [0 << 16 | 2, 3 << 16 | 1, 4 << 16 | 0]
        var taken = [Self.add(&g, rep: 1, row), Self.add(&g, rep: 2, row)]
        #expect(g.total == 6 && g.fullest == 2)
        // Representative 1 again, item 3 again.
        let again: [Int] = [1 << 16 | 2, 3 << 16 | 2]
        taken.append(Self.add(&g, rep: 1, again))
        // Representative 0, item 1 twice in one row.
        let twice: [Int] = [1 << 16 | 2, 1 << 16 | 3]
        taken.append(Self.add(&g, rep: 0, twice))
        #expect(taken == [true, true, false, false])
        // A row longer than the room: the buckets grow first.
        var h = BallotChunk.Group(itemCount: 1, representatives: 20)
        for rep in 0 ..< 20 {
            let taken = Self.add(&h, rep: Int32(rep), [0 << 16 | 1])
            #expect(taken)
        }
        #expect(h.total == 20 && h.fullest == 20 && h.capacity == 32)
    }

    @Test("more than 64 items: scores taken as they come, a duplicate found when the group ends")
    func manyItems() {
        var chunk = BallotChunk(start: 0, end: 10_000, scale: 0, keepReps: false)
        var g = BallotChunk.Group(itemCount: 70, representatives: 4)
        #expect(!g.small)
        var refused = 0
        for item in 0 ..< 70 { for rep in 0 ..< 4 where !g.append(rep: Int32(rep), item: item, score: Int16(3 - rep)) { refused += 1 } }
        #expect(refused == 0)
        g.unit = 0
        #expect(chunk.flush(&g) == nil)
        #expect(chunk.groupCounts == [Int32](repeating: 4, count: 70))
        for item in 0 ..< 70 { for rep in 0 ..< 4 { _ = g.append(rep: Int32(rep), item: item, score: 1) } }
        // Representative 2 scores item 66 a second time: taken now, refused at the end.
        let taken = g.append(rep: 2, item: 66, score: 0)
        #expect(taken)
        g.unit = 1
        #expect(chunk.flush(&g) == .duplicateBallot)
    }
}
