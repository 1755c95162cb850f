/// Reads JSON with comments (`.jsonc`): `//` and `/* */` comments and trailing commas, as
/// district staff write rules files by hand. Every value keeps its line and column.
///
/// A syntax error is reported at the character where the file stopped making sense, with what
/// was expected there. Most stop the parse (what follows cannot be trusted). The mistakes whose
/// meaning is plain (since 0.23.2) are reported and the parse goes on as if the right character
/// stood there, so that one run finds them all: punctuation typed in a Chinese input method
/// (`：` `，` `、` `｝` `］` `】`, `“…”` around a string, `３` `。` in a number), a comma missing
/// before the next key or value, a comma doubled, `%` or a unit such as `分` after a number. The
/// document then still fails (the file must stay JSON that other tools read), with every such
/// error, up to ``maxRecovered``; ``parseReadingOn(_:file:allowsBidi:percentHint:)`` also hands
/// back the tree as read on, which the rules loader checks further. A key written twice in one object is
/// not a syntax error: it is reported (`duplicate-key`, at the second key), the first value is
/// kept, and the parse goes on.
public struct JSONCParser {
    private let scalars: [Unicode.Scalar]
    private let file: String
    private var i = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0
    /// Problems that do not stop the parse (duplicate keys, syntax errors read past).
    private var problems: [Diagnostic] = []
    /// Syntax errors read past (in `problems`): the document fails all the same.
    private var recovered = 0
    /// After this many syntax errors read past, the parse stops.
    public static let maxRecovered = 50
    public static let maxDepth = 128
    /// Whether bidirectional controls may stand in strings and comments: they may in kaimen's
    /// own records (the journal keeps a `--reason` as typed), not in a file a person wrote.
    private let allowsBidi: Bool
    /// The keys above the value being read (array positions left out): `["grades", "min"]`.
    private var keyPath: [String] = []
    /// What to write instead of `30%`, by the keys above it; `nil`: the general hint.
    private let percentHint: PercentHint?

    /// What to write instead of the bare `number%` at `keyPath` (a rules file knows that
    /// `quota` takes `30`, `capTotal` points, and only a rate `0.3`).
    public typealias PercentHint = @Sendable (_ keyPath: [String], _ number: String) -> Localized

    private struct Failure: Error { let diagnostic: Diagnostic }
    /// Too many syntax errors read past: they are all in `problems`.
    private struct Stop: Error {}

    /// Parses a whole document; exactly one value, then only whitespace and comments.
    /// Fails on a syntax error or a duplicate key, with every problem found.
    /// - Parameter allowsBidi: take bidirectional controls in strings (kaimen's journal); a
    ///   rules or units file refuses them, in strings and in comments (`control-character`).
    public static func parse(_ text: String, file: String, allowsBidi: Bool = false) -> Result<JSONNode, DiagnosticsError> {
        let (node, problems) = parseDocument(text, file: file, allowsBidi: allowsBidi)
        if let node, problems.isEmpty { return .success(node) }
        return .failure(DiagnosticsError(problems))
    }

    /// Parses a whole document, keeping going after problems that leave the tree usable:
    /// `node` is `nil` only after a syntax error; `problems` lists every duplicate key too.
    public static func parseDocument(_ text: String, file: String, allowsBidi: Bool = false,
                                     percentHint: PercentHint? = nil) -> (node: JSONNode?, problems: [Diagnostic]) {
        let parsed = parseReadingOn(text, file: file, allowsBidi: allowsBidi, percentHint: percentHint)
        return (parsed.readPast ? nil : parsed.node, parsed.problems)
    }

