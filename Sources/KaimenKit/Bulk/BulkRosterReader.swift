/// Reads a clean roster CSV straight from bytes into the `[Representative]` that
/// `RosterReader.read` gives when its `isUnit` asks `units`; `nil` the moment it meets anything
/// `RosterReader` would report (an error or a warning: a missing column, a representative
/// without an id or listed twice, an own unit that is not assessed, no representatives, any
/// CSV problem) or anything it does not read itself (another encoding, quoted fields, a
/// no-break or ideographic space at either end of a text cell, a lone CR line end, a row that
/// is blank but for such spaces). The caller then reads the file with `RosterReader`, which
/// says what is wrong.
///
/// On one thread: a roster is a few megabytes at most.
public enum BulkRosterReader {
    public static func read(_ bytes: [UInt8], fileName: String, units: IDTable) -> [Representative]? {
        bytes.withUnsafeBufferPointer { read($0, fileName: fileName, units: units) }
    }

    public static func read(_ file: MappedFile, fileName: String, units: IDTable) -> [Representative]? {
        read(file.bytes, fileName: fileName, units: units)
    }

    public static func read(_ p: UnsafeBufferPointer<UInt8>, fileName: String, units: IDTable) -> [Representative]? {
        guard let header = BulkCSV.header(p),
              let idCol = ColumnNames.find(ColumnNames.representative + ["id"], in: header.names),
              let unitsCol = ColumnNames.find(ColumnNames.repUnits, in: header.names) else { return nil }
        let nameCol = ColumnNames.find(ColumnNames.repName, in: header.names)
        let groupCol = ColumnNames.find(ColumnNames.group, in: header.names)
        let roleCol = ColumnNames.find(ColumnNames.role, in: header.names)
        let width = header.names.count
        let base = p.baseAddress!
        let n = p.count

        var reps: [Representative] = []
        reps.reserveCapacity(BulkCSV.countLineFeeds(p, header.bodyStart, n) + 1)
        // While the ids come in ascending byte order (as rosters usually do) no two can be the
        // same; from the first that does not, every id goes into `seen`.
        var ascending = true
        var previousID = (start: 0, count: 0)
        var seen = IDTable()
        var asciiIDs = true
        // Groups and roles repeat from row to row: one `String` for each.
        var groups = TextCache(), roles = TextCache()
        // Field `c` of the current record is `[starts[c], ends[c])`.
        let ends = UnsafeMutablePointer<Int>.allocate(capacity: width)
        let starts = UnsafeMutablePointer<Int>.allocate(capacity: width)
        defer {
            ends.deallocate()
            starts.deallocate()
        }
        var pos = header.bodyStart
        var line = header.line + 1
        while pos < n {
            // Empty lines are skipped, as `CSVParser` skips them.
            let b = p[pos]
            if b == BulkCSV.lf { pos += 1; line += 1; continue }
            if b == BulkCSV.cr {
                guard pos + 1 < n && p[pos + 1] == BulkCSV.lf else { return nil }
                pos += 2; line += 1
                continue
            }
            guard let next = plainRecord(base, from: pos, limit: n, width: width, ends: ends) else { return nil }
            starts[0] = pos
            for c in 1 ..< width { starts[c] = ends[c - 1] + 1 }

            // A text cell, trimmed as `trimmingSpaces()` trims it; `nil` when a no-break or
            // ideographic space is left at either end (`BulkCSV.textCell`, the record being
            // already checked to be plain text).
            func text(_ c: Int) -> (start: Int, count: Int)? {
                let (a, len) = ByteNumber.trimmed(base + starts[c], ends[c] - starts[c])
                let q = base + starts[c] + a
                if len >= 2 && (q[0] >= 0x80 || q[len - 1] >= 0x80) {
                    if (q[0] == 0xC2 && q[1] == 0xA0) || (q[len - 2] == 0xC2 && q[len - 1] == 0xA0) { return nil }
                    if len >= 3 && ((q[0] == 0xE3 && q[1] == 0x80 && q[2] == 0x80) || (q[len - 3] == 0xE3 && q[len - 2] == 0x80 && q[len - 1] == 0x80)) { return nil }
                }
                return (starts[c] + a, len)
            }
            func string(_ cell: (start: Int, count: Int)) -> String {
                String(decoding: UnsafeBufferPointer(start: base + cell.start, count: cell.count), as: UTF8.self)
            }
            guard let id = text(idCol) else { return nil }
            if id.count == 0 {
                // A row of nothing but spaces and tabs is skipped; any other row without an id is an error.
                for c in 0 ..< width where ByteNumber.trimmed(base + starts[c], ends[c] - starts[c]).count > 0 { return nil }
                pos = next
                line += 1
                continue
            }
            if ascending && (reps.isEmpty || precedes(base + previousID.start, previousID.count, base + id.start, id.count)) {
                previousID = id
            } else {
                if ascending {
                    ascending = false
                    seen = IDTable(capacity: reps.capacity)
                    for r in reps { seen.insert(r.id) }
                }
                guard seen.insert(base + id.start, count: id.count).inserted else { return nil }
            }
            for k in 0 ..< id.count where base[id.start + k] >= 0x80 {
                asciiIDs = false
                break
            }
            guard let own = ownUnits(base + starts[unitsCol], ends[unitsCol] - starts[unitsCol], units: units) else { return nil }
            var name = "", group = "", role = ""
            if let c = nameCol {
                guard let cell = text(c) else { return nil }
                name = string(cell)
            }
            if let c = groupCol {
                guard let cell = text(c) else { return nil }
                group = groups.text(base + cell.start, cell.count)
            }
            if let c = roleCol {
                guard let cell = text(c) else { return nil }
                role = roles.text(base + cell.start, cell.count)
            }
            let column = idCol == 0 ? 1 : BulkCSV.column(p, lineStart: pos, starts[idCol])
            reps.append(Representative(id: string(id), name: name, group: group, units: own, role: role,
                                       location: SourceLocation(file: fileName, line: line, column: column)))
            pos = next
            line += 1
        }
        guard !reps.isEmpty else { return nil }
        // `RosterReader` tells ids apart as `String`s, which compare canonically equivalent text
        // (`é` written as one scalar or two, the Kelvin sign and `K`) as equal: ids that differ
        // only so are duplicates to it.
        if !asciiIDs && Set(reps.lazy.map(\.id)).count != reps.count { return nil }
        return reps
    }

