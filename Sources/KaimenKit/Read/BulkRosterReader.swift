/// Reads a clean roster CSV straight from bytes into the `[Representative]` that
/// `RosterReader.read` gives when its `isUnit` asks `units`, on several threads for a large
/// file; `nil` the moment it meets anything `RosterReader` would report (an error or a
/// warning or note: a missing column, a representative without an id or listed twice, an own
/// unit or declared conflict that is not an assessed unit's id (a name, a near miss, an outside unit), no representatives, any CSV problem) or anything it does not read
/// itself (another encoding, quoted fields, a no-break or ideographic space at either end of a
/// text cell, a lone CR line end, a row blank but for such spaces). The caller then reads the
/// file with `RosterReader`, which says what is wrong. The results do not depend on the
/// thread count.
public enum BulkRosterReader {
    public static func read(_ bytes: [UInt8], fileName: String, units: IDTable, threads: Int = 1,
                            parallelThreshold: Int = 1 << 20) -> [Representative]? {
        bytes.withUnsafeBufferPointer { read($0, fileName: fileName, units: units, threads: threads, parallelThreshold: parallelThreshold) }
    }

    /// `nil` too when the file changed as it was read (`MappedFile.damaged`: `checkIntact` says so).
    public static func read(_ file: MappedFile, fileName: String, units: IDTable, threads: Int = 1,
                            parallelThreshold: Int = 1 << 20) -> [Representative]? {
        let result = read(file.bytes, fileName: fileName, units: units, threads: threads, parallelThreshold: parallelThreshold)
        return file.damaged ? nil : result
    }

    /// - Parameter parallelThreshold: files of fewer bytes are read on one thread.
    static func read(_ p: UnsafeBufferPointer<UInt8>, fileName: String, units: IDTable, threads: Int = 1,
                            parallelThreshold: Int = 1 << 20) -> [Representative]? {
        guard let header = BulkCSV.header(p), let layout = Layout(header: header.names) else { return nil }
        let parts = threads > 1 && p.count - header.bodyStart > parallelThreshold ? threads : 1
        let bounds = BulkCSV.lineBoundaries(p, start: header.bodyStart, end: p.count, parts: parts)
        let bytes = SharedBytes(p)
        // Each chunk's first line, and room for as many representatives as it has lines.
        let lineFeeds = Parallel.map(parts) { k in BulkCSV.countLineFeeds(bytes.buffer, bounds[k], bounds[k + 1]) }
        var jobs: [Job] = []
        var row = 0, line = header.line + 1
        for k in 0 ..< parts {
            jobs.append(Job(start: bounds[k], end: bounds[k + 1], firstLine: line, firstRow: row, capacity: lineFeeds[k] + 1))
            row += lineFeeds[k] + 1
            line += lineFeeds[k]
        }
        var chunks: [Chunk] = []
        let reps = [Representative](uninitializedCapacity: row) { buffer, count in
            let out = Disjoint(buffer.baseAddress!)
            let planned = jobs
            chunks = Parallel.map(parts) { k in
                parse(bytes.buffer, planned[k], layout, units: units, fileName: fileName, into: out.base + planned[k].firstRow)
            }
            count = 0
            if chunks.contains(where: \.failed) {
                for (k, chunk) in chunks.enumerated() { (out.base + jobs[k].firstRow).deinitialize(count: chunk.rows) }
                return
            }
            // Close the gaps that empty and blank lines left, so the representatives are contiguous.
            for (k, chunk) in chunks.enumerated() {
                if count != jobs[k].firstRow { (out.base + count).moveInitialize(from: out.base + jobs[k].firstRow, count: chunk.rows) }
                count += chunk.rows
            }
        }
        guard !chunks.contains(where: \.failed), !reps.isEmpty, idsDiffer(reps, chunks, p.baseAddress!) else { return nil }
        return reps
    }

    // MARK: Columns

