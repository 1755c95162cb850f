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

    /// `make(k)` for every `k` in `0 ..< n`, and `use(k, made)` on the calling thread in order
    /// of `k`, each as soon as it is made. `makers` other threads make, at most `ahead` of theirs
    /// made (or being made) and not yet used; the caller makes too whenever the next `k` is not
    /// made yet: the one it needs when no one has begun it, else, while fewer than `ahead` wait,
    /// the next no one has begun. So at most 2 × `ahead` + 1 are alive at once. `make` is
    /// handed something `use` is done with, to reuse its memory.
    ///
    /// Why: the summary's writer made its rows in waves, a wave on every thread while the
    /// last was written, then waited for both; in each wave whichever side finished first
    /// waited for the other. With a thread making and the caller making when it would wait,
    /// two threads keep both cores busy to the end, and neither waits unless the other is
    /// making what it needs.
    ///
    /// Threads of the global queue busy elsewhere can delay the makers, never hold this up:
    /// the caller makes what no one has begun, and at the end waits only for makers that have
    /// begun (one that begins later finds the work over and does nothing). If `use` throws,
    /// the makers stop after what they are making, and the error is thrown once they have.
    static func inOrder<T: Sendable>(_ n: Int, makers: Int, ahead: Int, make: @escaping @Sendable (_ k: Int, _ spare: T?) -> T,
                                     use: (_ k: Int, _ made: T) throws -> Void) rethrows {
        let state = Locked(InOrderState<T>())
        // Room starts at 0 and is given `ahead` times: libdispatch traps when a semaphore goes
        // with less than it started with, as `room` does when `use` throws with some made.
        let room = DispatchSemaphore(value: 0), madeOne = DispatchSemaphore(value: 0)
        for _ in 0 ..< max(1, ahead) { room.signal() }
        // The makers that have begun (entered under the lock, while the work is not over).
        let group = DispatchGroup()
        let makerCount = n > 1 ? max(0, makers) : 0
        for _ in 0 ..< makerCount {
            DispatchQueue.global().async {
                guard state.withLock({ s in
                    if s.stopped { return false }
                    group.enter()
                    return true
                }) else { return }
                defer { group.leave() }
                while true {
                    room.wait()
                    let claim: (k: Int, spare: T?)? = state.withLock { s in
                        guard !s.stopped && s.next < n else { return nil }
                        defer { s.next += 1 }
                        return (s.next, s.spares.popLast())
                    }
                    guard let claim else {
                        room.signal()  // so that a maker waiting for room sees the end too
                        return
                    }
                    let t = make(claim.k, claim.spare)
                    state.withLock { $0.made[claim.k] = (t, byMaker: true) }
                    madeOne.signal()
                }
            }
        }

        /// Ends the work, however `use` ends: a maker yet to begin does nothing, one waiting for
        /// room is let through to see that, and those at work are waited for. What is made and
        /// not used, and the spares, are let go now: a maker that begins later holds the state
        /// until it runs.
        func finish() {
            state.withLock { $0.stopped = true }
            for _ in 0 ..< makerCount { room.signal() }
            group.wait()
            state.withLock { s in
                s.made = [:]
                s.spares = []
            }
        }
        defer { finish() }
        for k in 0 ..< n {
            var made: (value: T, byMaker: Bool)?
            while made == nil {
                let step: InOrderStep<T> = state.withLock { s in
                    if let m = s.made.removeValue(forKey: k) { return .use(m.value, byMaker: m.byMaker) }
                    // The one needed if no one has begun it; else, while there is room, the next.
                    guard s.next < n && (s.next == k || s.made.count < ahead) else { return .wait }
                    defer { s.next += 1 }
                    return .make(s.next, s.spares.popLast())
                }
                switch step {
                case .use(let t, let byMaker): made = (t, byMaker)
                case .make(let j, let spare):
                    let t = make(j, spare)
                    if j == k {
                        made = (t, false)
                    } else {
                        state.withLock { $0.made[j] = (t, byMaker: false) }
                    }
                case .wait: madeOne.wait()
                }
            }
            try use(k, made!.value)
            state.withLock { $0.spares.append(made!.value) }
            if made!.byMaker { room.signal() }
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

/// `Parallel.inOrder`'s shared state: the next `k` to make, those made and not yet used, what
/// the caller is done with, and whether it has stopped.
private struct InOrderState<T: Sendable>: Sendable {
    var next = 0
    var made: [Int: (value: T, byMaker: Bool)] = [:]
    var spares: [T] = []
    var stopped = false
}

/// What `Parallel.inOrder`'s caller does next: use what is made, make `k`, or wait.
private enum InOrderStep<T> {
    case use(T, byMaker: Bool)
    case make(Int, T?)
    case wait
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
