/// Finds control characters in a CSV file: NUL, ESC, BEL and the rest of C0, DEL, the C1
/// controls, the bidirectional controls (``Echo/isBidiControl(_:)``) and a byte order mark
/// after the file's start. None has a place in a
/// spreadsheet export; some rewrite a terminal when printed, NUL cuts text short in other
/// programs, and a right-to-left override shows a name backwards on the papers. Tabs and line
/// breaks are left to the readers, which allow them only inside quoted text cells.
///
/// Runs on the decoded UTF-8 bytes, whatever the file's encoding or byte order mark, and
/// reports the first control character of each cell (`control-character`), at its place.
enum CSVControlCheck {
    static func check(_ table: CSVTable, into out: inout Diagnostics) {
        let buffer = table.buffer
        // The place is the character's line and column, shown as the spreadsheet's row and
        // column letter with the header's name, as every other cell's place.
        func check(_ field: CSVField, row: Int, column: Int) {
            guard let offset = firstControl(buffer.bytes, field.range) else { return }
            out.append("control-character") {
                let name = column < table.header.count && !table.header[column].isEmpty ? table.header[column] : nil
                var location = buffer.location(ofByte: offset)
                location.cell = CellPosition(row: row, column: column, header: name)
                return InputMessages.controlCharacter(scalar(buffer.bytes, at: offset), at: location, column: name.map { Echo.cell($0) })
            }
        }
        for (c, field) in table.headerRecord.fields.enumerated() { check(field, row: table.headerRow, column: c) }
        for (r, record) in table.records.enumerated() {
            for (c, field) in record.fields.enumerated() { check(field, row: table.spreadsheetRows[r], column: c) }
        }
    }

    /// The offset of the first control character other than tab, LF and CR in `bytes[range]`
    /// (valid UTF-8), or `nil`.
    static func firstControl(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        guard !range.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { p in
            firstControl(p.baseAddress! + range.lowerBound, range.count).map { $0 + range.lowerBound }
        }
    }

    /// The same for the `n` bytes at `p`, as an offset from `p`: the one scan, for this check
    /// and for the bulk readers' `BulkCSV.isPlain`.
    @inline(__always)
    static func firstControl(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        var i = 0
        while i < n {
            let b = p[i]
            if b < 0x20 {
                if b != 0x09 && b != 0x0A && b != 0x0D { return i }
            } else if b == 0x7F {
                return i
            } else if b == 0xC2 && i + 1 < n && p[i + 1] < 0xA0 {
                return i  // U+0080 … U+009F
            } else if (b == 0xD8 || b == 0xE2) && isBidiControl(p + i, n - i) {
                return i
            } else if b == 0xEF && isByteOrderMark(p + i, n - i) {
                return i
            }
            i += 1
        }
        return nil
    }

    /// Whether the `n` bytes at `p` (valid UTF-8, or cut short) begin with a bidirectional
    /// control (``Echo/isBidiControl(_:)``): U+061C is D8 9C; U+200E and U+200F are E2 80 8E
    /// and 8F; U+202A–U+202E are E2 80 AA–AE; U+2066–U+2069 are E2 81 A6–A9. The one test of
    /// these bytes, for the checked reader here and the bulk readers alike.
    @inline(__always)
    static func isBidiControl(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        guard n >= 2 else { return false }
        if p[0] == 0xD8 { return p[1] == 0x9C }
        guard p[0] == 0xE2, n >= 3 else { return false }
        let (b1, b2) = (p[1], p[2])
        return b1 == 0x80 ? (b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE)) : (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9)
    }

    /// Whether the `n` bytes at `p` begin with U+FEFF (EF BB BF), a byte order mark anywhere
    /// but at the file's start (where the readers take it off): invisible, it made `X02` of a
    /// row two files were joined at another id than `X02`, without a word.
    @inline(__always)
    static func isByteOrderMark(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF
    }

    /// The scalar whose UTF-8 starts at `offset`: a C0 or DEL byte, a two-byte C1 control or
    /// U+061C, or a three-byte bidirectional control.
    static func scalar(_ bytes: [UInt8], at offset: Int) -> Unicode.Scalar {
        let b = bytes[offset]
        if b < 0x80 { return Unicode.Scalar(b) }
        if b >= 0xE0 {
            return Unicode.Scalar(UInt32(b & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)) ?? "\u{FFFD}"
        }
        return Unicode.Scalar(UInt32(b & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F)) ?? "\u{FFFD}"
    }
}
