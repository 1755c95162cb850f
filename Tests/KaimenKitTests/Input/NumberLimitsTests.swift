import Foundation
import Testing
@testable import KaimenKit

/// Numbers beyond what kaimen holds exactly are errors that say so; nothing prints saturated.
@Suite("Number limits: 12 digits before the point, 6 decimals, said plainly")
struct NumberLimitsTests {
    static let rules = RulesText.single(points: "10", metrics: RulesText.metric("n") + ", " + RulesText.metric("r", "rate"),
                                        method: #""method": "bands", "metric": "r", "bands": [ { "min": 0.99, "points": 10 } ]"#)

    func problems(n: String, r: String = "0.5") -> [Diagnostic] {
        TestSession(rules: Self.rules, units: "id,name,n,r\nU1,甲,\(n),\(r)\n").failures()
    }

    @Test("a 20-digit count is larger than kaimen can hold, not 'not a number'")
    func twentyDigits() {
        let p = problems(n: "30000000000000000000")
        #expect(p.map(\.code) == ["number-beyond-limits"])
        #expect(p.first?.text.en.contains("`30000000000000000000` is larger than kaimen can hold exactly (at most 999999999999") == true)
        #expect(p.first?.text.zh.contains("超出了 kaimen 能精确保存的范围") == true)
        #expect(p.first?.text.en.contains("not a number") == false)
    }

    @Test("the limits themselves", arguments: [
        ("999999999999", nil), ("1000000000000", NumberLimits.Problem.tooLarge), ("100000000000000000", .tooLarge),
        ("0.123456", nil), ("0.1234567", .tooManyDecimals), ("1e12", .tooLarge), ("-999999999999.5", nil),
    ])
    func limits(text: String, problem: NumberLimits.Problem?) {
        let parsed = MetricValue.parse(text, kind: .number)
        if let problem { #expect(parsed == .beyondLimits(problem)) } else { #expect(parsed == .value(Rational(decimal: text)!)) }
    }

    @Test("a rate with too many decimals says so, and a percentage counts decimals as written")
    func decimals() {
        #expect(problems(n: "1", r: "0.98999999999").first?.text.en.contains("has more decimals than kaimen holds exactly (at most 6)") == true)
        // 98.999999% is 6 decimals as written (0.98999999 as a fraction): within the limits.
        #expect(MetricValue.parse("98.999999%", kind: .rate) == .value(Rational(98_999_999, 100_000_000)))
    }

    @Test("a value just below a threshold prints with the decimals that show it is below: not 99% < 99%")
    func comparedPrinting() throws {
        let s = try TestSession(rules: Self.rules, units: "id,name,n,r\nU1,甲,1,0.989999\n").run()
        let text = UnitExplanation(session: s, lang: .en).render(unit: 0)
        // 0.989999 = 98.9999%; at 2 places it would read 99%. It takes 4 places to differ from 99%.
        #expect(text.contains("98.9999% < 99%"), "\(text)")
        #expect(!text.contains(" 99% < 99%"))
    }

    @Test("the bulk engine hands such a file to the checked reader, which reports it")
    func bulkHandsOver() {
        #expect(!NumberLimits.fits(mantissa: 1_000_000_000_000, scale: 0))
        #expect(NumberLimits.fits(mantissa: 999_999_999_999, scale: 0))
        #expect(NumberLimits.fits(mantissa: 9_999_999_999_999_999, scale: 6))  // 9999999999.999999: 10 digits, 6 decimals
        #expect(!NumberLimits.fits(mantissa: 1, scale: 7))                      // 0.0000001: 7 decimals
        #expect(!NumberLimits.fits(mantissa: 1, scale: -1))
        // At every scale, the last value below 10¹² and the first at it, both signs: 999999999999.9 and 1000000000000.0 …
        var lastBelow: Int64 = 999_999_999_999
        for s in 0 ... 6 {
            #expect(NumberLimits.fits(mantissa: lastBelow, scale: s), "scale \(s)")
            #expect(NumberLimits.fits(mantissa: -lastBelow, scale: s), "scale \(s)")
            #expect(!NumberLimits.fits(mantissa: lastBelow + 1, scale: s), "scale \(s)")
            #expect(!NumberLimits.fits(mantissa: -lastBelow - 1, scale: s), "scale \(s)")
            if s < 6 { lastBelow = lastBelow * 10 + 9 }
        }
        #expect(!NumberLimits.fits(mantissa: .min, scale: 6))
        #expect(!NumberLimits.fits(mantissa: .max, scale: 6))
    }
}
