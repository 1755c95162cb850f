/// The arithmetic that adds a unit's points up (areas, prorating, caps, deductions, bonus,
/// vetoes, rounding), written once in `UnitScorer` and implemented three times: fast
/// (`FixedInterval`, an interval at 10⁻¹² that surely holds the exact value), exactly in 64
/// bits (`Rational`), and exactly in fractions of any size (`BigFraction`). Where a form cannot
/// decide (a cap inside the interval, a rounding boundary inside it, an overflow; for
/// `Rational`, a value it had to round) it returns `nil` and the unit is scored in the next.
protocol ScoreNumber: Sendable {
    /// The arithmetic inside one standard that goes with it.
    associatedtype Term: ScoreTerm
    /// What formulas run on in this form.
    associatedtype FormulaValue: FormulaNumber
    /// A formula's number as a term; `nil` when this form cannot hold it exactly.
    static func term(formula v: FormulaValue) -> Term?
    static var zero: Self { get }
    /// Whether values are exact (`Rational`): only exact runs are traced.
    static var isExact: Bool { get }
    /// A standard's points as worked out by its kernel.
    init?(term: Term)
    /// A constant of the rules, converted once when the program was compiled.
    init?(constant: ProgramConstant)
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    /// `self × r` (`r ≥ 0`).
    func scaled(by r: Rational) -> Self?
    /// The smaller of two values, or `nil` when that cannot be told.
    static func minimum(_ a: Self, _ b: Self) -> Self?
    /// Rounded half away from zero to `places` decimals, as an integer count of 10^-places.
    func roundedScaled(places: Int) -> Int64?
    /// A tie-break key: the value's lower end and the width of its interval at 10⁻¹² (0 when exact).
    var tieKey: (value: Rational, spread: UInt32)? { get }
    /// The exact value, for explanations (`nil` for the fast form).
    var exactValue: Rational? { get }
    /// The exact value when `tieKey` had to round it to `key` (`BigFraction` only): kept
    /// beside the table's keys, so that `Ranker` compares such keys exactly.
    func wideTieKey(rounded key: Rational) -> BigFraction?
}

extension ScoreNumber {
    func wideTieKey(rounded key: Rational) -> BigFraction? { nil }
}

/// A constant of the rules (a band's points, a standard's maximum, a cap) in both forms.
struct ProgramConstant: Sendable {
    let exact: Rational
    /// `nil` when it cannot be held at 10⁻¹² exactly enough (the unit is then scored exactly).
    let fixed: FixedInterval?

    init(_ r: Rational) {
        exact = r
        fixed = FixedInterval(r)
    }
}

/// In `Rational`s every operation that meets a value it had to round (`approximated`: its
/// exact form did not fit 64 bits) gives `nil`, and the unit is scored in `BigFraction`s. A
/// sum passes the mark on (`+` cannot say `nil`), and every sum ends in a rounding, a cap or a
/// tie-break key, which asks.
extension Rational: ScoreNumber {
    typealias Term = Rational
    typealias FormulaValue = Rational
    static var isExact: Bool { true }
    static func term(formula v: Rational) -> Rational? { v.approximated ? nil : v }
    init?(term: Rational) {
        guard !term.approximated else { return nil }
        self = term
    }
    init?(constant: ProgramConstant) { self = constant.exact }
    func scaled(by r: Rational) -> Rational? { (self * r).exactOrNil }
    static func minimum(_ a: Rational, _ b: Rational) -> Rational? {
        a.approximated || b.approximated ? nil : Swift.min(a, b)
    }
    func roundedScaled(places: Int) -> Int64? { approximated ? nil : scaledInteger(places: places) }
    var tieKey: (value: Rational, spread: UInt32)? { approximated ? nil : (self, 0) }
    var exactValue: Rational? { self }

    /// `self`, or `nil` when it was rounded.
    var exactOrNil: Rational? { approximated ? nil : self }
}

/// Fractions of any size: every operation decides.
extension BigFraction: ScoreNumber {
    typealias Term = BigFraction
    typealias FormulaValue = BigFraction
    static var isExact: Bool { true }
    static func term(formula v: BigFraction) -> BigFraction? { v }
    init?(term: BigFraction) { self = term }
    init?(constant: ProgramConstant) { self.init(constant.exact) }
    func scaled(by r: Rational) -> BigFraction? { self * BigFraction(r) }
    static func minimum(_ a: BigFraction, _ b: BigFraction) -> BigFraction? { compare(a, b) <= 0 ? a : b }
    func roundedScaled(places: Int) -> Int64? { scaledInteger(places: places) }
    /// The key as a `Rational`: exact when it fits, else rounded to odd, and then the exact
    /// value is kept too (`wideTieKey`).
    var tieKey: (value: Rational, spread: UInt32)? { (rational, 0) }
    var exactValue: Rational? { rational }
    func wideTieKey(rounded key: Rational) -> BigFraction? { key.approximated ? self : nil }
}

extension FixedInterval: ScoreNumber {
    typealias Term = FastTerm
    typealias FormulaValue = Rational
    static var isExact: Bool { false }
    static func term(formula v: Rational) -> FastTerm? { v.approximated ? nil : FastTerm(v) }

    @inline(__always) init?(term t: FastTerm) {
        if t.n >= 0 {
            guard let v = FixedInterval.fraction(t.n, t.d) else { return nil }
            self = v
        } else {
            guard t.n != Int128.min, let v = FixedInterval.fraction(-t.n, t.d) else { return nil }
            self.init(lo: -v.hi, hi: -v.lo)
        }
    }

    @inline(__always) init?(constant: ProgramConstant) {
        guard let f = constant.fixed else { return nil }
        self = f
    }

    func scaled(by r: Rational) -> FixedInterval? {
        r.isOne ? self : scaled(r.numerator, r.denominator)
    }

    /// The smaller of the two, which is never a question: the minimum rises with each argument,
    /// so it lies between the minimum of the lower ends and that of the upper ends, whichever
    /// value is the smaller. (A cap is not a decision a row keeps. Until 0.29.7 overlapping
    /// intervals said `nil`, and every unit with an area earned in full under weighted points,
    /// its earnings and its cap both a hair around the same value, was scored again exactly:
    /// 605 of 10 000 generated units under `combine` 70/30.)
    @inline(__always) static func minimum(_ a: FixedInterval, _ b: FixedInterval) -> FixedInterval? {
        FixedInterval(lo: Swift.min(a.lo, b.lo), hi: Swift.min(a.hi, b.hi))
    }

    var tieKey: (value: Rational, spread: UInt32)? {
        let w = hi &- lo
        guard w >= 0, w <= Int64(UInt32.max) else { return nil }
        return (Rational(lo, FixedInterval.scale), UInt32(w))
    }

    var exactValue: Rational? { nil }

    /// n/d (n ≥ 0, d > 0); `nil` if it does not fit.
    @inline(__always) static func fraction(_ n: Int128, _ d: Int128) -> FixedInterval? {
        if n == 0 { return .zero }
        if let n64 = UInt64(exactly: n), let d64 = UInt64(exactly: d) { return FixedInterval(n64, d64) }
        guard let p = n ** Int128(FixedInterval.scale) else { return nil }
        let q = p / d, r = p % d
        guard let lo = Int64(exactly: q), lo < Int64.max else { return nil }
        return FixedInterval(lo: lo, hi: r == 0 ? lo : lo + 1)
    }
}
