import Instructions

/// The long form's quick pass: the usual row of a four-column long file, read in a loop of its
/// own with nothing but registers, two id tables and the group.
///
/// A row is quick when all of it, line end included, lies in its first forty-eight bytes; it
/// has exactly four fields; its unit is the current group's (as the full steps of `parseLong`
/// last entered it); its representative and standard are, byte for byte, ids of the roster and
/// the rules; the representative may score the unit (it is not theirs, nor a declared
/// conflict); and its score is `d` or `d.d`, on the step, in range and at a scale the chunk
/// has. The bytes are compared, never trimmed: a cell with a space around it, a quote or a
/// control character matches nothing here and goes to the full steps, which read it as
/// before. So the quick pass decides nothing the full steps would decide differently; it only
/// skips the work they would do for a row like the one before.
extension BallotChunk {
    /// Ids of one to sixteen bytes, as two words and a length, and the index each names: a
    /// table filled once (open addressing, at most half full), read by any number of threads.
    struct ShortIDs: Sendable {
        struct Key: Equatable {
            var low: UInt64
            var high: UInt64
            var count: Int
            /// No id (it matches no row: every row's field has a length).
            static let none = Key(low: 0, high: 0, count: 0)
        }
        private let memory: (keys: OwnedMemory<UInt64>, counts: OwnedMemory<Int>, values: OwnedMemory<Int32>)
        private var keys: UnsafeMutablePointer<UInt64> { memory.keys.base }
        private var counts: UnsafeMutablePointer<Int> { memory.counts.base }
        private var values: UnsafeMutablePointer<Int32> { memory.values.base }
        /// Slots − 1 (a power of two), and 64 − log2(slots).
        private let mask: Int, shift: UInt64
        /// Whether an id given has a comma (then the template pass is not used).
        let hasComma: Bool

