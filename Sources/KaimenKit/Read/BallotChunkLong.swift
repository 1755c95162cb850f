/// The long form's own pass (`unit,representative,standard,score` in any column order, other
/// columns allowed): each row split and read in one scan, without a table of field ends.
///
/// Rows come grouped: by unit, and within a unit usually by standard or by representative.
/// So the unit is compared with the current group's, the standard with the previous row's
/// before a small cache and then the hash table, and the representative goes through the
/// same small cache as in wide files. Scores of one digit, or a digit, a point and a digit,
/// are read inline. Anything else takes the checked steps `add`/`accept` share with the
/// wide pass, and anything unusual stops the chunk with a reason, as there.
extension BallotChunk {
    mutating func parseLong(_ p: UnsafeBufferPointer<UInt8>, _ cx: BulkBallotsReader.Context, standardColumn itemColumn: Int,
                            scoreColumn: Int, release: MappedFile?) {
        let width = cx.width
        var group = Group(itemCount: cx.items.count, representatives: cx.repIDs.count)
        let base = p.baseAddress!
        var limits = Limits(cx, scale: scale)
        var repCache = RepCache(), itemCache = RepCache()
        // The cache of representatives in place (a call per row costs more than the lookup).
        // It, whether each representative has units of their own, and the columns' roles are
        // in memory freed when `memory` goes, which is kept to the end.
        let repSlots = 64
        // Where each column of the current row starts and ends, and the columns read by no one
        // (only checked to be plain).
        let others = cx.otherCols
        let memory = (repStarts: OwnedMemory<Int>(repeating: 0, count: repSlots), repLengths: OwnedMemory<Int>(repeating: -1, count: repSlots),
                      repIndices: OwnedMemory<Int32>(repeating: 0, count: repSlots),
                      hasOwn: OwnedMemory(copying: cx.hasOwn), others: OwnedMemory(copying: others), unread: OwnedMemory(copying: cx.otherUnread),
                      fieldStarts: OwnedMemory<Int>(repeating: 0, count: width), fieldEnds: OwnedMemory<Int>(repeating: 0, count: width))
        defer { withExtendedLifetime(memory) {} }
        let repStarts = memory.repStarts.base, repLengths = memory.repLengths.base, repIndices = memory.repIndices.base
        let hasOwn = memory.hasOwn.base, otherColumns = memory.others.base, otherUnread = memory.unread.base, otherCount = others.count
        let fieldStarts = memory.fieldStarts.base, fieldEnds = memory.fieldEnds.base
        /// The hand-over for the first column read by no one, among columns 0 ... `last` of the
        /// row split so far, that is not plain text, or that is for no typist and holds text.
        func notPlain(upTo last: Int) -> BulkHandOver? {
            for k in 0 ..< otherCount where otherColumns[k] <= last {
                let c = otherColumns[k], n = fieldEnds[c] - fieldStarts[c]
                if !BulkCSV.isPlain(base + fieldStarts[c], n) {
                    return BulkHandOver.cell(base + fieldStarts[c], n, otherwise: .notPlainText)
                }
                if n > 0 && otherUnread[k] { return .textInUnreadColumn }
            }
            return nil
        }
        let repColumn = cx.repCol, unitColumn = cx.unitCol
        // Rows like the one before take the quick pass (`quickRows`), with the ids the steps
        // below have read, when the file's four columns are in one of the usual orders.
        var quickState = QuickLong(width: width, unit: unitColumn, rep: repColumn, item: itemColumn, score: scoreColumn,
                                   reps: cx.shortReps, items: cx.shortItems, representatives: cx.repIDs.count)
        let quick = quickState != nil
        defer { templateRowsRead += quickState?.templated ?? 0 }
        /// Whether sixteen bytes from `f` are in the buffer (for `ShortIDs.key`).
        @inline(__always) func sixteen(_ f: UnsafePointer<UInt8>) -> Bool { f - base + 16 <= p.count }
        // The previous row's standard: where its bytes are, and its item.
        var lastItemStart = 0, lastItemLength = -1, lastItem = 0
        var pos = start
        let limit = end
        var line = 0
        var released = pos
        defer { release?.release(released ..< limit) }
        while pos < limit {
            let b = base[pos]
            if b == BulkCSV.lf { pos += 1; line += 1; continue }
            if b == BulkCSV.cr {
                guard pos + 1 < limit && base[pos + 1] == BulkCSV.lf else { handOver = .lineEnd; return }
                pos += 2; line += 1
                continue
            }
            if let release, pos - released >= BulkUnitsReader.releaseStep {
                release.release(released ..< pos)
                released = pos
            }
            if quick && pos + 64 <= limit {
                let run = BallotChunk.quickRows(base, from: pos, stop: limit - 64, &quickState!, &group, limits, scale: scale)
                line += run.rows
                quickRowsRead += run.rows
                pos = run.next
                if run.duplicate { handOver = .duplicateBallot; return }
                if run.rows > 0 { continue }
            }
            // Split the row: where each field lies (no branch on a column's role), then the
            // columns with no role checked to be plain.
            // The delimiters of the row's first sixteen bytes are found at once, and each field
            // takes the next one: a row is usually shorter, and its fields' ends then wait on
            // one load instead of each on the one before. Past them, field by field.
            var i = pos
            var near: UInt64 = 0, far: UInt64 = 0
            #if _endian(little)
            if pos + 16 <= limit {
                near = BulkCSV.delimiters(UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self))
                far = BulkCSV.delimiters(UnsafeRawPointer(base + pos + 8).loadUnaligned(as: UInt64.self))
            }
            #endif
            for c in 0 ..< width {
                fieldStarts[c] = i
                if near != 0 {
                    i = pos + near.trailingZeroBitCount >> 3
                    near &= near &- 1
                } else if far != 0 {
                    i = pos + 8 + far.trailingZeroBitCount >> 3
                    far &= far &- 1
                } else {
                    i = BulkCSV.fieldEnd(base, i, limit)
                }
                fieldEnds[c] = i
                if c < width - 1 {
                    guard i < limit && base[i] == BulkCSV.comma else {
                        // What the reader met first: a cell that is not plain text before the row's end.
                        handOver = notPlain(upTo: c) ?? BulkHandOver.row(p, from: pos, limit: limit)
                        return
                    }
                    i += 1
                }
            }
            if otherCount > 0, let why = notPlain(upTo: width - 1) { handOver = why; return }
            let repAt = fieldStarts[repColumn], repEnd = fieldEnds[repColumn], unitAt = fieldStarts[unitColumn], unitEnd = fieldEnds[unitColumn]
            let itemAt = fieldStarts[itemColumn], itemEnd = fieldEnds[itemColumn], scoreAt = fieldStarts[scoreColumn], scoreEnd = fieldEnds[scoreColumn]
            guard let next = BulkCSV.lineEnd(p, i) else { handOver = BulkHandOver.row(p, from: pos, limit: limit); return }

            let (ra, rn) = ByteNumber.trimmed(base + repAt, repEnd - repAt)
            let rf = base + repAt + ra
            let rep: Int32
            let slot = rn > 0 ? Int(rf[rn - 1] &+ rf[rn / 2] &* 7) & (repSlots - 1) : 0
            if repLengths[slot] == rn && IDTable.equal(base + repStarts[slot], rf, rn) {
                rep = repIndices[slot]
            } else {
                guard let r = BallotChunk.representative(rf, rn, base, &repCache, cx) else {
                    handOver = BulkHandOver.cell(rf, rn, otherwise: .unknownRepresentative)
                    return
                }
                rep = r
                repStarts[slot] = rf - base
                repLengths[slot] = rn
                repIndices[slot] = r
            }
            let (ua, un) = ByteNumber.trimmed(base + unitAt, unitEnd - unitAt)
            let uf = base + unitAt + ua
            // Most rows are for the unit of the row before: compared here, without a call.
            if !(un == group.unitLength && group.unit >= 0 && IDTable.equal(uf, base + group.unitStart, un)) {
                if let why = enter(uf, un, base, &group, cx) { handOver = why; return }
                quickState?.entered(group.unit, key: un > 0 && un <= 16 && sixteen(uf) ? ShortIDs.key(uf, un) : .none,
                                    recusing: cx.recusedFrom[Int(group.unit)])
            }
            // A ballot for their own unit is checked like any other, then set aside.
            let recusal = hasOwn[Int(rep)] && cx.own[Int(rep)].contains(group.unit)
                ? (line: line, column: BulkCSV.column(p, lineStart: pos, repAt)) : nil

            let (ia, n) = ByteNumber.trimmed(base + itemAt, itemEnd - itemAt)
            let f = base + itemAt + ia
            let item: Int
            if n == lastItemLength && IDTable.equal(f, base + lastItemStart, n) {
                item = lastItem
            } else {
                guard let k = BallotChunk.item(f, n, base, &itemCache, cx) else {
                    handOver = BulkHandOver.cell(f, n, otherwise: .unknownStandard)
                    return
                }
                item = Int(k)
                lastItemStart = f - base
                lastItemLength = n
                lastItem = item
            }

            let (sa, sn) = ByteNumber.trimmed(base + scoreAt, scoreEnd - scoreAt)
            let sf = base + scoreAt + sa
            // The usual score, `d` or `d.d`, counted (not a recusal) at a scale the chunk has: inline.
            var m = -1, ms = 0
            let d0 = sn > 0 ? Int(sf[0] &- 48) : 10
            if sn == 1 && d0 < 10 {
                m = d0
            } else if sn == 3 && d0 < 10 && sf[1] == UInt8(ascii: ".") && sf[2] &- 48 < 10 {
                let d2 = Int(sf[2] &- 48)
                (m, ms) = d2 == 0 ? (d0, 0) : (d0 * 10 + d2, 1)
            }
            if m >= 0 && ms <= scale && recusal == nil {
                let mm = m * Int(limits.factor[ms])
                if mm <= limits.max[item] && limits.onStep[mm] {
                    guard group.append(rep: rep, item: item, score: Int16(mm)) else { handOver = .duplicateBallot; return }
                    if base[next - 1] == BulkCSV.lf { line += 1 }
                    pos = next
                    continue
                }
            }
            if let why = add(sf, sn, rep: rep, item: item, &group, &limits, cx, recusal: recusal) {
                handOver = why
                return
            }
            if base[next - 1] == BulkCSV.lf { line += 1 }
            pos = next
        }
        if let why = flush(&group) { handOver = why }
        lineFeeds = line
    }

    /// The ballot item named `f[0 ..< n]` (an item key or standard id), through the cache.
    @inline(__always)
    static func item(_ f: UnsafePointer<UInt8>, _ n: Int, _ base: UnsafePointer<UInt8>,
                     _ cache: inout RepCache, _ cx: BulkBallotsReader.Context) -> Int32? {
        let slot = n > 0 ? Int(f[n - 1] &+ f[n / 2] &* 7 &+ UInt8(truncatingIfNeeded: n) &* 31) & (RepCache.size - 1) : 0
        if cache.lengths[slot] == n && IDTable.equal(base + cache.starts[slot], f, n) { return cache.reps[slot] }
        guard let k = cx.itemNames.find(f, count: n) else { return nil }
        let item = Int32(cx.itemOf[Int(k)])
        cache.starts[slot] = f - base
        cache.lengths[slot] = n
        cache.reps[slot] = item
        return item
    }
}