    /// `BulkCSV.splitRecord` and `BulkCSV.isPlain` in one pass: where each field of the record
    /// at `pos` ends (`ends[c]`, the offset of its comma or line end) and the offset after the
    /// record's line end; `nil` when the record has fewer or more than `width` fields, or is
    /// not valid UTF-8 (by `TextEncodingDetection.firstInvalidUTF8`'s rules), or holds a NUL
    /// byte or a quote.
    @inline(__always)
    static func plainRecord(_ p: UnsafePointer<UInt8>, from pos: Int, limit: Int, width: Int,
                            ends: UnsafeMutablePointer<Int>) -> Int? {
        var i = pos
        var c = 0
        while true {
            while i < limit {
                let b = p[i]
                if b > BulkCSV.comma {
                    if b < 0x80 {
                        i += 1
                        continue
                    }
                    let length: Int
                    var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
                    switch b {
                    case 0xC2...0xDF: length = 2
                    case 0xE0: length = 3; lo = 0xA0
                    case 0xE1...0xEC, 0xEE...0xEF: length = 3
                    case 0xED: length = 3; hi = 0x9F
                    case 0xF0: length = 4; lo = 0x90
                    case 0xF1...0xF3: length = 4
                    case 0xF4: length = 4; hi = 0x8F
                    default: return nil
                    }
                    guard i + length <= limit, p[i + 1] >= lo && p[i + 1] <= hi else { return nil }
                    for k in 2 ..< length where p[i + k] & 0xC0 != 0x80 { return nil }
                    i += length
                    continue
                }
                if b == BulkCSV.comma || b == BulkCSV.lf || b == BulkCSV.cr { break }
                if b == 0 || b == BulkCSV.quote { return nil }
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

    /// The `String`s of a column whose few texts repeat (groups, roles): short texts are looked
    /// up by their bytes, packed into two words, among the last few seen.
    struct TextCache {
        var keys: [(UInt64, UInt64, Int)] = []
        var texts: [String] = []

        /// The text of bytes already checked to be UTF-8.
        mutating func text(_ p: UnsafePointer<UInt8>, _ n: Int) -> String {
            guard n <= 16 else { return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self) }
            var a: UInt64 = 0, b: UInt64 = 0
            for i in 0 ..< min(n, 8) { a |= UInt64(p[i]) << (8 * UInt64(i)) }
            for i in min(n, 8) ..< n { b |= UInt64(p[i]) << (8 * UInt64(i - 8)) }
            for i in keys.indices where keys[i] == (a, b, n) { return texts[i] }
            let s = String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
            if keys.count < 8 {
                keys.append((a, b, n))
                texts.append(s)
            }
            return s
        }
    }

    /// The units of a `units` cell, split and trimmed as `RosterReader.splitList` does; `nil`
    /// when one of them is not in `units`. The cell is already known to be plain text.
    static func ownUnits(_ p: UnsafePointer<UInt8>, _ n: Int, units: IDTable) -> [String]? {
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
            guard units.find(p + a, count: b - a) != nil else { return nil }
            own.append(String(decoding: UnsafeBufferPointer(start: p + a, count: b - a), as: UTF8.self))
        }
        return own
    }

    /// The ASCII separators of `RosterReader.splitList`: `;`, `|`, `,`, `/` and the space.
    @inline(__always)
    static func isSeparator(_ b: UInt8) -> Bool {
        b == UInt8(ascii: ";") || b == UInt8(ascii: "|") || b == UInt8(ascii: ",") || b == UInt8(ascii: "/") || b == 0x20
    }
}
