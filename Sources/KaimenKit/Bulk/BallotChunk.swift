/// One thread's share of a ballots file: a range of rows parsed into groups, one group per
/// run of rows for the same unit, each group's counted scores sorted per item.
struct BallotChunk: Sendable {
    var start: Int
    var end: Int
    /// Whether to keep who cast each counted score (for files not grouped by unit).
    var keepReps: Bool
    /// LF bytes read: lines, for the line numbers of later chunks.
    var lineFeeds = 0
    /// Scores are mantissas at this scale.
    var scale: Int
    /// Per group: its unit, and per item how many scores it has.
    var groupUnits: [Int32] = []
    var groupCounts: [Int32] = []
    /// The groups' scores, group after group, item after item (sorted within an item unless
    /// `keepReps`).
    var scores: [Int16] = []
    /// With `keepReps`: who cast each of `scores`.
    var reps: [Int32] = []
    /// Ballots for a representative's own unit, with lines counted from the chunk's start.
    var recusals: [RecusalViolation] = []
    /// Their (representative, unit, item), as one number, to find duplicates among them.
    var recusalKeys: [Int] = []
    var failed = false

    /// - Parameter reserve: room to set aside for scores (address space only until written).
    init(start: Int, end: Int, scale: Int, keepReps: Bool, reserve: Int = 0) {
        self.start = start
        self.end = end
        self.scale = scale
        self.keepReps = keepReps
        scores.reserveCapacity(reserve)
    }

    /// The current unit's ballots, before they are checked and sorted: buffers that grow as
    /// needed, freed with `release()`.
    private struct Group {
        var unit: Int32 = -1
        var unitStart = 0, unitLength = 0
        var count = 0
        var capacity = 0
        var reps: UnsafeMutablePointer<Int32>
        var items: UnsafeMutablePointer<Int32>
        var scores: UnsafeMutablePointer<Int16>
        /// Scratch: the group's scores sorted by item, and who cast them.
        var sortedScores: UnsafeMutablePointer<Int16>
        var sortedReps: UnsafeMutablePointer<Int32>
        /// Scratch for the duplicate check: representatives seen and their items as bits.
        var seenReps: UnsafeMutablePointer<Int32>
        var seenItems: UnsafeMutablePointer<UInt64>
        /// Per item: how many scores, and where the next goes.
        var counts: UnsafeMutablePointer<Int32>
        var at: UnsafeMutablePointer<Int>
        let itemCount: Int

        init(itemCount: Int) {
            self.itemCount = itemCount
            reps = .allocate(capacity: 0); items = .allocate(capacity: 0); scores = .allocate(capacity: 0)
            sortedScores = .allocate(capacity: 0); sortedReps = .allocate(capacity: 0)
            seenReps = .allocate(capacity: 64); seenItems = .allocate(capacity: 64)
            counts = .allocate(capacity: itemCount); at = .allocate(capacity: itemCount)
            grow(to: 256)
        }

        mutating func grow(to n: Int) {
            func moved<T>(_ p: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<T> {
                let q = UnsafeMutablePointer<T>.allocate(capacity: n)
                q.moveInitialize(from: p, count: count)
                p.deallocate()
                return q
            }
            reps = moved(reps); items = moved(items); scores = moved(scores)
            sortedScores.deallocate(); sortedReps.deallocate()
            sortedScores = .allocate(capacity: n); sortedReps = .allocate(capacity: n)
            capacity = n
        }

        @inline(__always)
        mutating func append(rep: Int32, item: Int, score: Int16) {
            if count == capacity { grow(to: capacity * 2) }
            reps[count] = rep
            items[count] = Int32(item)
            scores[count] = score
            count += 1
        }

        func release() {
            reps.deallocate(); items.deallocate(); scores.deallocate()
            sortedScores.deallocate(); sortedReps.deallocate()
            seenReps.deallocate(); seenItems.deallocate()
            counts.deallocate(); at.deallocate()
        }
    }

