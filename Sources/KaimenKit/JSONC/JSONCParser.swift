/// Reads JSON with comments (`.jsonc`): `//` and `/* */` comments and trailing commas, as
/// district staff write rules files by hand. Every value keeps its line and column.
///
/// A syntax error stops the parse (what follows it cannot be trusted), and is reported at the
/// character where the file stopped making sense, with what was expected there. A key written
/// twice in one object is not a syntax error: it is reported (`duplicate-key`, at the second
/// key), the first value is kept, and the parse goes on.
public struct JSONCParser {
    private let scalars: [Unicode.Scalar]
    private let file: String
    private var i = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0
    /// Problems that do not stop the parse (duplicate keys).
    private var problems: [Diagnostic] = []
    public static let maxDepth = 128

    private struct Failure: Error { let diagnostic: Diagnostic }

    /// Parses a whole document; exactly one value, then only whitespace and comments.
    /// Fails on a syntax error or a duplicate key, with every problem found.
    public static func parse(_ text: String, file: String) -> Result<JSONNode, DiagnosticsError> {
        let (node, problems) = parseDocument(text, file: file)
        if let node, problems.isEmpty { return .success(node) }
        return .failure(DiagnosticsError(problems))
    }

    /// Parses a whole document, keeping going after problems that leave the tree usable:
    /// `node` is `nil` only after a syntax error; `problems` lists every duplicate key too.
    public static func parseDocument(_ text: String, file: String) -> (node: JSONNode?, problems: [Diagnostic]) {
        var p = JSONCParser(scalars: Array(text.unicodeScalars), file: file)
        let result = p.parseAll()
        switch result {
        case .success(let node): return (node, p.problems)
        case .failure(let e): return (nil, p.problems + e.diagnostics)
        }
    }

    /// The first character of `text` that is not whitespace, a byte order mark or inside a
    /// comment; `nil` when there is none (or an unclosed comment runs to the end).
    public static func firstSignificant(_ text: String) -> Unicode.Scalar? {
        var p = JSONCParser(scalars: Array(text.unicodeScalars), file: "")
        guard (try? p.skipTrivia()) != nil else { return nil }
        return p.current
    }

    private mutating func parseAll() -> Result<JSONNode, DiagnosticsError> {
        do {
            if scalars.first == "\u{FEFF}" { i = 1; lineStart = 1 }
            try skipTrivia()
            guard i < scalars.count else {
                throw Failure(diagnostic: .error("json-syntax", "the file is empty; a rules file is one JSON object `{ … }`",
                                                 at: SourceLocation(file: file, line: 1, column: 1)))
            }
            let node = try parseValue()
            try skipTrivia()
            if i < scalars.count {
                throw fail("unexpected `\(scalars[i])` after the end of the document",
                           hint: "a file holds one JSON value; is there a stray character or a missing `,`?")
            }
            return .success(node)
        } catch let f as Failure {
            return .failure(DiagnosticsError([f.diagnostic]))
        } catch {
            return .failure(DiagnosticsError([.error("json-syntax", "\(error)")]))
        }
    }

    private init(scalars: [Unicode.Scalar], file: String) {
        self.scalars = scalars
        self.file = file
    }

    private var here: SourceLocation { SourceLocation(file: file, line: line, column: i - lineStart + 1) }

    private func fail(_ message: String, at loc: SourceLocation? = nil, hint: String? = nil) -> Failure {
        Failure(diagnostic: .error("json-syntax", message, at: loc ?? here, hint: hint))
    }

    private var current: Unicode.Scalar? { i < scalars.count ? scalars[i] : nil }

    private mutating func advance() {
        if scalars[i] == "\n" { line += 1; lineStart = i + 1 }
        i += 1
    }

