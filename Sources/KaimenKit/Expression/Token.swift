/// One lexical unit of a formula: a number, a name, a keyword or an operator.
///
/// Offsets count Unicode scalars from the start of the formula (0-based), the unit
/// `CompiledFormula.compile(_:expecting:names:locate:)` hands to its `locate` closure.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case number(Rational)
        case name(String)
        case `true`, `false`
        case and, or, not
        case `if`, then, `else`
        case plus, minus, star, slash
        case equal, notEqual, less, lessEqual, greater, greaterEqual
        case leftParen, rightParen, comma
        case end
    }

    public var kind: Kind
    /// The text as written (`==` and `=` both give `.equal`).
    public var text: String
    /// Offset of the token's first scalar.
    public var offset: Int
    /// Offset one past the token's last scalar.
    public var end: Int

    public init(_ kind: Kind, text: String, offset: Int, end: Int) {
        self.kind = kind
        self.text = text
        self.offset = offset
        self.end = end
    }

    static let keywords: [String: Kind] = [
        "true": .true, "false": .false, "and": .and, "or": .or, "not": .not,
        "if": .if, "then": .then, "else": .else,
    ]

    /// Words a formula reads as its own (keywords and function names), never as a metric: a
    /// metric may not be called so (`RulesMessages.reservedMetricID`).
    static let reserved: Set<String> = Set(keywords.keys).union(BuiltinFunction.Kind.allCases.map(\.rawValue))

    var isComparison: Bool {
        switch kind {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: true
        default: false
        }
    }
}