    /// Parses a whole document as ``parseDocument(_:file:allowsBidi:percentHint:)`` does, but
    /// when every syntax error was one read past (`readPast`), hands back the tree as read on,
    /// as if the right character stood at each: the document still fails, and its reader may
    /// check the rest of it, so that one run says everything (since 0.29.3; the rules loader
    /// does). `node` is `nil` only after a syntax error that stopped the parse.
    public static func parseReadingOn(_ text: String, file: String, allowsBidi: Bool = false,
                                      percentHint: PercentHint? = nil) -> (node: JSONNode?, readPast: Bool, problems: [Diagnostic]) {
        var p = JSONCParser(scalars: Array(text.unicodeScalars), file: file, allowsBidi: allowsBidi, percentHint: percentHint)
        let result = p.parseAll()
        switch result {
        case .success(let node): return (node, p.recovered > 0, p.problems)
        case .failure(let e): return (nil, p.recovered > 0, p.problems + e.diagnostics)
        }
    }

    /// The first character of `text` that is not whitespace, a byte order mark or inside a
    /// comment; `nil` when there is none (or an unclosed comment runs to the end).
    public static func firstSignificant(_ text: String) -> Unicode.Scalar? {
        var p = JSONCParser(scalars: Array(text.unicodeScalars), file: "", allowsBidi: true, percentHint: nil)
        guard (try? p.skipTrivia()) != nil else { return nil }
        return p.current
    }

    private mutating func parseAll() -> Result<JSONNode, DiagnosticsError> {
        do {
            if scalars.first == "\u{FEFF}" { i = 1; lineStart = 1 }
            try skipTrivia()
            guard i < scalars.count else {
                throw Failure(diagnostic: .error(.jsonSyntax, JSONCMessages.emptyFile,
                                                 at: SourceLocation(file: file, line: 1, column: 1)))
            }
            let node = try parseValue()
            try skipTrivia()
            if i < scalars.count {
                throw fail(JSONCMessages.afterEnd("\(scalars[i])"), hint: lookalikeHint(at: i) ?? JSONCMessages.oneValue)
            }
            return .success(node)
        } catch let f as Failure {
            return .failure(DiagnosticsError([f.diagnostic]))
        } catch is Stop {
            return .failure(DiagnosticsError([]))
        } catch {
            return .failure(DiagnosticsError([.error(DiagnosticCode.jsonSyntax.rawValue, "\(error)")]))
        }
    }

    private init(scalars: [Unicode.Scalar], file: String, allowsBidi: Bool, percentHint: PercentHint?) {
        self.scalars = scalars
        self.file = file
        self.allowsBidi = allowsBidi
        self.percentHint = percentHint
    }

    private var here: SourceLocation { SourceLocation(file: file, line: line, column: i - lineStart + 1) }

    private func fail(_ text: Localized, at loc: SourceLocation? = nil, hint: Localized? = nil) -> Failure {
        Failure(diagnostic: .error(.jsonSyntax, text, at: loc ?? here, hint: hint))
    }

    /// For problems named in English only (prefer the `Localized` form).
    private func fail(_ message: String, at loc: SourceLocation? = nil, hint: String? = nil) -> Failure {
        Failure(diagnostic: .error(DiagnosticCode.jsonSyntax.rawValue, message, at: loc ?? here, hint: hint))
    }

    private var current: Unicode.Scalar? { i < scalars.count ? scalars[i] : nil }

    /// What to say of a comma missing after a value that ended at `valueEnd`, the parser now at
    /// what follows it: when a `//` comment in between ends in a comma (`"points": 4 // 原为3分,`),
    /// the comma is there, inside the comment; else, that a comma may be missing.
    private func commaHint(after valueEnd: Int) -> Localized {
        var k = valueEnd
        while k + 1 < i {
            guard scalars[k] == "/", scalars[k + 1] == "/" else { k += 1; continue }
            var end = k + 2
            while end < i, scalars[end] != "\n", scalars[end] != "\r" { end += 1 }
            var last = end - 1
            while last > k + 1, scalars[last] == " " || scalars[last] == "\t" { last -= 1 }
            if last > k + 1, scalars[last] == "," || scalars[last] == "，" { return JSONCMessages.commaInComment }
            k = end
        }
        return JSONCMessages.commaMissing
    }

    /// Reports `f` and lets the parse go on (see the type's comment); stops after ``maxRecovered``.
    private mutating func recover(_ f: Failure) throws {
        problems.append(f.diagnostic)
        recovered += 1
        if recovered >= JSONCParser.maxRecovered {
            problems.append(.error(.jsonSyntax, JSONCMessages.tooManyErrors(JSONCParser.maxRecovered), at: f.diagnostic.location,
                                   hint: JSONCMessages.fixThoseFirst))
            throw Stop()
        }
    }

