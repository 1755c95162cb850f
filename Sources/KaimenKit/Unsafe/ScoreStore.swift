/// A ballots chunk's scores, in raw memory: either its own (an `OwnedMemory`, grown as needed,
/// freed when the last copy goes) or a part of the final scores array lent to it, so the first
/// chunk's scores are written where they end up and never copied.
///
/// A value: the chunk that writes it holds it (one thread), and the assembly reads the chunks'
/// stores afterwards. A copy shares the memory, not the count.
struct ScoreStore: @unchecked Sendable {
    /// The memory of its own; `nil` when lent.
    private var memory: OwnedMemory<Int16>?
    /// The scores' address (`memory`'s, or the lent memory's).
    private(set) var base: UnsafeMutablePointer<Int16>
    private(set) var count = 0
    private(set) var capacity: Int
    /// Memory lent by the caller: not freed here, and never grown.
    var lent: Bool { memory == nil }

    /// Room for `capacity` scores, address space only until written.
    init(capacity: Int) {
        let own = OwnedMemory<Int16>(uninitialized: max(capacity, 16))
        HugePages.advise(UnsafeMutableBufferPointer(start: own.base, count: own.count))
        (memory, base, self.capacity) = (own, own.base, own.count)
    }

    /// Scores written into `buffer`, which outlives this store.
    init(lent buffer: UnsafeMutableBufferPointer<Int16>) {
        if let start = buffer.baseAddress {
            (memory, base, capacity) = (nil, start, buffer.count)
        } else {
            // Nothing lent (an empty result): memory of its own, as `init(capacity:)`.
            let own = OwnedMemory<Int16>(uninitialized: 16)
            (memory, base, capacity) = (own, own.base, own.count)
        }
    }

    var buffer: UnsafeMutableBufferPointer<Int16> { UnsafeMutableBufferPointer(start: base, count: count) }

    /// Makes room for `n` more scores; `false` when lent memory is too small.
    @inline(__always)
    mutating func reserve(_ n: Int) -> Bool {
        if count + n <= capacity { return true }
        guard !lent else { return false }
        let bigger = OwnedMemory<Int16>(uninitialized: max(capacity * 2, count + n))
        bigger.base.update(from: base, count: count)
        (memory, base, capacity) = (bigger, bigger.base, bigger.count)
        return true
    }

    /// Appends `n` scores, after `reserve(n)`; a plain loop, for the handful a bucket holds.
    @inline(__always)
    mutating func append(_ p: UnsafePointer<Int16>, _ n: Int) {
        let to = base + count
        for k in 0 ..< n { to[k] = p[k] }
        count += n
    }

    /// Hands back the pages of scores already copied elsewhere (they read as zeros after).
    func discard(_ range: Range<Int>) {
        guard !lent else { return }
        BulkFile.discard(UnsafeMutableRawBufferPointer(start: base + range.lowerBound, count: range.count * 2))
    }
}
