/// What a formula gives: points (a number) or a condition (true/false).
public enum FormulaType: Sendable, Equatable {
    case number, boolean
}

/// The outcome of evaluating a formula for one unit.
public enum FormulaResult: Sendable, Equatable {
    case number(Rational)
    case boolean(Bool)
    /// The first metric the evaluation read that had no value.
    case missing(slot: Int)
    case divisionByZero
    /// A value on the way was beyond ±9.2·10¹⁸, more than kaimen's fractions hold.
    case tooLarge
}

/// A formula parsed, type-checked, resolved to metric slots and folded, ready to evaluate
/// many times. Evaluation runs a flat instruction array: no lookups, no strings.
public struct CompiledFormula: Sendable {
    public let source: String
    public let resultType: FormulaType
    /// Slots of every metric the formula names, sorted, no duplicates (including names in a
    /// part that constant folding dropped, such as the untaken branch of `if true then …`).
    public let slots: [Int]
    /// The formula as parsed.
    public let syntax: Expr
    let plan: Plan
    let program: Program

    /// Compile: lex, parse, type-check against `expecting`, resolve names, fold constants.
    ///
    /// `locate` maps a 0-based Unicode-scalar offset in `source` to its place in the rules
    /// file. Reports every unknown name, wrong arity and type mismatch; a syntax error stops
    /// at the first.
    public static func compile(_ source: String, expecting: FormulaType, names: FormulaNames,
                               locate: (Int) -> SourceLocation) -> Result<CompiledFormula, DiagnosticsError> {
        let syntax: Expr
        do {
            syntax = try Parser.parse(Array(source.unicodeScalars))
        } catch {
            return .failure(DiagnosticsError([error.diagnostic(locate)]))
        }
        var resolver = Resolver(names: names)
        let plan = resolver.resolve(syntax, expecting: expecting)
        guard resolver.problems.isEmpty else {
            return .failure(DiagnosticsError(resolver.problems.map { $0.diagnostic(locate) }))
        }
        return .success(CompiledFormula(source: source, resultType: expecting, slots: resolver.slots.sorted(),
                                        syntax: syntax, plan: plan, program: Program(plan)))
    }

    /// Evaluate with metric values by slot. `nil` from `value` means the metric is missing.
    /// `and`, `or` and `if` read only what they need: a missing metric in a part that is not
    /// evaluated does not make the result missing. A value on the way too wide for `Rational`
    /// is worked out in fractions of any size, so conditions and comparisons are decided
    /// exactly; a number result is then rounded to odd as `Rational` rounds what does not fit.
    public func evaluate(_ value: (Int) -> Rational?) -> FormulaResult {
        // `BigFraction`s are never inexact: the second `result` is never `nil`.
        outcome(value).result ?? outcome { value($0).map(BigFraction.init) }.result ?? .tooLarge
    }

    /// Evaluate in number form `V` (the engine's, by `ScoreNumber.FormulaValue`).
    func outcome<V: FormulaNumber>(_ value: (Int) -> V?) -> FormulaOutcome<V> {
        switch program.run(value) {
        case .value(let r): resultType == .number ? .number(r) : .boolean(!r.isZero)
        case .missing(let slot): .missing(slot: slot)
        case .divisionByZero: .divisionByZero
        case .outOfRange: .tooLarge
        case .inexact: .inexact
        }
    }

    /// The formula after constant folding, as text: `2 * 3 + members` gives `6 + members`.
    public var folded: String { FormulaPrinter.print(plan) }
}
