import Foundation

/// One cell to write.
public enum CSVCell: Sendable, Hashable {
    /// Text that came from input data (names, ids, notes): untrusted. A leading `=`, `+`,
    /// `-`, `@`, tab or carriage return gets a `'` in front so a spreadsheet shows it as
    /// text instead of running it as a formula (OWASP "CSV injection").
    case text(String)
    /// A number this program formatted itself, such as `-1.50`: written exactly as given.
    case number(String)
}

/// Builds a CSV file that Excel and WPS open correctly with Chinese text: UTF-8 with a byte
/// order mark, CRLF line ends, RFC 4180 quoting.
///
/// A field is quoted when it contains a comma, a quote, CR or LF, or begins or ends with a
/// space or tab (spreadsheets would otherwise drop those spaces); quotes inside are doubled.
public struct CSVWriter: Sendable {
    public private(set) var bytes: [UInt8]

    /// - Parameter byteOrderMark: start with the UTF-8 byte order mark `EF BB BF`. Without it,
    ///   Chinese Excel reads the file as GBK and shows garbled text.
    public init(byteOrderMark: Bool = true, reservingCapacity: Int = 4096) {
        bytes = []
        bytes.reserveCapacity(reservingCapacity)
        if byteOrderMark { bytes.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
    }

    /// Appends one row, ending it with CRLF.
    public mutating func row(_ cells: [CSVCell]) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            switch cell {
            case .text(let s): append(s, neutralise: true)
            case .number(let s): append(s, neutralise: false)
            }
        }
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    /// Appends a row of untrusted text cells, such as a header.
    public mutating func row(texts: [String]) {
        row(texts.map(CSVCell.text))
    }

    public var data: Data { Data(bytes) }

    // MARK: Cell by cell, for writers that stream many rows

    /// Before every cell but a row's first.
    @inline(__always) public mutating func separator() { bytes.append(UInt8(ascii: ",")) }

    /// Ends a row with CRLF.
    @inline(__always) public mutating func endRow() {
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    /// An untrusted text cell (neutralised, quoted as needed).
    public mutating func text(_ s: String) { append(s, neutralise: true) }

    /// Appends another writer's rows (written without a byte order mark).
    public mutating func append(_ other: CSVWriter) { bytes.append(contentsOf: other.bytes) }

    /// The text as a spreadsheet should see it: `'` in front of a would-be formula.
    public static func neutralised(_ s: String) -> String {
        guard let first = s.utf8.first, isFormulaStart(first) else { return s }
        return "'" + s
    }

    static func isFormulaStart(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "=") || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
            || b == UInt8(ascii: "@") || b == 0x09 || b == 0x0D
    }

    private mutating func append(_ s: String, neutralise: Bool) {
        var s = s
        s.withUTF8 { append($0, neutralise: neutralise) }
    }

    private mutating func append(_ utf8: UnsafeBufferPointer<UInt8>, neutralise: Bool) {
        let shape = Self.shape(of: utf8, neutralise: neutralise)
        if shape.quoted { bytes.append(UInt8(ascii: "\"")) }
        if shape.prefixQuote { bytes.append(UInt8(ascii: "'")) }
        if shape.quoted {
            for b in utf8 {
                bytes.append(b)
                if b == UInt8(ascii: "\"") { bytes.append(b) }
            }
            bytes.append(UInt8(ascii: "\""))
        } else {
            bytes.append(contentsOf: utf8)
        }
    }

    /// How a cell is written: with a `'` in front (a would-be formula, when `neutralise`), in
    /// quotes (a comma, quote, CR or LF inside, or a space or tab at either end).
    @inline(__always)
    static func shape(of utf8: UnsafeBufferPointer<UInt8>, neutralise: Bool) -> (prefixQuote: Bool, quoted: Bool) {
        guard let first = utf8.first, let last = utf8.last else { return (false, false) }
        let prefixQuote = neutralise && isFormulaStart(first)
        // After a `'` prefix the text no longer begins with a space or tab.
        if (!prefixQuote && (first == 0x20 || first == 0x09)) || last == 0x20 || last == 0x09 { return (prefixQuote, true) }
        for b in utf8 where b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 0x0D || b == 0x0A {
            return (prefixQuote, true)
        }
        return (prefixQuote, false)
    }
}
