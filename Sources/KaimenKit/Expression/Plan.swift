/// A formula after resolution: names are slots, functions are built-ins, and every part
/// without a metric in it has been folded to a constant (but for one whose exact value does not
/// fit a `Rational`: `Resolver.Resolved.unfolded`). Booleans stay booleans here; the
/// instruction array encodes them as 0 and 1.
indirect enum Plan: Sendable, Equatable {
    case number(Rational)
    case boolean(Bool)
    case load(slot: Int, name: String)
    case negate(Plan)
    case not(Plan)
    case binary(BinaryOperator, Plan, Plan)
    case conditional(Plan, then: Plan, else: Plan)
    case call(BuiltinFunction.Kind, [Plan])
    /// Stands in for a part that had an error; a plan containing it is never run.
    case invalid

    var constant: Rational? {
        switch self {
        case .number(let r): r
        case .boolean(let b): b ? .one : .zero
        default: nil
        }
    }

    // MARK: Folding constructors

    // A part whose operands are all constant is folded by `Resolver`, exactly; these fold what
    // a constant decides in a part that reads a metric.

    static func inverted(_ x: Plan) -> Plan {
        if case .boolean(let b) = x { return .boolean(!b) }
        return .not(x)
    }

    /// `nil` when the divisor is the constant 0.
    static func combined(_ op: BinaryOperator, _ l: Plan, _ r: Plan) -> Plan? {
        if op == .divide, case .number(let d) = r, d.isZero { return nil }
        if case .boolean(let b) = l, op.isLogical {
            // `false and x` is false, `true and x` is x; `or` likewise. x is never read.
            return (op == .and) == b ? r : l
        }
        return .binary(op, l, r)
    }

    static func choice(_ c: Plan, _ t: Plan, _ e: Plan) -> Plan {
        if case .boolean(let b) = c { return b ? t : e }
        return .conditional(c, then: t, else: e)
    }
}
