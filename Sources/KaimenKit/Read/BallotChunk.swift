/// One thread's share of a ballots file: a range of rows parsed into groups, one group per
/// run of rows for the same unit, each group's counted scores sorted per item.
struct BallotChunk: Sendable {
    var start: Int
    var end: Int
    /// Whether to keep who cast each counted score (for files not grouped by unit).
    var keepReps: Bool
    /// LF bytes read: lines, for the line numbers of later chunks.
    var lineFeeds = 0
    /// Rows the long form's quick pass read (`quickRows`), of all the chunk read, and of them
    /// those read with a template's shape (counted in debug builds only, for the tests).
    var quickRowsRead = 0, templateRowsRead = 0
    /// Scores are mantissas at this scale.
    var scale: Int
    /// Per group: its unit, and per item how many scores it has.
    var groupUnits: [Int32] = []
    var groupCounts: [Int32] = []
    /// The groups' scores, group after group, item after item, sorted within an item (with
    /// `keepReps`, by score and then representative, `reps` alongside).
    var scores: ScoreStore
    /// With `keepReps`: who cast each of `scores`.
    var reps: [Int32] = []
    /// Ballots for a representative's own unit, with lines counted from the chunk's start.
    var recusals: [RecusalViolation] = []
    /// Their (representative, unit, item), as one number, to find duplicates among them.
    var recusalKeys: [Int] = []
    /// A wide row's empty score cells, rows counted from the chunk's start (as recusals' lines).
    var blanks = BlankCells()
    /// Why the chunk stopped, handing the file over; `nil` while all is well.
    var handOver: BulkHandOver?
    var failed: Bool { handOver != nil }

    /// - Parameters:
    ///   - scores: where the scores go; by default, memory of the chunk's own with room for as
    ///     many as its bytes can hold (address space only until written).
    ///   - groups: about how many groups the chunk will hold, and `items` per group: room
    ///     for their counts is made at once. (Grown a few at a time, the lists were copied each
    ///     time they doubled: at a million units, some 40 MB more memory touched, and copied.)
    init(start: Int, end: Int, scale: Int, keepReps: Bool, scores: ScoreStore? = nil, groups: Int = 0, items: Int = 0) {
        self.start = start
        self.end = end
        self.scale = scale
        self.keepReps = keepReps
        // Each score takes two bytes at least (a digit and a comma or line end).
        self.scores = scores ?? ScoreStore(capacity: (end - start) / 2 + 1)
        groupUnits.reserveCapacity(groups)
        groupCounts.reserveCapacity(groups * items)
    }

    /// The current unit's ballots, before they are sorted: per item a bucket of scores and
    /// who cast them, in row order, and what the duplicate check has seen. Buffers that grow
    /// as needed, each an `OwnedMemory` (freed when the group goes) with its address beside it.
    struct Group {
        private var memory: (scores: OwnedMemory<Int16>, reps: OwnedMemory<Int32>, gatheredReps: OwnedMemory<Int32>,
                             counts: OwnedMemory<Int32>, stamps: OwnedMemory<Int32>, repItems: OwnedMemory<UInt64>)
        var unit: Int32 = -1
        var unitStart = 0, unitLength = 0
        /// Room per bucket: item `i`'s bucket is `scores[i * capacity ..< i * capacity + counts[i]]`.
        var capacity = 0
        var scores: UnsafeMutablePointer<Int16>
        var reps: UnsafeMutablePointer<Int32>
        var counts: UnsafeMutablePointer<Int32>
        /// Scratch: who cast the group's scores, bucket after bucket.
        var gatheredReps: UnsafeMutablePointer<Int32>
        /// The duplicate check as scores come, where there are at most 64 items (`small`): per
        /// representative, the items they have scored in this group as bits (`repItems`), valid
        /// while their stamp is this group's number (`generation`), so a new group clears
        /// nothing. Otherwise each bucket's representatives are checked when the group ends.
        let small: Bool
        var stamps: UnsafeMutablePointer<Int32>
        var repItems: UnsafeMutablePointer<UInt64>
        var generation: Int32 = 0
        let itemCount: Int

