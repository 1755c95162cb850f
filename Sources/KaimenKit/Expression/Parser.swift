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
            throw FormulaProblem(.expressionTooLong, FormulaMessages.tooLong(scalars.count, maxLength),
                                 at: 0, hint: FormulaMessages.splitStandards)
        }
        let tokens = try Lexer.tokenize(scalars)
        guard tokens.count > 1 else {
            throw FormulaProblem(.expressionSyntax, FormulaMessages.empty, at: 0)
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
            throw FormulaProblem(.expressionTooDeep, FormulaMessages.tooDeep(Parser.maxDepth),
                                 at: t.offset, hint: FormulaMessages.splitParts)
        }
    }

    private func expected(_ what: Localized, hint: Localized? = nil, hintOffset: Int? = nil) -> FormulaProblem {
        FormulaProblem(.expressionSyntax, FormulaMessages.expected(what, found: FormulaMessages.found(peek)), at: peek.offset,
                       hint: hint, hintOffset: hintOffset)
    }

    // MARK: Precedence ladder

    /// `if c then a else b`, or an `or` chain.
    private mutating func expression() throws(FormulaProblem) -> Expr {
        guard peek.kind == .if else { return try disjunction() }
        let ifToken = advance()
        let condition = try nestedExpression()
        guard peek.kind == .then else {
            throw expected(FormulaMessages.thenAfterCondition, hint: FormulaMessages.writeIf)
        }
        advance()
        let thenBranch = try nestedExpression()
        guard peek.kind == .else else {
            throw expected(FormulaMessages.elseAfterThen, hint: FormulaMessages.everyIfElse)
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
            throw FormulaProblem(.expressionSyntax, FormulaMessages.chained(op.rawValue, peek.text),
                                 at: peek.offset, hint: FormulaMessages.joinWithAnd)
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
                throw expected(FormulaMessages.closeParen, hint: FormulaMessages.openParenIs, hintOffset: t.offset)
            }
            inner.range = t.offset..<advance().end
            return inner
        case .if:
            throw FormulaProblem(.expressionSyntax, FormulaMessages.ifInParens, at: t.offset, hint: FormulaMessages.writeIfParens)
        case .not:
            throw FormulaProblem(.expressionSyntax, FormulaMessages.notInParens, at: t.offset, hint: FormulaMessages.writeNotParens)
        default:
            // `min(a,, b)`, `min(a, )`, `min(, b)`: the commas said for what they are.
            let before = index > 0 ? tokens[index - 1].kind : nil
            let hint: Localized? = switch (t.kind, before) {
            case (.comma, .comma?): FormulaMessages.doubledComma
            case (.rightParen, .comma?): FormulaMessages.argumentAfterComma
            case (.comma, .leftParen?): FormulaMessages.argumentAfterParen
            default: nil
            }
            throw expected(FormulaMessages.operand, hint: hint)
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
                    throw expected(FormulaMessages.commaOrParen(name), hint: FormulaMessages.openParenIs,
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
            return FormulaProblem(.expressionSyntax, FormulaMessages.unmatchedParen, at: t.offset, hint: FormulaMessages.removeParen)
        case .comma:
            return FormulaProblem(.expressionSyntax, FormulaMessages.strayComma, at: t.offset)
        case .then, .else:
            return FormulaProblem(.expressionSyntax, FormulaMessages.withoutIf(t.text), at: t.offset, hint: FormulaMessages.writeIf)
        case .name(let word) where Token.keywords[word.lowercased()] != nil:
            return FormulaProblem(.expressionSyntax, FormulaMessages.afterComplete(Localized(same: "`\(word)`")), at: t.offset,
                                  hint: FormulaMessages.lowerCase(word.lowercased()))
        default:
            return FormulaProblem(.expressionSyntax, FormulaMessages.afterComplete(FormulaMessages.found(t)), at: t.offset,
                                  hint: FormulaMessages.operatorMissing)
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
