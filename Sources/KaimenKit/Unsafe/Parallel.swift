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