        /// - Parameter representatives: how many there are (their indices are below it).
        init(itemCount: Int, representatives: Int) {
            self.itemCount = itemCount
            small = itemCount <= 64
            capacity = 16
            // Every slot of `scores` initialized: `sortEight` reads a bucket's first eight whatever its count.
            memory = (OwnedMemory(repeating: 0, count: itemCount * capacity), OwnedMemory(uninitialized: itemCount * capacity),
                      OwnedMemory(uninitialized: itemCount * capacity), OwnedMemory(repeating: 0, count: itemCount),
                      OwnedMemory(repeating: -1, count: representatives), OwnedMemory(uninitialized: representatives))
            (scores, reps, gatheredReps) = (memory.scores.base, memory.reps.base, memory.gatheredReps.base)
            (counts, stamps, repItems) = (memory.counts.base, memory.stamps.base, memory.repItems.base)
        }

        /// Scores in all buckets.
        var total: Int {
            var n = 0
            for i in 0 ..< itemCount { n += Int(counts[i]) }
            return n
        }

        /// The most scores any bucket holds.
        var fullest: Int {
            var top: Int32 = 0
            for i in 0 ..< itemCount { top = max(top, counts[i]) }
            return Int(top)
        }

        /// Doubles every bucket's room.
        mutating func grow() {
            let n = capacity * 2
            let s = OwnedMemory<Int16>(repeating: 0, count: itemCount * n), r = OwnedMemory<Int32>(uninitialized: itemCount * n)
            for i in 0 ..< itemCount {
                (s.base + i * n).update(from: scores + i * capacity, count: Int(counts[i]))
                (r.base + i * n).update(from: reps + i * capacity, count: Int(counts[i]))
            }
            memory.scores = s; memory.reps = r
            memory.gatheredReps = OwnedMemory(uninitialized: itemCount * n)
            (scores, reps, gatheredReps) = (s.base, r.base, memory.gatheredReps.base)
            capacity = n
        }

        /// The items `rep` has scored in this group, as bits (`small` only).
        @inline(__always)
        private func items(of rep: Int32) -> UInt64 {
            stamps[Int(rep)] == generation ? repItems[Int(rep)] : 0
        }

        /// Adds a score; `false` when `rep` already has one for `item` here.
        @inline(__always)
        mutating func append(rep: Int32, item: Int, score: Int16) -> Bool {
            if small {
                let r = Int(rep), seen = items(of: rep), bit = UInt64(1) << UInt64(item & 63)
                if seen & bit != 0 { return false }
                repItems[r] = seen | bit
                stamps[r] = generation
            }
            if Int(counts[item]) == capacity { grow() }
            let at = item * capacity + Int(counts[item])
            scores[at] = score
            reps[at] = rep
            counts[item] += 1
            return true
        }

        /// Adds `rep`'s scores given as `item << 16 | score`; `false` on a duplicate.
        @inline(__always)
        mutating func append(rep: Int32, _ packed: UnsafePointer<Int>, _ n: Int) -> Bool {
            // No bucket gets more than `n` of these.
            let top = fullest
            while top + n > capacity { grow() }
            // The group's fields in locals for the loop (stores through the pointers would
            // otherwise make the compiler reload them score after score).
            let capacity = self.capacity, scores = self.scores, reps = self.reps, counts = self.counts
            var seenBits = small ? items(of: rep) : 0, repeated: UInt64 = 0
            for k in 0 ..< n {
                let item = packed[k] >> 16
                let bit = UInt64(1) << UInt64(item & 63)
                repeated |= seenBits & bit
                seenBits |= bit
                let c = Int(counts[item])
                scores[item * capacity + c] = Int16(truncatingIfNeeded: packed[k])
                reps[item * capacity + c] = rep
                counts[item] = Int32(c + 1)
            }
            if small {
                // A repeat is a duplicate: the chunk hands over, whatever the group holds.
                if repeated != 0 { return false }
                repItems[Int(rep)] = seenBits
                stamps[Int(rep)] = generation
            }
            return true
        }

        /// Empties the group for the next unit.
        mutating func reset() {
            for i in 0 ..< itemCount { counts[i] = 0 }
            // A new number for the next group, so no representative's items are valid in it yet.
            if generation == .max {
                for r in 0 ..< memory.stamps.count { stamps[r] = -1 }
                generation = 0
            } else {
                generation += 1
            }
        }
    }

    /// Recently seen representative ids (where in the file) and their indices.
    struct RepCache {
        static let size = 64
        var starts = [Int](repeating: 0, count: size)
        var lengths = [Int](repeating: -1, count: size)
        var reps = [Int32](repeating: 0, count: size)
    }

