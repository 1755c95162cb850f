import Dispatch
import Testing
@testable import KaimenKit

/// `Array(uninitializedCapacity:)`: what the standard library's uninitialized initializer does,
/// and with no room, no write to the storage that every empty array shares (under
/// ThreadSanitizer in CI, the concurrent test below failed with the standard library's).
@Suite("UninitializedArray: arrays made uninitialized")
struct UninitializedArrayTests {
    @Test("with room, the elements the body initialized; with none, an empty array, the body run once")
    func behaviour() {
        let three = [Int16](uninitializedCapacity: 5) { buffer, count in
            for i in 0 ..< 3 { buffer[i] = Int16(i * 7) }
            count = 3
        }
        #expect(three == [0, 7, 14])
        var runs = 0
        let none = [String](uninitializedCapacity: 0) { buffer, count in
            runs += 1
            #expect(buffer.isEmpty)
            count = 0
        }
        #expect(none.isEmpty && runs == 1)
    }

    @Test("many threads make empty arrays at once (a race on the shared empty storage under TSan before)")
    func concurrentEmpty() {
        let made = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 256) { k in
            let a = [Int16](uninitializedCapacity: 0) { _, count in count = 0 }
            let b = [Int64](uninitializedCapacity: k % 2) { buffer, count in
                if !buffer.isEmpty { buffer[0] = Int64(k) }
                count = buffer.count
            }
            if a.isEmpty && b == (k % 2 == 1 ? [Int64(k)] : []) { made.withLock { $0 += 1 } }
        }
        #expect(made.withLock { $0 } == 256)
    }
}
