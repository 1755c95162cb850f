/// Prints a formula (parsed or compiled) back as text a person can read and the parser
/// reads again: single spaces, parentheses only where precedence needs them.
enum FormulaPrinter {
    static func print(_ e: Expr) -> String { text(e, above: 0) }

    static func print(_ p: Plan) -> String { text(p, above: 0) }

    private static func wrap(_ s: String, _ precedence: Int, _ above: Int) -> String {
        precedence < above ? "(\(s))" : s
    }

    private static func unaryMinus(_ operand: String) -> String {
        operand.hasPrefix("-") ? "- \(operand)" : "-\(operand)"
    }

    static func number(_ r: Rational, above: Int) -> String {
        if r.isInteger { return wrap(String(r.numerator), r.isNegative ? 7 : 8, above) }
        let decimal = r.plainText(maxPlaces: 12)
        if Rational(decimal: decimal) == r { return wrap(decimal, r.isNegative ? 7 : 8, above) }
        return wrap("\(r.numerator)/\(r.denominator)", 6, above)
    }

    private static func text(_ e: Expr, above: Int) -> String {
        switch e.kind {
        case .number(let r): return number(r, above: above)
        case .boolean(let b): return b ? "true" : "false"
        case .name(let n): return n
        case .negate(let x): return wrap(unaryMinus(text(x, above: 7)), 7, above)
        case .not(let x): return wrap("not \(text(x, above: 3))", 3, above)
        case .binary(let op, let l, let r):
            let p = op.precedence
            let s = "\(text(l, above: p == 4 ? p + 1 : p)) \(op.rawValue) \(text(r, above: p + 1))"
            return wrap(s, p, above)
        case .conditional(let c, let t, let f):
            return wrap("if \(text(c, above: 0)) then \(text(t, above: 0)) else \(text(f, above: 0))", 0, above)
        case .call(let name, let args):
            return "\(name)(\(args.map { text($0, above: 0) }.joined(separator: ", ")))"
        }
    }

    private static func text(_ p: Plan, above: Int) -> String {
        switch p {
        case .number(let r): return number(r, above: above)
        case .boolean(let b): return b ? "true" : "false"
        case .load(_, let name): return name
        case .invalid: return "<invalid>"
        case .negate(let x): return wrap(unaryMinus(text(x, above: 7)), 7, above)
        case .not(let x): return wrap("not \(text(x, above: 3))", 3, above)
        case .binary(let op, let l, let r):
            let p = op.precedence
            let s = "\(text(l, above: p == 4 ? p + 1 : p)) \(op.rawValue) \(text(r, above: p + 1))"
            return wrap(s, p, above)
        case .conditional(let c, let t, let f):
            return wrap("if \(text(c, above: 0)) then \(text(t, above: 0)) else \(text(f, above: 0))", 0, above)
        case .call(let kind, let args):
            return "\(kind.rawValue)(\(args.map { text($0, above: 0) }.joined(separator: ", ")))"
        }
    }
}