    /// Per item, the largest mantissa allowed, and per mantissa whether it is on the step, at
    /// the chunk's scale; and per scale `s` up to it, 10^(scale − s). In `OwnedMemory`, with
    /// the addresses beside it for the row loop.
    struct Limits {
        private let memory: (max: OwnedMemory<Int>, onStep: OwnedMemory<Bool>, factor: OwnedMemory<Int64>)
        let max: UnsafeMutablePointer<Int>
        let onStep: UnsafeMutablePointer<Bool>
        let factor: UnsafeMutablePointer<Int64>
        init(_ cx: BulkBallotsReader.Context, scale: Int) {
            let (max, onStep) = cx.limits(scale: scale)
            memory = (OwnedMemory(copying: max), OwnedMemory(copying: onStep),
                      OwnedMemory(copying: (0 ... scale).map { ByteNumber.pow10(scale - $0) }))
            (self.max, self.onStep, factor) = (memory.max.base, memory.onStep.base, memory.factor.base)
        }
    }

    mutating func parse(_ p: UnsafeBufferPointer<UInt8>, _ cx: BulkBallotsReader.Context, release: MappedFile?) {
        if let standardCol = cx.standardCol, let scoreCol = cx.scoreCol {
            return parseLong(p, cx, standardColumn: standardCol, scoreColumn: scoreCol, release: release)
        }
        let width = cx.width
        let fusedRoles = cx.fusedRoles
        // Where each field of a record ends; a fused row's roles, and its plain scores as
        // `plainScores` finds them. Freed when `memory` goes, which is kept to the end.
        let memory = (ends: OwnedMemory<Int>(uninitialized: width),
                      roles: fusedRoles.map { OwnedMemory(copying: $0) } ?? OwnedMemory(uninitialized: width),
                      pending: OwnedMemory<Int>(uninitialized: width))
        defer { withExtendedLifetime(memory) {} }
        let ends = memory.ends.base, rolePointer = memory.roles.base, pending = memory.pending.base
        var group = Group(itemCount: cx.items.count, representatives: cx.repIDs.count)
        let base = p.baseAddress!
        var limits = Limits(cx, scale: scale)
        var repCache = RepCache()
        var pos = start
        let limit = end
        var line = 0
        var released = pos
        defer { release?.release(released ..< limit) }
        let repCol = cx.repCol, unitCol = cx.unitCol
        @inline(__always) func field(_ c: Int, _ rowStart: Int) -> (UnsafePointer<UInt8>, Int) {
            let s = c == 0 ? rowStart : ends[c - 1] + 1
            let (a, n) = ByteNumber.trimmed(base + s, ends[c] - s)
            return (base + s + a, n)
        }
        @inline(__always) func byte(_ i: Int) -> UInt8 { i < limit ? p[i] : BulkCSV.lf }
        @inline(__always) func isEnd(_ b: UInt8) -> Bool { b <= BulkCSV.comma && (b == BulkCSV.comma || b == BulkCSV.lf || b == BulkCSV.cr) }
        let firstItem = fusedRoles?.firstIndex { $0 >= 0 } ?? -1
        while pos < limit {
            let b = p[pos]
            if b == BulkCSV.lf { pos += 1; line += 1; continue }
            if b == BulkCSV.cr {
                guard pos + 1 < limit && p[pos + 1] == BulkCSV.lf else { handOver = .lineEnd; return }
                pos += 2; line += 1
                continue
            }
            if let release, pos - released >= BulkUnitsReader.releaseStep {
                release.release(released ..< pos)
                released = pos
            }
            if let roles = fusedRoles {
                // One pass over a wide row whose representative and unit come first.
                var i = pos
                var rep: Int32 = 0, repStart = pos
                var recusal: (line: Int, column: Int)?
                var c = 0
                while c < width {
                    defer { c += 1 }
                    if c == firstItem && recusal == nil {
                        // The usual rest of a row: its scores, all plain, on the step and in range.
                        if let (next, n) = BallotChunk.plainScores(base, i, limit, roles: rolePointer, from: c, width: width, limits, scale: scale,
                                                                   into: pending) {
                            guard group.append(rep: rep, pending, n) else { handOver = .duplicateBallot; return }
                            if next > i && p[next - 1] == BulkCSV.lf { line += 1 }
                            i = -1
                            pos = next
                            break
                        }
                    }
                    let fieldStart = i
                    let role = roles[c]
                    if role >= 0 {
                        var m: Int64 = 0, sc = 0
                        let d0 = byte(i) &- 48
                        if d0 < 10 && isEnd(byte(i + 1)) {
                            m = Int64(d0)
                            i += 1
                        } else if d0 < 10 && byte(i + 1) == UInt8(ascii: ".") && byte(i + 2) &- 48 < 10 && isEnd(byte(i + 3)) {
                            let d2 = byte(i + 2) &- 48
                            (m, sc) = d2 == 0 ? (Int64(d0), 0) : (Int64(d0) * 10 + Int64(d2), 1)
                            i += 3
                        } else {
                            i = BulkCSV.fieldEnd(p, from: fieldStart, limit: limit)
                            let (a, n) = ByteNumber.trimmed(base + fieldStart, i - fieldStart)
                            if n > 0 {
                                if let why = add(base + fieldStart + a, n, rep: rep, item: role, &group, &limits, cx, recusal: recusal) {
                                    handOver = why
                                    return
                                }
                            } else if recusal == nil {
                                blank(line: line, column: c, rep: rep, unit: group.unit, cx)
                            }
                            m = -1
                        }
                        if m >= 0 {
                            if let why = accept(m, sc, rep: rep, item: role, &group, &limits, cx, recusal: recusal) { handOver = why; return }
                        }
                    } else {
                        i = BulkCSV.fieldEnd(p, from: fieldStart, limit: limit)
                        let (a, n) = ByteNumber.trimmed(base + fieldStart, i - fieldStart)
                        if role == BulkBallotsReader.Context.repRole {
                            guard let r = BallotChunk.representative(base + fieldStart + a, n, base, &repCache, cx) else {
                                handOver = BulkHandOver.cell(base + fieldStart + a, n, otherwise: .unknownRepresentative)
                                return
                            }
                            rep = r
                            repStart = fieldStart
                        } else if role == BulkBallotsReader.Context.unitRole {
                            if let why = enter(base + fieldStart + a, n, base, &group, cx) { handOver = why; return }
                        } else {
                            guard BulkCSV.isPlain(base + fieldStart, i - fieldStart) else { handOver = BulkHandOver.cell(base + fieldStart, i - fieldStart, otherwise: .notPlainText); return }
                        }
                        // A ballot for their own unit is checked like any other, then set aside.
                        if c == cx.repUnitLast && cx.hasOwn[Int(rep)] && cx.own[Int(rep)].contains(group.unit) {
                            recusal = (line, BulkCSV.column(p, lineStart: pos, repStart))
                        }
                    }
                    if c < width - 1 {
                        guard byte(i) == BulkCSV.comma else { handOver = .fieldCount; return }
                        i += 1
                    }
                }
                if i < 0 { continue }  // read by `plainScores`
                guard let next = BulkCSV.lineEnd(p, i) else { handOver = BulkHandOver.row(p, from: i, limit: limit); return }
                if next > i && p[next - 1] == BulkCSV.lf { line += 1 }
                pos = next
                continue
            }
            guard let next = BulkCSV.splitRecord(p, from: pos, limit: limit, width: width, ends: ends) else { handOver = BulkHandOver.row(p, from: pos, limit: limit); return }
            let (rf, rn) = field(repCol, pos)
            guard let rep = BallotChunk.representative(rf, rn, base, &repCache, cx) else { handOver = BulkHandOver.cell(rf, rn, otherwise: .unknownRepresentative); return }
            let (uf, un) = field(unitCol, pos)
            if let why = enter(uf, un, base, &group, cx) { handOver = why; return }
            for c in cx.otherCols {
                let s = c == 0 ? pos : ends[c - 1] + 1
                guard BulkCSV.isPlain(base + s, ends[c] - s) else { handOver = BulkHandOver.cell(base + s, ends[c] - s, otherwise: .notPlainText); return }
            }
            // A ballot for their own unit is checked like any other, then set aside.
            let recused = cx.hasOwn[Int(rep)] && cx.own[Int(rep)].contains(group.unit)
            let recusal = recused ? (line: line, column: BulkCSV.column(p, lineStart: pos, repCol == 0 ? pos : ends[repCol - 1] + 1)) : nil
            // A wide row (long rows have `parseLong`).
            for (c, item) in cx.itemCols {
                let (sf, sn) = field(c, pos)
                if sn == 0 {
                    if recusal == nil { blank(line: line, column: c, rep: rep, unit: group.unit, cx) }
                    continue
                }
                if let why = add(sf, sn, rep: rep, item: item, &group, &limits, cx, recusal: recusal) {
                    handOver = why
                    return
                }
            }
            if p[next - 1] == BulkCSV.lf { line += 1 }
            pos = next
        }
        if let why = flush(&group) { handOver = why }
        lineFeeds = line
    }

