/// Ids (unit ids, representative ids) as raw UTF-8 bytes → their index, for the bulk readers:
/// an open-addressing hash table with linear probing that looks up a slice of an input
/// buffer without making a `String`.
///
/// The table keeps its own copy of the keys (a few bytes each), so it outlives the buffer
/// it was built from. Indices are given in insertion order: 0, 1, 2, …
public struct IDTable: Sendable {
    /// The keys back to back; key `i` is `keyBytes[keyStarts[i] ..< keyStarts[i + 1]]`.
    private var keyBytes: [UInt8] = []
    private var keyStarts: [Int] = [0]
    /// Per slot: the key's index, or −1 when empty.
    private var slots: [Int32]
    /// Per slot: the top bits of the key's hash, to skip most comparisons.
    private var tags: [UInt32]
    private var mask: Int

    /// How many keys the table holds.
    public var count: Int { keyStarts.count - 1 }

    public init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        tags = Array(repeating: 0, count: size)
        mask = size - 1
        keyBytes.reserveCapacity(capacity * 8)
        keyStarts.reserveCapacity(capacity + 1)
    }

    /// A table of `ids`, in order; a repeated id keeps its first index.
    public init(_ ids: [String]) {
        self.init(capacity: ids.count)
        for id in ids { insert(id) }
    }

    /// Adds `key` unless present; its index either way, and whether it was new.
    @discardableResult
    public mutating func insert(_ key: String) -> (index: Int32, inserted: Bool) {
        var key = key
        return key.withUTF8 { p in insert(p.baseAddress ?? IDTable.empty, count: p.count) }
    }

    /// The index of `key`, or `nil`.
    public func find(_ key: String) -> Int32? {
        var key = key
        return key.withUTF8 { p in find(p.baseAddress ?? IDTable.empty, count: p.count) }
    }

    private static var empty: UnsafePointer<UInt8> { UnsafePointer(bitPattern: 1)! }

    /// The index of the key `p[0 ..< n]`, or `nil`.
    @inline(__always)
    public func find(_ p: UnsafePointer<UInt8>, count n: Int) -> Int32? {
        let h = IDTable.hash(p, n)
        let tag = UInt32(truncatingIfNeeded: h >> 32)
        return slots.withUnsafeBufferPointer { slots in
            tags.withUnsafeBufferPointer { tags in
                keyStarts.withUnsafeBufferPointer { starts in
                    keyBytes.withUnsafeBufferPointer { keys in
                        var s = Int(truncatingIfNeeded: h) & mask
                        while true {
                            let k = slots[s]
                            if k < 0 { return nil }
                            if tags[s] == tag {
                                let a = starts[Int(k)], b = starts[Int(k) + 1]
                                if b - a == n && IDTable.equal(keys.baseAddress! + a, p, n) { return k }
                            }
                            s = (s + 1) & mask
                        }
                    }
                }
            }
        }
    }

    /// Adds the key `p[0 ..< n]` unless present; its index either way, and whether it was new.
    @discardableResult
    public mutating func insert(_ p: UnsafePointer<UInt8>, count n: Int) -> (index: Int32, inserted: Bool) {
        if let k = find(p, count: n) { return (k, false) }
        if (count + 1) * 2 > slots.count { grow() }
        let index = Int32(count)
        if n > 0 { keyBytes.append(contentsOf: UnsafeBufferPointer(start: p, count: n)) }
        keyStarts.append(keyBytes.count)
        place(index, hash: IDTable.hash(p, n))
        return (index, true)
    }

    /// Whether key `i` is `p[0 ..< n]`.
    @inline(__always)
    public func key(_ i: Int, equals p: UnsafePointer<UInt8>, count n: Int) -> Bool {
        guard i >= 0 && i < count else { return false }
        return keyStarts.withUnsafeBufferPointer { starts in
            keyBytes.withUnsafeBufferPointer { keys in
                starts[i + 1] - starts[i] == n && (n == 0 || IDTable.equal(keys.baseAddress! + starts[i], p, n))
            }
        }
    }

    /// The bytes of key `i`.
    public func key(_ i: Int) -> ArraySlice<UInt8> { keyBytes[keyStarts[i] ..< keyStarts[i + 1]] }

    private mutating func place(_ index: Int32, hash h: UInt64) {
        var s = Int(truncatingIfNeeded: h) & mask
        while slots[s] >= 0 { s = (s + 1) & mask }
        slots[s] = index
        tags[s] = UInt32(truncatingIfNeeded: h >> 32)
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        tags = Array(repeating: 0, count: size)
        mask = size - 1
        for i in 0 ..< count {
            let h = keyBytes.withUnsafeBufferPointer { k in
                IDTable.hash(k.baseAddress! + keyStarts[i], keyStarts[i + 1] - keyStarts[i])
            }
            place(Int32(i), hash: h)
        }
    }

    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        while i + 8 <= n {
            if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) { return false }
            i += 8
        }
        while i < n {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    /// A fast 64-bit hash of a short byte string, eight bytes at a time (multiply-xorshift
    /// mixing, as in splitmix64 and wyhash).
    @inline(__always)
    public static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ (UInt64(n) &* 0xA076_1D64_78BD_642F)
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 8 <= n {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ w) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
            i += 8
        }
        if i < n {
            var w: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                w |= UInt64(p[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ w) &* 0x94D0_49BB_1331_11EB
            h ^= h >> 31
        }
        h &*= 0xD6E8_FEB8_6659_FD93
        h ^= h >> 32
        return h
    }
}
