/// Reads tokens into an `Expr`, one precedence level per method, low to high:
/// `if` → `or` → `and` → `not` → comparison → `+ -` → `* /` → unary `-` → primary.
///
/// Stops at the first syntax error. Nesting (parentheses, function calls, `if` parts,
/// `not` and unary `-` chains) is limited to `maxDepth` levels, so no formula can
/// overflow the stack.
struct Parser {
    static let maxDepth = 64
    static let maxLength = 4000

    private let tokens: [Token]
    private var index = 0
    private var depth = 0

    static func parse(_ scalars: [Unicode.Scalar]) throws(FormulaProblem) -> Expr {
        guard scalars.count <= maxLength else {
            throw FormulaProblem("expression-too-long",
                                 "the formula is \(scalars.count) characters long; at most \(maxLength) are allowed",
                                 at: 0, hint: "split it into simpler standards")
        }
        let tokens = try Lexer.tokenize(scalars)
        guard tokens.count > 1 else {
            throw FormulaProblem("expression-syntax", "the formula is empty", at: 0)
        }
        var parser = Parser(tokens: tokens)
        let e = try parser.expression()
        if parser.peek.kind != .end { throw parser.trailing() }
        return e
    }

    private init(tokens: [Token]) { self.tokens = tokens }

    // MARK: Token access

    private var peek: Token { tokens[index] }

    @discardableResult
    private mutating func advance() -> Token {
        let t = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return t
    }

    private mutating func enter(_ t: Token) throws(FormulaProblem) {
        depth += 1
        if depth > Parser.maxDepth {
            throw FormulaProblem("expression-too-deep", "the formula is nested more than \(Parser.maxDepth) levels deep",
                                 at: t.offset, hint: "split it into simpler parts")
        }
    }

    private func expected(_ what: String, hint: String? = nil, hintOffset: Int? = nil) -> FormulaProblem {
        FormulaProblem("expression-syntax", "expected \(what), but found \(peek.quoted)", at: peek.offset,
                       hint: hint, hintOffset: hintOffset)
    }

    // MARK: Precedence ladder

    /// `if c then a else b`, or an `or` chain.
    private mutating func expression() throws(FormulaProblem) -> Expr {
        guard peek.kind == .if else { return try disjunction() }
        let ifToken = advance()
        let condition = try nestedExpression()
        guard peek.kind == .then else {
            throw expected("`then` after the condition of `if`", hint: "write `if condition then a else b`")
        }
        advance()
        let thenBranch = try nestedExpression()
        guard peek.kind == .else else {
            throw expected("`else` after `if … then …`", hint: "every `if` needs an `else`: `if condition then a else b`")
        }
        advance()
        let elseBranch = try nestedExpression()
        return Expr(.conditional(condition, then: thenBranch, else: elseBranch), offset: ifToken.offset,
                    range: ifToken.offset..<elseBranch.range.upperBound)
    }

    private mutating func nestedExpression() throws(FormulaProblem) -> Expr {
        try enter(peek)
        defer { depth -= 1 }
        return try expression()
    }

    private mutating func disjunction() throws(FormulaProblem) -> Expr {
        var left = try conjunction()
        while peek.kind == .or {
            let op = advance()
            let right = try conjunction()
            left = Expr(.binary(.or, left, right), offset: op.offset, range: left.range.lowerBound..<right.range.upperBound)
        }
        return left
    }

    private mutating func conjunction() throws(FormulaProblem) -> Expr {
        var left = try negation()
        while peek.kind == .and {
            let op = advance()
            let right = try negation()
            left = Expr(.binary(.and, left, right), offset: op.offset, range: left.range.lowerBound..<right.range.upperBound)
        }
        return left
    }

    private mutating func negation() throws(FormulaProblem) -> Expr {
        guard peek.kind == .not else { return try comparison() }
        let op = advance()
        try enter(op)
        defer { depth -= 1 }
        let operand = try negation()
        return Expr(.not(operand), offset: op.offset, range: op.offset..<operand.range.upperBound)
    }

    /// At most one comparison: `a < b < c` is an error, not `(a < b) < c`.
    private mutating func comparison() throws(FormulaProblem) -> Expr {
        let left = try additive()
        guard peek.isComparison else { return left }
        let opToken = advance()
        let op = Parser.comparisonOperator(opToken.kind)
        let right = try additive()
        if peek.isComparison {
            throw FormulaProblem("expression-syntax", "comparisons cannot be chained: `\(op.rawValue)` is followed by `\(peek.text)`",
                                 at: peek.offset, hint: "join two comparisons with `and`, e.g. `0 < x and x < 1`")
        }
        return Expr(.binary(op, left, right), offset: opToken.offset, range: left.range.lowerBound..<right.range.upperBound)
    }

