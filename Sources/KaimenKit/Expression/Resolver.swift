/// Checks types, resolves metric names to slots and functions to built-ins, and folds
/// constants, in one walk over the `Expr`. Reports every problem it finds and keeps going:
/// an unknown metric still counts as a number and a known function still gives a number,
/// so one mistake does not set off a cascade of others.
struct Resolver {
    private let names: FormulaNames
    private(set) var problems: [FormulaProblem] = []
    private(set) var slots: Set<Int> = []

    init(names: FormulaNames) { self.names = names }

    struct Resolved {
        /// `nil` when the part's type could not be known (e.g. an unknown function).
        var type: FormulaType?
        var plan: Plan
    }

    private mutating func report(_ code: String, _ message: String, at offset: Int, hint: String? = nil) {
        problems.append(FormulaProblem(code, message, at: offset, hint: hint))
    }

    /// Resolves the whole formula and checks it gives `expecting`.
    mutating func resolve(_ e: Expr, expecting: FormulaType) -> Plan {
        let r = resolve(e)
        if let type = r.type, type != expecting {
            let hint = expecting == .boolean
                ? "compare it with something, e.g. `… > 0`"
                : "use `if condition then a else b` to turn a condition into points"
            report("type-mismatch", "this formula must give \(expecting.phrase), but it gives \(type.phrase)",
                   at: e.range.lowerBound, hint: hint)
        }
        return r.plan
    }

    mutating func resolve(_ e: Expr) -> Resolved {
        switch e.kind {
        case .number(let r):
            return Resolved(type: .number, plan: .number(r))
        case .boolean(let b):
            return Resolved(type: .boolean, plan: .boolean(b))
        case .name(let name):
            guard let slot = names.slot(for: name) else {
                var hint = names.suggestion(for: name).map { "did you mean `\($0)`?" }
                if let f = BuiltinFunction.named(name) { hint = "`\(name)` is a function: write `\(f.usage)`" }
                report("unknown-metric", "unknown metric `\(name)` in formula", at: e.offset, hint: hint)
                return Resolved(type: .number, plan: .invalid)
            }
            slots.insert(slot)
            return Resolved(type: .number, plan: .load(slot: slot, name: name))
        case .negate(let x):
            let operand = resolve(x)
            if operand.type == .boolean {
                report("type-mismatch", "`-` needs a number, but its operand is true/false", at: x.range.lowerBound)
            }
            return Resolved(type: .number, plan: .negated(operand.plan))
        case .not(let x):
            let operand = resolve(x)
            if operand.type == .number {
                report("type-mismatch", "`not` needs true/false, but its operand is a number", at: x.range.lowerBound,
                       hint: "compare it with something, e.g. `not (x > 0)`")
            }
            return Resolved(type: .boolean, plan: .inverted(operand.plan))
        case .binary(let op, let l, let r):
            return binary(op, l, r, at: e.offset)
        case .conditional(let c, let t, let f):
            let condition = resolve(c)
            let yes = resolve(t)
            let no = resolve(f)
            if condition.type == .number {
                report("type-mismatch", "the condition of `if` must be true/false, but it is a number",
                       at: c.range.lowerBound, hint: "compare it with something, e.g. `if x > 0 then …`")
            }
            if let a = yes.type, let b = no.type, a != b {
                report("type-mismatch", "the branches of `if` differ: `then` gives \(a.phrase), but `else` gives \(b.phrase)",
                       at: f.range.lowerBound)
            }
            return Resolved(type: yes.type ?? no.type, plan: .choice(condition.plan, yes.plan, no.plan))
        case .call(let name, let args):
            return call(name, args, at: e.offset)
        }
    }

    private mutating func binary(_ op: BinaryOperator, _ l: Expr, _ r: Expr, at offset: Int) -> Resolved {
        let left = resolve(l)
        let right = resolve(r)
        let resultType: FormulaType = op.isArithmetic ? .number : .boolean
        if op == .equal || op == .notEqual {
            if let a = left.type, let b = right.type, a != b {
                report("type-mismatch", "`\(op.rawValue)` compares values of the same kind, but the left side is \(a.phrase) and the right side is \(b.phrase)",
                       at: offset)
            }
        } else {
            let needed: FormulaType = op.isLogical ? .boolean : .number
            for (side, part, expr) in [("left", left, l), ("right", right, r)] {
                if let t = part.type, t != needed {
                    report("type-mismatch", "`\(op.rawValue)` needs \(needed.plural) on both sides, but the \(side) side is \(t.phrase)",
                           at: expr.range.lowerBound)
                }
            }
        }
        guard let plan = Plan.combined(op, left.plan, right.plan) else {
            report("division-by-zero", "division by zero", at: offset, hint: "the divisor `\(FormulaPrinter.print(r))` is always 0")
            return Resolved(type: resultType, plan: .invalid)
        }
        return Resolved(type: resultType, plan: plan)
    }

    private mutating func call(_ name: String, _ args: [Expr], at offset: Int) -> Resolved {
        let resolved = args.map { resolve($0) }
        guard let function = BuiltinFunction.named(name) else {
            let suggestion = FormulaSuggestion.closest(to: name, among: BuiltinFunction.all.map(\.name))
            let hint = suggestion.map { "did you mean `\($0)`?" }
                ?? "the functions are " + BuiltinFunction.all.map { "`\($0.name)`" }.joined(separator: ", ")
            report("unknown-function", "unknown function `\(name)` in formula", at: offset, hint: hint)
            return Resolved(type: nil, plan: .invalid)
        }
        guard function.accepts(argumentCount: args.count) else {
            report("wrong-arity", "`\(name)` \(function.arityText), got \(args.count)", at: offset,
                   hint: "write `\(function.usage)`")
            return Resolved(type: .number, plan: .invalid)
        }
        for (i, (arg, part)) in zip(args, resolved).enumerated() where part.type == .boolean {
            report("type-mismatch", "`\(name)` needs numbers, but argument \(i + 1) is true/false", at: arg.range.lowerBound)
        }
        let plans = resolved.map(\.plan)
        if function.kind == .round, args.count == 2, resolved[1].type == .number {
            let places = plans[1].constant
            if places == nil || !places!.isInteger || places! < 0 || places! > 6 {
                report("invalid-argument",
                       "`round` rounds to 0 to 6 decimal places, written as a whole number, but got `\(FormulaPrinter.print(args[1]))`",
                       at: args[1].range.lowerBound, hint: "e.g. `round(x, 2)`")
                return Resolved(type: .number, plan: .invalid)
            }
        }
        if function.kind == .clamp, let lo = plans[1].constant, let hi = plans[2].constant, lo > hi {
            report("invalid-argument", "`clamp` needs its lower bound `\(FormulaPrinter.print(args[1]))` at most its upper bound `\(FormulaPrinter.print(args[2]))`",
                   at: args[1].range.lowerBound)
        }
        return Resolved(type: .number, plan: .called(function.kind, plans))
    }
}

extension FormulaType {
    /// "a number", "true/false": how messages name a type.
    var phrase: String { self == .number ? "a number" : "true/false" }
    var plural: String { self == .number ? "numbers" : "true/false" }
}
