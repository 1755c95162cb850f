import Dispatch
import Foundation
import Testing
@testable import KaimenKit

/// `Locked` is the lock behind the progress line, the test console and the summary writer's
/// hand-over. These run under ThreadSanitizer in CI (`.ci/sanitizers.sh`): with a lock it cannot
/// see (as `Synchronization.Mutex` on Linux, handed over by the kernel), the contended
/// increments below are reported as a race.
@Suite("Locked: one thread at a time, visible to ThreadSanitizer")
struct LockedTests {
    @Test("eight threads each add 2 000 under the lock, giving way between reading and writing: none is lost")
    func contendedCount() {
        let counter = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<2_000 {
                counter.withLock { value in
                    // Read, let another thread run, write: without the lock, increments are lost.
                    let read = value
                    sched_yield()
                    value = read + 1
                }
            }
        }
        #expect(counter.withLock { $0 } == 16_000)
    }

    @Test("a value with storage of its own (an array) grows from several threads; the lock goes with its last reference")
    func heapValue() {
        weak var gone: Locked<[Int]>?
        do {
            let lock = Locked<[Int]>([])
            gone = lock
            DispatchQueue.concurrentPerform(iterations: 4) { k in
                for i in 0..<1_000 { lock.withLock { $0.append(k * 1_000 + i) } }
            }
            #expect(lock.withLock { $0.sorted() } == Array(0..<4_000))
        }
        #expect(gone == nil)
    }

    @Test("what the body throws reaches the caller, and the lock is free afterwards")
    func throwing() {
        struct Oops: Error {}
        let lock = Locked("a")
        #expect(throws: Oops.self) { try lock.withLock { s -> Void in s += "b"; throw Oops() } }
        #expect(lock.withLock { $0 } == "ab")
    }
}
