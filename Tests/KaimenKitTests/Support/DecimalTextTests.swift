import Foundation
import Testing
@testable import KaimenKit

/// A tester playing a committee secretary with 0.29.2: `0e400` (and `0.0e999`) in a units cell
/// was "不是数字", though it is 0 written with an exponent; and a text such as `0.000…1e31` was
/// "too large" by its exponent's sign alone, though its value is tiny. Since 0.29.3 a number's
/// text is judged by its value, worked out from its shortest form `±D × 10^power`
/// (`DecimalText`). Every expected value below is worked by hand.
@Suite("A number's text is judged by its value, however it is written")
struct DecimalTextTests {
    static func zeros(_ n: Int) -> String { String(repeating: "0", count: n) }

    @Test("the shortest form: significant digits, their count, the last one's place", arguments: [
        // 1.500e2: digits 1, 5 (the zeros after end nothing); the 5 is at 10^-1, moved up 2: 10^1. 15 × 10 = 150.
        ("1.500e2", false, 2, [1, 5], 1),
        // 00.0100: the 1 at 10^-2.
        ("00.0100", false, 1, [1], -2),
        // 120300: 1, 2, 0, 3 (the inner zero counts, the last two do not); the 3 at 10^2.
        ("120300", false, 4, [1, 2, 0, 3], 2),
        // -7e-3: the 7 at 10^-3.
        ("-7e-3", true, 1, [7], -3),
        // 0.000…1e31 with 70 zeros: the 1 at 10^-71, moved up 31: 10^-40.
        ("0." + zeros(70) + "1e31", false, 1, [1], -40),
        // 1 and 40 zeros, e-40: the 1 at 10^40, moved down 40: 10^0.
        ("1" + zeros(40) + "e-40", false, 1, [1], 0),
        // Zero: no digit, whatever the exponent.
        ("0.0e999", false, 0, [], 0), ("-0e400", true, 0, [], 0),
    ] as [(String, Bool, Int, [UInt8], Int)])
    func shortestForm(_ text: String, _ negative: Bool, _ count: Int, _ digits: [UInt8], _ power: Int) throws {
        let d = try #require(DecimalText(text))
        #expect(d == DecimalText(negative: negative, count: count, digits: digits, power: power), "\(text)")
    }

    @Test("not a number, as Rational(decimal:) reads it", arguments: ["", "-", ".", "e5", ".e1", "1e", "1e+", "1..2", "1.2.3", "1e5e5", "1e5.0", "0x10", "1 2", "abc", "1e--3"])
    func notANumber(_ text: String) {
        #expect(DecimalText(text) == nil, "\(text)")
        #expect(Rational(decimal: text) == nil, "\(text)")
    }

    @Test("an exponent too long for Int is held, and its sign decides with any text's digits")
    func hugeExponent() throws {
        let big = try #require(DecimalText("0." + Self.zeros(1000) + "1e" + String(repeating: "9", count: 40)))
        #expect(big.power == DecimalText.exponentCap - 1001 && big.lead == big.power)
        #expect(try #require(DecimalText("5e-" + String(repeating: "9", count: 40))).power == -DecimalText.exponentCap)
    }

    @Test("Rational(decimal:) reads what the quick reading refused for its notation alone, by value", arguments: [
        ("0e400", Rational.zero), ("0.0e999", .zero), ("-0e-400", .zero),
        // 0.(50 zeros)1 is 10^-51; × 10^45 = 10^-6.
        ("0." + zeros(50) + "1e45", Rational(1, 1_000_000)),
        // 1(40 zeros) × 10^-40 = 1; 25(40 zeros)e-41 = 25 × 10^-1 = 5/2.
        ("1" + zeros(40) + "e-40", Rational(integer: 1)), ("25" + zeros(40) + "e-41", Rational(5, 2)),
        // 0.(39 zeros)35: its 5 at the 41st decimal, × 10^40: 35 × 10^-1 = 3.5; -0.0000125 × 10^5 = -1.25.
        ("0." + zeros(39) + "35e40", Rational(7, 2)), ("-0.0000125e+5", Rational(-5, 4)),
        // 7 at 10^-45, × 10^45 = 7, the exponent past ±30.
        ("0." + zeros(44) + "7e45", Rational(integer: 7)),
    ] as [(String, Rational)])
    func readByValue(_ text: String, _ value: Rational) {
        #expect(Rational(decimal: text) == value, "\(text)")
    }

    @Test("still nil: more than 30 significant digits, or no fraction of 64-bit integers", arguments: [
        "1" + zeros(29) + "1",       // 31 significant digits
        // 10^19 and 10^31 are past Int64; 10^-19 and 10^-31 need such a denominator; -12.5e-40 has its 5 at 10^-41.
        "1e19", "1e31", "1e-19", "1e-31", "-12.5e-40", "0." + zeros(50) + "1e10",
    ])
    func stillRefused(_ text: String) {
        #expect(Rational(decimal: text) == nil, "\(text)")
    }

