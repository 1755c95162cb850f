/// A ballots chunk's scores, in raw memory: either its own (grown as needed) or a part of the
/// final scores array lent to it, so the first chunk's scores are written where they end up
/// and never copied.
///
/// Written by one thread at a time (the chunk's), then read by the assembly.
final class ScoreStore: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<Int16>
    private(set) var count = 0
    private(set) var capacity: Int
    /// Memory lent by the caller: not freed here, and never grown.
    let lent: Bool

    /// Room for `capacity` scores, address space only until written.
    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
        lent = false
    }

    /// Scores written into `buffer`, which outlives this store.
    init(lent buffer: UnsafeMutableBufferPointer<Int16>) {
        base = buffer.baseAddress ?? .allocate(capacity: 0)
        capacity = buffer.count
        lent = buffer.baseAddress != nil
    }

    deinit { if !lent { base.deallocate() } }

    var buffer: UnsafeMutableBufferPointer<Int16> { UnsafeMutableBufferPointer(start: base, count: count) }

    /// Makes room for `n` more scores; `false` when lent memory is too small.
    @inline(__always)
    func reserve(_ n: Int) -> Bool {
        if count + n <= capacity { return true }
        guard !lent else { return false }
        let c = max(capacity * 2, count + n)
        let b = UnsafeMutablePointer<Int16>.allocate(capacity: c)
        b.moveInitialize(from: base, count: count)
        base.deallocate()
        base = b
        capacity = c
        return true
    }

    /// Appends `n` scores, after `reserve(n)`; a plain loop, for the handful a bucket holds.
    @inline(__always)
    func append(_ p: UnsafePointer<Int16>, _ n: Int) {
        let to = base + count
        for k in 0 ..< n { to[k] = p[k] }
        count += n
    }

    /// Takes the first `n` scores of lent memory as written (by others, in parallel).
    func setCount(_ n: Int) {
        precondition(lent && n <= capacity)
        count = n
    }

    /// Hands back the pages of scores already copied elsewhere (they read as zeros after).
    func discard(_ range: Range<Int>) {
        guard !lent else { return }
        BulkFile.discard(UnsafeMutableRawBufferPointer(start: base + range.lowerBound, count: range.count * 2))
    }
}
