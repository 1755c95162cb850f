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

    init(start: Int, end: Int, scale: Int, keepReps: Bool) {
        self.start = start
        self.end = end
        self.scale = scale
        self.keepReps = keepReps
    }

    /// The current unit's ballots, before they are checked and sorted.
    private struct Group {
        var unit: Int32 = -1
        var unitStart = 0, unitLength = 0
        var reps: [Int32] = []
        var items: [Int32] = []
        var scores: [Int16] = []
        /// Scratch for the duplicate check and the sort.
        var seenReps: [Int32] = []
        var seenItems: [UInt64] = []
        var counts: [Int32] = []
        var at: [Int] = []
        var keys: [Int] = []
    }

    mutating func parse(_ p: UnsafeBufferPointer<UInt8>, _ cx: BulkBallotsReader.Context) {
        let width = cx.width
        let ends = UnsafeMutablePointer<Int>.allocate(capacity: width)
        defer { ends.deallocate() }
        let base = p.baseAddress!
        var limits = cx.limits(scale: scale)
        var group = Group()
        group.counts = Array(repeating: 0, count: cx.items.count)
        group.at = Array(repeating: 0, count: cx.items.count)
        var pos = start
        let limit = end
        var line = 0
        @inline(__always) func field(_ c: Int, _ rowStart: Int) -> (UnsafePointer<UInt8>, Int) {
            let s = c == 0 ? rowStart : ends[c - 1] + 1
            let (a, n) = ByteNumber.trimmed(base + s, ends[c] - s)
            return (base + s + a, n)
        }
        while pos < limit {
            let b = p[pos]
            if b == BulkCSV.lf { pos += 1; line += 1; continue }
            if b == BulkCSV.cr {
                guard pos + 1 < limit && p[pos + 1] == BulkCSV.lf else { failed = true; return }
                pos += 2; line += 1
                continue
            }
            guard let next = BulkCSV.splitRecord(p, from: pos, limit: limit, width: width, ends: ends) else { failed = true; return }
            let (rf, rn) = field(cx.repCol, pos)
            guard let rep = cx.reps.find(rf, count: rn) else { failed = true; return }
            let (uf, un) = field(cx.unitCol, pos)
            let sameUnit = group.unit >= 0 && un == group.unitLength && IDTable.equal(uf, base + group.unitStart, un)
            if !sameUnit {
                guard flush(&group, cx), let u = cx.units.find(uf, count: un) else { failed = true; return }
                group.unit = u
                group.unitStart = uf - base
                group.unitLength = un
            }
            let unit = group.unit
            let repStart = cx.repCol == 0 ? pos : ends[cx.repCol - 1] + 1
            for c in cx.otherCols {
                let s = c == 0 ? pos : ends[c - 1] + 1
                guard BulkCSV.isPlain(base + s, ends[c] - s) else { failed = true; return }
            }
            if let standardCol = cx.standardCol, let scoreCol = cx.scoreCol {
                let (itf, itn) = field(standardCol, pos)
                guard let k = cx.itemNames.find(itf, count: itn) else { failed = true; return }
                let (sf, sn) = field(scoreCol, pos)
                guard add(sf, sn, rep: rep, unit: unit, item: cx.itemOf[Int(k)], &group, &limits, cx,
                          line: line, p: p, rowStart: pos, repStart: repStart) else { failed = true; return }
            } else {
                for (c, item) in cx.itemCols {
                    let (sf, sn) = field(c, pos)
                    if sn == 0 { continue }
                    guard add(sf, sn, rep: rep, unit: unit, item: item, &group, &limits, cx,
                              line: line, p: p, rowStart: pos, repStart: repStart) else { failed = true; return }
                }
            }
            if next > 0 && p[next - 1] == BulkCSV.lf { line += 1 }
            pos = next
        }
        if !flush(&group, cx) { failed = true }
        lineFeeds = line
    }

    /// Checks one score and adds it to the group, or to the recusals; `false` to hand over.
    @inline(__always)
    private mutating func add(_ f: UnsafePointer<UInt8>, _ n: Int, rep: Int32, unit: Int32, item: Int, _ group: inout Group,
                              _ limits: inout (max: [Int], onStep: [Bool]), _ cx: BulkBallotsReader.Context,
                              line: Int, p: UnsafeBufferPointer<UInt8>, rowStart: Int, repStart: Int) -> Bool {
        var m: Int64 = 0, s = 0
        if n == 1 && f[0] &- 48 < 10 {
            m = Int64(f[0] &- 48)
        } else if n == 3 && f[0] &- 48 < 10 && f[1] == UInt8(ascii: ".") && f[2] &- 48 < 10 {
            m = Int64(f[0] &- 48) * 10 + Int64(f[2] &- 48)
            s = 1
            if f[2] == 48 { m /= 10; s = 0 }
        } else {
            guard let (dm, ds) = ByteNumber.decimal(f, count: n) else { return false }
            m = dm
            s = ds
        }
        guard m >= 0 else { return false }
        if s > scale {
            guard s <= BulkBallotsReader.maxScale, rescale(by: s - scale, &group) else { return false }
            scale = s
            limits = cx.limits(scale: scale)
        }
        let (mm, o) = m.multipliedReportingOverflow(by: BulkData.pow10[scale - s])
        guard !o, mm <= Int64(limits.max[item]), limits.onStep[Int(mm)] else { return false }
        if cx.own[Int(rep)].contains(unit) {
            let location = SourceLocation(file: cx.fileName, line: line, column: BulkCSV.column(p, lineStart: rowStart, repStart))
            recusals.append(RecusalViolation(representative: cx.repIDs[Int(rep)], unit: cx.unitIDs[Int(unit)], item: cx.items[item].key,
                                             score: s == 0 ? Rational(integer: m) : Rational(m, BulkData.pow10[s]), location: location))
            recusalKeys.append((Int(rep) * cx.unitIDs.count + Int(unit)) * cx.items.count + item)
            return true
        }
        group.reps.append(rep)
        group.items.append(Int32(item))
        group.scores.append(Int16(mm))
        return true
    }

    /// Multiplies every score so far by 10^`k`; `false` when one no longer fits.
    private mutating func rescale(by k: Int, _ group: inout Group) -> Bool {
        let f = Int(BulkData.pow10[k])
        for i in scores.indices {
            let x = Int(scores[i]) * f
            guard x <= Int(Int16.max) else { return false }
            scores[i] = Int16(x)
        }
        for i in group.scores.indices {
            let x = Int(group.scores[i]) * f
            guard x <= Int(Int16.max) else { return false }
            group.scores[i] = Int16(x)
        }
        return true
    }

    /// Ends the current unit's group: checks it for duplicates and appends its scores, sorted
    /// per item. `false` on a duplicate.
    private mutating func flush(_ g: inout Group, _ cx: BulkBallotsReader.Context) -> Bool {
        defer {
            g.reps.removeAll(keepingCapacity: true)
            g.items.removeAll(keepingCapacity: true)
            g.scores.removeAll(keepingCapacity: true)
        }
        let n = g.reps.count
        guard n > 0 else { return true }
        let itemCount = cx.items.count
        // Duplicates: one bit per (representative, item) while few representatives and items.
        g.seenReps.removeAll(keepingCapacity: true)
        g.seenItems.removeAll(keepingCapacity: true)
        var small = itemCount <= 64
        if small {
            for i in 0 ..< n {
                let r = g.reps[i]
                var k = 0
                while k < g.seenReps.count && g.seenReps[k] != r { k += 1 }
                if k == g.seenReps.count {
                    if k == 64 { small = false; break }
                    g.seenReps.append(r)
                    g.seenItems.append(0)
                }
                let bit = UInt64(1) << UInt64(g.items[i])
                if g.seenItems[k] & bit != 0 { return false }
                g.seenItems[k] |= bit
            }
        }
        if !small {
            g.keys.removeAll(keepingCapacity: true)
            for i in 0 ..< n { g.keys.append(Int(g.reps[i]) * itemCount + Int(g.items[i])) }
            g.keys.sort()
            for i in 1 ..< n where g.keys[i] == g.keys[i - 1] { return false }
        }
        // Counting sort by item, then each item's scores sorted.
        for i in 0 ..< itemCount { g.counts[i] = 0 }
        for i in 0 ..< n { g.counts[Int(g.items[i])] += 1 }
        let first = scores.count
        var offset = first
        for i in 0 ..< itemCount {
            g.at[i] = offset
            offset += Int(g.counts[i])
        }
        scores.append(contentsOf: repeatElement(0, count: n))
        if keepReps { reps.append(contentsOf: repeatElement(0, count: n)) }
        for i in 0 ..< n {
            let item = Int(g.items[i])
            scores[g.at[item]] = g.scores[i]
            if keepReps { reps[g.at[item]] = g.reps[i] }
            g.at[item] += 1
        }
        if !keepReps {
            scores.withUnsafeMutableBufferPointer { s in
                var lo = first
                for i in 0 ..< itemCount {
                    let hi = lo + Int(g.counts[i])
                    insertionSort(s, lo, hi)
                    lo = hi
                }
            }
        }
        groupUnits.append(g.unit)
        groupCounts.append(contentsOf: g.counts)
        return true
    }
}

/// Sorts `s[lo ..< hi]` ascending: quick for the handful of ballots a unit gets per item.
@inline(__always)
func insertionSort(_ s: UnsafeMutableBufferPointer<Int16>, _ lo: Int, _ hi: Int) {
    if hi - lo > 32 {
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