        /// The ids of `names` that have one to sixteen bytes, each naming its `value`. Longer
        /// ones are left out (their rows are never quick), and so are ids a cell the full steps
        /// read would never equal: with a control character or a quote, or a space or tab at an
        /// end (the roster, units and rules readers accept none of these; a caller of the API
        /// might pass them).
        init(_ names: [(name: String, value: Int32)]) {
            var bits = 4
            while (1 << bits) < 2 * names.count { bits += 1 }
            let slots = 1 << bits
            mask = slots - 1
            shift = UInt64(64 - bits)
            hasComma = names.contains { $0.name.utf8.contains(BulkCSV.comma) }
            memory = (OwnedMemory(repeating: 0, count: 2 * slots), OwnedMemory(repeating: 0, count: slots), OwnedMemory(repeating: -1, count: slots))
            let (keys, counts, values) = (memory.keys.base, memory.counts.base, memory.values.base)
            for (name, value) in names {
                var bytes = Array(name.utf8)
                let n = bytes.count
                guard (1 ... 16).contains(n), !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == BulkCSV.quote }),
                      bytes[0] != 0x20, bytes[n - 1] != 0x20 else { continue }
                bytes += [UInt8](repeating: 0, count: 16)
                let k = bytes.withUnsafeBufferPointer { Self.key($0.baseAddress!, n) }
                var s = slot(k)
                while counts[s] != 0 && !(keys[2 * s] == k.low && keys[2 * s + 1] == k.high && counts[s] == n) { s = (s + 1) & mask }
                keys[2 * s] = k.low
                keys[2 * s + 1] = k.high
                counts[s] = n
                values[s] = value
            }
        }

        /// The key of `f[0 ..< n]`, 1 ≤ `n` ≤ 16; sixteen bytes from `f` must be readable. (For a
        /// longer `n`, a key that no id in a table equals: tables hold ids of sixteen bytes at most.)
        @inline(__always)
        static func key(_ f: UnsafePointer<UInt8>, _ n: Int) -> Key {
            let w0 = UnsafeRawPointer(f).loadUnaligned(as: UInt64.self), w1 = UnsafeRawPointer(f + 8).loadUnaligned(as: UInt64.self)
            return n >= 8 ? Key(low: w0, high: w1 & bytes(n &- 8), count: n) : Key(low: w0 & bytes(n), high: 0, count: n)
        }

        /// A word with its low `k` bytes set, 0 ≤ `k` ≤ 8.
        @inline(__always)
        static func bytes(_ k: Int) -> UInt64 {
            k >= 8 ? .max : (UInt64(1) &<< UInt64(8 &* k)) &- 1
        }

        @inline(__always)
        private func slot(_ k: Key) -> Int {
            let mixed = (k.low ^ (k.high &* 0xFF51_AFD7_ED55_8CCD) ^ UInt64(k.count)) &* 0x9E37_79B9_7F4A_7C15
            return Int(truncatingIfNeeded: mixed &>> shift)
        }

        /// The index `k` names, or −1 when it names none.
        @inline(__always)
        func find(_ k: Key) -> Int32 {
            var s = slot(k)
            while counts[s] != 0 {
                if counts[s] == k.count && keys[2 &* s] == k.low && keys[2 &* s &+ 1] == k.high { return values[s] }
                s = (s &+ 1) & mask
            }
            return -1
        }
    }

    /// What the quick pass reads with: the columns, the ids, the current unit.
    struct QuickLong {
        /// Whether the representative comes first (then the unit): the columns the quick pass
        /// reads are these two in either order, the standard, the score.
        var repFirst: Bool
        /// Representatives, and standards (item keys or ids).
        let reps: ShortIDs, items: ShortIDs
        /// The current group's unit, as the full steps last entered it: its id and index.
        var unit = ShortIDs.Key.none, unitIndex: Int32 = -1
        /// Per representative, the last unit entered that they must not score (−1 for none):
        /// a ballot of theirs for the current unit is a recusal, left to the full steps.
        private let recusedMemory: OwnedMemory<Int32>
        let recused: UnsafeMutablePointer<Int32>
        /// The previous quick row's standard and its item.
        var lastItem = ShortIDs.Key.none, lastIndex = 0
        /// Rows read with a template's shape, counted in debug builds only (for the tests: in
        /// the loop, a count cost the release build a fifth of the pass's time).
        var templated = 0

        /// The quick pass's state for a file with these columns, or `nil` when its rows are
        /// never quick (other columns, or another order).
        init?(width: Int, unit: Int, rep: Int, item: Int, score: Int, reps: ShortIDs, items: ShortIDs, representatives: Int) {
            guard width == 4 && item == 2 && score == 3 && ((unit, rep) == (0, 1) || (unit, rep) == (1, 0)) else { return nil }
            repFirst = rep == 0
            (self.reps, self.items) = (reps, items)
            recusedMemory = OwnedMemory(repeating: -1, count: representatives)
            recused = recusedMemory.base
        }

        /// The full steps entered unit `index`, named `key` (`.none` when the quick pass cannot
        /// compare it), which `recusing` must not score.
        mutating func entered(_ index: Int32, key: ShortIDs.Key, recusing: [Int32]) {
            unit = key
            unitIndex = index
            for r in recusing { recused[Int(r)] = index }
        }
    }

    /// Reads quick rows from `start` while a row starts at or before `stop` (sixty-four bytes
    /// from it must be readable), into `group`. Returns where the first row that is not quick
    /// starts (or where the pass stopped), how many rows it read, and whether the last one was
    /// a duplicate (a representative's second score for a standard in the unit: the chunk then
    /// hands over, as the full steps do).
    ///
    /// A row's shape (where its fields lie, its unit and line end) is found by its commas, or,
    /// when it matches the last row so found (`Template`), taken from that row; its fields are
    /// then checked the same way either way. (In a debug build, `q.templated` counts the rows
    /// read with a template's shape.)
    @inline(never)
    static func quickRows(_ base: UnsafePointer<UInt8>, from start: Int, stop: Int, _ q: inout QuickLong, _ group: inout Group,
                          _ limits: Limits, scale: Int) -> (next: Int, rows: Int, duplicate: Bool) {
        let unit = q.unit, repFirst = q.repFirst, templates = !q.reps.hasComma && !q.items.hasComma
        let factor0 = Int(limits.factor[0]), factor1 = scale >= 1 ? Int(limits.factor[1]) : 0
        let lf = BulkCSV.lf, cr = BulkCSV.cr, point = UInt8(ascii: ".")
        var template = Template.none
        var pos = start, rows = 0
        while pos <= stop {
            let row = base + pos
            let shape: Shape
            #if DEBUG
            // For `q.templated` only; the release build's loop asks once (see `QuickLong.templated`).
            let matched = template.matches(row)
            #endif
            if template.matches(row) {
                shape = template.shape
            } else {
                // The first three commas of the row's first sixteen bytes, or thirty-two, or
                // forty-eight, as far as it takes (sixteen bytes a compare: `byte_masks.h`);
                // the score after the third must be `d` or `d.d` and then the line end, so
                // there is no fourth field.
                @inline(__always) func commasIn(_ k: Int) -> UInt64 {
                    UInt64(kaimen_byte_mask16(row + k, UInt8(ascii: ",")))
                }
                var commaBits = commasIn(0)
                var third = commaBits & (commaBits &- 1)
                third &= third &- 1
                var scanned = 16
                while third == 0 && scanned < 48 {
                    commaBits |= commasIn(scanned) << UInt64(scanned)
                    third = commaBits & (commaBits &- 1)
                    third &= third &- 1
                    scanned += 16
                }
                let c0 = commaBits.trailingZeroBitCount
                let c1 = (commaBits & (commaBits &- 1)).trailingZeroBitCount
                let c2 = third.trailingZeroBitCount
                guard c2 < 43 else { break }
                let s = row + c2 + 1
                let after = s[1] == point ? 3 : 1
                let length: Int
                if s[after] == lf {
                    length = c2 &+ after &+ 2
                } else if s[after] == cr && s[after &+ 1] == lf {
                    length = c2 &+ after &+ 3
                } else {
                    break
                }
                // The unit and representative, first and second in either order.
                let (uAt, un) = repFirst ? (c0 &+ 1, c1 &- c0 &- 1) : (0, c0)
                guard un > 0, un == unit.count, ShortIDs.key(row + uAt, un) == unit else { break }
                shape = Shape(length: length, rep: repFirst ? 0 : c0 &+ 1, repLength: repFirst ? c0 : c1 &- c0 &- 1,
                              item: c1 &+ 1, itemLength: c2 &- c1 &- 1, score: c2 &+ 1, tenths: after == 3)
                template = templates && length <= 32 ? Template(row, shape) : .none
            }
            // The fields: the score, the representative (who may score the unit), the standard.
            let d0 = Int(row[shape.score] &- 48)
            guard d0 < 10 else { break }
            let mm: Int
            if shape.tenths {
                let d2 = Int(row[shape.score &+ 2] &- 48)
                // Tenths the chunk's scale does not have yet: the full steps rescale.
                guard d2 < 10 && (d2 == 0 || factor1 > 0) else { break }
                mm = d2 == 0 ? d0 &* factor0 : (d0 &* 10 &+ d2) &* factor1
            } else {
                mm = d0 &* factor0
            }
            guard shape.repLength > 0 else { break }
            let rep = q.reps.find(ShortIDs.key(row + shape.rep, shape.repLength))
            guard rep >= 0 && q.recused[Int(rep)] != q.unitIndex else { break }
            guard shape.itemLength > 0 else { break }
            let itemKey = ShortIDs.key(row + shape.item, shape.itemLength)
            if itemKey != q.lastItem {
                let k = q.items.find(itemKey)
                guard k >= 0 else { break }
                q.lastItem = itemKey
                q.lastIndex = Int(k)
            }
            let item = q.lastIndex
            guard mm <= limits.max[item] && limits.onStep[mm] else { break }
            guard group.append(rep: rep, item: item, score: Int16(truncatingIfNeeded: mm)) else { return (pos, rows, true) }
            rows &+= 1
            #if DEBUG
            if matched { q.templated += 1 }
            #endif
            pos &+= shape.length
        }
        return (pos, rows, false)
    }

    /// Where a quick row's fields lie: its length (line end included), where its
    /// representative, standard and score start and how long the first two are, and whether
    /// the score is `d.d` (else `d`).
    struct Shape {
        var length = 0, rep = 0, repLength = 0, item = 0, itemLength = 0, score = 0
        var tenths = false
    }

    /// A quick row of at most thirty-two bytes as a pattern for the rows after it: a row with
    /// the same bytes but for its representative's, its standard's and its score's digits has
    /// its shape. Those bytes are the unit and its comma, the other two commas, the score's
    /// point and the line end; the representative and standard between them are ids of the
    /// tables or the row is not quick, so (when no id has a comma) they hold no comma, and
    /// the row's first three commas are where the pattern has them. So a row that matches and
    /// whose representative and standard are ids is split as the steps by commas would split
    /// it, and its unit is the pattern's. A row that matches by chance (bytes of two rows where
    /// the pattern has its commas and line end) has no id there, and ends the pass; the caller
    /// begins the pass again at that row, which then has its commas found.
    struct Template {
        /// The row's first and second sixteen bytes as numbers (byte k in bits 8k …), the
        /// bytes compared, and the masks of those compared.
        let bytes: (UInt128, UInt128), mask: (UInt128, UInt128)
        let shape: Shape

        /// No pattern: it matches no row (a mask of nothing, and bytes that are not nothing).
        static let none = Template(bytes: (1, 0), mask: (0, 0), shape: Shape())

        private init(bytes: (UInt128, UInt128), mask: (UInt128, UInt128), shape: Shape) {
            (self.bytes, self.mask, self.shape) = (bytes, mask, shape)
        }

        init(_ row: UnsafePointer<UInt8>, _ shape: Shape) {
            // Masks of whole bytes, over thirty-two as two halves: bytes 0 ..< k, and a ..< a + n.
            @inline(__always) func half(_ k: Int) -> UInt128 { k >= 16 ? ~0 : (1 &<< UInt128(8 &* k)) &- 1 }
            @inline(__always) func first(_ k: Int) -> (UInt128, UInt128) { (half(k), k > 16 ? half(k &- 16) : 0) }
            @inline(__always) func span(_ a: Int, _ n: Int) -> (UInt128, UInt128) {
                let (end, start) = (first(a &+ n), first(a))
                return (end.0 & ~start.0, end.1 & ~start.1)
            }
            let (rep, item, digit) = (span(shape.rep, shape.repLength), span(shape.item, shape.itemLength), span(shape.score, 1))
            let tenth = shape.tenths ? span(shape.score &+ 2, 1) : (0, 0)
            let all = first(shape.length)
            mask = (all.0 & ~(rep.0 | item.0 | digit.0 | tenth.0), all.1 & ~(rep.1 | item.1 | digit.1 | tenth.1))
            bytes = (Self.load(row) & mask.0, Self.load(row + 16) & mask.1)
            self.shape = shape
        }

        /// Whether the thirty-two bytes from `row` match.
        @inline(__always) func matches(_ row: UnsafePointer<UInt8>) -> Bool {
            (Self.load(row) & mask.0 ^ bytes.0) | (Self.load(row + 16) & mask.1 ^ bytes.1) == 0
        }

        /// Sixteen bytes from `p`, the first in the lowest bits.
        @inline(__always) static func load(_ p: UnsafePointer<UInt8>) -> UInt128 {
            let low = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self), high = UnsafeRawPointer(p + 8).loadUnaligned(as: UInt64.self)
            return UInt128(UInt64(littleEndian: high)) &<< 64 | UInt128(UInt64(littleEndian: low))
        }
    }
}
