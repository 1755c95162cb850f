/// A fixed-size buffer of values (plain ones but for `BigFraction`'s) that one thread reads and writes many times per unit
/// (a unit's points, its row, a tile of metric values): memory of its own, freed in `deinit`,
/// indexed without the copy-on-write and bounds checks of an array in the innermost loop
/// (bounds are checked in debug builds). Not `Sendable`: each thread makes its own.
final class ScratchBuffer<T> {
    private let base: UnsafeMutablePointer<T>
    let count: Int

    init(repeating value: T, count: Int) {
        self.count = count
        base = .allocate(capacity: Swift.max(1, count))
        base.initialize(repeating: value, count: Swift.max(1, count))
    }

    deinit {
        base.deinitialize(count: Swift.max(1, count))
        base.deallocate()
    }

    @inline(__always) subscript(_ i: Int) -> T {
        get {
            assert(i >= 0 && i < count, "index \(i) out of 0..<\(count)")
            return base[i]
        }
        set {
            assert(i >= 0 && i < count, "index \(i) out of 0..<\(count)")
            base[i] = newValue
        }
    }

    /// The values as an array.
    var array: [T] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
