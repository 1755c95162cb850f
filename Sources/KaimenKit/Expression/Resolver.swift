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
        /// The exact value of a part that reads no metric but whose value does not fit a
        /// `Rational` reduced (`1 / 999999999989 / 999999999959`): it is not folded, as a rounded
        /// constant would make the formula's value wrong; `plan` works it out for each unit (in
        /// `Rational`s it is inexact, and the unit is scored again in fractions of any size).
        /// Boxed: a flat chain of 2 000 terms is resolved 2 000 calls deep, and a test thread's
        /// stack holds that only with small frames.
        var unfolded: Exact? = nil

        /// The exact value of a part that reads no metric (a condition as 0 or 1); `nil` for a
        /// part that reads a metric or had an error.
        var constant: BigFraction? { plan.constant.map(BigFraction.init) ?? unfolded?.value }
    }

    final class Exact: Sendable {
        let value: BigFraction
        init(_ value: BigFraction) { self.value = value }
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

    /// The one recursive path a flat chain takes (`a + b + …`, left-deep) is this and `binary`:
    /// both keep their frames small, everything else is in functions of its own.
    mutating func resolve(_ e: Expr) -> Resolved {
        if case .binary(let op, let l, let r) = e.kind { return binary(op, l, r, e) }
        return other(e)
    }

    private mutating func other(_ e: Expr) -> Resolved {
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
            if let v = operand.constant { return folded(-v, .number, unfolded: .negate(operand.plan), e) }
            return Resolved(type: .number, plan: .negate(operand.plan))
        case .not(let x):
            let operand = resolve(x)
            if operand.type == .number {
                report(.typeMismatch, FormulaMessages.notNeedsBoolean, at: x.range.lowerBound, hint: FormulaMessages.compareNot)
            }
            return Resolved(type: .boolean, plan: .inverted(operand.plan))
        case .binary(let op, let l, let r):
            return binary(op, l, r, e)
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
            if case .boolean(let b) = condition.plan {
                let taken = b ? yes : no
                return Resolved(type: yes.type ?? no.type, plan: taken.plan, unfolded: taken.unfolded)
            }
            return Resolved(type: yes.type ?? no.type, plan: .choice(condition.plan, yes.plan, no.plan))
        case .call(let name, let args):
            return call(name, args, e)
        }
    }

    /// A part whose operands read no metric, worked out exactly (`value`): one constant when
    /// the value fits a `Rational` reduced (a condition always does); `plan` as it is when it
    /// does not (`Resolved.unfolded`); an error when it is beyond ±(2⁶³ − 1). The evaluator
    /// stops at such a value (`Rational.outOfRange`), so no unit could be scored by the
    /// formula; before 0.29.2 it was folded to the clamped bound and every unit scored from
    /// that (`999999999999 * 999999999999 * 999999999999` gave its full points, a veto
    /// `… > 0` struck every unit: a hostile test).
    private mutating func folded(_ value: BigFraction, _ type: FormulaType, unfolded plan: Plan, _ e: Expr) -> Resolved {
        if type == .boolean { return Resolved(type: type, plan: .boolean(!value.isZero)) }
        if value.beyondRational {
            report(.expressionTooLarge, FormulaMessages.constantTooLarge(FormulaPrinter.print(e)), at: e.offset,
                   hint: FormulaMessages.constantTooLargeHint)
            return Resolved(type: type, plan: .invalid)
        }
        let r = value.rational
        return r.approximated ? Resolved(type: type, plan: plan, unfolded: Exact(value)) : Resolved(type: type, plan: .number(r))
    }

    private mutating func binary(_ op: BinaryOperator, _ l: Expr, _ r: Expr, _ e: Expr) -> Resolved {
        let left = resolve(l)
        let right = resolve(r)
        return combined(op, left, right, l, r, e)
    }

    private mutating func combined(_ op: BinaryOperator, _ left: Resolved, _ right: Resolved, _ l: Expr, _ r: Expr, _ e: Expr) -> Resolved {
        let offset = e.offset
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
        let plan: Plan?
        if let a = left.constant, let b = right.constant {
            if let value = Program.apply(op, a, b) { return folded(value, resultType, unfolded: .binary(op, left.plan, right.plan), e) }
            plan = nil
        } else {
            plan = Plan.combined(op, left.plan, right.plan)
        }
        guard let plan else {
            report(.divisionByZero, FormulaMessages.divisionByZero, at: offset, hint: FormulaMessages.alwaysZero(FormulaPrinter.print(r)))
            return Resolved(type: resultType, plan: .invalid)
        }
        return Resolved(type: resultType, plan: plan)
    }

    private mutating func call(_ name: String, _ args: [Expr], _ e: Expr) -> Resolved {
        let offset = e.offset
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
        let values = resolved.compactMap(\.constant)
        if values.count == args.count {
            return folded(BuiltinFunction.apply(function.kind, values), .number, unfolded: .call(function.kind, plans), e)
        }
        return Resolved(type: .number, plan: .call(function.kind, plans))
    }
}
