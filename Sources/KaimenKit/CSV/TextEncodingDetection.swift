import Foundation

/// Finds out how a spreadsheet export was encoded and turns it into UTF-8 bytes.
///
/// Chinese Excel and WPS save "CSV" as GB18030 (GBK) unless told "CSV UTF-8", and "Unicode
/// text" as UTF-16, so all three are recognised: a UTF-8 byte order mark is removed, valid
/// UTF-8 is taken as is, UTF-16 with a byte order mark and anything that decodes as GB18030
/// are converted (with a warning naming the encoding, since a wrong guess shows as garbled
/// text). An Excel workbook (`.xlsx`) is read as its first worksheet's CSV text (``WorkbookSheet``);
/// an old `.xls` workbook and files with NUL bytes are refused with a way out.
public enum TextEncodingDetection {
    public enum SourceEncoding: String, Sendable, Hashable {
        case utf8, utf8WithBOM, utf16LittleEndian, utf16BigEndian, gb18030
        /// An Excel workbook's first worksheet, as CSV text.
        case xlsx
    }

    public struct Decoded: Sendable, Hashable {
        /// The text as UTF-8, without a byte order mark.
        public var bytes: [UInt8]
        public var encoding: SourceEncoding
        /// A warning when the file was converted; empty for UTF-8.
        public var diagnostics: [Diagnostic]
        /// A workbook's: what its worksheet says of its cells beyond their text.
        public var workbook: WorkbookFacts? = nil
    }

    /// GB18030 as swift-corelibs-foundation (and Apple's Foundation) number it:
    /// `kCFStringEncodingGB_18030_2000` (0x0632) in the NSString encoding space.
    public static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    static let saveAsUTF8 = CSVMessages.saveAsUTF8

