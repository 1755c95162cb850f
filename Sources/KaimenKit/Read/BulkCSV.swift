import Instructions

/// The CSV layer the bulk readers share: plain, unquoted, comma-separated UTF-8 with LF or
/// CRLF line ends, read straight from bytes.
///
/// Whatever the checked `CSVReader` would report or convert (another encoding, control
/// characters, quotes, a blank or repeated header name, a lone CR line end, …) makes these return `nil`,
/// and the bulk reader hands over to the checked path.
enum BulkCSV {
    static let comma = UInt8(ascii: ","), cr: UInt8 = 0x0D, lf: UInt8 = 0x0A, quote = UInt8(ascii: "\"")

    struct Header {
        /// Column names, trimmed as `CSVTable` trims them.
        var names: [String]
        /// The line of the header.
        var line: Int
        /// Offset just past the header's line end: where the rows start.
        var bodyStart: Int
    }

    /// Whether any byte of `p` is beyond ASCII (0x80 or above), eight bytes at a time.
    static func anyBeyondASCII(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = p.baseAddress else { return false }
        var i = 0, bits: UInt64 = 0
        while i + 8 <= p.count {
            bits |= UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            i += 8
        }
        while i < p.count { bits |= UInt64(base[i]); i += 1 }
        return bits & 0x8080_8080_8080_8080 != 0
    }