    @Test("beyond the number limits, judged by the value", arguments: [
        // 10^12 and more: too large. 0.0001e31 = 10^27; 999999999999.5e1 = 9999999999995 (13 digits).
        ("1e308", NumberLimits.Problem?.some(.tooLarge)), ("0.0001e31", .tooLarge), ("999999999999.5e1", .tooLarge),
        ("1" + zeros(40), .tooLarge), ("-1e400", .tooLarge),
        // Below, with a digit past the 6th decimal: too many decimals. 0.(70 zeros)1e31 = 10^-40 (it was "too large").
        ("0." + zeros(70) + "1e31", .tooManyDecimals), ("1e-400", .tooManyDecimals), ("2.5e-31", .tooManyDecimals),
        ("0." + zeros(36) + "1", .tooManyDecimals), ("123e-400", .tooManyDecimals),
        // Both: the value's size is said first, as for a value read.
        ("1" + zeros(40) + ".0000001", .tooLarge),
        // Zero, and a text no number: nothing to say here (zero reads; the other is "not a number").
        ("0e400", nil), ("0.0e999", nil), ("abc", nil), ("1e5e5", nil),
    ] as [(String, NumberLimits.Problem?)])
    func limits(_ text: String, _ problem: NumberLimits.Problem?) {
        #expect(NumberLimits.check(unreadableLiteral: Substring(text)) == problem, "\(text)")
    }

    static let rules = RulesText.single(points: "10", metrics: RulesText.metric("n", "count") + ", " + RulesText.metric("r", "rate"),
                                        method: #""method": "bands", "metric": "r", "bands": [ { "min": 0.99, "points": 10 } ]"#)

    @Test("in a units file: 0e400 is a count of 0; 0.000…1e31 has too many decimals; 0.0001e31 is too large")
    func unitsCell() throws {
        #expect(MetricValue.parse("0e400", kind: .count) == .value(.zero))
        #expect(MetricValue.parse("0.0e999", kind: .rate) == .value(.zero))
        #expect(MetricValue.parse("０e400", kind: .amount) == .value(.zero))
        let s = try TestSession(rules: Self.rules, units: "id,name,n,r\nU1,甲,0e400,0.0e999\n").run()
        #expect(s.table.values[0][0] == .zero && s.table.values[1][0] == .zero)
        let small = TestSession(rules: Self.rules, units: "id,name,n,r\nU1,甲,1,0.\(Self.zeros(70))1e31\n").failures()
        #expect(small.map(\.code) == ["number-beyond-limits"])
        #expect(small.first?.text.zh.hasSuffix("的小数位数超出了 kaimen 能精确保存的范围（最多 6 位小数）") == true, "\(small)")
        let large = TestSession(rules: Self.rules, units: "id,name,n,r\nU1,甲,0.0001e31,0.5\n").failures()
        #expect(large.map(\.code) == ["number-beyond-limits"])
        #expect(large.first?.text.en.hasSuffix("`0.0001e31` is larger than kaimen can hold exactly (at most 999999999999, 12 digits before the point)") == true, "\(large)")
    }

    @Test("in a ballot score: 0e400 is a score of 0; 0.000…1e31 has too many decimals, not out of range")
    func ballotScore() throws {
        let rules = BallotScoringTests.rules(policy: #""aggregate": "mean", "minBallots": 1"#)
        let s = try TestSession(rules: rules, units: "id,name,n\nU1,甲,0\n", ballots: "representative,unit,standard,score\nR1,U1,b,0e400\nR2,U1,b,3\n").run()
        #expect(s.points("U1", "b") == Rational(3, 2))
        let d = TestSession(rules: rules, units: "id,name,n\nU1,甲,0\n", ballots: "representative,unit,standard,score\nR1,U1,b,0.\(Self.zeros(70))1e31\n").failures()
        #expect(d.map(\.code) == ["invalid-score"], "\(d)")
        #expect(d.first?.text.en.hasSuffix("has too many decimals (at most 6)") == true, "\(d)")
    }

    @Test("in a rules file, which shares the judgement: 0e400 is 0; 0.000…1e31 has too many decimals")
    func rulesFile() throws {
        let zero = RulesText.single(points: "10", metrics: RulesText.metric("n"),
                                    method: #""method": "expression", "formula": "min(10, n + 0e400)""#)
        let s = try TestSession(rules: zero, units: "id,name,n\nU1,甲,3\n").run()
        #expect(s.points("U1", "s") == Rational(integer: 3))
        let threshold = Self.rules.replacingOccurrences(of: #""min": 0.99"#, with: #""min": 0.\#(Self.zeros(70))1e31"#)
        let d = TestSession(rules: threshold, units: "id,name,n,r\nU1,甲,1,0.5\n").failures()
        #expect(d.map(\.code) == ["rules-number-beyond-limits"], "\(d)")
        #expect(d.first?.text.en.contains("has more decimals than kaimen holds exactly") == true, "\(d)")
    }
}
