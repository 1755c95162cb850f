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
