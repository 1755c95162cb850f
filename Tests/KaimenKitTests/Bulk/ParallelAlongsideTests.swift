import Dispatch
import Foundation
import Testing
@testable import KaimenKit

/// `Parallel.alongside`: two pieces of work at once, the first on the calling thread.
@Suite("Parallel.alongside: two pieces of work at once")
struct ParallelAlongsideTests {
    struct Refused: Error {}

    @Test("the first runs on the calling thread and the second on another, at the same time; both results come back")
    func concurrently() {
        let caller = pthread_self()
        let (toFirst, toSecond) = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
        // Each waits for a signal only the other gives, after giving its own: run one after the
        // other (in either order, on any threads), one of them times out and says so.
        let (first, second) = Parallel.alongside({ () -> (met: Bool, onCaller: Bool) in
            toSecond.signal()
            return (toFirst.wait(timeout: .now() + 20) == .success, pthread_equal(pthread_self(), caller) != 0)
        }, { () -> (met: Bool, onCaller: Bool) in
            toFirst.signal()
            return (toSecond.wait(timeout: .now() + 20) == .success, pthread_equal(pthread_self(), caller) != 0)
        })
        #expect(first.met && second.met)
        #expect(first.onCaller)
        #expect(!second.onCaller)
    }

    @Test("the second runs exactly once, whichever thread takes it")
    func once() {
        let runs = Locked(0)
        for k in 0..<200 {
            // A first that returns at once often finds the second not yet started, and runs it.
            let (a, b) = Parallel.alongside({ k }, { () -> Int in
                runs.withLock { $0 += 1 }
                return -k
            })
            #expect(a == k && b == -k)
        }
        #expect(runs.withLock { $0 } == 200)
    }

    @Test("parallel work started in the first runs on more than one thread (it did not under Parallel.map)")
    func nestedWorkIsParallel() {
        guard ProcessInfo.processInfo.activeProcessorCount >= 2 else { return }
        // Two iterations that each wait for the other: they meet only if they run at once.
        let arrived = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
        let (met, _) = Parallel.alongside({ () -> [Bool] in
            Parallel.map(2) { k in
                (k == 0 ? arrived.0 : arrived.1).signal()
                return (k == 0 ? arrived.1 : arrived.0).wait(timeout: .now() + 20) == .success
            }
        }, { 0 })
        #expect(met == [true, true])
    }

    @Test("when the first throws, the second has still finished before the call returns")
    func firstThrows() {
        let finished = Locked(false)
        #expect(throws: Refused.self) {
            _ = try Parallel.alongside({ () throws -> Int in throw Refused() }, { () -> Int in
                Thread.sleep(forTimeInterval: 0.05)
                finished.withLock { $0 = true }
                return 2
            })
        }
        #expect(finished.withLock { $0 })
    }
}