    /// Reads the header of `p` (a UTF-8 byte order mark is skipped).
    static func header(_ p: UnsafeBufferPointer<UInt8>) -> Header? {
        let n = p.count
        guard let base = p.baseAddress, n > 0 else { return nil }
        var pos = 0
        if n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF {
            pos = 3
        } else if n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)) {
            return nil  // UTF-16
        } else if n >= 4 && ((p[0] == 0x50 && p[1] == 0x4B && p[2] == 0x03 && p[3] == 0x04) || (p[0] == 0xD0 && p[1] == 0xCF && p[2] == 0x11 && p[3] == 0xE0)) {
            return nil  // a workbook
        }
        var line = 1
        // Empty lines before the header.
        while pos < n && (p[pos] == lf || p[pos] == cr) {
            if p[pos] == cr {
                guard pos + 1 < n && p[pos + 1] == lf else { return nil }
                pos += 1
            }
            pos += 1
            line += 1
        }
        guard pos < n else { return nil }
        var names: [String] = []
        // A set beside the list: a header of many columns costs its own size, not its square.
        var seen = Set<String>()
        var start = pos
        while true {
            let b: UInt8 = pos < n ? p[pos] : lf
            if b == comma || b == lf || b == cr {
                guard let text = plainText(base + start, pos - start) else { return nil }
                let name = CSVTable.trimmedHeader(text)
                guard !name.isEmpty, seen.insert(name).inserted else { return nil }
                names.append(name)
                if b == comma {
                    pos += 1
                    start = pos
                    continue
                }
                break
            }
            pos += 1
        }
        guard let end = lineEnd(p, pos) else { return nil }
        return Header(names: names, line: line, bodyStart: end)
    }

    /// Where the field starting at `from` ends: the first comma, LF or CR at or after it, or
    /// `limit`. Eight bytes at a time while eight are left (a field is usually shorter, so one
    /// word finds its end without a branch per byte), then byte by byte.
    @inline(__always)
    static func fieldEnd(_ base: UnsafePointer<UInt8>, _ from: Int, _ limit: Int) -> Int {
        var i = from
        #if _endian(little)
        while i + 8 <= limit {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            let m = delimiters(w)
            if m != 0 { return i + m.trailingZeroBitCount >> 3 }
            i += 8
        }
        #endif
        while i < limit {
            let x = base[i]
            if x <= comma && (x == comma || x == lf || x == cr) { break }
            i += 1
        }
        return i
    }

    /// The high bit set of each byte of `w` (eight bytes read little-endian: byte k in bits
    /// 8k ..< 8k + 8) that is a comma, LF or CR, and no other bit: every delimiter in the word,
    /// so a row's fields can be found one after another from the same mask.
    @inline(__always)
    static func delimiters(_ w: UInt64) -> UInt64 {
        zeroBytes(w ^ 0x2C2C_2C2C_2C2C_2C2C) | zeroBytes(w ^ 0x0A0A_0A0A_0A0A_0A0A) | zeroBytes(w ^ 0x0D0D_0D0D_0D0D_0D0D)
    }

    /// The high bit of each zero byte of `x`, exactly: no byte carries into the next (each
    /// byte's low seven bits plus 0x7F stays within the byte), unlike the shorter
    /// `(x − 0x01…) & ~x & 0x80…`, which also flags a 0x01 above a zero byte.
    @inline(__always)
    static func zeroBytes(_ x: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((x & low7) &+ low7) | x | low7)
    }

    /// The offset after the line end at `pos` (LF or CRLF; the end of the file counts), or
    /// `nil` for a lone CR or any other byte.
    @inline(__always)
    static func lineEnd(_ p: UnsafeBufferPointer<UInt8>, _ pos: Int) -> Int? {
        if pos >= p.count { return pos }
        if p[pos] == lf { return pos + 1 }
        if p[pos] == cr && pos + 1 < p.count && p[pos + 1] == lf { return pos + 2 }
        return nil
    }

    /// The bytes as a `String` when they are valid UTF-8 without control characters or quotes.
    static func plainText(_ p: UnsafePointer<UInt8>, _ n: Int) -> String? {
        guard isPlain(p, n) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }

    /// Valid UTF-8 without quotes or control characters (C0, tabs included, DEL, C1 and the
    /// bidirectional controls): what
    /// the checked reader takes as is. A tab is refused too, though the checked reader allows
    /// one around a number: in a text cell it is an error unless quoted.
    @inline(__always)
    static func isPlain(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var high: UInt8 = 0
        for i in 0 ..< n {
            let b = p[i]
            if b < 0x20 || b == quote || b == 0x7F { return false }
            high |= b
        }
        // C1 and the bidirectional controls, found as the checked reader finds them.
        return high < 0x80 || (isValidUTF8(p, n) && CSVControlCheck.firstControl(p, n) == nil)
    }

    /// A text cell (id, name, category) trimmed as `trimmingSpaces()` trims it, or `nil` when
    /// it is not plain text, or has a no-break or ideographic space at either end (which the
    /// checked reader would trim, and these readers leave to it).
    @inline(__always)
    static func textCell(_ p: UnsafePointer<UInt8>, _ n: Int) -> (start: Int, count: Int)? {
        let (a, len) = ByteNumber.trimmed(p, n)
        let q = p + a
        guard isPlain(q, len) else { return nil }
        if len >= 2 && ((q[0] == 0xC2 && q[1] == 0xA0) || (q[len - 2] == 0xC2 && q[len - 1] == 0xA0)) { return nil }
        if len >= 3 && ((q[0] == 0xE3 && q[1] == 0x80 && q[2] == 0x80) || (q[len - 3] == 0xE3 && q[len - 2] == 0x80 && q[len - 1] == 0x80)) { return nil }
        return (a, len)
    }

    /// Whether `p[0 ..< n]` is valid UTF-8, by the same rules as the checked reader.
    @inline(__always)
    static func isValidUTF8(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        TextEncodingDetection.firstInvalidUTF8(p, n) == nil
    }

    /// The offset of the comma or line end that ends the field starting at `pos` (`fieldEnd`
    /// on the buffer's bytes).
    @inline(__always)
    static func fieldEnd(_ p: UnsafeBufferPointer<UInt8>, from pos: Int, limit: Int) -> Int {
        guard let base = p.baseAddress else { return pos }
        return fieldEnd(base, pos, limit)
    }

    /// Where each field of the record at `pos` ends, for the first `width` fields; `nil` when
    /// the record has fewer or more fields. On success `ends[c]` is the offset of the byte
    /// after field `c` (its comma or line end), and the result is the offset after the
    /// record's line end.
    @inline(__always)
    static func splitRecord(_ p: UnsafeBufferPointer<UInt8>, from pos: Int, limit: Int, width: Int,
                            ends: UnsafeMutablePointer<Int>) -> Int? {
        var i = pos
        var c = 0
        while true {
            i = fieldEnd(p, from: i, limit: limit)
            ends[c] = i
            c += 1
            if i < limit && p[i] == comma {
                guard c < width else { return nil }
                i += 1
                continue
            }
            guard c == width else { return nil }
            if i >= limit { return i }
            if p[i] == lf { return i + 1 }
            if i + 1 < limit && p[i + 1] == lf { return i + 2 }
            return nil
        }
    }

    /// Splits `[start, end)` into `parts` ranges that begin at line starts, as boundaries
    /// `b[0] = start ≤ b[1] ≤ … ≤ b[parts] = end`.
    static func lineBoundaries(_ p: UnsafeBufferPointer<UInt8>, start: Int, end: Int, parts: Int) -> [Int] {
        var b = [start]
        for k in 1 ..< parts {
            var i = max(b[k - 1], start + (end - start) / parts * k)
            while i < end && i > 0 && p[i - 1] != lf { i += 1 }
            b.append(i)
        }
        b.append(end)
        return b
    }

    /// How many LF bytes `[start, end)` holds.
    static func countLineFeeds(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var n = 0
        var i = start
        let base = p.baseAddress!
        // Sixteen bytes at a time, a bit for each LF among them (`byte_masks.h`).
        while i + 16 <= end {
            n += kaimen_byte_mask16(base + i, lf).nonzeroBitCount
            i += 16
        }
        while i < end {
            if base[i] == lf { n += 1 }
            i += 1
        }
        return n
    }

    /// The column, in Unicode scalars, of byte `pos` on the line starting at `lineStart`.
    static func column(_ p: UnsafeBufferPointer<UInt8>, lineStart: Int, _ pos: Int) -> Int {
        var c = 1
        for i in lineStart ..< pos where p[i] & 0xC0 != 0x80 { c += 1 }
        return c
    }
}