    /// The scores of columns `c0 ..< width` of a wide row at `i`, when every one is a plain
    /// score (`d` or `d.d`, not empty) of an item, on the step and in range at `scale`, and the
    /// line ends after them: the offset after the line end and how many, put in `out` as
    /// `item << 16 | mantissa`. `nil` for anything else, which the caller then reads field by
    /// field (this has no effect).
    @inline(never)
    private static func plainScores(_ base: UnsafePointer<UInt8>, _ i0: Int, _ limit: Int, roles: UnsafePointer<Int>, from c0: Int, width: Int,
                                    _ limits: Limits, scale: Int, into out: UnsafeMutablePointer<Int>) -> (next: Int, count: Int)? {
        @inline(__always) func byte(_ i: Int) -> UInt8 { i < limit ? base[i] : BulkCSV.lf }
        @inline(__always) func isEnd(_ b: UInt8) -> Bool { b <= BulkCSV.comma && (b == BulkCSV.comma || b == BulkCSV.lf || b == BulkCSV.cr) }
        var i = i0, k = 0
        // Scores are `d` or `d.d` at random: read without branching on which, four bytes at once.
        let tenths = scale >= 1 ? Int(limits.factor[1]) : 0
        for c in c0 ..< width {
            let item = roles[c]
            guard item >= 0 else { return nil }
            if tenths > 0 && i + 4 <= limit {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt32.self)
                let b0 = UInt8(truncatingIfNeeded: w), b1 = UInt8(truncatingIfNeeded: w >> 8)
                let b2 = UInt8(truncatingIfNeeded: w >> 16), b3 = UInt8(truncatingIfNeeded: w >> 24)
                let d0 = b0 &- 48, d2 = b2 &- 48
                let dot = b1 == UInt8(ascii: ".")
                let end = dot ? b3 : b1
                // The byte after the score: a comma, or the line end after the last column.
                let separator = c < width - 1 ? end == BulkCSV.comma : (end == BulkCSV.lf || end == BulkCSV.cr)
                let digits = UInt8(d0 < 10 ? 1 : 0) & UInt8(!dot || d2 < 10 ? 1 : 0) & UInt8(separator ? 1 : 0)
                if digits != 0 {
                    let mm = (Int(d0) * 10 + (dot ? Int(d2) : 0)) * tenths
                    guard mm <= limits.max[item] && limits.onStep[mm] else { return nil }
                    out[k] = item << 16 | mm
                    k += 1
                    i += (dot ? 3 : 1) + (c < width - 1 ? 1 : 0)
                    continue
                }
            }
            let d0 = byte(i) &- 48
            if d0 < 10 {
                var m = Int(d0), s = 0
                let b1 = byte(i + 1)
                if isEnd(b1) {
                    i += 1
                } else if b1 == UInt8(ascii: ".") && byte(i + 2) &- 48 < 10 && isEnd(byte(i + 3)) {
                    let d2 = Int(byte(i + 2) &- 48)
                    if d2 != 0 { m = m * 10 + d2; s = 1 }
                    i += 3
                } else {
                    return nil
                }
                guard s <= scale else { return nil }
                let mm = m * Int(limits.factor[s])
                guard mm <= limits.max[item] && limits.onStep[mm] else { return nil }
                out[k] = item << 16 | mm
                k += 1
            } else {
                // An empty score is noted field by field (`BlankCells`); anything else is read so too.
                return nil
            }
            if c < width - 1 {
                guard byte(i) == BulkCSV.comma else { return nil }
                i += 1
            }
        }
        // A row without a line end (the file's last) is left to the caller.
        guard i < limit else { return nil }
        if base[i] == BulkCSV.lf { return (i + 1, k) }
        if base[i] == BulkCSV.cr && i + 1 < limit && base[i + 1] == BulkCSV.lf { return (i + 2, k) }
        return nil
    }

    /// The representative whose id is `rf[0 ..< rn]`, through the cache.
    @inline(__always)
    static func representative(_ rf: UnsafePointer<UInt8>, _ rn: Int, _ base: UnsafePointer<UInt8>,
                                       _ cache: inout RepCache, _ cx: BulkBallotsReader.Context) -> Int32? {
        // Representatives recur row after row: a small cache saves most hash lookups.
        let slot = rn > 0 ? Int(rf[rn - 1] &+ rf[rn / 2] &* 7) & (RepCache.size - 1) : 0
        if cache.lengths[slot] == rn && IDTable.equal(base + cache.starts[slot], rf, rn) { return cache.reps[slot] }
        guard let r = cx.reps.find(rf, count: rn) else { return nil }
        cache.starts[slot] = rf - base
        cache.lengths[slot] = rn
        cache.reps[slot] = r
        return r
    }

    /// Makes the unit whose id is `uf[0 ..< un]` the current group's, if it is not yet.
    @inline(__always)
    mutating func enter(_ uf: UnsafePointer<UInt8>, _ un: Int, _ base: UnsafePointer<UInt8>, _ group: inout Group,
                                _ cx: BulkBallotsReader.Context) -> BulkHandOver? {
        if group.unit >= 0 && un == group.unitLength && IDTable.equal(uf, base + group.unitStart, un) { return nil }
        if let why = flush(&group) { return why }
        // Files usually list units in the units file's order: try the next one before hashing.
        let next = Int(group.unit) + 1
        let unit = cx.units.key(next, equals: uf, count: un) ? Int32(next) : cx.units.find(uf, count: un)
        guard let u = unit else { return BulkHandOver.cell(uf, un, otherwise: .unknownUnit) }
        group.unit = u
        group.unitStart = uf - base
        group.unitLength = un
        return nil
    }

    /// Notes the empty score cell of column `c` on the chunk's line `line` (a row that is no
    /// recusal: those are not counted), as the checked reader does (`BlankCells`).
    mutating func blank(line: Int, column c: Int, rep: Int32, unit: Int32, _ cx: BulkBallotsReader.Context) {
        blanks.add(row: line) {
            BlankCells.Cell(row: line, column: c, header: cx.headers[c], representative: cx.repIDs[Int(rep)], unit: cx.unitIDs[Int(unit)])
        }
    }

    /// Checks one score and adds it to the group, or to the recusals; `false` to hand over.
    @inline(__always)
    mutating func add(_ f: UnsafePointer<UInt8>, _ n: Int, rep: Int32, item: Int, _ group: inout Group,
                              _ limits: inout Limits, _ cx: BulkBallotsReader.Context, recusal: (line: Int, column: Int)?) -> BulkHandOver? {
        guard n > 0 else { return .missingScore }
        var m: Int64 = 0, s = 0
        let d0 = f[0] &- 48
        if n == 1 && d0 < 10 {
            m = Int64(d0)
        } else if n == 3 && d0 < 10 && f[1] == UInt8(ascii: ".") && f[2] &- 48 < 10 {
            m = Int64(d0) * 10 + Int64(f[2] &- 48)
            s = 1
            if f[2] == 48 { m /= 10; s = 0 }
        } else {
            guard let (dm, ds) = ByteNumber.decimal(f, count: n) else { return BulkHandOver.cell(f, n, otherwise: .badNumber) }
            m = dm
            s = ds
        }
        return accept(m, s, rep: rep, item: item, &group, &limits, cx, recusal: recusal)
    }

    /// Checks the score mantissa × 10^−`s` and adds it to the group, or to the recusals;
    /// `false` to hand over.
    @inline(__always)
    mutating func accept(_ m: Int64, _ s: Int, rep: Int32, item: Int, _ group: inout Group,
                                 _ limits: inout Limits, _ cx: BulkBallotsReader.Context, recusal: (line: Int, column: Int)?) -> BulkHandOver? {
        guard m >= 0 else { return .scoreOutOfRange }
        if s > scale {
            guard s <= BulkBallotsReader.maxScale else { return .tooManyDecimals }
            guard rescale(by: s - scale, &group) else { return .scoreOutOfRange }
            scale = s
            limits = Limits(cx, scale: scale)
        }
        let (mm, o) = m.multipliedReportingOverflow(by: limits.factor[s])
        guard !o, mm <= Int64(limits.max[item]) else { return .scoreOutOfRange }
        guard limits.onStep[Int(mm)] else { return .offStep }
        if let recusal {
            let unit = Int(group.unit)
            recusals.append(RecusalViolation(representative: cx.repIDs[Int(rep)], name: cx.repNames[Int(rep)], unit: cx.unitIDs[unit], item: cx.items[item].key,
                                             score: s == 0 ? Rational(integer: m) : Rational(m, ByteNumber.pow10(s)),
                                             location: SourceLocation(file: cx.fileName, line: recusal.line, column: recusal.column,
                                                                      cell: CellPosition(row: recusal.line, column: cx.repCol, header: cx.repHeader)),
                                             reason: cx.declared[Int(rep)].contains(Int32(unit)) ? .declaredConflict : .ownUnit))
            recusalKeys.append((Int(rep) * cx.unitIDs.count + unit) * cx.items.count + item)
            return nil
        }
        return group.append(rep: rep, item: item, score: Int16(mm)) ? nil : .duplicateBallot
    }

    /// Multiplies every score so far by 10^`k`; `false` when one no longer fits.
    private mutating func rescale(by k: Int, _ group: inout Group) -> Bool {
        let f = Int(ByteNumber.pow10(k))
        for i in 0 ..< scores.count {
            let x = Int(scores.base[i]) * f
            guard x <= Int(Int16.max) else { return false }
            scores.base[i] = Int16(x)
        }
        for item in 0 ..< group.itemCount {
            let bucket = group.scores + item * group.capacity
            for i in 0 ..< Int(group.counts[item]) {
                let x = Int(bucket[i]) * f
                guard x <= Int(Int16.max) else { return false }
                bucket[i] = Int16(x)
            }
        }
        return true
    }

    /// Ends the current unit's group: checks it for duplicates (where `append` could not) and
    /// appends its scores, sorted per item. `false` on a duplicate.
    mutating func flush(_ g: inout Group) -> BulkHandOver? {
        let n = g.total
        defer { g.reset() }
        guard n > 0 else { return nil }
        let itemCount = g.itemCount, capacity = g.capacity
        if !g.small {
            // Each bucket's representatives, sorted, must all differ.
            for i in 0 ..< itemCount where g.counts[i] > 1 {
                var r = UnsafeMutableBufferPointer(start: g.gatheredReps, count: Int(g.counts[i]))
                _ = r.initialize(from: UnsafeBufferPointer(start: g.reps + i * capacity, count: Int(g.counts[i])))
                r.sort()
                for j in 1 ..< r.count where r[j] == r[j - 1] { return .duplicateBallot }
            }
        }
        // The buckets end to end, each sorted (keeping who cast them, by score and then
        // representative, as `BallotAggregator` orders them), straight into the chunk's scores.
        guard scores.reserve(n) else { return .tooLarge }
        var at = 0
        for i in 0 ..< itemCount {
            let k = Int(g.counts[i])
            let bucket = UnsafeMutableBufferPointer(start: g.scores + i * capacity, count: k)
            if !keepReps {
                // A bucket has room for 16 scores at least.
                if k <= 8 { BallotChunk.sortEight(bucket.baseAddress!, k) } else { BallotChunk.sortSmall(bucket, 0, k) }
            } else {
                (g.gatheredReps + at).update(from: g.reps + i * capacity, count: k)
                BallotChunk.sortPairs(bucket.baseAddress!, g.gatheredReps + at, k)
            }
            scores.append(bucket.baseAddress!, k)
            at += k
        }
        if keepReps { reps.append(contentsOf: UnsafeBufferPointer(start: g.gatheredReps, count: n)) }
        groupUnits.append(g.unit)
        groupCounts.append(contentsOf: UnsafeBufferPointer(start: g.counts, count: itemCount))
        return nil
    }
}

