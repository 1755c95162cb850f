/// The functions a formula may call. Every one takes and gives numbers.
public struct BuiltinFunction: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case min, max, clamp, round, abs
    }

    public let kind: Kind
    public var name: String { kind.rawValue }
    public let minArguments: Int
    /// `nil` when any number of arguments from `minArguments` up is accepted.
    public let maxArguments: Int?
    /// How it is called, e.g. `clamp(x, lo, hi)`.
    public let usage: String
    /// One line for the documentation and `explain`.
    public let doc: String

    public static let all: [BuiltinFunction] = [
        BuiltinFunction(kind: .min, minArguments: 2, maxArguments: nil, usage: "min(a, b, …)",
                        doc: "the smallest of its arguments"),
        BuiltinFunction(kind: .max, minArguments: 2, maxArguments: nil, usage: "max(a, b, …)",
                        doc: "the largest of its arguments"),
        BuiltinFunction(kind: .clamp, minArguments: 3, maxArguments: 3, usage: "clamp(x, lo, hi)",
                        doc: "x, but at least lo and at most hi (hi when lo > hi)"),
        BuiltinFunction(kind: .round, minArguments: 1, maxArguments: 2, usage: "round(x) or round(x, places)",
                        doc: "x rounded half away from zero to a whole number, or to places (a constant 0 to 6) decimals"),
        BuiltinFunction(kind: .abs, minArguments: 1, maxArguments: 1, usage: "abs(x)",
                        doc: "x without its sign"),
    ]

    public static func named(_ name: String) -> BuiltinFunction? {
        all.first { $0.name == name }
    }

    public func accepts(argumentCount n: Int) -> Bool {
        n >= minArguments && (maxArguments.map { n <= $0 } ?? true)
    }

    /// Applies the function to numbers; shared by constant folding and evaluation.
    static func apply<V: FormulaNumber>(_ kind: Kind, _ args: UnsafeBufferPointer<V>) -> V {
        switch kind {
        case .min: return args.dropFirst().reduce(args[0]) { V.order($1, $0) < 0 ? $1 : $0 }
        case .max: return args.dropFirst().reduce(args[0]) { V.order($1, $0) > 0 ? $1 : $0 }
        case .clamp: return args[0].limited(to: args[1], args[2])
        // `places` is a constant from 0 to 6 (checked when the formula was compiled).
        case .round: return args[0].rounded(places: args.count > 1 ? Int(args[1].rational.numerator) : 0)
        case .abs: return args[0].magnitude
        }
    }

    static func apply<V: FormulaNumber>(_ kind: Kind, _ args: [V]) -> V {
        args.withUnsafeBufferPointer { apply(kind, $0) }
    }
}
