/// The numbers a formula runs on: `Rational`, and `BigFraction` for a unit scored in fractions
/// of any size (a `Rational` on the way was `inexact`: then the formula stops, and the unit
/// is scored again in `BigFraction`s, where nothing is inexact).
protocol FormulaNumber: Sendable {
    static var zero: Self { get }
    static var one: Self { get }
    init(_ r: Rational)
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static prefix func - (a: Self) -> Self
    /// `nil` when dividing by zero.
    func divided(by b: Self) -> Self?
    /// −1, 0 or 1 as `a` is below, equal to or above `b`.
    static func order(_ a: Self, _ b: Self) -> Int
    var isZero: Bool { get }
    var magnitude: Self { get }
    /// Rounded half away from zero to `places` decimals.
    func rounded(places: Int) -> Self
    /// Beyond ±(2⁶³ − 1): the formula stops, in either form (`Rational.outOfRange`).
    var outOfRange: Bool { get }
    /// Rounded because its exact form did not fit (`Rational.approximated`).
    var inexact: Bool { get }
    /// The value as a `Rational` (exact, or rounded to odd where it does not fit), for what
    /// is shown.
    var rational: Rational { get }
}

extension FormulaNumber {
    /// At least `lo`, at most `hi` (`hi` when `lo > hi`), as `clamp` is documented.
    func limited(to lo: Self, _ hi: Self) -> Self {
        let atLeast = Self.order(self, lo) < 0 ? lo : self
        return Self.order(atLeast, hi) > 0 ? hi : atLeast
    }
}

extension Rational: FormulaNumber {
    static func order(_ a: Rational, _ b: Rational) -> Int { a < b ? -1 : (a == b ? 0 : 1) }
    var inexact: Bool { approximated }
    var rational: Rational { self }
}

extension BigFraction: FormulaNumber {
    static func order(_ a: BigFraction, _ b: BigFraction) -> Int { compare(a, b) }
    var outOfRange: Bool { beyondRational }
    var inexact: Bool { false }
}

/// What a formula came to for one unit, in its number form `V`.
enum FormulaOutcome<V: FormulaNumber> {
    case number(V)
    case boolean(Bool)
    /// The first metric the evaluation read that had no value.
    case missing(slot: Int)
    case divisionByZero
    /// A value on the way was beyond ±9.2·10¹⁸.
    case tooLarge
    /// A value on the way was rounded (`Rational` only): score the unit in `BigFraction`s.
    case inexact

    /// As the public `FormulaResult` (a number as a `Rational`); `nil` when inexact.
    var result: FormulaResult? {
        switch self {
        case .number(let v): .number(v.rational)
        case .boolean(let b): .boolean(b)
        case .missing(let slot): .missing(slot: slot)
        case .divisionByZero: .divisionByZero
        case .tooLarge: .tooLarge
        case .inexact: nil
        }
    }
}
