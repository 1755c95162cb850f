/// Splits a formula into tokens. Stops at the first character that cannot start a token.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    static func tokenize(_ scalars: [Unicode.Scalar]) throws(FormulaProblem) -> [Token] {
        var lexer = Lexer(scalars: scalars)
        var tokens: [Token] = []
        while let token = try lexer.next() { tokens.append(token) }
        tokens.append(Token(.end, text: "", offset: scalars.count, end: scalars.count))
        return tokens
    }

    private init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        position + ahead < scalars.count ? scalars[position + ahead] : nil
    }

    private func text(_ start: Int) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[start..<position])
        return String(s)
    }

    private mutating func next() throws(FormulaProblem) -> Token? {
        while let c = peek(), c.properties.isWhitespace { position += 1 }
        guard let c = peek() else { return nil }
        let start = position
        if c.isDigit { return try number() }
        if c.isIdentifierStart {
            while let d = peek(), d.isIdentifierStart || d.isDigit || d == "." { position += 1 }
            let word = text(start)
            return Token(Token.keywords[word] ?? .name(word), text: word, offset: start, end: position)
        }
        position += 1
        let kind: Token.Kind
        switch c {
        case "+": kind = .plus
        case "-": kind = .minus
        case "*": kind = .star
        case "/": kind = .slash
        case "(": kind = .leftParen
        case ")": kind = .rightParen
        case ",": kind = .comma
        case "=":
            if peek() == "=" { position += 1 }
            kind = .equal
        case "!":
            guard peek() == "=" else {
                throw FormulaProblem(.expressionSyntax, FormulaMessages.bang, at: start, hint: FormulaMessages.notOrNotEqual)
            }
            position += 1
            kind = .notEqual
        case "<":
            if peek() == ">" {
                throw FormulaProblem(.expressionSyntax, FormulaMessages.angleBrackets, at: start, hint: FormulaMessages.writeNotEqual)
            }
            if peek() == "=" { position += 1; kind = .lessEqual } else { kind = .less }
        case ">":
            if peek() == "=" { position += 1; kind = .greaterEqual } else { kind = .greater }
        default:
            let hint = c == "%" || c == "％" ? percentHint(before: start) : Lexer.brackets.contains(c) ? bracketHint(at: start)
                : fullWidthWordHint(at: start) ?? Lexer.hint(for: c)
            throw FormulaProblem(.expressionSyntax, FormulaMessages.unexpectedCharacter("\(c)"), at: start, hint: hint)
        }
        return Token(kind, text: text(start), offset: start, end: position)
    }

    /// Brackets people put around a name (`【members】`, `[members]`, `《…》`) or use to group.
    private static let brackets: Set<Unicode.Scalar> = ["【", "】", "[", "]", "{", "}", "〔", "〕", "［", "］", "《", "》", "「", "」", "〈", "〉"]

    /// `【members】`: the name the brackets hold, to be written alone; else how to group.
    private func bracketHint(at index: Int) -> Localized {
        var k = index + 1
        var name = String.UnicodeScalarView()
        while k < scalars.count, scalars[k].isIdentifierStart || scalars[k].isDigit || scalars[k] == "." { name.append(scalars[k]); k += 1 }
        let closed = k < scalars.count && Lexer.brackets.contains(scalars[k]) && !name.isEmpty && name.first!.isIdentifierStart
        return FormulaMessages.bracketed(closed ? String(name) : nil)
    }

    /// `ｍｅｍｂｅｒｓ`: a name typed in full-width letters (a Chinese input method's), with the
    /// word to write in ASCII (`members`); full-width digits and `＿` in it too. `nil` when the
    /// character is not a full-width letter.
    private func fullWidthWordHint(at index: Int) -> Localized? {
        func ascii(_ c: Unicode.Scalar) -> Unicode.Scalar? {
            guard (0xFF01...0xFF5E).contains(c.value) else { return nil }
            return Unicode.Scalar(c.value - 0xFEE0)
        }
        guard let first = ascii(scalars[index]), first.isIdentifierStart || first.isDigit else { return nil }
        // The whole word, from the ASCII letters before it (`membｅｒｓ`) to its end.
        var k = index
        while k > 0, scalars[k - 1].isIdentifierStart || scalars[k - 1].isDigit { k -= 1 }
        guard (ascii(scalars[k]) ?? scalars[k]).isIdentifierStart else { return nil }
        var written = String.UnicodeScalarView(), word = String.UnicodeScalarView()
        while k < scalars.count {
            let c = scalars[k], a = ascii(c) ?? c
            guard a.isIdentifierStart || a.isDigit else { break }
            written.append(c); word.append(a); k += 1
        }
        return FormulaMessages.writeASCII(String(word), String(written))
    }

    /// `55%`: the fraction the number before the `%` stands for (`0.55`).
    private func percentHint(before index: Int) -> Localized {
        var k = index
        while k > 0, scalars[k - 1].isDigit || scalars[k - 1] == "." { k -= 1 }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[k..<index])
        guard let n = Rational(decimal: String(s)), let f = n.divided(by: Rational(100)) else { return FormulaMessages.noPercent }
        return FormulaMessages.percentAsFraction(String(s), f.plainText(maxPlaces: 12))
    }

    /// `digits [. digits] [e [+-] digits]`, read exactly.
    private mutating func number() throws(FormulaProblem) -> Token {
        let start = position
        while peek()?.isDigit == true { position += 1 }
        if peek() == ".", peek(1)?.isDigit == true {
            position += 1
            while peek()?.isDigit == true { position += 1 }
        }
        if peek() == "e" || peek() == "E" {
            let sign = peek(1) == "+" || peek(1) == "-" ? 1 : 0
            if peek(1 + sign)?.isDigit == true {
                position += 1 + sign
                while peek()?.isDigit == true { position += 1 }
            }
        }
        let literal = text(start)
        guard let value = Rational(decimal: literal) else {
            if let problem = NumberLimits.check(unreadableLiteral: Substring(literal)) {
                throw FormulaProblem(.rulesNumberBeyondLimits, RulesNumberMessages.literalBeyondLimits(problem, literal), at: start,
                                     hint: RulesNumberMessages.hint(problem))
            }
            throw FormulaProblem(.expressionSyntax, FormulaMessages.tooManyDigits(literal), at: start, hint: FormulaMessages.digitLimit)
        }
        // The same limits as data values: a literal is a number of the rules file.
        if let problem = NumberLimits.check(value) {
            throw FormulaProblem(.rulesNumberBeyondLimits, RulesNumberMessages.literalBeyondLimits(problem, literal), at: start,
                                 hint: RulesNumberMessages.hint(problem))
        }
        return Token(.number(value), text: literal, offset: start, end: position)
    }

    private static let lookalikes: [Unicode.Scalar: String] = [
        "（": "(", "）": ")", "，": ",", "＋": "+", "－": "-", "×": "*", "＊": "*", "÷": "/", "／": "/",
        "＝": "=", "≠": "!=", "＜": "<", "＞": ">", "≤": "<=", "≥": ">=", "．": ".", "。": ".",
    ]

    private static func hint(for c: Unicode.Scalar) -> Localized? {
        if let ascii = lookalikes[c] { return FormulaMessages.writeASCII("\(ascii)", "\(c)") }
        // Full-width digits (０–９), as a Chinese input method types them.
        if (0xFF10...0xFF19).contains(c.value), let digit = Unicode.Scalar(c.value - 0xFF10 + 0x30) {
            return FormulaMessages.writeASCII("\(digit)", "\(c)")
        }
        switch c {
        case "&": return FormulaMessages.writeAnd
        case "|": return FormulaMessages.writeOr
        case "^": return FormulaMessages.noPower
        case ".": return FormulaMessages.digitBeforePoint
        case "\"", "'", "“", "”", "‘", "’": return FormulaMessages.noStrings
        default: return nil
        }
    }
}

extension Unicode.Scalar {
    fileprivate var isDigit: Bool { ("0"..."9").contains(self) }
    fileprivate var isIdentifierStart: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) || self == "_" }
}
