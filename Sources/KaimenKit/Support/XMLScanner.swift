/// The little of XML a workbook's parts need, read one tag or run of text at a time: start and
/// end tags with their attributes, text with the five named entities and character references,
/// CDATA. Comments and processing instructions are skipped. A document type declaration is
/// refused: Excel, WPS and LibreOffice never write one, and its entities are how a small XML
/// file expands into gigabytes. Names lose their namespace prefix (`x:c` is `c`, `r:id` is
/// `id`), as some generators prefix SpreadsheetML's elements.
struct XMLScanner {
    enum Event {
        case start(name: String, attributes: Attributes, empty: Bool)
        case end(name: String)
        case text(String)
    }

    struct Malformed: Error, Equatable {}

    /// A tag's attributes, in order, looked up by name: a tag has a few, and a list costs less
    /// than hashing (a worksheet has an element for every cell).
    struct Attributes {
        var pairs: [(name: String, value: String)] = []
        subscript(name: String) -> String? { pairs.first { $0.name == name }?.value }
    }

    private let bytes: [UInt8]
    private var i = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
    }

    /// The next tag or text, `nil` at the end.
    mutating func next() throws(Malformed) -> Event? {
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else {
                let start = i
                while i < bytes.count && bytes[i] != UInt8(ascii: "<") { i += 1 }
                return .text(try Self.decode(bytes[start..<i]))
            }
            if matches("<?") {
                try skip(past: "?>")
            } else if matches("<!--") {
                try skip(past: "-->")
            } else if matches("<![CDATA[") {
                let start = i + 9
                try skip(past: "]]>")
                return .text(String(decoding: bytes[start..<(i - 3)], as: UTF8.self))
            } else if matches("<!") {
                throw Malformed()
            } else if matches("</") {
                i += 2
                let name = try readName()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ">") else { throw Malformed() }
                i += 1
                return .end(name: name)
            } else {
                i += 1
                let name = try readName()
                var attributes = Attributes()
                while true {
                    skipSpace()
                    guard i < bytes.count else { throw Malformed() }
                    if bytes[i] == UInt8(ascii: ">") { i += 1; return .start(name: name, attributes: attributes, empty: false) }
                    if matches("/>") { i += 2; return .start(name: name, attributes: attributes, empty: true) }
                    let key = try readName()
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { throw Malformed() }
                    i += 1
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else { throw Malformed() }
                    let quote = bytes[i]
                    i += 1
                    let start = i
                    while i < bytes.count && bytes[i] != quote { i += 1 }
                    guard i < bytes.count else { throw Malformed() }
                    attributes.pairs.append((key, try Self.decode(bytes[start..<i])))
                    i += 1
                }
            }
        }
        return nil
    }

    /// The text up to the end tag of the element just started: its own text, or with `inside`,
    /// only the text of its descendants of that name (a shared string's `t` elements, not the
    /// spaces between its runs), and nothing within an element `skip` names (a phonetic `rPh`).
    mutating func text(until end: String, inside: String? = nil, skipping skip: Set<String> = []) throws(Malformed) -> String {
        var out = "", open: [String] = [], skipped = 0
        while let event = try next() {
            switch event {
            case .text(let t):
                if skipped == 0 && open.last == inside { out += t }
            case .start(let name, _, let empty):
                if empty { continue }
                open.append(name)
                if skipped > 0 || skip.contains(name) { skipped += 1 }
            case .end(let name):
                guard let last = open.popLast() else {
                    guard name == end else { throw Malformed() }
                    return out
                }
                guard last == name else { throw Malformed() }
                if skipped > 0 { skipped -= 1 }
            }
        }
        throw Malformed()
    }

    /// Past the end tag of the element just started, keeping none of its text (`inside` an
    /// element name none has: names are never empty).
    mutating func skip(to end: String) throws(Malformed) {
        _ = try text(until: end, inside: "")
    }

    private func matches(_ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard bytes.count - i >= n else { return false }
        return s.withUTF8Buffer { buffer in buffer.indices.allSatisfy { bytes[i + $0] == buffer[$0] } }
    }

    private mutating func skip(past s: StaticString) throws(Malformed) {
        while i < bytes.count {
            if matches(s) { i += s.utf8CodeUnitCount; return }
            i += 1
        }
        throw Malformed()
    }

    private mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return
            }
        }
    }

    /// A tag or attribute name, without its prefix.
    private mutating func readName() throws(Malformed) -> String {
        var local = i
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: ">") || b == UInt8(ascii: "/") || b == UInt8(ascii: "=") || b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { break }
            if b == UInt8(ascii: ":") { local = i + 1 }
            i += 1
        }
        guard i > local else { throw Malformed() }
        return String(decoding: bytes[local..<i], as: UTF8.self)
    }

    /// Text or an attribute's value with its entities replaced.
    static func decode(_ raw: ArraySlice<UInt8>) throws(Malformed) -> String {
        guard raw.contains(UInt8(ascii: "&")) else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var j = raw.startIndex
        while j < raw.endIndex {
            guard raw[j] == UInt8(ascii: "&") else { out.append(raw[j]); j += 1; continue }
            guard let semicolon = raw[j...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else { throw Malformed() }
            let name = String(decoding: raw[(j + 1)..<semicolon], as: UTF8.self)
            let scalar: Unicode.Scalar?
            switch name {
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "amp": scalar = "&"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if name.hasPrefix("#") {
                    scalar = UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
                } else {
                    scalar = nil
                }
            }
            guard let scalar else { throw Malformed() }
            out += Array(String(scalar).utf8)
            j = semicolon + 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
