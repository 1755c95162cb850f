/// Raw memory for `count` plain values, allocated (and filled) when made and freed in `deinit`,
/// when the last reference goes: never by hand. For the fast readers' and writers' buffers,
/// which are indexed through `base` in their innermost loops. Its fields never change (a
/// bigger buffer is a new `OwnedMemory`); what the memory holds is written by one thread at a
/// time, as each user documents.
final class OwnedMemory<T: BitwiseCopyable>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
    let count: Int

    /// `count` values, each `value`.
    init(repeating value: T, count: Int) {
        self.count = Swift.max(0, count)
        base = .allocate(capacity: Swift.max(1, count))
        base.initialize(repeating: value, count: Swift.max(1, count))
    }

    /// `count` values, uninitialized: the owner writes each before reading it.
    init(uninitialized count: Int) {
        self.count = Swift.max(0, count)
        base = .allocate(capacity: Swift.max(1, count))
    }

    /// A copy of `values`.
    init(copying values: [T]) {
        count = values.count
        base = .allocate(capacity: Swift.max(1, values.count))
        values.withUnsafeBufferPointer { if let p = $0.baseAddress { base.initialize(from: p, count: values.count) } }
    }

    deinit { base.deallocate() }
}