    private mutating func skipTrivia() throws {
        while let c = current {
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{FEFF}" {
                advance()
            } else if c == "/" && i + 1 < scalars.count && scalars[i + 1] == "/" {
                while let d = current, d != "\n" { advance() }
            } else if c == "/" && i + 1 < scalars.count && scalars[i + 1] == "*" {
                let start = here
                advance(); advance()
                var closed = false
                while let d = current {
                    if d == "*" && i + 1 < scalars.count && scalars[i + 1] == "/" {
                        advance(); advance(); closed = true; break
                    }
                    advance()
                }
                if !closed { throw fail("a `/*` comment is never closed", at: start, hint: "end it with `*/`") }
            } else {
                return
            }
        }
    }

    private mutating func parseValue() throws -> JSONNode {
        guard let c = current else { throw fail("the file ends where a value was expected") }
        let start = here
        switch c {
        case "{": return try parseObject()
        case "[": return try parseArray()
        case "\"": return try parseString()
        case "-", "0"..."9": return try parseNumber()
        case "'":
            throw fail("strings use double quotes `\"`, not `'`", hint: "write \"…\" instead of '…'")
        default:
            if c.properties.isAlphabetic || c == "_" {
                var word = ""
                while let d = current, d.properties.isAlphabetic || d == "_" || ("0"..."9").contains(d) {
                    word.unicodeScalars.append(d); advance()
                }
                switch word {
                case "true": return JSONNode(.bool(true), at: start)
                case "false": return JSONNode(.bool(false), at: start)
                case "null": return JSONNode(.null, at: start)
                default:
                    throw fail("unexpected word `\(word)`; text must be in double quotes", at: start,
                               hint: "write \"\(word)\"")
                }
            }
            throw fail("unexpected `\(c)` where a value was expected")
        }
    }

    private mutating func enter() throws {
        depth += 1
        if depth > JSONCParser.maxDepth { throw fail("the document nests deeper than \(JSONCParser.maxDepth) levels") }
    }

    private mutating func parseObject() throws -> JSONNode {
        let start = here
        try enter()
        defer { depth -= 1 }
        advance() // {
        var members: [JSONMember] = []
        try skipTrivia()
        while true {
            guard let c = current else {
                throw fail("the object opened at line \(start.line), column \(start.column) is never closed",
                           hint: "add `}`")
            }
            if c == "}" { advance(); break }
            guard c == "\"" else {
                if c == "," { throw fail("unexpected `,`: a key was expected") }
                if c == "'" { throw fail("keys use double quotes `\"`, not `'`") }
                if c.properties.isAlphabetic || c == "_" {
                    var word = ""
                    var k = i
                    while k < scalars.count, scalars[k].properties.isAlphabetic || scalars[k] == "_" || ("0"..."9").contains(scalars[k]) {
                        word.unicodeScalars.append(scalars[k]); k += 1
                    }
                    throw fail("keys must be in double quotes", hint: "write \"\(word)\"")
                }
                throw fail("unexpected `\(c)` where a key or `}` was expected")
            }
            let keyNode = try parseString()
            let key = keyNode.stringValue ?? ""
            try skipTrivia()
            guard current == ":" else {
                throw fail("expected `:` after the key `\(key)`")
            }
            advance()
            try skipTrivia()
            let value = try parseValue()
            if let first = members.first(where: { $0.key == key }) {
                problems.append(.error("duplicate-key",
                                       "the key `\(key)` is written twice in this object; the first, at line \(first.keyLocation.line), column \(first.keyLocation.column), is kept",
                                       at: keyNode.location, hint: "remove one of them"))
            } else {
                members.append(JSONMember(key: key, keyLocation: keyNode.location, value: value))
            }
            try skipTrivia()
            if current == "," {
                advance()
                try skipTrivia()
                continue
            }
            if current == "}" { advance(); break }
            if current == nil {
                throw fail("the object opened at line \(start.line), column \(start.column) is never closed",
                           hint: "add `}`")
            }
            throw fail("expected `,` or `}` after the value of `\(key)`", hint: "is a comma missing?")
        }
        return JSONNode(.object(members), at: start)
    }

    private mutating func parseArray() throws -> JSONNode {
        let start = here
        try enter()
        defer { depth -= 1 }
        advance() // [
        var items: [JSONNode] = []
        try skipTrivia()
        while true {
            guard let c = current else {
                throw fail("the array opened at line \(start.line), column \(start.column) is never closed",
                           hint: "add `]`")
            }
            if c == "]" { advance(); break }
            if c == "," { throw fail("unexpected `,`: a value was expected") }
            items.append(try parseValue())
            try skipTrivia()
            if current == "," { advance(); try skipTrivia(); continue }
            if current == "]" { advance(); break }
            if current == nil {
                throw fail("the array opened at line \(start.line), column \(start.column) is never closed",
                           hint: "add `]`")
            }
            throw fail("expected `,` or `]` in the array", hint: "is a comma missing?")
        }
        return JSONNode(.array(items), at: start)
    }

    private mutating func parseString() throws -> JSONNode {
        let start = here
        advance() // opening quote
        var s = String.UnicodeScalarView()
        var columns: [Int] = []
        var escaped = false
        // The first control character in the string other than a tab or line break, reported
        // once; the string is kept, so the rest of the document is still checked.
        var control = false
        func checkControl(_ scalar: Unicode.Scalar, at column: Int) {
            guard !control, Echo.isControl(scalar), scalar != "\t", scalar != "\n", scalar != "\r" else { return }
            control = true
            problems.append(InputMessages.controlCharacter(scalar, at: SourceLocation(file: file, line: line, column: column), column: nil))
        }
        while true {
            guard let c = current, c != "\n" else {
                throw fail("the string starting here is never closed", at: start, hint: "add the closing `\"`")
            }
            let col = i - lineStart + 1
            if c == "\"" {
                columns.append(col) // the closing quote: where "just after the content" is
                advance()
                break
            }
            if c == "\\" {
                escaped = true
                advance()
                guard let e = current else { throw fail("the string starting here is never closed", at: start) }
                let scalar: Unicode.Scalar
                switch e {
                case "\"": scalar = "\""
                case "\\": scalar = "\\"
                case "/": scalar = "/"
                case "b": scalar = "\u{08}"
                case "f": scalar = "\u{0C}"
                case "n": scalar = "\n"
                case "r": scalar = "\r"
                case "t": scalar = "\t"
                case "u":
                    let escapeStart = here.advanced(by: -1)
                    advance()
                    var code = try readHex4()
                    if (0xD800...0xDBFF).contains(code), current == "\\", i + 1 < scalars.count, scalars[i + 1] == "u" {
                        advance(); advance()
                        let low = try readHex4()
                        if (0xDC00...0xDFFF).contains(low) {
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                    }
                    guard let u = Unicode.Scalar(code) else {
                        throw fail("`\\u` escape does not name a character", at: escapeStart,
                                   hint: "a surrogate `\\uD800`–`\\uDFFF` must be followed by its pair")
                    }
                    checkControl(u, at: col)
                    s.append(u); columns.append(col)
                    continue
                default:
                    throw fail("unknown escape `\\\(e)` in a string", hint: "write `\\\\` for a backslash")
                }
                advance()
                checkControl(scalar, at: col)
                s.append(scalar); columns.append(col)
                continue
            }
            if c.value < 0x20 { throw fail("a control character must be escaped inside a string") }
            checkControl(c, at: col)
            s.append(c); columns.append(col)
            advance()
        }
        return JSONNode(.string(String(s)), at: start, contentColumns: escaped ? columns : nil)
    }

    private mutating func readHex4() throws -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard let c = current, c.isASCII, let d = UInt32(String(c), radix: 16) else {
                throw fail("`\\u` must be followed by four hex digits")
            }
            v = v * 16 + d
            advance()
        }
        return v
    }

    private mutating func parseNumber() throws -> JSONNode {
        let start = here
        var text = ""
        func take() { text.unicodeScalars.append(scalars[i]); advance() }
        func digits() -> Int { var n = 0; while let c = current, ("0"..."9").contains(c) { take(); n += 1 }; return n }
        if current == "-" { take() }
        guard digits() > 0 else { throw fail("a number needs digits after `-`", at: start) }
        if current == "." {
            take()
            guard digits() > 0 else { throw fail("a number needs digits after the decimal point", at: start) }
        }
        if current == "e" || current == "E" {
            take()
            if current == "+" || current == "-" { take() }
            guard digits() > 0 else { throw fail("a number's exponent needs digits", at: start) }
        }
        if let c = current, c.properties.isAlphabetic || c == "%" {
            throw fail("unexpected `\(c)` after the number `\(text)`", hint: c == "%" ? "write rates as fractions: 0.9 for 90%" : nil)
        }
        return JSONNode(.number(text), at: start)
    }
}