    /// Recently seen representative ids (where in the file) and their indices.
    private struct RepCache {
        static let size = 64
        var starts = [Int](repeating: 0, count: size)
        var lengths = [Int](repeating: -1, count: size)
        var reps = [Int32](repeating: 0, count: size)
    }

    /// Per item, the largest mantissa allowed, and per mantissa whether it is on the step, at
    /// the chunk's scale.
    private struct Limits {
        var max: [Int]
        var onStep: [Bool]
        init(_ cx: BulkBallotsReader.Context, scale: Int) { (max, onStep) = cx.limits(scale: scale) }
    }

    mutating func parse(_ p: UnsafeBufferPointer<UInt8>, _ cx: BulkBallotsReader.Context, release: MappedFile?) {
        let width = cx.width
        let ends = UnsafeMutablePointer<Int>.allocate(capacity: width)
        var group = Group(itemCount: cx.items.count)
        defer {
            ends.deallocate()
            group.release()
        }
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
        while pos < limit {
            let b = p[pos]
            if b == BulkCSV.lf { pos += 1; line += 1; continue }
            if b == BulkCSV.cr {
                guard pos + 1 < limit && p[pos + 1] == BulkCSV.lf else { failed = true; return }
                pos += 2; line += 1
                continue
            }
            if let release, pos - released >= BulkUnitsReader.releaseStep {
                release.release(released ..< pos)
                released = pos
            }
            if let roles = cx.fusedRoles {
                // One pass over a wide row whose representative and unit come first.
                var i = pos
                var rep: Int32 = 0, repStart = pos
                var recusal: (line: Int, column: Int)?
                for c in 0 ..< width {
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
                                guard add(base + fieldStart + a, n, rep: rep, item: role, &group, &limits, cx, recusal: recusal) else {
                                    failed = true
                                    return
                                }
                            }
                            m = -1
                        }
                        if m >= 0 {
                            guard accept(m, sc, rep: rep, item: role, &group, &limits, cx, recusal: recusal) else { failed = true; return }
                        }
                    } else {
                        i = BulkCSV.fieldEnd(p, from: fieldStart, limit: limit)
                        let (a, n) = ByteNumber.trimmed(base + fieldStart, i - fieldStart)
                        if role == BulkBallotsReader.Context.repRole {
                            guard let r = BallotChunk.representative(base + fieldStart + a, n, base, &repCache, cx) else { failed = true; return }
                            rep = r
                            repStart = fieldStart
                        } else if role == BulkBallotsReader.Context.unitRole {
                            guard enter(base + fieldStart + a, n, base, &group, cx) else { failed = true; return }
                        } else {
                            guard BulkCSV.isPlain(base + fieldStart, i - fieldStart) else { failed = true; return }
                        }
                        // A ballot for their own unit is checked like any other, then set aside.
                        if c == cx.repUnitLast && cx.hasOwn[Int(rep)] && cx.own[Int(rep)].contains(group.unit) {
                            recusal = (line, BulkCSV.column(p, lineStart: pos, repStart))
                        }
                    }
                    if c < width - 1 {
                        guard byte(i) == BulkCSV.comma else { failed = true; return }
                        i += 1
                    }
                }
                guard let next = BulkCSV.lineEnd(p, i) else { failed = true; return }
                if next > i && p[next - 1] == BulkCSV.lf { line += 1 }
                pos = next
                continue
            }
            guard let next = BulkCSV.splitRecord(p, from: pos, limit: limit, width: width, ends: ends) else { failed = true; return }
            let (rf, rn) = field(repCol, pos)
            guard let rep = BallotChunk.representative(rf, rn, base, &repCache, cx) else { failed = true; return }
            let (uf, un) = field(unitCol, pos)
            guard enter(uf, un, base, &group, cx) else { failed = true; return }
            for c in cx.otherCols {
                let s = c == 0 ? pos : ends[c - 1] + 1
                guard BulkCSV.isPlain(base + s, ends[c] - s) else { failed = true; return }
            }
            // A ballot for their own unit is checked like any other, then set aside.
            let recused = cx.hasOwn[Int(rep)] && cx.own[Int(rep)].contains(group.unit)
            let recusal = recused ? (line: line, column: BulkCSV.column(p, lineStart: pos, repCol == 0 ? pos : ends[repCol - 1] + 1)) : nil
            if let standardCol = cx.standardCol, let scoreCol = cx.scoreCol {
                let (itf, itn) = field(standardCol, pos)
                guard let k = cx.itemNames.find(itf, count: itn) else { failed = true; return }
                let (sf, sn) = field(scoreCol, pos)
                guard add(sf, sn, rep: rep, item: cx.itemOf[Int(k)], &group, &limits, cx, recusal: recusal) else {
                    failed = true
                    return
                }
            } else {
                for (c, item) in cx.itemCols {
                    let (sf, sn) = field(c, pos)
                    if sn == 0 { continue }
                    guard add(sf, sn, rep: rep, item: item, &group, &limits, cx, recusal: recusal) else {
                        failed = true
                        return
                    }
                }
            }
            if p[next - 1] == BulkCSV.lf { line += 1 }
            pos = next
        }
        if !flush(&group) { failed = true }
        lineFeeds = line
    }

    /// The representative whose id is `rf[0 ..< rn]`, through the cache.
    @inline(__always)
    private static func representative(_ rf: UnsafePointer<UInt8>, _ rn: Int, _ base: UnsafePointer<UInt8>,
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
    private mutating func enter(_ uf: UnsafePointer<UInt8>, _ un: Int, _ base: UnsafePointer<UInt8>, _ group: inout Group,
                                _ cx: BulkBallotsReader.Context) -> Bool {
        if group.unit >= 0 && un == group.unitLength && IDTable.equal(uf, base + group.unitStart, un) { return true }
        guard flush(&group) else { return false }
        // Files usually list units in the units file's order: try the next one before hashing.
        let next = Int(group.unit) + 1
        let unit = cx.units.key(next, equals: uf, count: un) ? Int32(next) : cx.units.find(uf, count: un)
        guard let u = unit else { return false }
        group.unit = u
        group.unitStart = uf - base
        group.unitLength = un
        return true
    }

    /// Checks one score and adds it to the group, or to the recusals; `false` to hand over.
    @inline(__always)
    private mutating func add(_ f: UnsafePointer<UInt8>, _ n: Int, rep: Int32, item: Int, _ group: inout Group,
                              _ limits: inout Limits, _ cx: BulkBallotsReader.Context, recusal: (line: Int, column: Int)?) -> Bool {
        guard n > 0 else { return false }
        var m: Int64 = 0, s = 0
        let d0 = f[0] &- 48
        if n == 1 && d0 < 10 {
            m = Int64(d0)
        } else if n == 3 && d0 < 10 && f[1] == UInt8(ascii: ".") && f[2] &- 48 < 10 {
            m = Int64(d0) * 10 + Int64(f[2] &- 48)
            s = 1
            if f[2] == 48 { m /= 10; s = 0 }
        } else {
            guard let (dm, ds) = ByteNumber.decimal(f, count: n) else { return false }
            m = dm
            s = ds
        }
        return accept(m, s, rep: rep, item: item, &group, &limits, cx, recusal: recusal)
    }

    /// Checks the score mantissa × 10^−`s` and adds it to the group, or to the recusals;
    /// `false` to hand over.
    @inline(__always)
    private mutating func accept(_ m: Int64, _ s: Int, rep: Int32, item: Int, _ group: inout Group,
                                 _ limits: inout Limits, _ cx: BulkBallotsReader.Context, recusal: (line: Int, column: Int)?) -> Bool {
        guard m >= 0 else { return false }
        if s > scale {
            guard s <= BulkBallotsReader.maxScale, rescale(by: s - scale, &group) else { return false }
            scale = s
            limits = Limits(cx, scale: scale)
        }
        var mm = m
        if s != scale {
            let (x, o) = m.multipliedReportingOverflow(by: ByteNumber.pow10(scale - s))
            guard !o else { return false }
            mm = x
        }
        guard mm <= Int64(limits.max[item]), limits.onStep[Int(mm)] else { return false }
        if let recusal {
            let unit = Int(group.unit)
            recusals.append(RecusalViolation(representative: cx.repIDs[Int(rep)], name: cx.repNames[Int(rep)], unit: cx.unitIDs[unit], item: cx.items[item].key,
                                             score: s == 0 ? Rational(integer: m) : Rational(m, ByteNumber.pow10(s)),
                                             location: SourceLocation(file: cx.fileName, line: recusal.line, column: recusal.column)))
            recusalKeys.append((Int(rep) * cx.unitIDs.count + unit) * cx.items.count + item)
            return true
        }
        group.append(rep: rep, item: item, score: Int16(mm))
        return true
    }

    /// Multiplies every score so far by 10^`k`; `false` when one no longer fits.
    private mutating func rescale(by k: Int, _ group: inout Group) -> Bool {
        let f = Int(ByteNumber.pow10(k))
        for i in scores.indices {
            let x = Int(scores[i]) * f
            guard x <= Int(Int16.max) else { return false }
            scores[i] = Int16(x)
        }
        for i in 0 ..< group.count {
            let x = Int(group.scores[i]) * f
            guard x <= Int(Int16.max) else { return false }
            group.scores[i] = Int16(x)
        }
        return true
    }

    /// Ends the current unit's group: checks it for duplicates and appends its scores, sorted
    /// per item. `false` on a duplicate.
    private mutating func flush(_ g: inout Group) -> Bool {
        let n = g.count
        g.count = 0
        guard n > 0 else { return true }
        let itemCount = g.itemCount
        // Duplicates: one bit per (representative, item) while few representatives and items.
        var small = itemCount <= 64
        if small {
            var seen = 0
            var k = 0
            for i in 0 ..< n {
                let r = g.reps[i]
                if i == 0 || r != g.reps[i - 1] {  // a row's ballots share their representative
                    k = 0
                    while k < seen && g.seenReps[k] != r { k += 1 }
                    if k == seen {
                        if k == 64 { small = false; break }
                        g.seenReps[k] = r
                        g.seenItems[k] = 0
                        seen += 1
                    }
                }
                let bit = UInt64(1) << UInt64(g.items[i])
                if g.seenItems[k] & bit != 0 { return false }
                g.seenItems[k] |= bit
            }
        }
        if !small {
            var keys = (0 ..< n).map { Int(g.reps[$0]) * itemCount + Int(g.items[$0]) }
            keys.sort()
            for i in 1 ..< n where keys[i] == keys[i - 1] { return false }
        }
        // Counting sort by item, then each item's scores sorted.
        for i in 0 ..< itemCount { g.counts[i] = 0 }
        for i in 0 ..< n { g.counts[Int(g.items[i])] += 1 }
        var offset = 0
        for i in 0 ..< itemCount {
            g.at[i] = offset
            offset += Int(g.counts[i])
        }
        for i in 0 ..< n {
            let item = Int(g.items[i])
            g.sortedScores[g.at[item]] = g.scores[i]
            g.sortedReps[g.at[item]] = g.reps[i]
            g.at[item] += 1
        }
        let sorted = UnsafeMutableBufferPointer(start: g.sortedScores, count: n)
        if !keepReps {
            var lo = 0
            for i in 0 ..< itemCount {
                let hi = lo + Int(g.counts[i])
                BallotChunk.sortSmall(sorted, lo, hi)
                lo = hi
            }
        } else {
            reps.append(contentsOf: UnsafeBufferPointer(start: g.sortedReps, count: n))
        }
        scores.append(contentsOf: sorted)
        groupUnits.append(g.unit)
        groupCounts.append(contentsOf: UnsafeBufferPointer(start: g.counts, count: itemCount))
        return true
    }
}

extension BallotChunk {
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