extension BallotChunk {
    /// Sorts the `n` scores at `s` and the representatives at `r` who cast them together, by
    /// score and then representative: up to eight in registers, a handful in place, more by
    /// one key each.
    static func sortPairs(_ s: UnsafeMutablePointer<Int16>, _ r: UnsafeMutablePointer<Int32>, _ n: Int) {
        // Scores and representatives are never negative: one key orders both.
        @inline(__always) func key(_ j: Int) -> Int64 { Int64(s[j]) << 32 | Int64(r[j]) }
        @inline(__always) func put(_ key: Int64, _ j: Int) {
            s[j] = Int16(truncatingIfNeeded: key >> 32)
            r[j] = Int32(truncatingIfNeeded: key)
        }
        if n <= 8 {
            // The handful a unit gets per item (`explain` keeps who cast every ballot):
            // the same network as `sortEight`, on the keys.
            guard n > 1 else { return }
            @inline(__always) func at(_ k: Int) -> Int64 { k < n ? key(k) : .max }
            var v = (at(0), at(1), at(2), at(3), at(4), at(5), at(6), at(7))
            BallotChunk.network(&v.0, &v.1, &v.2, &v.3, &v.4, &v.5, &v.6, &v.7)
            put(v.0, 0); put(v.1, 1)
            if n > 2 { put(v.2, 2) }
            if n > 3 { put(v.3, 3) }
            if n > 4 { put(v.4, 4) }
            if n > 5 { put(v.5, 5) }
            if n > 6 { put(v.6, 6) }
            if n > 7 { put(v.7, 7) }
            return
        }
        if n <= 16 {
            for i in 1 ..< n {
                let (ks, kr) = (s[i], r[i])
                var j = i
                while j > 0 && (s[j - 1] > ks || (s[j - 1] == ks && r[j - 1] > kr)) {
                    s[j] = s[j - 1]
                    r[j] = r[j - 1]
                    j -= 1
                }
                (s[j], r[j]) = (ks, kr)
            }
            return
        }
        var keys = (0 ..< n).map(key)
        keys.sort()
        for (j, k) in keys.enumerated() { put(k, j) }
    }