    /// How many lines after the line break at `index` a `"` ends the string it breaks (a text
    /// typed over lines): on one of the next five lines, a `"` not escaped with only `,` `}`
    /// `]`, a comment or the line's end after it. `nil` when a line before it begins with `"`
    /// (the next key: the string lacks its closing quote), or none does.
    static func closingLine(_ scalars: [Unicode.Scalar], after index: Int) -> Int? {
        var k = index + 1, lines = 1
        func skipSpaces() { while k < scalars.count, scalars[k] == " " || scalars[k] == "\t" || scalars[k] == "\r" { k += 1 } }
        while k < scalars.count, lines <= 5 {
            skipSpaces()
            if k < scalars.count, scalars[k] == "\"" { return nil }
            var escaped = false
            while k < scalars.count, scalars[k] != "\n" {
                let c = scalars[k]
                k += 1
                if escaped { escaped = false; continue }
                if c == "\\" { escaped = true; continue }
                guard c == "\"" else { continue }
                skipSpaces()
                return k == scalars.count || ",}]\n/".unicodeScalars.contains(scalars[k]) ? lines : nil
            }
            k += 1
            lines += 1
        }
        return nil
    }

    /// Whether `c` may begin a value: after a value in a list, a comma is then missing.
    private static func beginsValue(_ c: Unicode.Scalar) -> Bool {
        c == "\"" || c == "{" || c == "[" || c == "-" || ("0"..."9").contains(c) || c == "t" || c == "f" || c == "n"
    }

    private mutating func advance() {
        if scalars[i] == "\n" { line += 1; lineStart = i + 1 }
        i += 1
    }

    /// A bidirectional control in a comment is refused as in a string: it can make the rules
    /// read otherwise in an editor than they are (the first of each comment is reported).
    private mutating func checkBidi(_ scalar: Unicode.Scalar, _ reported: inout Bool) {
        guard !allowsBidi, !reported, Echo.isBidiControl(scalar) else { return }
        reported = true
        problems.append(InputMessages.controlCharacter(scalar, at: here, column: nil))
    }

