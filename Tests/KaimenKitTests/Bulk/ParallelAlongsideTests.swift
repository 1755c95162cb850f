import Dispatch
import Foundation
import Testing
@testable import KaimenKit

/// `Parallel.alongside`: two pieces of work at once, the first on the calling thread.
@Suite("Parallel.alongside: two pieces of work at once")
struct ParallelAlongsideTests {
    struct Refused: Error {}

    @Test("the second runs on another thread while the first runs, and both results come back")
    func concurrently() {
        let second = DispatchSemaphore(value: 0)
        // The first waits for a signal only the second gives: run one after the other, it would
        // time out (and say so) instead of seeing it.
        let (first, other) = Parallel.alongside({ () -> Bool in
            second.wait(timeout: .now() + 20) == .success
        }, { () -> String in
            second.signal()
            return "第二"
        })
        #expect(first)
        #expect(other == "第二")
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