    private static func comparisonOperator(_ kind: Token.Kind) -> BinaryOperator {
        switch kind {
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessEqual: .lessEqual
        case .greater: .greater
        default: .greaterEqual
        }
    }

    private mutating func additive() throws(FormulaProblem) -> Expr {
        var left = try multiplicative()
        while peek.kind == .plus || peek.kind == .minus {
            let op = advance()
            let right = try multiplicative()
            left = Expr(.binary(op.kind == .plus ? .add : .subtract, left, right), offset: op.offset,
                        range: left.range.lowerBound..<right.range.upperBound)
        }
        return left
    }

    private mutating func multiplicative() throws(FormulaProblem) -> Expr {
        var left = try unary()
        while peek.kind == .star || peek.kind == .slash {
            let op = advance()
            let right = try unary()
            left = Expr(.binary(op.kind == .star ? .multiply : .divide, left, right), offset: op.offset,
                        range: left.range.lowerBound..<right.range.upperBound)
        }
        return left
    }

    private mutating func unary() throws(FormulaProblem) -> Expr {
        guard peek.kind == .minus else { return try primary() }
        let op = advance()
        try enter(op)
        defer { depth -= 1 }
        let operand = try unary()
        return Expr(.negate(operand), offset: op.offset, range: op.offset..<operand.range.upperBound)
    }

    private mutating func primary() throws(FormulaProblem) -> Expr {
        let t = peek
        switch t.kind {
        case .number(let r):
            advance()
            return Expr(.number(r), offset: t.offset, range: t.offset..<t.end)
        case .true, .false:
            advance()
            return Expr(.boolean(t.kind == .true), offset: t.offset, range: t.offset..<t.end)
        case .name(let name):
            advance()
            if peek.kind == .leftParen { return try call(name, at: t) }
            return Expr(.name(name), offset: t.offset, range: t.offset..<t.end)
        case .leftParen:
            try enter(t)
            defer { depth -= 1 }
            advance()
            var inner = try expression()
            guard peek.kind == .rightParen else {
                throw expected("`)`", hint: "the `(` it should close is", hintOffset: t.offset)
            }
            inner.range = t.offset..<advance().end
            return inner
        case .if:
            throw FormulaProblem("expression-syntax", "`if` must be in parentheses when it is part of a larger formula",
                                 at: t.offset, hint: "write `(if condition then a else b)`")
        case .not:
            throw FormulaProblem("expression-syntax", "`not` must be in parentheses here", at: t.offset,
                                 hint: "write `(not condition)`")
        default:
            throw expected("a number, a metric or `(`")
        }
    }

    private mutating func call(_ name: String, at nameToken: Token) throws(FormulaProblem) -> Expr {
        let open = advance()
        try enter(open)
        defer { depth -= 1 }
        var arguments: [Expr] = []
        if peek.kind != .rightParen {
            while true {
                arguments.append(try expression())
                if peek.kind == .comma { advance(); continue }
                guard peek.kind == .rightParen else {
                    throw expected("`,` or `)` after an argument of `\(name)`", hint: "the `(` it should close is",
                                   hintOffset: open.offset)
                }
                break
            }
        }
        let close = advance()
        return Expr(.call(name, arguments), offset: nameToken.offset, range: nameToken.offset..<close.end)
    }

    /// A complete formula was read but tokens remain.
    private func trailing() -> FormulaProblem {
        let t = peek
        switch t.kind {
        case .rightParen:
            return FormulaProblem("expression-syntax", "unmatched `)`", at: t.offset, hint: "remove it, or add the `(` it closes")
        case .comma:
            return FormulaProblem("expression-syntax", "unexpected `,` outside a function call", at: t.offset)
        case .then, .else:
            return FormulaProblem("expression-syntax", "`\(t.text)` without `if`", at: t.offset,
                                  hint: "write `if condition then a else b`")
        case .name(let word) where Token.keywords[word.lowercased()] != nil:
            return FormulaProblem("expression-syntax", "unexpected `\(word)` after a complete formula", at: t.offset,
                                  hint: "keywords are lower case: `\(word.lowercased())`")
        default:
            return FormulaProblem("expression-syntax", "unexpected \(t.quoted) after a complete formula", at: t.offset,
                                  hint: "is an operator such as `+` or `and` missing before it?")
        }
    }
}

extension Expr {
    /// Parses a formula without resolving names or checking types (for tools and tests).
    public static func parse(_ source: String, locate: (Int) -> SourceLocation) -> Result<Expr, DiagnosticsError> {
        do {
            return .success(try Parser.parse(Array(source.unicodeScalars)))
        } catch {
            return .failure(DiagnosticsError([error.diagnostic(locate)]))
        }
    }
}
