/// The UTF-8 bytes of a CSV file, with what it takes to turn byte offsets into text and into
/// `file:line:column` places.
public struct CSVBuffer: Sendable {
    public let bytes: [UInt8]
    public let fileName: String
    /// Offset of the first byte of every physical line; lines end at LF, CRLF or a lone CR.
    let lineStarts: [Int]

    public init(bytes: [UInt8], fileName: String) {
        self.bytes = bytes
        self.fileName = fileName
        var starts = [0]
        bytes.withUnsafeBufferPointer { p in
            let n = p.count
            var i = 0
            while i < n {
                let b = p[i]
                if b == 0x0A {
                    starts.append(i + 1)
                } else if b == 0x0D && (i + 1 >= n || p[i + 1] != 0x0A) {
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        lineStarts = starts
    }

    /// The field's text, with a quoted field's `""` turned back into `"`.
    public func string(_ field: CSVField) -> String {
        Self.string(field, in: bytes)
    }

    /// The text of `field` of `bytes`, with a quoted field's `""` turned back into `"`.
    static func string(_ field: CSVField, in bytes: [UInt8]) -> String {
        if !field.hasEscapedQuotes {
            return bytes.withUnsafeBufferPointer { p in
                String(decoding: UnsafeBufferPointer(rebasing: p[field.range]), as: UTF8.self)
            }
        }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(field.range.count)
        var i = field.range.lowerBound
        while i < field.range.upperBound {
            let b = bytes[i]
            unescaped.append(b)
            i += (b == CSVParser.quote) ? 2 : 1
        }
        return String(decoding: unescaped, as: UTF8.self)
    }

    /// The raw bytes of the field (quotes still doubled), for callers that parse numbers
    /// without making a `String`.
    /// Whether `field` holds nothing but spaces (as `trimmingSpaces()` trims them): no text is
    /// made for an empty one.
    func isBlank(_ field: CSVField) -> Bool {
        field.range.isEmpty || string(field).trimmingSpaces().isEmpty
    }

    public func rawBytes(_ field: CSVField) -> ArraySlice<UInt8> {
        bytes[field.range]
    }

    /// 1-based line of the byte at `offset`.
    public func line(ofByte offset: Int) -> Int {
        // Last line start <= offset.
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    /// `file:line:column` of the byte at `offset`; the column counts Unicode scalars.
    public func location(ofByte offset: Int) -> SourceLocation {
        let line = line(ofByte: offset)
        return SourceLocation(file: fileName, line: line, column: 1 + scalars(from: lineStarts[line - 1], to: offset))
    }

    /// How many Unicode scalars start in bytes `from ..< to` (to at most the buffer's end):
    /// how many columns further along its line `to` is than `from`.
    func scalars(from: Int, to: Int) -> Int {
        var n = 0
        bytes.withUnsafeBufferPointer { p in
            var i = from
            let end = min(to, p.count)
            while i < end {
                if p[i] & 0xC0 != 0x80 { n += 1 }
                i += 1
            }
        }
        return n
    }
}

/// One field of a record: where its text is in the buffer. No `String` is made until asked.
/// 16 bytes (a file of 55 million rows of four fields keeps 220 million): its first byte's
/// offset, with the two flags in the offset's top bits (a file is far below 2⁶¹ bytes), and the
/// offset just past it.
public struct CSVField: Sendable, Hashable {
    private let lowerAndFlags: Int
    private let upper: Int
    private static let quotedBit = 1 << 62, escapedBit = 1 << 61, flags = quotedBit | escapedBit

    /// The field's bytes, without the surrounding quotes of a quoted field.
    public var range: Range<Int> { (lowerAndFlags & ~Self.flags) ..< upper }
    public var isQuoted: Bool { lowerAndFlags & Self.quotedBit != 0 }
    /// A quoted field containing `""`: `CSVBuffer.string(_:)` turns each back into `"`.
    public var hasEscapedQuotes: Bool { lowerAndFlags & Self.escapedBit != 0 }

    /// Where the field starts, at its opening quote if quoted: for error locations. (A quoted
    /// field's text starts right after its quote: the parser takes a quote only as a field's
    /// first byte.)
    public var start: Int { isQuoted ? range.lowerBound - 1 : range.lowerBound }

    public init(range: Range<Int>, isQuoted: Bool, hasEscapedQuotes: Bool) {
        precondition(range.lowerBound >= 0 && range.lowerBound < Self.escapedBit, "a CSV field's offset below 2⁶¹")
        lowerAndFlags = range.lowerBound | (isQuoted ? Self.quotedBit : 0) | (hasEscapedQuotes ? Self.escapedBit : 0)
        upper = range.upperBound
    }
}

/// One record (row) of a CSV file.
public struct CSVRecord: Sendable, Hashable {
    /// The line the record starts on (a quoted field may carry it over more lines).
    public var line: Int
    public var fields: [CSVField]
    /// Offset just past the last field, before the line end: where a missing field would go.
    public var end: Int

    public init(line: Int, fields: [CSVField], end: Int) {
        self.line = line
        self.fields = fields
        self.end = end
    }
}