    /// The columns `RosterReader` reads; `nil` where it would report one missing.
    struct Layout: Sendable {
        var width: Int
        var id: Int
        var units: Int
        var name: Int?
        var group: Int?
        var role: Int?
        var conflicts: Int?
        /// The id column's header, for the spreadsheet position of each representative.
        var idHeader: String
        /// The group column's header, for the position of each representative's group.
        var groupHeader: String?

        init?(header: [String]) {
            guard let id = ColumnNames.find(ColumnNames.representative + ["id"], in: header),
                  let units = ColumnNames.find(ColumnNames.repUnits, in: header) else { return nil }
            width = header.count
            self.id = id
            self.units = units
            idHeader = CSVTable.trimmedHeader(header[id])
            name = ColumnNames.find(ColumnNames.repName, in: header)
            group = ColumnNames.find(ColumnNames.group, in: header)
            groupHeader = group.map { CSVTable.trimmedHeader(header[$0]) }
            role = ColumnNames.find(ColumnNames.role, in: header)
            conflicts = ColumnNames.find(ColumnNames.conflicts, in: header)
        }
    }

    // MARK: Parsing a chunk

    /// A range of lines, read on one thread.
    struct Job: Sendable {
        var start: Int
        var end: Int
        var firstLine: Int
        /// Where its representatives go in the output (before gaps are closed), and how many fit.
        var firstRow: Int
        var capacity: Int
    }

    /// What a chunk found.
    struct Chunk: Sendable {
        /// The representatives it wrote, from its `firstRow` on (also when it failed).
        var rows = 0
        var failed = false
        /// Whether its ids came in strictly ascending byte order, and where its first and last are.
        var ascending = true
        var firstID: (start: Int, count: Int)?
        var lastID: (start: Int, count: Int)?
        var asciiIDs = true
    }

