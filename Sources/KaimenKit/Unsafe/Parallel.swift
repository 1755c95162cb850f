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
    ///
    /// `second` is handed to a global queue; if no thread there has started it by the time
    /// `first` is done, the calling thread runs it itself (as `concurrentPerform` does with an
    /// iteration no worker took): a pool busy elsewhere can delay it, never hold the call up.
    static func alongside<A, B: Sendable>(_ first: () throws -> A, _ second: @escaping @Sendable () -> B) rethrows -> (A, B) {
        // Whether a thread has taken `second`, and its result once made.
        let state = Locked<(taken: Bool, result: B?)>((false, nil))
        let done = DispatchSemaphore(value: 0)
        /// Runs `second` unless another thread has taken it.
        @Sendable func runSecond() {
            guard state.withLock({ s in
                defer { s.taken = true }
                return !s.taken
            }) else { return }
            let b = second()
            state.withLock { $0.result = b }
            done.signal()
        }
        DispatchQueue.global().async(execute: runSecond)
        let a: A
        do {
            a = try first()
        } catch {
            // The second is done before this returns, even now: nothing it uses may go first.
            runSecond()
            done.wait()
            throw error
        }
        runSecond()
        done.wait()
        return (a, state.withLock { $0.result! })
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