    /// UTF-8 bytes of `bytes`, or the `csv-encoding` error explaining why they could not be read.
    public static func decode(_ bytes: [UInt8], fileName: String) -> Result<Decoded, DiagnosticsError> {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let rest = Array(bytes.dropFirst(3))
            if let bad = firstInvalidUTF8(rest) {
                return .failure(notUTF8(fileName, rest, bad, bom: true))
            }
            return .success(Decoded(bytes: rest, encoding: .utf8WithBOM, diagnostics: []))
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return decodeUTF16(bytes, fileName: fileName)
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return workbook(bytes, fileName: fileName)
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return .failure(DiagnosticsError([.error(
                DiagnosticCode.csvEncoding, CSVMessages.oldWorkbook(fileName), at: .whole(fileName), hint: CSVMessages.saveAsXLSX)]))
        }
        if let nul = bytes.firstIndex(of: 0) {
            let location = location(ofByte: nul, in: bytes, fileName: fileName)
            return .failure(DiagnosticsError([.error(
                DiagnosticCode.csvEncoding, CSVMessages.nulBytes(fileName),
                at: location, hint: saveAsUTF8)]))
        }
        guard let bad = firstInvalidUTF8(bytes) else {
            return .success(Decoded(bytes: bytes, encoding: .utf8, diagnostics: []))
        }
        if let text = String(data: Data(bytes), encoding: gb18030) {
            let warning = Diagnostic.warning(
                DiagnosticCode.gb18030Decoded, CSVMessages.readAsGB18030(fileName),
                at: .whole(fileName), hint: CSVMessages.checkChinese)
            return .success(Decoded(bytes: withoutBOM(Array(text.utf8)), encoding: .gb18030, diagnostics: [warning]))
        }
        // Neither. A file that breaks UTF-8 more often than it holds a UTF-8 character is most
        // likely GB18030 (Excel's "CSV") with a damaged byte: when GB18030 reads at least one
        // character before breaking, that byte is the one to show, not the first place UTF-8
        // breaks (its first Chinese character). A UTF-8 file with a damaged character is
        // shown where it breaks.
        if !mostlyUTF8(bytes), let damage = gb18030Damage(bytes), damage.characters > 0 {
            let location = location(ofByte: damage.offset, in: bytes, fileName: fileName, gb18030: true)
            return .failure(DiagnosticsError([.error(
                DiagnosticCode.csvEncoding, CSVMessages.damagedGB18030(fileName, line: location.line),
                at: location, hint: CSVMessages.checkDamagedLine)]))
        }
        return .failure(notUTF8(fileName, bytes, bad, bom: false))
    }

    /// An `.xlsx` workbook: its first visible worksheet as CSV text (``WorkbookSheet``), with a
    /// warning when other worksheets hold values, which are not read.
    static func workbook(_ bytes: [UInt8], fileName: String) -> Result<Decoded, DiagnosticsError> {
        let read: WorkbookSheet.Read
        do {
            read = try WorkbookSheet.read(bytes)
        } catch {
            return .failure(DiagnosticsError([.error(
                DiagnosticCode.workbookUnreadable, CSVMessages.unreadableWorkbook(fileName, error), at: .whole(fileName), hint: CSVMessages.unreadableWorkbookHint(error))]))
        }
        var diagnostics: [Diagnostic] = []
        if !read.othersWithValues.isEmpty {
            diagnostics.append(.warning(DiagnosticCode.workbookSheets,
                                        CSVMessages.otherSheets(fileName, read: read.sheetName, count: read.worksheetCount, others: read.othersWithValues),
                                        at: .whole(fileName), hint: CSVMessages.firstSheetOnly))
        }
        return .success(Decoded(bytes: read.csv, encoding: .xlsx, diagnostics: diagnostics, workbook: read.facts))
    }

    /// Whether `bytes` hold at least as many well-formed multi-byte UTF-8 characters as places
    /// where UTF-8 breaks (after each, reading resumes at the next byte that can start a
    /// character): UTF-8 text with a damaged character, rather than text in another encoding,
    /// where UTF-8 breaks at nearly every character.
    static func mostlyUTF8(_ bytes: [UInt8]) -> Bool {
        var valid = 0, broken = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            if let (length, lo, hi) = utf8Lead(b), i + length <= bytes.count, bytes[i + 1] >= lo && bytes[i + 1] <= hi,
               (2 ..< length).allSatisfy({ bytes[i + $0] & 0xC0 == 0x80 }) {
                valid += 1
                i += length
            } else {
                broken += 1
                i += 1
                while i < bytes.count && bytes[i] & 0xC0 == 0x80 { i += 1 }
            }
        }
        return valid >= broken
    }

    /// The bytes from `bad` (where UTF-8 breaks) to where well-formed UTF-8 or ASCII resumes,
    /// taken two at a time (GBK's pairs: the second byte of one may look like UTF-8) unless
    /// UTF-8 resumes after one, sixteen at most.
    static func strayRun(_ bytes: [UInt8], at bad: Int) -> Range<Int> {
        func resumes(_ p: Int) -> Bool {
            guard p < bytes.count else { return true }
            let b = bytes[p]
            if b < 0x80 { return true }
            guard let (length, lo, hi) = utf8Lead(b), p + length <= bytes.count, bytes[p + 1] >= lo && bytes[p + 1] <= hi else { return false }
            return (2 ..< length).allSatisfy { bytes[p + $0] & 0xC0 == 0x80 }
        }
        // A lone byte where UTF-8 resumes right after it (a character cut short) is one byte;
        // otherwise a pair, as GBK writes a Chinese character.
        var end = bad
        repeat {
            end = min(end + (resumes(end + 1) ? 1 : 2), bytes.count)
        } while end < bytes.count && end - bad < 16 && !resumes(end)
        return bad ..< end
    }

    /// Whether `run` is the start of a well-formed UTF-8 character, short of its end.
    static func cutShort(_ run: ArraySlice<UInt8>) -> Bool {
        guard let lead = run.first, let (length, lo, hi) = utf8Lead(lead), run.count < length else { return false }
        let rest = Array(run.dropFirst())
        guard let second = rest.first else { return true }
        return second >= lo && second <= hi && rest.dropFirst().allSatisfy { $0 & 0xC0 == 0x80 }
    }

    /// Offset of the first byte that breaks GB18030's byte structure, or `nil`: one byte
    /// 00–7F; two bytes 81–FE then 40–7E or 80–FE; four bytes 81–FE, 30–39, 81–FE, 30–39.
    /// (Only the structure: a well-formed sequence with no character is left to the decoder.)
    static func firstInvalidGB18030(_ bytes: [UInt8]) -> Int? {
        gb18030Damage(bytes)?.offset
    }

    /// The same, with how many multi-byte characters come before it.
    static func gb18030Damage(_ bytes: [UInt8]) -> (offset: Int, characters: Int)? {
        var i = 0, characters = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            guard b >= 0x81 && b <= 0xFE, i + 1 < n else { return (i, characters) }
            let c = bytes[i + 1]
            if (c >= 0x40 && c <= 0x7E) || (c >= 0x80 && c <= 0xFE) { i += 2; characters += 1; continue }
            guard c >= 0x30 && c <= 0x39, i + 3 < n, bytes[i + 2] >= 0x81 && bytes[i + 2] <= 0xFE,
                  bytes[i + 3] >= 0x30 && bytes[i + 3] <= 0x39 else { return (i, characters) }
            i += 4
            characters += 1
        }
        return nil
    }

    /// A byte order mark that was itself encoded (GB18030 of a UTF-8 file with a BOM, or a
    /// second BOM in UTF-16) survives decoding as U+FEFF; it is not part of the first header.
    private static func withoutBOM(_ utf8: [UInt8]) -> [UInt8] {
        utf8.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(utf8.dropFirst(3)) : utf8
    }

    /// The bytes that are not UTF-8 from `bad` on, and what they read as in GB18030 when that
    /// is Chinese; not for the start of a UTF-8 character cut short (`E9 A1` of 顾), which
    /// GB18030 would read as some other character.
    static func stray(_ bytes: [UInt8], at bad: Int) -> (run: Range<Int>, gbk: String?) {
        let run = strayRun(bytes, at: bad)
        let read = cutShort(bytes[run]) ? nil
            : String(data: Data(bytes[run]), encoding: gb18030).flatMap { $0.unicodeScalars.allSatisfy(Han.isHan) ? $0 : nil }
        return (run, read)
    }

    private static func notUTF8(_ fileName: String, _ bytes: [UInt8], _ bad: Int, bom: Bool) -> DiagnosticsError {
        let location = location(ofByte: bad, in: bytes, fileName: fileName)
        // UTF-8 text with a few bytes of another encoding in it (a name pasted from a GBK
        // file): the place is told, with what the bytes read as in GB18030 when that is
        // Chinese. "Neither UTF-8 nor GB18030" sent a secretary to save the whole file again.
        if mostlyUTF8(bytes) {
            let (run, read) = stray(bytes, at: bad)
            return DiagnosticsError([.error(
                DiagnosticCode.csvEncoding, CSVMessages.strayBytes(fileName, line: location.line, count: run.count, gbk: read),
                at: location, hint: CSVMessages.retypeStray)])
        }
        return DiagnosticsError([.error(
            DiagnosticCode.csvEncoding,
            bom ? CSVMessages.bomNotUTF8(fileName, line: location.line) : CSVMessages.neitherUTF8NorGB(fileName, line: location.line),
            at: location, hint: saveAsUTF8)])
    }

    private static func decodeUTF16(_ bytes: [UInt8], fileName: String) -> Result<Decoded, DiagnosticsError> {
        let littleEndian = bytes[0] == 0xFF
        let name = littleEndian ? "UTF-16 LE" : "UTF-16 BE"
        // The file as a whole (its encoding), not a made-up first cell.
        let start = SourceLocation.whole(fileName)
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            i += 2
        }
        var out: [UInt8] = []
        out.reserveCapacity(units.count * 2)
        let failed = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self,
                               stoppingOnError: true) { out.append($0) }
        if failed || bytes.count % 2 != 0 {
            return .failure(DiagnosticsError([.error(
                DiagnosticCode.csvEncoding, CSVMessages.badUTF16(fileName, name),
                at: start, hint: saveAsUTF8)]))
        }
        let warning = Diagnostic.warning(
            DiagnosticCode.utf16Decoded, CSVMessages.readAsUTF16(fileName, name),
            at: start, hint: CSVMessages.toBeSure)
        return .success(Decoded(bytes: withoutBOM(out), encoding: littleEndian ? .utf16LittleEndian : .utf16BigEndian,
                                diagnostics: [warning]))
    }

    /// Offset of the first byte that breaks UTF-8 (overlong forms, surrogates and values past
    /// U+10FFFF included), or `nil` when all of `bytes` is valid UTF-8.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidUTF8($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
    }

    /// For a byte that leads a multi-byte UTF-8 sequence: the sequence's length and the range
    /// its second byte must lie in (which rules out overlong forms, surrogates and values past
    /// U+10FFFF); `nil` for a byte that cannot lead one.
    @inline(__always)
    static func utf8Lead(_ b: UInt8) -> (length: Int, lo: UInt8, hi: UInt8)? {
        switch b {
        case 0xC2...0xDF: return (2, 0x80, 0xBF)
        case 0xE0: return (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: return (3, 0x80, 0xBF)
        case 0xED: return (3, 0x80, 0x9F)
        case 0xF0: return (4, 0x90, 0xBF)
        case 0xF1...0xF3: return (4, 0x80, 0xBF)
        case 0xF4: return (4, 0x80, 0x8F)
        default: return nil
        }
    }

    /// The same for `p[0 ..< n]`; the bulk readers check fields with it in place.
    @inline(__always)
    static func firstInvalidUTF8(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        var i = 0
        while i < n {
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            guard let (length, lo, hi) = utf8Lead(b), i + length <= n else { return i }
            let second = p[i + 1]
            guard second >= lo && second <= hi else { return i }
            var k = 2
            while k < length {
                guard p[i + k] & 0xC0 == 0x80 else { return i }
                k += 1
            }
            i += length
        }
        return nil
    }

    /// Line (counting LF, CRLF and lone CR) and column (counting UTF-8 lead bytes, or with
    /// `gb18030` GB18030 characters) of a byte.
    static func location(ofByte offset: Int, in bytes: [UInt8], fileName: String, gb18030: Bool = false) -> SourceLocation {
        var line = 1
        var lineStart = 0
        var i = 0
        while i < offset {
            let b = bytes[i]
            if b == 0x0A || (b == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        var column = 1
        if gb18030 {
            var j = lineStart
            while j < offset {
                let b = bytes[j]
                j += b < 0x80 ? 1 : (j + 1 < offset && bytes[j + 1] >= 0x30 && bytes[j + 1] <= 0x39 ? 4 : 2)
                column += 1
            }
            return SourceLocation(file: fileName, line: line, column: column)
        }
        for j in lineStart..<offset where bytes[j] & 0xC0 != 0x80 {
            column += 1
        }
        return SourceLocation(file: fileName, line: line, column: column)
    }
}
