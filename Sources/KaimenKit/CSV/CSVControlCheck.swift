/// Finds control characters in a CSV file: NUL, ESC, BEL and the rest of C0, DEL and the C1
/// controls. None has a place in a spreadsheet export; some rewrite a terminal when printed,
/// and NUL cuts text short in other programs. Tabs and line breaks are left to the readers,
/// which allow them only inside quoted text cells.
///
/// Runs on the decoded UTF-8 bytes, whatever the file's encoding or byte order mark, and
/// reports the first control character of each cell (`control-character`), at its place.
enum CSVControlCheck {
    static func check(_ table: CSVTable, into out: inout Diagnostics) {
        let buffer = table.buffer
        func check(_ field: CSVField, column: Int) {
            guard let offset = firstControl(buffer.bytes, field.range) else { return }
            out.append("control-character") {
                let name = column < table.header.count && !table.header[column].isEmpty ? table.header[column] : nil
                return InputMessages.controlCharacter(scalar(buffer.bytes, at: offset), at: buffer.location(ofByte: offset), column: name.map { Echo.cell($0) })
            }
        }
        for (c, field) in table.headerRecord.fields.enumerated() { check(field, column: c) }
        for record in table.records {
            for (c, field) in record.fields.enumerated() { check(field, column: c) }
        }
    }

    /// The offset of the first control character other than tab, LF and CR in `bytes[range]`
    /// (valid UTF-8), or `nil`.
    static func firstControl(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        bytes.withUnsafeBufferPointer { p in
            var i = range.lowerBound
            while i < range.upperBound {
                let b = p[i]
                if b < 0x20 {
                    if b != 0x09 && b != 0x0A && b != 0x0D { return i }
                } else if b == 0x7F {
                    return i
                } else if b == 0xC2 && i + 1 < range.upperBound && p[i + 1] < 0xA0 {
                    return i  // U+0080 … U+009F
                }
                i += 1
            }
            return nil
        }
    }

    /// The scalar whose UTF-8 starts at `offset`: a C0 or DEL byte, or a two-byte C1 control.
    static func scalar(_ bytes: [UInt8], at offset: Int) -> Unicode.Scalar {
        let b = bytes[offset]
        if b < 0x80 { return Unicode.Scalar(b) }
        return Unicode.Scalar(UInt32(b & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F)) ?? "\u{FFFD}"
    }
}