    private mutating func skipTrivia() throws {
        while let c = current {
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{FEFF}" {
                advance()
            } else if c == "/" && i + 1 < scalars.count && scalars[i + 1] == "/" {
                var reported = false
                while let d = current, d != "\n" { checkBidi(d, &reported); advance() }
            } else if c == "/" && i + 1 < scalars.count && scalars[i + 1] == "*" {
                let start = here
                advance(); advance()
                var closed = false, reported = false
                while let d = current {
                    if d == "*" && i + 1 < scalars.count && scalars[i + 1] == "/" {
                        advance(); advance(); closed = true; break
                    }
                    checkBidi(d, &reported)
                    advance()
                }
                if !closed { throw fail(JSONCMessages.unclosedComment, at: start, hint: JSONCMessages.endComment) }
            } else {
                return
            }
        }
    }

    private mutating func parseValue() throws -> JSONNode {
        guard let c = current else { throw fail(JSONCMessages.endsEarly) }
        let start = here
        switch c {
        case "{": return try parseObject()
        case "[": return try parseArray()
        case "\"": return try parseString()
        case "-", "0"..."9": return try parseNumber()
        case "'":
            throw fail(JSONCMessages.singleQuotes, hint: JSONCMessages.writeDoubleQuotes)
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
                case _ where NumberSpellings.chinesePrefix(word) != nil:
                    // `十二`, `三分`: the number in digits, read on as it (since 0.29.2).
                    let value = NumberSpellings.chinesePrefix(word)!.value.plainText(maxPlaces: 6)
                    try recover(fail(JSONCMessages.chineseNumeral(word), at: start, hint: JSONCMessages.writePlain(value)))
                    return JSONNode(.number(value), at: start)
                default:
                    // `True`, `FALSE`, `是`, `否`: a yes or no meant, which JSON writes in lower
                    // case without quotes (quoting it, as the plain hint says, is refused next).
                    throw fail(JSONCMessages.bareWord(word), at: start,
                               hint: JSONCMessages.yesOrNo(word).map(JSONCMessages.writeBool) ?? JSONCMessages.write(word))
                }
            }
            // `+12`, `.5e1`: a number as JavaScript writes it, read on as JSON's (since 0.29.2).
            if c == "+" || c == ".", let (json, end) = NumberSpellings.signedOrBarePoint(scalars, from: i) {
                let text = String(String.UnicodeScalarView(scalars[i..<end]))
                try recover(fail(c == "+" ? JSONCMessages.plusSign(text) : JSONCMessages.barePoint(text), at: start,
                                 hint: JSONCMessages.writePlain(NumberSpellings.plain(json))))
                while i < end { advance() }
                return JSONNode(.number(json), at: start)
            }
            let said = fail(JSONCMessages.unexpectedValue("\(c)"), hint: lookalikeHint(at: i))
            // `“合格”`: read as the string it was meant to be.
            if JSONCParser.chineseQuotes.contains(c), let node = try chineseQuoted(said) { return node }
            if JSONCParser.numberLookalikes.contains(c) || c == "－", let (number, end) = JSONCParser.asciiNumber(scalars, from: i) {
                try recover(said)
                while i < end { advance() }
                // `２分`, `３０％`: what may follow a number, as after one typed in ASCII.
                try readPastAfterNumber(number)
                return JSONNode(.number(number), at: start)
            }
            throw said
        }
    }

    /// The text between the Chinese quote at `i` and the next one on its line, as a string
    /// node, with `said` reported; `nil` (nothing read) when no quote closes it on the line.
    private mutating func chineseQuoted(_ said: Failure) throws -> JSONNode? {
        let start = here
        var k = i + 1, text = ""
        while k < scalars.count, !JSONCParser.chineseQuotes.contains(scalars[k]), scalars[k] != "\n", scalars[k] != "\"" {
            text.unicodeScalars.append(scalars[k]); k += 1
        }
        guard k < scalars.count, JSONCParser.chineseQuotes.contains(scalars[k]) else { return nil }
        try recover(said)
        while i <= k { advance() }
        return JSONNode(.string(text), at: start)
    }

    private mutating func enter() throws {
        depth += 1
        if depth > JSONCParser.maxDepth { throw fail(JSONCMessages.tooDeep(JSONCParser.maxDepth)) }
    }

    /// From how many members an object's keys are found by a table rather than a pass over them
    /// (most objects are small: a table for each would cost more than it saves).
    static let indexedFrom = 16

    private mutating func parseObject() throws -> JSONNode {
        let start = here
        try enter()
        defer { depth -= 1 }
        advance() // {
        var members: [JSONMember] = []
        // Where each key is in `members`, once the object has more than a few: a duplicate key was
        // looked for by a pass over the keys before it, quadratic in a large object (a sealed
        // session's `ranking` of 200 000 units took most of `session status` and `verify`).
        var index: [String: Int] = [:]
        try skipTrivia()
        while true {
            guard let c = current else {
                throw fail(JSONCMessages.unclosed(true, line: start.line, column: start.column), hint: JSONCMessages.add("}"))
            }
            if c == "}" { advance(); break }
            if c == "｝" {
                try recover(fail(JSONCMessages.unexpectedKey("\(c)"), hint: lookalikeHint(at: i)))
                advance()
                break
            }
            var quoted: JSONNode?
            if JSONCParser.chineseQuotes.contains(c) {
                // `“points”`: read as the key it was meant to be.
                quoted = try chineseQuoted(fail(JSONCMessages.unexpectedKey("\(c)"), hint: lookalikeHint(at: i)))
            }
            guard c == "\"" || quoted != nil else {
                if c == "," {
                    // `,,` or `{,`: a comma too many.
                    try recover(fail(JSONCMessages.commaNotKey, hint: JSONCMessages.removeComma))
                    advance()
                    try skipTrivia()
                    continue
                }
                if c == "'" { throw fail(JSONCMessages.keySingleQuotes) }
                if c.properties.isAlphabetic || c == "_" {
                    var word = ""
                    var k = i
                    while k < scalars.count, scalars[k].properties.isAlphabetic || scalars[k] == "_" || ("0"..."9").contains(scalars[k]) {
                        word.unicodeScalars.append(scalars[k]); k += 1
                    }
                    throw fail(JSONCMessages.keyQuotes, hint: JSONCMessages.write(word))
                }
                // A `{` where the next key belongs: most likely the object above lacks its `}`.
                let hint = c == "{" ? JSONCMessages.objectNotClosed(line: start.line, column: start.column) : lookalikeHint(at: i)
                throw fail(JSONCMessages.unexpectedKey("\(c)"), hint: hint)
            }
            let keyNode = try quoted ?? parseString()
            let key = keyNode.stringValue ?? ""
            try skipTrivia()
            if current == "：" {
                try recover(fail(JSONCMessages.colonAfter(key), hint: lookalikeHint(at: i)))
            } else if current != ":" {
                throw fail(JSONCMessages.colonAfter(key), hint: current == nil ? nil : lookalikeHint(at: i))
            }
            advance()
            try skipTrivia()
            keyPath.append(key)
            let value = try parseValue()
            // Where a comma missing after the value belongs (not at the next key, perhaps lines on).
            let afterValue = here, valueEnd = i
            keyPath.removeLast()
            if members.count == JSONCParser.indexedFrom { for (k, m) in members.enumerated() { index[m.key] = k } }
            let earlier = members.count < JSONCParser.indexedFrom ? members.firstIndex { $0.key == key } : index[key]
            if let earlier {
                let first = members[earlier]
                problems.append(.error(.duplicateKey, JSONCMessages.duplicateKey(key, line: first.keyLocation.line, column: first.keyLocation.column),
                                       at: keyNode.location, hint: JSONCMessages.removeOne))
            } else {
                if members.count >= JSONCParser.indexedFrom { index[key] = members.count }
                members.append(JSONMember(key: key, keyLocation: keyNode.location, value: value))
            }
            try skipTrivia()
            if current == "," {
                advance()
                try skipTrivia()
                continue
            }
            if current == "}" { advance(); break }
            guard let next = current else {
                throw fail(JSONCMessages.unclosed(true, line: start.line, column: start.column), hint: JSONCMessages.add("}"))
            }
            if let quote = quoteInside(value, endingAt: valueEnd, key: key) { throw quote }
            let said = fail(JSONCMessages.commaOrBrace(key), hint: lookalikeHint(at: i) ?? JSONCMessages.commaMissing)
            switch next {
            case "，", "、":
                try recover(said)
                advance()
                try skipTrivia()
                continue
            case "｝":
                try recover(said)
                advance()
            case "\"":
                // The next key: the comma before it is missing, said where it belongs.
                try recover(fail(JSONCMessages.commaOrBrace(key), at: afterValue, hint: commaHint(after: valueEnd)))
                continue
            case "]":
                // The list this object is in closes: the object's `}` is missing, said right after
                // its last value (a rules author's trial was told a comma was missing, a line on),
                // and read on as if it stood there.
                try recover(fail(JSONCMessages.commaOrBrace(key), at: afterValue, hint: JSONCMessages.objectNotClosed(line: start.line, column: start.column)))
            default:
                throw said
            }
            break
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
                throw fail(JSONCMessages.unclosed(false, line: start.line, column: start.column), hint: JSONCMessages.add("]"))
            }
            if c == "]" { advance(); break }
            if c == "］" || c == "】" {
                try recover(fail(JSONCMessages.commaOrBracket, hint: lookalikeHint(at: i)))
                advance()
                break
            }
            if c == "," {
                try recover(fail(JSONCMessages.commaNotValue, hint: JSONCMessages.removeComma))
                advance()
                try skipTrivia()
                continue
            }
            items.append(try parseValue())
            let afterValue = here, valueEnd = i
            try skipTrivia()
            if current == "," { advance(); try skipTrivia(); continue }
            if current == "]" { advance(); break }
            guard let next = current else {
                throw fail(JSONCMessages.unclosed(false, line: start.line, column: start.column), hint: JSONCMessages.add("]"))
            }
            if let quote = quoteInside(items[items.count - 1], endingAt: valueEnd, key: nil) { throw quote }
            let said = fail(JSONCMessages.commaOrBracket, hint: lookalikeHint(at: i) ?? JSONCMessages.commaMissing)
            if next == "，" || next == "、" {
                try recover(said)
                advance()
                try skipTrivia()
                continue
            }
            if next == "］" || next == "】" {
                try recover(said)
                advance()
                break
            }
            // The next value: the comma before it is missing, said where it belongs.
            guard JSONCParser.beginsValue(next) else { throw said }
            try recover(fail(JSONCMessages.commaOrBracket, at: afterValue, hint: commaHint(after: valueEnd)))
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
            guard !control, Echo.isControl(scalar) || (!allowsBidi && Echo.isBidiControl(scalar)), scalar != "\t", scalar != "\n", scalar != "\r" else { return }
            control = true
            problems.append(InputMessages.controlCharacter(scalar, at: SourceLocation(file: file, line: line, column: column), column: nil))
        }
        // Whether a line break in it was said (once a string, however many lines it runs over).
        var brokenOverLines = false
        while true {
            guard let c = current else { throw fail(JSONCMessages.unclosedString, at: start, hint: JSONCMessages.closeString) }
            if c == "\n" {
                // A text typed over lines (a long criteria, Enter pressed in it): when a later
                // line closes it, said as such, with the lines to join, and read on as if they
                // were one. Otherwise the string is not closed.
                guard let closing = Self.closingLine(scalars, after: i) else {
                    throw fail(JSONCMessages.unclosedString, at: start, hint: JSONCMessages.closeString)
                }
                if !brokenOverLines {
                    brokenOverLines = true
                    try recover(fail(JSONCMessages.stringOverLines(start.line, line + closing),
                                     hint: JSONCMessages.joinLines(start.line, line + closing)))
                }
                advance()
                while current == " " || current == "\t" || current == "\r" { advance() }
                continue
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
                guard let e = current else { throw fail(JSONCMessages.unclosedString, at: start) }
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
                        throw fail(JSONCMessages.badUnicodeEscape, at: escapeStart, hint: JSONCMessages.surrogatePair)
                    }
                    checkControl(u, at: col)
                    s.append(u); columns.append(col)
                    continue
                default:
                    throw fail(JSONCMessages.unknownEscape("\(e)"), hint: JSONCMessages.backslash)
                }
                advance()
                checkControl(scalar, at: col)
                s.append(scalar); columns.append(col)
                continue
            }
            // Typed or pasted raw into a string (JSON wants `\t`): said as the character it
            // is, with how to fix it, once per string; the string is kept and reading goes on.
            if c.value < 0x20 {
                if !control {
                    control = true
                    let at = SourceLocation(file: file, line: line, column: col)
                    problems.append(c == "\t" ? .error(.controlCharacter, JSONCMessages.tabInString, at: at, hint: JSONCMessages.tabInStringHint)
                                               : InputMessages.controlCharacter(c, at: at, column: nil))
                }
                s.append(c); columns.append(col)
                advance()
                continue
            }
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
                throw fail(JSONCMessages.fourHex)
            }
            v = v * 16 + d
            advance()
        }
        return v
    }

    /// After the number `text`: a `%` (`30%`) or a unit written as on the paper criteria
    /// (`2分`, `5项`), each reported and read past.
    private mutating func readPastAfterNumber(_ text: String) throws {
        if let c = current, c == "%" || c == "％" {
            let hint = percentHint?(keyPath, text) ?? JSONCMessages.rateFraction(text, JSONCParser.hundredth(of: text))
            try recover(fail(JSONCMessages.afterNumber("\(c)", text), hint: hint))
            advance()
        }
        if let c = current, c.properties.isIdeographic, !"万千百亿".unicodeScalars.contains(c) {
            try recover(fail(JSONCMessages.afterNumber("\(c)", text), hint: JSONCMessages.unitAfterNumber("\(c)", text)))
            while let d = current, d.properties.isIdeographic { advance() }
        }
    }

    private mutating func parseNumber() throws -> JSONNode {
        let start = here, startIndex = i
        var text = ""
        func take() { text.unicodeScalars.append(scalars[i]); advance() }
        func digits() -> Int { var n = 0; while let c = current, ("0"..."9").contains(c) { take(); n += 1 }; return n }
        // `0x0C`, `-.5`: a number as JavaScript writes it, said with the number to write and read
        // on as that (since 0.29.2; `0x0C` was `0` followed by `x`, and the hint said to write 0).
        if let (decimal, end) = NumberSpellings.hexadecimal(scalars, from: i) {
            let written = String(String.UnicodeScalarView(scalars[i..<end]))
            try recover(fail(JSONCMessages.hexNumber(written), at: start, hint: JSONCMessages.writePlain(decimal)))
            while i < end { advance() }
            return JSONNode(.number(decimal), at: start)
        }
        if current == "-", i + 1 < scalars.count, scalars[i + 1] == ".", let (json, end) = NumberSpellings.signedOrBarePoint(scalars, from: i) {
            let written = String(String.UnicodeScalarView(scalars[i..<end]))
            try recover(fail(JSONCMessages.barePoint(written), at: start, hint: JSONCMessages.writePlain(NumberSpellings.plain(json))))
            while i < end { advance() }
            return JSONNode(.number(json), at: start)
        }
        if current == "-" { take() }
        let integerStart = text.unicodeScalars.count
        let integerDigits = digits()
        guard integerDigits > 0 else { throw fail(JSONCMessages.digitsAfterMinus, at: start) }
        // `012`: JSON has no leading zeros (JavaScript once read it as octal); refused, not guessed.
        let leadingZeros = integerDigits > 1 && text.unicodeScalars.dropFirst(integerStart).first == "0"
        if current == "." {
            take()
            guard digits() > 0 else { throw fail(JSONCMessages.digitsAfterPoint, at: start) }
        }
        if current == "e" || current == "E" {
            take()
            if current == "+" || current == "-" { take() }
            guard digits() > 0 else { throw fail(JSONCMessages.exponentDigits, at: start) }
        }
        if leadingZeros {
            let sign = integerStart > 0 ? "-" : ""
            var rest = Substring(text.dropFirst(integerStart))
            while rest.count > 1, rest.first == "0", rest.dropFirst().first?.isNumber == true { rest = rest.dropFirst() }
            let json = sign + rest
            try recover(fail(JSONCMessages.leadingZero(text), at: start, hint: JSONCMessages.writePlain(json)))
            text = json
        }
        try readPastAfterNumber(text)
        if let c = current, c.properties.isAlphabetic || JSONCParser.numberLookalikes.contains(c) {
            // `3。5`, `1２`: a number typed partly in a Chinese input method.
            let ascii = JSONCParser.asciiNumber(scalars, from: startIndex)
            // A letter (`12abc`, `0xZ`) has no number to offer: the digits before it are not one.
            let said = fail(JSONCMessages.afterNumber("\(c)", text),
                            hint: c.properties.isAlphabetic ? nil : ascii.map { JSONCMessages.writeNumber($0.text) })
            guard let ascii, !c.properties.isAlphabetic else { throw said }
            try recover(said)
            while i < ascii.end { advance() }
            return JSONNode(.number(ascii.text), at: start)
        }
        return JSONNode(.number(text), at: start)
    }

    // MARK: Characters typed in a Chinese input method

    /// Full-width digits and points, which a Chinese input method types for `0`–`9` and `.`.
    private static let numberLookalikes: Set<Unicode.Scalar> = Set((0xFF10...0xFF19).compactMap(Unicode.Scalar.init) + ["。", "．"])
    /// Punctuation a Chinese input method types for the JSON's own.
    private static let lookalikes: [Unicode.Scalar: String] = [
        "：": ":", "，": ",", "、": ",", "｛": "{", "｝": "}", "［": "[", "］": "]", "【": "[", "】": "]", "－": "-",
    ]
    private static let chineseQuotes: Set<Unicode.Scalar> = ["“", "”", "＂", "„", "‘", "’"]

    /// The number that starts at `index`, typed with full-width digits or a Chinese full stop
    /// (`３。５`), as ASCII (`3.5`); `nil` when that is not a number.
    private static func asciiNumber(_ scalars: [Unicode.Scalar], from index: Int) -> (text: String, end: Int)? {
        var out = ""
        var k = index
        while k < scalars.count {
            let c = scalars[k]
            if ("0"..."9").contains(c) || c == "." || c == "-" { out.unicodeScalars.append(c) }
            else if (0xFF10...0xFF19).contains(c.value) { out.unicodeScalars.append(Unicode.Scalar(c.value - 0xFF10 + 0x30)!) }
            else if c == "。" || c == "．" { out.append(".") }
            else if c == "－" { out.append("-") }
            else { break }
            k += 1
        }
        return Rational(decimal: out) != nil ? (out, k) : nil
    }

    /// `90` → `0.9`.
    private static func hundredth(of number: String) -> String {
        Rational(decimal: number).flatMap { $0.divided(by: Rational(100)) }?.plainText(maxPlaces: 12) ?? number
    }

    /// A string followed at once by more text (`"按"4+4+N"模式"`): a `"` typed inside the text
    /// ended it early. Said as such, with the text that follows, rather than as a missing comma.
    /// - Parameter key: the value's key; a formula's (`formula`, `when`) has no quotes at all.
    private func quoteInside(_ value: JSONNode, endingAt end: Int, key: String?) -> Failure? {
        // Right after the closing quote, with no space or comment between; not a bracket or a
        // quote (a structural mistake, said as before), nor what has a hint of its own (`，`
        // `：` `“` a full-width digit, `#`).
        guard value.stringValue != nil, i == end, let c = current, !"，、｝］】：:[]{}\"".unicodeScalars.contains(c),
              lookalikeHint(at: i) == nil else { return nil }
        var rest = String.UnicodeScalarView()
        var k = i
        while k < scalars.count, scalars[k] != "\n", scalars[k] != "\r", rest.count < 24 {
            rest.append(scalars[k])
            if scalars[k] == "\"" && k > i { break }
            k += 1
        }
        let formula = key == "formula" || key == "when"
        return fail(JSONCMessages.textAfterString(String(rest), key: key), hint: formula ? JSONCMessages.noQuotesInFormula : JSONCMessages.quoteInString)
    }

    /// What to write instead of the character at `index`, when it is the full-width or Chinese
    /// form of what JSON needs there (`：`, `，`, `“…”`, `２`), a `#` comment or a full-width space.
    /// The file is not read as if it were right: it must stay JSON that other tools read.
    private func lookalikeHint(at index: Int) -> Localized? {
        guard index < scalars.count else { return nil }
        let c = scalars[index]
        if let ascii = JSONCParser.lookalikes[c] { return JSONCMessages.writeASCII(ascii, "\(c)") }
        if JSONCParser.chineseQuotes.contains(c) {
            var word = String.UnicodeScalarView()
            var k = index + 1
            while k < scalars.count, !JSONCParser.chineseQuotes.contains(scalars[k]), scalars[k] != "\n", scalars[k] != "\"", word.count <= 64 {
                word.append(scalars[k]); k += 1
            }
            let closed = k < scalars.count && JSONCParser.chineseQuotes.contains(scalars[k])
            return JSONCMessages.chineseQuotes(closed ? String(word) : nil)
        }
        if JSONCParser.numberLookalikes.contains(c), let number = JSONCParser.asciiNumber(scalars, from: index) {
            return JSONCMessages.writeNumber(number.text)
        }
        if c == "#" || c == "＃" { return JSONCMessages.hashComment }
        if c == "\u{3000}" { return JSONCMessages.fullWidthSpace }
        return nil
    }
}
