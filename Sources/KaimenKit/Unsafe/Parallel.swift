import Dispatch

/// Runs the bulk readers' chunks on several threads.
enum Parallel {
    /// `body(k)` for every `k` in `0 ..< n`, concurrently; the results in order of `k`.
    static func map<T>(_ n: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard n > 1 else { return n == 1 ? [body(0)] : [] }
        return [T](uninitializedCapacity: n) { buffer, count in
            let out = Disjoint(buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: n) { k in (out.base + k).initialize(to: body(k)) }
            count = n
        }
    }

    /// `first()` on the calling thread while `second()` runs on another; both results.
    ///
    /// Not `map(2)`: work started inside a `concurrentPerform` that itself calls
    /// `concurrentPerform` (as the summary's writer does, for its columns in rank order and its
    /// rows) gets its iterations run on the calling thread alone, so that work ran on one core
    /// while the other waited (measured at a million units: a quarter of a second).
    static func alongside<A, B: Sendable>(_ first: () throws -> A, _ second: @escaping @Sendable () -> B) rethrows -> (A, B) {
        let result = Locked<B?>(nil)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            let b = second()
            result.withLock { $0 = b }
        }
        // The second is waited for even when the first throws: nothing it uses may go first.
        defer { group.wait() }
        let a = try first()
        group.wait()
        return (a, result.withLock { $0! })
    }

    /// `value(order[i])` for every `i`, in that order, the positions split between `threads`
    /// threads that each fill their own range. Meant for one column at a time: reading a
    /// column at scattered places stays within it, so its lines are read from memory once and
    /// then found in the cache, instead of once per value as when a row reads every column.
    static func gather<T>(_ order: [Int], threads: Int, _ value: @Sendable (Int) -> T) -> [T] {
        let n = order.count, parts = n < 4096 ? 1 : max(1, threads)
        guard n > 0 else { return [] }
        return [T](uninitializedCapacity: n) { buffer, count in
            let out = Disjoint(buffer.baseAddress!)
            // Each part initializes only positions `n * k / parts ..< n * (k + 1) / parts`.
            DispatchQueue.concurrentPerform(iterations: parts) { k in
                order.withUnsafeBufferPointer { o in
                    for i in n * k / parts..<n * (k + 1) / parts { (out.base + i).initialize(to: value(o[i])) }
                }
            }
            count = n
        }
    }
}

/// Memory that several threads share, each reading all of it or writing only its own part,
/// never one that another writes: the rule that makes this safe, which the compiler cannot
/// check, so each use says which part a thread writes.
struct Disjoint<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
    init(_ base: UnsafeMutablePointer<T>) { self.base = base }
}

/// A file's bytes, read (never written) by several threads at once.
struct SharedBytes: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
    init(_ buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }
}