    static func parse(_ buffer: UnsafeBufferPointer<UInt8>, _ job: Job, _ layout: Layout, units: IDTable, fileName: String,
                      into out: UnsafeMutablePointer<Representative>) -> Chunk {
        var chunk = Chunk()
        // Every representative holds the file name: a copy of its own for each chunk, so that
        // threads do not contend for one reference count.
        let fileName = job.firstRow == 0 ? fileName : String(decoding: Array(fileName.utf8), as: UTF8.self)
        let p = buffer.baseAddress!
        let limit = job.end
        let width = layout.width
        // Field `c` of the current record is `[starts[c], ends[c])`, in memory freed when
        // `memory` goes, which is kept to the end.
        let memory = (ends: OwnedMemory<Int>(uninitialized: width), starts: OwnedMemory<Int>(uninitialized: width))
        defer { withExtendedLifetime(memory) {} }
        let ends = memory.ends.base, starts = memory.starts.base
        // Groups and roles repeat from row to row: one `String` for each.
        var groups = TextCache(), roles = TextCache()
        // Own units still to be looked up: all at the end, where the look-ups' cache misses overlap.
        var unchecked: [(start: Int, count: Int)] = []
        var pos = job.start
        var line = job.firstLine
        func fail() -> Chunk {
            chunk.failed = true
            return chunk
        }
        while pos < limit {
            // Empty lines are skipped, as `CSVParser` skips them.
            let b = p[pos]
            if b == BulkCSV.lf { pos += 1; line += 1; continue }
            if b == BulkCSV.cr {
                guard pos + 1 < limit && p[pos + 1] == BulkCSV.lf else { return fail() }
                pos += 2; line += 1
                continue
            }
            guard let next = plainRecord(p, from: pos, limit: limit, width: width, ends: ends) else { return fail() }
            starts[0] = pos
            for c in 1 ..< width { starts[c] = ends[c - 1] + 1 }

            // A text cell, trimmed as `trimmingSpaces()` trims it; `nil` when a no-break or
            // ideographic space is left at either end (as `BulkCSV.textCell`, the record being
            // already checked to be plain text), or a tab inside it.
            func text(_ c: Int) -> (start: Int, count: Int)? {
                let (a, len) = ByteNumber.trimmed(p + starts[c], ends[c] - starts[c])
                let q = p + starts[c] + a
                // A tab inside a text cell (not around it) is an error unless the cell is quoted.
                for k in 0 ..< len where q[k] == 0x09 { return nil }
                // Longer than the checked reader takes: it says so.
                guard TextCellCheck.fits(q, len, limit: c == layout.id ? TextCellCheck.idLimit : TextCellCheck.textLimit),
                      c != layout.id || !TextCellCheck.mayHoldLookalike(q, len) else { return nil }
                if len >= 2 && (q[0] >= 0x80 || q[len - 1] >= 0x80) {
                    if (q[0] == 0xC2 && q[1] == 0xA0) || (q[len - 2] == 0xC2 && q[len - 1] == 0xA0) { return nil }
                    if len >= 3 && ((q[0] == 0xE3 && q[1] == 0x80 && q[2] == 0x80) || (q[len - 3] == 0xE3 && q[len - 2] == 0x80 && q[len - 1] == 0x80)) { return nil }
                }
                return (starts[c] + a, len)
            }
            guard let id = text(layout.id) else { return fail() }
            if id.count == 0 {
                // A row of nothing but spaces and tabs is skipped; any other row without an id is an error.
                for c in 0 ..< width where ByteNumber.trimmed(p + starts[c], ends[c] - starts[c]).count > 0 { return fail() }
                pos = next
                line += 1
                continue
            }
            if let last = chunk.lastID, chunk.ascending, !precedes(p + last.start, last.count, p + id.start, id.count) { chunk.ascending = false }
            if chunk.firstID == nil { chunk.firstID = id }
            chunk.lastID = id
            var high: UInt8 = 0
            let q = p + id.start
            for k in 0 ..< id.count { high |= q[k] }
            if high >= 0x80 { chunk.asciiIDs = false }
            guard let own = ownUnits(p, starts[layout.units], ends[layout.units] - starts[layout.units], units: units,
                                     unchecked: &unchecked) else { return fail() }
            var conflicts: [String] = []
            if let c = layout.conflicts {
                guard let list = ownUnits(p, starts[c], ends[c] - starts[c], units: units, unchecked: &unchecked) else { return fail() }
                conflicts = list.filter { !own.contains($0) }
            }
            var name = "", group = "", role = ""
            if let c = layout.name {
                guard let cell = text(c) else { return fail() }
                name = String(decoding: UnsafeBufferPointer(start: p + cell.start, count: cell.count), as: UTF8.self)
            }
            if let c = layout.group {
                guard let cell = text(c) else { return fail() }
                group = groups.text(p, cell.start, cell.count, limit: limit)
            }
            if let c = layout.role {
                guard let cell = text(c) else { return fail() }
                role = roles.text(p, cell.start, cell.count, limit: limit)
            }
            guard chunk.rows < job.capacity else { return fail() }
            let column = layout.id == 0 ? 1 : BulkCSV.column(buffer, lineStart: pos, starts[layout.id])
            (out + chunk.rows).initialize(to: Representative(
                id: String(decoding: UnsafeBufferPointer(start: p + id.start, count: id.count), as: UTF8.self),
                name: name, group: group, units: own, role: role,
                location: SourceLocation(file: fileName, line: line, column: column,
                                         cell: CellPosition(row: line, column: layout.id, header: layout.idHeader)),
                conflicts: conflicts,
                groupLocation: layout.group.map { g in
                    SourceLocation(file: fileName, line: line, column: g == 0 ? 1 : BulkCSV.column(buffer, lineStart: pos, starts[g]),
                                   cell: CellPosition(row: line, column: g, header: layout.groupHeader))
                }))
            chunk.rows += 1
            pos = next
            line += 1
        }
        for u in unchecked where units.find(p + u.start, count: u.count) == nil { return fail() }
        return chunk
    }

