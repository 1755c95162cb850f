import Dispatch
import Foundation
import Testing
@testable import KaimenKit

/// `Parallel.inOrder`: things made on other threads and by the caller, used on the caller's
/// thread in order (the summary's rows: formatted in pieces, written in rank order).
@Suite("Parallel.inOrder: made on several threads, used in order")
struct ParallelInOrderTests {
    struct Refused: Error {}

    @Test("every k is made once and used once, in order, on the calling thread",
          arguments: [(0, 1, 4), (1, 1, 4), (2, 0, 1), (500, 1, 1), (500, 1, 64), (500, 3, 8)])
    func everyOnceInOrder(_ n: Int, _ makers: Int, _ ahead: Int) {
        let caller = pthread_self()
        let madeCount = Locked([Int](repeating: 0, count: n))
        var used: [Int] = [], onCaller = true
        Parallel.inOrder(n, makers: makers, ahead: ahead, make: { k, _ in
            madeCount.withLock { $0[k] += 1 }
            return k * k
        }, use: { k, made in
            #expect(made == k * k)
            used.append(k)
            onCaller = onCaller && pthread_equal(pthread_self(), caller) != 0
        })
        #expect(used == Array(0 ..< n))
        #expect(madeCount.withLock { $0 } == [Int](repeating: 1, count: n))
        #expect(onCaller)
    }

    @Test("never more than `ahead` made by the other threads and not yet used, nor by the caller")
    func boundedAhead() {
        let ahead = 3
        // Made and not used, counted as the makers make and the caller uses; the caller's own
        // (which it uses at once, or which stand in the count of those made) count too.
        let waiting = Locked((now: 0, most: 0))
        Parallel.inOrder(200, makers: 2, ahead: ahead, make: { k, _ in
            waiting.withLock { w in
                w.now += 1
                w.most = max(w.most, w.now)
            }
            return k
        }, use: { _, _ in
            waiting.withLock { $0.now -= 1 }
            usleep(200)  // a slow writer: the makers run into the bound
        })
        // The makers' (made or being made) take room, at most `ahead`; the caller makes ahead
        // only while fewer than `ahead` wait; and one is being used.
        #expect(waiting.withLock { $0.most } <= 2 * ahead + 1)
    }

    @Test("what the caller is done with is handed back to be made into again")
    func sparesReused() {
        final class Box: Sendable {}
        let fresh = Locked(0)
        Parallel.inOrder(300, makers: 1, ahead: 4, make: { _, spare -> Box in
            if let spare { return spare }
            fresh.withLock { $0 += 1 }
            return Box()
        }, use: { _, _ in })
        // At most what is ever alive at once: the maker's (made or being made, within its room),
        // the caller's made ahead (while fewer than `ahead` wait), and the one being used.
        #expect(fresh.withLock { $0 } <= 2 * 4 + 1)
    }

    @Test("the caller makes what no one has begun instead of waiting: with a slow maker, most are the caller's")
    func callerMakesInsteadOfWaiting() {
        let caller = pthread_self()
        let byCaller = Locked(0)
        var used: [Int] = []
        Parallel.inOrder(100, makers: 1, ahead: 4, make: { k, _ in
            if pthread_equal(pthread_self(), caller) != 0 {
                byCaller.withLock { $0 += 1 }
            } else {
                usleep(2000)  // a maker far slower than the caller
            }
            return k
        }, use: { _, made in used.append(made) })
        #expect(used == Array(0 ..< 100))
        // Had the caller waited for the maker instead, it would have made none.
        #expect(byCaller.withLock { $0 } > 50)
    }

    @Test("with no other thread to make, the caller makes everything")
    func noMakers() {
        var used: [Int] = []
        Parallel.inOrder(30, makers: 0, ahead: 4, make: { k, _ in k }, use: { _, made in used.append(made) })
        #expect(used == Array(0 ..< 30))
    }

    @Test("when using one throws, the makers stop and the error comes back once they have")
    func useThrows() {
        let makingAfter = Locked(0), returned = Locked(false), madeCount = Locked(0)
        #expect(throws: Refused.self) {
            try Parallel.inOrder(1000, makers: 2, ahead: 8, make: { k, _ in
                if returned.withLock({ $0 }) { makingAfter.withLock { $0 += 1 } }
                madeCount.withLock { $0 += 1 }
                usleep(50)
                return k
            }, use: { k, _ in
                if k == 10 { throw Refused() }
            })
        }
        returned.withLock { $0 = true }
        // Nothing is made once the call has returned (makers that went on would be counted),
        // nor much beyond what was used before the error.
        usleep(20_000)
        #expect(makingAfter.withLock { $0 } == 0)
        #expect(madeCount.withLock { $0 } < 100)
    }
}