    /// Sorts `p[0 ..< n]` ascending, `n` ≤ 8, in registers: the eight slots `p[0 ..< 8]` (all
    /// of them room to write) are read, those from `n` on taken as `Int16.max`, put through a
    /// 19-comparator sorting network, and written back. The handful of scores a unit gets per
    /// item, without the chain of loads and stores a sort in memory makes.
    @inline(__always)
    static func sortEight(_ p: UnsafeMutablePointer<Int16>, _ n: Int) {
        @inline(__always) func at(_ k: Int) -> Int16 {
            let x = p[k]
            return k < n ? x : .max
        }
        var v0 = at(0), v1 = at(1), v2 = at(2), v3 = at(3), v4 = at(4), v5 = at(5), v6 = at(6), v7 = at(7)
        network(&v0, &v1, &v2, &v3, &v4, &v5, &v6, &v7)
        p[0] = v0; p[1] = v1; p[2] = v2; p[3] = v3; p[4] = v4; p[5] = v5; p[6] = v6; p[7] = v7
    }

    /// Eight values put in ascending order by a 19-comparator sorting network (the fewest
    /// comparators that sort eight), without a branch.
    @inline(__always)
    static func network<T: FixedWidthInteger>(_ v0: inout T, _ v1: inout T, _ v2: inout T, _ v3: inout T,
                                              _ v4: inout T, _ v5: inout T, _ v6: inout T, _ v7: inout T) {
        @inline(__always) func cs(_ a: inout T, _ b: inout T) {
            let lo = min(a, b), hi = max(a, b)
            a = lo
            b = hi
        }
        cs(&v0, &v2); cs(&v1, &v3); cs(&v4, &v6); cs(&v5, &v7)
        cs(&v0, &v4); cs(&v1, &v5); cs(&v2, &v6); cs(&v3, &v7)
        cs(&v0, &v1); cs(&v2, &v3); cs(&v4, &v5); cs(&v6, &v7)
        cs(&v2, &v4); cs(&v3, &v5)
        cs(&v1, &v4); cs(&v3, &v6)
        cs(&v1, &v2); cs(&v3, &v4); cs(&v5, &v6)
    }

    /// Sorts `s[lo ..< hi]` ascending: quick for the handful of ballots a unit gets per item
    /// (a branch-free odd–even transposition sort up to 12, else insertion sort).
    @inline(__always)
    static func sortSmall(_ s: UnsafeMutableBufferPointer<Int16>, _ lo: Int, _ hi: Int) {
        let n = hi - lo
        if n <= 12 {
            guard n > 1, let p = s.baseAddress.map({ $0 + lo }) else { return }
            for pass in 0 ..< n {
                var i = pass & 1
                while i + 1 < n {
                    let a = p[i], b = p[i + 1]
                    p[i] = min(a, b)
                    p[i + 1] = max(a, b)
                    i += 2
                }
            }
            return
        }
        if n > 32 {
            var part = UnsafeMutableBufferPointer(rebasing: s[lo ..< hi])
            part.sort()
            return
        }
        var i = lo + 1
        while i < hi {
            let x = s[i]
            var j = i
            while j > lo && s[j - 1] > x {
                s[j] = s[j - 1]
                j -= 1
            }
            s[j] = x
            i += 1
        }
    }
}