    /// `BulkCSV.splitRecord` and `BulkCSV.isPlain` in one pass: where each field of the record
    /// at `pos` ends (`ends[c]`, the offset of its comma or line end) and the offset after the
    /// record's line end; `nil` when the record has fewer or more than `width` fields, or is
    /// not valid UTF-8 (by `TextEncodingDetection.firstInvalidUTF8`'s rules), or holds a
    /// control character other than a tab (C1, the bidirectional ones and a byte order mark
    /// included), or a quote.
    @inline(__always)
    static func plainRecord(_ p: UnsafePointer<UInt8>, from pos: Int, limit: Int, width: Int,
                            ends: UnsafeMutablePointer<Int>) -> Int? {
        var i = pos
        var c = 0
        while true {
            while i < limit {
                let b = p[i]
                if b > BulkCSV.comma {
                    if b < 0x7F {
                        i += 1
                        continue
                    }
                    if b == 0x7F { return nil }  // DEL
                    // Most often a CJK character: three bytes, E1…EC or EE…EF and two continuation bytes.
                    if b & 0xF0 == 0xE0 && b != 0xE0 && b != 0xED {
                        guard i + 3 <= limit, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80,
                              b != 0xE2 || !CSVControlCheck.isBidiControl(p + i, 3),
                              b != 0xEF || !CSVControlCheck.isByteOrderMark(p + i, 3) else { return nil }
                        i += 3
                        continue
                    }
                    guard let (length, lo, hi) = TextEncodingDetection.utf8Lead(b), i + length <= limit,
                          p[i + 1] >= lo && p[i + 1] <= hi, b != 0xC2 || p[i + 1] >= 0xA0,  // not C1
                          b != 0xD8 || !CSVControlCheck.isBidiControl(p + i, length) else { return nil }  // nor U+061C
                    for k in 2 ..< length where p[i + k] & 0xC0 != 0x80 { return nil }
                    i += length
                    continue
                }
                if b == BulkCSV.comma || b == BulkCSV.lf || b == BulkCSV.cr { break }
                // Control characters and quotes; tabs are looked at cell by cell (`text`).
                if (b < 0x20 && b != 0x09) || b == BulkCSV.quote { return nil }
                i += 1
            }
            ends[c] = i
            c += 1
            if i < limit && p[i] == BulkCSV.comma {
                guard c < width else { return nil }
                i += 1
                continue
            }
            guard c == width else { return nil }
            if i >= limit { return i }
            if p[i] == BulkCSV.lf { return i + 1 }
            if i + 1 < limit && p[i + 1] == BulkCSV.lf { return i + 2 }
            return nil
        }
    }

