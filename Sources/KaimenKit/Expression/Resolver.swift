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

    private mutating func report(_ code: DiagnosticCode, _ text: Localized, at offset: Int, hint: Localized? = nil) {
        problems.append(FormulaProblem(code, text, at: offset, hint: hint))
    }

    /// Resolves the whole formula and checks it gives `expecting`.
    mutating func resolve(_ e: Expr, expecting: FormulaType) -> Plan {
        let r = resolve(e)
        if let type = r.type, type != expecting {
            let hint = expecting == .boolean ? FormulaMessages.compareHint : FormulaMessages.ifToPoints
            report(.typeMismatch, FormulaMessages.mustGive(expecting, type),
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
                var hint = names.suggestion(for: name).map { CommandMessages.didYouMean($0) }
                if let f = BuiltinFunction.named(name) { hint = FormulaMessages.isFunction(name, f.usage) }
                report(.unknownMetric, FormulaMessages.unknownMetric(name), at: e.offset, hint: hint)
                return Resolved(type: .number, plan: .invalid)
            }
            slots.insert(slot)
            return Resolved(type: .number, plan: .load(slot: slot, name: name))
        case .negate(let x):
            let operand = resolve(x)
            if operand.type == .boolean {
                report(.typeMismatch, FormulaMessages.minusNeedsNumber, at: x.range.lowerBound)
            }
            return Resolved(type: .number, plan: .negated(operand.plan))
        case .not(let x):
            let operand = resolve(x)
            if operand.type == .number {
                report(.typeMismatch, FormulaMessages.notNeedsBoolean, at: x.range.lowerBound, hint: FormulaMessages.compareNot)
            }
            return Resolved(type: .boolean, plan: .inverted(operand.plan))
        case .binary(let op, let l, let r):
            return binary(op, l, r, at: e.offset)
        case .conditional(let c, let t, let f):
            let condition = resolve(c)
            let yes = resolve(t)
            let no = resolve(f)
            if condition.type == .number {
                report(.typeMismatch, FormulaMessages.conditionNumber, at: c.range.lowerBound, hint: FormulaMessages.compareIf)
            }
            if let a = yes.type, let b = no.type, a != b {
                report(.typeMismatch, FormulaMessages.branchesDiffer(a, b),
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
                report(.typeMismatch, FormulaMessages.sameKind(op.rawValue, a, b),
                       at: offset)
            }
        } else {
            let needed: FormulaType = op.isLogical ? .boolean : .number
            for (side, part, expr) in [("left", left, l), ("right", right, r)] {
                if let t = part.type, t != needed {
                    report(.typeMismatch, FormulaMessages.bothSides(op.rawValue, needed, left: side == "left", t),
                           at: expr.range.lowerBound)
                }
            }
        }
        guard let plan = Plan.combined(op, left.plan, right.plan) else {
            report(.divisionByZero, FormulaMessages.divisionByZero, at: offset, hint: FormulaMessages.alwaysZero(FormulaPrinter.print(r)))
            return Resolved(type: resultType, plan: .invalid)
        }
        return Resolved(type: resultType, plan: plan)
    }

    private mutating func call(_ name: String, _ args: [Expr], at offset: Int) -> Resolved {
        let resolved = args.map { resolve($0) }
        guard let function = BuiltinFunction.named(name) else {
            let suggestion = FormulaSuggestion.closest(to: name, among: BuiltinFunction.all.map(\.name))
            let hint = suggestion.map { CommandMessages.didYouMean($0) } ?? FormulaMessages.theFunctions(BuiltinFunction.all.map(\.name))
            report(.unknownFunction, FormulaMessages.unknownFunction(name), at: offset, hint: hint)
            return Resolved(type: nil, plan: .invalid)
        }
        guard function.accepts(argumentCount: args.count) else {
            report(.wrongArity, FormulaMessages.arity(name, min: function.minArguments, max: function.maxArguments, got: args.count), at: offset,
                   hint: FormulaMessages.writeUsage(function.usage))
            return Resolved(type: .number, plan: .invalid)
        }
        for (i, (arg, part)) in zip(args, resolved).enumerated() where part.type == .boolean {
            report(.typeMismatch, FormulaMessages.argumentBoolean(name, i + 1), at: arg.range.lowerBound)
        }
        let plans = resolved.map(\.plan)
        if function.kind == .round, args.count == 2, resolved[1].type == .number {
            let places = plans[1].constant
            if places == nil || !places!.isInteger || places! < 0 || places! > 6 {
                report(.invalidArgument, FormulaMessages.roundPlaces(FormulaPrinter.print(args[1])),
                       at: args[1].range.lowerBound, hint: FormulaMessages.roundExample)
                return Resolved(type: .number, plan: .invalid)
            }
        }
        if function.kind == .clamp, let lo = plans[1].constant, let hi = plans[2].constant, lo > hi {
            report(.invalidArgument, FormulaMessages.clampBounds(FormulaPrinter.print(args[1]), FormulaPrinter.print(args[2])),
                   at: args[1].range.lowerBound)
        }
        return Resolved(type: .number, plan: .called(function.kind, plans))
    }
}
