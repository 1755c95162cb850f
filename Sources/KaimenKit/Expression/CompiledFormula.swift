// TEMPORARY STUB: replaced by the real expression language when helper-expr merges.
public enum FormulaType: Sendable, Equatable { case number, boolean }
public struct FormulaNames: Sendable {
    let slots: [String: Int]
    public init(slots: [String: Int]) { self.slots = slots }
}
public enum FormulaResult: Sendable, Equatable {
    case number(Rational)
    case boolean(Bool)
    case missing(slot: Int)
    case divisionByZero
}
public struct CompiledFormula: Sendable {
    public let source: String
    public let resultType: FormulaType
    public let slots: [Int]
    public static func compile(_ source: String, expecting: FormulaType, names: FormulaNames,
                               locate: (Int) -> SourceLocation) -> Result<CompiledFormula, DiagnosticsError> {
        .success(CompiledFormula(source: source, resultType: expecting, slots: []))
    }
    public func evaluate(_ value: (Int) -> Rational?) -> FormulaResult { .boolean(false) }
}