    /// The units of the `units` cell `p[start ..< start + n]`, split and trimmed as
    /// `RosterReader.splitList` does; `nil` when one of them is not in `units`. The cell is
    /// already known to be plain text. Units of an ASCII cell are not looked up but added to
    /// `unchecked`, for the caller to look up.
    static func ownUnits(_ base: UnsafePointer<UInt8>, _ start: Int, _ n: Int, units: IDTable,
                         unchecked: inout [(start: Int, count: Int)]) -> [String]? {
        guard n > 0 else { return [] }
        let p = base + start
        var high: UInt8 = 0
        for i in 0 ..< n { high |= p[i] }
        if high >= 0x80 {
            // Full-width separators, spaces to trim, combining marks: `splitList` itself.
            let own = RosterReader.splitList(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self))
            for u in own where units.find(u) == nil { return nil }
            return own
        }
        // ASCII: each byte is a character, and only tabs are left to trim (spaces separate).
        var own: [String] = []
        var i = 0
        while i < n {
            while i < n && isSeparator(p[i]) { i += 1 }
            var a = i
            while i < n && !isSeparator(p[i]) { i += 1 }
            var b = i
            while a < b && p[a] == 0x09 { a += 1 }
            while b > a && p[b - 1] == 0x09 { b -= 1 }
            guard b > a else { continue }
            unchecked.append((start + a, b - a))
            own.append(String(decoding: UnsafeBufferPointer(start: p + a, count: b - a), as: UTF8.self))
        }
        return own
    }

    /// The ASCII separators of `RosterReader.splitList`: `;`, `|`, `,`, `/` and the space.
    @inline(__always)
    static func isSeparator(_ b: UInt8) -> Bool {
        b == UInt8(ascii: ";") || b == UInt8(ascii: "|") || b == UInt8(ascii: ",") || b == UInt8(ascii: "/") || b == 0x20
    }

    /// The `String`s of a column whose texts repeat, often on consecutive rows (groups, roles):
    /// texts of up to 16 bytes are looked up by their bytes, packed into two words, among the
    /// last few different ones seen.
    struct TextCache {
        static let size = 8
        var keys: [(UInt64, UInt64, Int)] = []
        var texts: [String] = []
        /// The entry that matched last, and the one the next new text replaces once all are taken.
        var last = 0
        var next = 0

        /// The text of `p[start ..< start + n]`, bytes already checked to be UTF-8; `limit` is
        /// how far `p` may be read.
        mutating func text(_ p: UnsafePointer<UInt8>, _ start: Int, _ n: Int, limit: Int) -> String {
            let q = p + start
            guard n <= 16 else { return String(decoding: UnsafeBufferPointer(start: q, count: n), as: UTF8.self) }
            var a: UInt64 = 0, b: UInt64 = 0
            if start + 16 <= limit {
                let raw = UnsafeRawPointer(q)
                a = raw.loadUnaligned(as: UInt64.self)
                b = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                if n < 8 {
                    a &= (1 << UInt64(8 * n)) &- 1
                    b = 0
                } else if n < 16 {
                    b &= (1 << UInt64(8 * (n - 8))) &- 1
                }
            } else {
                for i in 0 ..< min(n, 8) { a |= UInt64(q[i]) << UInt64(8 * i) }
                for i in min(n, 8) ..< n { b |= UInt64(q[i]) << UInt64(8 * (i - 8)) }
            }
            let key = (a, b, n)
            if last < keys.count && keys[last] == key { return texts[last] }
            for i in keys.indices where keys[i] == key {
                last = i
                return texts[i]
            }
            let s = String(decoding: UnsafeBufferPointer(start: q, count: n), as: UTF8.self)
            if keys.count < TextCache.size {
                last = keys.count
                keys.append(key)
                texts.append(s)
            } else {
                last = next
                keys[next] = key
                texts[next] = s
                next = (next + 1) % TextCache.size
            }
            return s
        }
    }

    // MARK: After the chunks

    /// Whether no two ids are the same as `RosterReader` tells them apart: as `String`s, which
    /// compare canonically equivalent text (`é` written as one scalar or two, the Kelvin sign
    /// and `K`) as equal. Ids in strictly ascending byte order, as rosters usually come, are all
    /// different without a look-up.
    static func idsDiffer(_ reps: [Representative], _ chunks: [Chunk], _ p: UnsafePointer<UInt8>) -> Bool {
        if chunks.contains(where: { !$0.asciiIDs }) { return Set(reps.lazy.map(\.id)).count == reps.count }
        var ascending = chunks.allSatisfy(\.ascending)
        var last: (start: Int, count: Int)?
        for chunk in chunks where ascending {
            guard let first = chunk.firstID else { continue }
            if let last, !precedes(p + last.start, last.count, p + first.start, first.count) { ascending = false }
            last = chunk.lastID
        }
        if ascending { return true }
        var seen = IDTable(capacity: reps.count)
        for r in reps { guard seen.insert(r.id).inserted else { return false } }
        return true
    }

    /// Whether the bytes `a` sort strictly before the bytes `b`.
    @inline(__always)
    static func precedes(_ a: UnsafePointer<UInt8>, _ m: Int, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        while i < m && i < n {
            if a[i] != b[i] { return a[i] < b[i] }
            i += 1
        }
        return m < n
    }
}
