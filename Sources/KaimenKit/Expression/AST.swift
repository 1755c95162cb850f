/// A parsed formula, as written: names not yet resolved, nothing folded.
///
/// Every node keeps where it came from: `offset` is the token that names it (the operator,
/// keyword, function or metric name), `range` spans its whole text including any
/// parentheses around it. Both count Unicode scalars from the start of the formula.
public struct Expr: Sendable, Equatable, CustomStringConvertible {
    public indirect enum Kind: Sendable, Equatable {
        case number(Rational)
        case boolean(Bool)
        case name(String)
        case negate(Expr)
        case not(Expr)
        case binary(BinaryOperator, Expr, Expr)
        case conditional(Expr, then: Expr, else: Expr)
        case call(String, [Expr])
    }

    public var kind: Kind
    public var offset: Int
    public var range: Range<Int>

    public init(_ kind: Kind, offset: Int, range: Range<Int>) {
        self.kind = kind
        self.offset = offset
        self.range = range
    }

    /// The formula in canonical form: single spaces, parentheses only where needed.
    public var description: String { FormulaPrinter.print(self) }
}

public enum BinaryOperator: String, Sendable, Equatable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
    case equal = "=", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and, or

    /// Binding strength, low to high; `if` is 0 and unary `-` is 7.
    var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: 4
        case .add, .subtract: 5
        case .multiply, .divide: 6
        }
    }

    var isArithmetic: Bool { precedence >= 5 }
    var isLogical: Bool { self == .and || self == .or }
    var isOrdering: Bool { [.less, .lessEqual, .greater, .greaterEqual].contains(self) }
}
