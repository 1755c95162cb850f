import Foundation
import Testing
@testable import KaimenKit

/// Issue 9, item 1: `abs(Int.min)` trapped in the decimal reader, reachable from every number a
/// person writes. Every exponent, however large, now gives a value or a located error.
@Suite("Numbers with absurd exponents are errors, never a crash")
struct HugeExponentTests {
    static let minExponent = "1e-9223372036854775808"

    @Test("the decimal reader refuses exponents beyond ±30, Int.min and Int.max included", arguments: [
        "1e-9223372036854775808", "1e9223372036854775807", "1e-9223372036854775807", "1E+9223372036854775807",
        "-5e-9223372036854775808", "1e-99999999999999999999999", "1e31", "1e-31",
    ])
    func refused(_ text: String) {
        #expect(Rational(decimal: text) == nil)
    }

    /// Zero is zero however it is written (since 0.29.3; `0e-9223372036854775808` was refused,
    /// and `0e400` in a units cell said to be no number): `DecimalTextTests`.
    @Test("zero with any exponent reads as zero", arguments: ["0e-9223372036854775808", "0e9223372036854775807", "-0e400", "0.0e999", "0e-99999999999999999999999"])
    func zero(_ text: String) {
        #expect(Rational(decimal: text) == .zero)
    }

    @Test("exponents within ±30 still read exactly")
    func inRange() {
        // 1.5 × 10^-2 = 15/1000 = 3/200; 2 × 10^30 does not fit 64 bits and is refused; 7 × 10^-30 needs
        // a denominator of 10^30, too wide too; 25 × 10^-1 = 5/2.
        #expect(Rational(decimal: "1.5e-2") == Rational(3, 200))
        #expect(Rational(decimal: "25e-1") == Rational(5, 2))
        #expect(Rational(decimal: "1e18") == Rational(integer: 1_000_000_000_000_000_000))
        #expect(Rational(decimal: "2e30") == nil)
    }

    @Test("an exponent needs a digit before it; zeros after the point that end the number count toward no limit")
    func mantissaAndTrailingZeros() {
        for text in ["e5", "-e3", ".e1", "E2", "+e0", "e"] { #expect(Rational(decimal: text) == nil, "\(text)") }
        // 4 followed by 40 zeros after the point is 4; 0.000…0 (40 zeros) is 0; 1.500e2 = 15 × 10 = 150;
        // 00.0100 = 1/100; a digit after 36 decimals is still beyond the scale limit.
        #expect(Rational(decimal: "4." + String(repeating: "0", count: 40)) == Rational(integer: 4))
        #expect(Rational(decimal: "0." + String(repeating: "0", count: 40)) == .zero)
        #expect(Rational(decimal: "1.500e2") == Rational(integer: 150))
        #expect(Rational(decimal: "00.0100") == Rational(1, 100))
        #expect(Rational(decimal: "-0.000") == .zero)
        #expect(Rational(decimal: "0." + String(repeating: "0", count: 36) + "1") == nil)
        #expect(Rational(decimal: "3.50") == Rational(7, 2))
    }

    static let rules = RulesText.make(
        metrics: RulesText.metric("n", "number"),
        areas: RulesText.area("a", points: "10"),
        standards: RulesText.standard("a.f", area: "a", points: "6", #""method": "expression", "formula": "min(6, n)""#)
            + ", " + RulesText.standard("a.b", area: "a", points: "4", #""method": "ballot""#),
        more: #""ballots": { "aggregate": "mean", "minBallots": 1 },"#)

    @Test("in a rules file's number: a located error")
    func rulesNumber() {
        let rules = Self.rules.replacingOccurrences(of: #""points": 6"#, with: #""points": \#(Self.minExponent)"#)
        let d = TestSession(rules: rules, units: "id,name,n\nU1,甲,3\n").failures()
        #expect(!d.isEmpty)
        #expect(d.allSatisfy { $0.location != nil })
        #expect(d.contains { $0.location?.file == "/mem/rules.jsonc" })
    }

    @Test("in a formula literal: a located error")
    func formulaLiteral() {
        let rules = Self.rules.replacingOccurrences(of: "min(6, n)", with: "min(6, n * \(Self.minExponent))")
        let d = TestSession(rules: rules, units: "id,name,n\nU1,甲,3\n").failures()
        // A nonzero number with a negative exponent has too many decimals: the rules' number limits.
        #expect(d.map(\.code) == ["rules-number-beyond-limits"])
        #expect(d.first?.location?.file == "/mem/rules.jsonc")
    }

    @Test("in a metric cell of a CSV units file: the cell's place")
    func csvMetric() {
        let d = TestSession(rules: Self.rules, units: "id,name,n\nU1,甲,\(Self.minExponent)\n",
                            ballots: "representative,unit,standard,score\nR1,U1,a.b,2\n").failures()
        // A nonzero number with a negative exponent has too many decimals, as a formula's literal
        // (since 0.29.3; it was `invalid-metric`, "not a number").
        #expect(d.map(\.code) == ["number-beyond-limits"])
        // `U1,甲,` is five characters: the value starts at column 6.
        #expect(d.first?.location == SourceLocation(file: "/mem/units.csv", line: 2, column: 6, cell: CellPosition(row: 2, column: 2, header: "n")))
    }

    @Test("in a metric of a JSON units file, as a number or as text: the value's place")
    func jsonMetric() {
        let units = #"{ "units": [ { "id": "U1", "name": "甲", "metrics": { "n": \#(Self.minExponent) } },"#
            + "\n" + #"{ "id": "U2", "name": "乙", "n": "\#(Self.minExponent)" } ] }"#
        let d = TestSession(rules: Self.rules, units: units, unitsFile: "units.json",
                            ballots: "representative,unit,standard,score\nR1,U1,a.b,2\nR1,U2,a.b,2\n").failures()
        #expect(d.map(\.code) == ["number-beyond-limits", "number-beyond-limits"])
        #expect(d.map(\.location?.line) == [1, 2])
    }

    @Test("in a ballot score: the score's place")
    func ballotScore() {
        let d = TestSession(rules: Self.rules, units: "id,name,n\nU1,甲,3\n",
                            ballots: "representative,unit,standard,score\nR1,U1,a.b,\(Self.minExponent)\n").failures()
        #expect(d.map(\.code) == ["invalid-score"])
        // `R1,U1,a.b,` is ten characters: the score starts at column 11.
        #expect(d.first?.location == SourceLocation(file: "/mem/ballots.csv", line: 2, column: 11, cell: CellPosition(row: 2, column: 3, header: "score")))
    }
}
