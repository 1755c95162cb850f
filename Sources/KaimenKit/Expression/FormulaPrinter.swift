/// Prints a formula (parsed or compiled) back as text a person can read and the parser
/// reads again: single spaces, parentheses only where precedence needs them.
enum FormulaPrinter {
    static func print(_ e: Expr) -> String { text(e, above: 0, Words.formula) }

    /// The formula for a reader of the papers rather than of the rules file: each metric by
    /// `name` (its name in the rules), `×` and `÷` as the papers' other workings write them, and
    /// in Chinese the comparisons and words as a Chinese reader writes them (`≥`, `且`,
    /// `若 … 则 … 否则 …`). Not meant to be parsed again.
    static func readable(_ e: Expr, name: @escaping (String) -> String, lang: Language) -> String {
        text(e, above: 0, Words(name: name, lang: lang))
    }

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

    /// How names, operators and words are written: as in a rules file, or for a reader.
    private struct Words {
        var name: (String) -> String
        var op: (BinaryOperator) -> String
        var not = "not ", `if` = "if ", then = " then ", `else` = " else ", `true` = "true", `false` = "false"

        static var formula: Words { Words(name: { $0 }, op: { $0.rawValue }) }

        init(name: @escaping (String) -> String, op: @escaping (BinaryOperator) -> String) {
            self.name = name
            self.op = op
        }

        init(name: @escaping (String) -> String, lang: Language) {
            let zh = lang == .zh
            self.init(name: name) { op in
                switch op {
                case .greaterEqual: "≥"
                case .lessEqual: "≤"
                case .notEqual: "≠"
                case .multiply: "×"
                case .divide: "÷"
                case .and: zh ? "且" : "and"
                case .or: zh ? "或" : "or"
                default: op.rawValue
                }
            }
            if zh { (not, `if`, then, `else`, `true`, `false`) = ("非 ", "若 ", " 则 ", " 否则 ", "是", "否") }
        }
    }

    private static func text(_ e: Expr, above: Int, _ w: Words) -> String {
        switch e.kind {
        case .number(let r): return number(r, above: above)
        case .boolean(let b): return b ? w.true : w.false
        case .name(let n): return w.name(n)
        case .negate(let x): return wrap(unaryMinus(text(x, above: 7, w)), 7, above)
        case .not(let x): return wrap(w.not + text(x, above: 3, w), 3, above)
        case .binary(let op, let l, let r):
            let p = op.precedence
            let s = "\(text(l, above: p == 4 ? p + 1 : p, w)) \(w.op(op)) \(text(r, above: p + 1, w))"
            return wrap(s, p, above)
        case .conditional(let c, let t, let f):
            return wrap(w.if + text(c, above: 0, w) + w.then + text(t, above: 0, w) + w.else + text(f, above: 0, w), 0, above)
        case .call(let name, let args):
            return "\(name)(\(args.map { text($0, above: 0, w) }.joined(separator: ", ")))"
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
