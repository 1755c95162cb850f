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
    /// Per slot: the top bits of the key's hash (high half) and the key's index + 1 (low
    /// half; 0 when empty), in one word so a probe reads one place.
    private var slots: [UInt64]
    private var mask: Int
    /// The slots are split into 2^`regionBits` regions by the hash's top bits, each probed on
    /// its own (wrapping around within it), so a table can be built one region per thread.
    private var regionBits = 0

    /// How many keys the table holds.
    public var count: Int { keyStarts.count - 1 }

    /// Whether any key holds `byte`: one pass over the keys' bytes, back to back.
    func anyKeyHolds(_ byte: UInt8) -> Bool { keyBytes.contains(byte) }

    public init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = LargeArray.filled(repeating: 0, count: size)
        mask = size - 1
        keyBytes.reserveCapacity(capacity * 8)
        keyStarts.reserveCapacity(capacity + 1)
    }

    /// A table of `ids`, in order; a repeated id keeps its first index.
    public init(_ ids: [String]) {
        self.init(capacity: ids.count)
        for id in ids { insert(id) }
    }

    /// A table of keys given back to back: part `k`'s keys are `parts[k].bytes`, key `j` of it
    /// ending at `parts[k].ends[j]`; indices in order of parts, then keys. Built on up to
    /// `threads` threads; `nil` when a key repeats.
    static func unique(_ parts: [(bytes: [UInt8], ends: [Int])], threads: Int) -> IDTable? {
        let count = parts.reduce(0) { $0 + $1.ends.count }
        var table = IDTable(capacity: count)
        var bits = 0
        while 1 << bits < threads && bits < 6 && count >> bits > 4096 { bits += 1 }
        let regionBits = bits
        table.regionBits = regionBits
        for part in parts {
            let offset = table.keyBytes.count
            table.keyBytes.append(contentsOf: part.bytes)
            for e in part.ends { table.keyStarts.append(offset + e) }
        }
        let regions = 1 << regionBits
        let (keyBytes, keyStarts, mask) = (table.keyBytes, table.keyStarts, table.mask)
        let regionSize = (mask >> regionBits) + 1
        let unique = table.slots.withUnsafeMutableBufferPointer { slots in
            let out = Disjoint(slots.baseAddress!)
            return keyBytes.withUnsafeBufferPointer { keys in
                keyStarts.withUnsafeBufferPointer { starts in
                    let shared = SharedBytes(keys)
                    let startsAt = Disjoint(UnsafeMutablePointer(mutating: starts.baseAddress!))
                    // Each thread places the keys of its region, in order, and writes only
                    // that region's slots.
                    return Parallel.map(regions) { r -> Bool? in
                        let keys = shared.buffer.baseAddress ?? IDTable.empty, starts = startsAt.base, slots = out.base
                        // The region's keys and their hashes first, listed without a branch on
                        // the region: which region a key falls in is random, and as a branch
                        // every other key was mispredicted, so each slot's load below waited
                        // for the one before. Then they are placed in order, the loads of
                        // several keys on their way at once.
                        // Room for as many keys as the region may take (half its slots) and
                        // one more: the keys past that are written over the last place, and
                        // only counted (the region then falls back to one, below).
                        let room = regionSize / 2
                        let mine = OwnedMemory<Int>(uninitialized: room + 1), hashes = OwnedMemory<UInt64>(uninitialized: room + 1)
                        defer { withExtendedLifetime((mine, hashes)) {} }
                        var listed = 0
                        for i in 0 ..< count {
                            let a = starts[i]
                            let h = IDTable.hash(keys + a, starts[i + 1] - a)
                            let at = min(listed, room)
                            mine.base[at] = i
                            hashes.base[at] = h
                            listed &+= IDTable.region(h, regionBits) == r ? 1 : 0
                        }
                        // A region filled beyond half (keys hashed unevenly): one region instead.
                        if listed > room { return nil }
                        for t in 0 ..< listed {
                            let i = mine.base[t], h = hashes.base[t]
                            let a = starts[i], n = starts[i + 1] - a
                            let tag = h >> 32
                            var s = IDTable.home(h, mask: mask, regionBits: regionBits)
                            while true {
                                let e = slots[s]
                                if e == 0 { break }
                                if e >> 32 == tag {
                                    let k = Int(e & 0xFFFF_FFFF) - 1
                                    if starts[k + 1] - starts[k] == n && IDTable.equal(keys + starts[k], keys + a, n) { return false }
                                }
                                s = IDTable.next(s, mask: mask, regionBits: regionBits)
                            }
                            slots[s] = (tag << 32) | UInt64(i + 1)
                        }
                        return true
                    }
                }
            }
        }
        if unique.contains(false) { return nil }
        if unique.contains(nil) { return uniqueInOneRegion(parts) }
        return table
    }

    /// `unique(parts)` on one thread, in one region.
    static func uniqueInOneRegion(_ parts: [(bytes: [UInt8], ends: [Int])]) -> IDTable? {
        var table = IDTable(capacity: parts.reduce(0) { $0 + $1.ends.count })
        for part in parts {
            let ok = part.bytes.withUnsafeBufferPointer { b in
                var start = 0
                for end in part.ends {
                    guard table.insert((b.baseAddress ?? IDTable.empty) + start, count: end - start).inserted else { return false }
                    start = end
                }
                return true
            }
            guard ok else { return nil }
        }
        return table
    }

    /// The region of hash `h`: its top `bits` bits.
    @inline(__always)
    static func region(_ h: UInt64, _ bits: Int) -> Int { bits == 0 ? 0 : Int(h >> UInt64(64 - bits)) }

    /// The first slot to probe for hash `h`.
    @inline(__always)
    static func home(_ h: UInt64, mask: Int, regionBits: Int) -> Int {
        let inRegion = mask >> regionBits
        return region(h, regionBits) * (inRegion + 1) + Int(truncatingIfNeeded: h) & inRegion
    }

    /// The slot after `s`, within its region.
    @inline(__always)
    static func next(_ s: Int, mask: Int, regionBits: Int) -> Int {
        let inRegion = mask >> regionBits
        return (s & ~inRegion) | ((s + 1) & inRegion)
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

    static var empty: UnsafePointer<UInt8> { UnsafePointer(bitPattern: 1)! }

    /// The index of the key `p[0 ..< n]`, or `nil`.
    @inline(__always)
    func find(_ p: UnsafePointer<UInt8>, count n: Int) -> Int32? {
        find(p, count: n, hash: IDTable.hash(p, n))
    }

    @inline(__always)
    private func find(_ p: UnsafePointer<UInt8>, count n: Int, hash h: UInt64) -> Int32? {
        let tag = h >> 32
        return slots.withUnsafeBufferPointer { slots in
            keyStarts.withUnsafeBufferPointer { starts in
                keyBytes.withUnsafeBufferPointer { keys in
                    var s = IDTable.home(h, mask: mask, regionBits: regionBits)
                    while true {
                        let e = slots[s]
                        if e == 0 { return nil }
                        if e >> 32 == tag {
                            let k = Int(e & 0xFFFF_FFFF) - 1
                            let a = starts[k], b = starts[k + 1]
                            if b - a == n && IDTable.equal(keys.baseAddress! + a, p, n) { return Int32(k) }
                        }
                        s = IDTable.next(s, mask: mask, regionBits: regionBits)
                    }
                }
            }
        }
    }

    /// Adds the key `p[0 ..< n]` unless present; its index either way, and whether it was new.
    @discardableResult
    mutating func insert(_ p: UnsafePointer<UInt8>, count n: Int) -> (index: Int32, inserted: Bool) {
        let h = IDTable.hash(p, n)
        if let k = find(p, count: n, hash: h) { return (k, false) }
        guard (count + 1) * 2 <= slots.count && regionBits == 0 else {
            // Regions are for building a table at once: one region from here on.
            regionBits = 0
            rehash(size: (count + 1) * 2 <= slots.count ? slots.count : slots.count * 2)
            return insert(p, count: n)
        }
        let index = Int32(count)
        if n > 0 { keyBytes.append(contentsOf: UnsafeBufferPointer(start: p, count: n)) }
        keyStarts.append(keyBytes.count)
        place(index, hash: h)
        return (index, true)
    }

    /// Whether key `i` is `p[0 ..< n]`.
    @inline(__always)
    func key(_ i: Int, equals p: UnsafePointer<UInt8>, count n: Int) -> Bool {
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
        var s = IDTable.home(h, mask: mask, regionBits: regionBits)
        while slots[s] != 0 { s = IDTable.next(s, mask: mask, regionBits: regionBits) }
        slots[s] = (h >> 32) << 32 | UInt64(index + 1)
    }

    /// Places every key again in `size` slots.
    private mutating func rehash(size: Int) {
        slots = LargeArray.filled(repeating: 0, count: size)
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
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
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
