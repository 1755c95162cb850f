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
        // Past what `Rational(decimal:)` reads (an exponent beyond ±30, more than 30 digits):
        // still beyond the limits, as a rules file's literal is, never "not a number".
        ("1e308", .tooLarge), ("1e400", .tooLarge), ("-1e309", .tooLarge), ("1E31", .tooLarge), ("9e30", .tooLarge),
        ("1234567890123456789012345678901234567890", .tooLarge), ("1,234,567,890,123,456,789,012,345,678,901,234,567,890", .tooLarge),
        ("1e-400", .tooManyDecimals), ("2.5e-31", .tooManyDecimals), ("1e308%", .tooLarge), ("１e308", .tooLarge),
    ])
    func limits(text: String, problem: NumberLimits.Problem?) {
        let parsed = MetricValue.parse(text, kind: .number)
        if let problem { #expect(parsed == .beyondLimits(problem)) } else { #expect(parsed == .value(Rational(decimal: text)!)) }
    }

    /// A secretary's units file with `1e308` (or `-1e309`, `1e-400`) in a cell got '`1e308` 不是数字',
    /// where `compare --set X05.members=1e308` said it was beyond the limits.
    @Test("1e308, -1e309 and 1e-400 in a units cell are beyond the limits, in CSV, JSON and a workbook's text or number cell")
    func exponents() throws {
        let csv = problems(n: "1e308")
        #expect(csv.map(\.code) == ["number-beyond-limits"])
        #expect(csv.first?.text.zh == "单位 `U1` 的n名（`n`）：`1e308` 超出了 kaimen 能精确保存的范围（整数部分最多 12 位，即不超过 999999999999）")
        #expect(csv.first?.hintText?.zh == "请核对该数值；如确为如此大的数，请换用更大的计量单位（如“万元”）")
        #expect(csv.first?.location?.rendered(.zh) == "/mem/units.csv 第 2 行 C 列（n）")
        let negative = problems(n: "-1e309")
        #expect(negative.first?.text.en == "unit `U1`, n名 (`n`): `-1e309` is larger than kaimen can hold exactly (at most 999999999999, 12 digits before the point)")
        let small = problems(n: "1", r: "1e-400")
        #expect(small.map(\.code) == ["number-beyond-limits"])
        #expect(small.first?.text.en.hasSuffix("`1e-400` has more decimals than kaimen holds exactly (at most 6)") == true, "\(small)")

        let json = TestSession(rules: Self.rules, units: #"{"units": [{"id": "U1", "name": "甲", "metrics": {"n": 1e308, "r": 0.5}}]}"#,
                               unitsFile: "units.json").failures()
        #expect(json.map(\.code) == ["number-beyond-limits"])
        #expect(json.first?.text.en.contains("`1e308` is larger than kaimen can hold exactly") == true, "\(json)")

        // In a workbook: `1e308` typed into a Text cell reads as that text; a number cell holding
        // 1E+308 reads as its 309 digits (quoted cut to 40). Both beyond, neither 'not a number'.
        for (cell, quoted) in [("<c r=\"C2\" t=\"inlineStr\"><is><t>1e308</t></is></c>", "`1e308`"),
                               ("<c r=\"C2\"><v>1E+308</v></c>", "`1" + String(repeating: "0", count: 39) + "…`")] {
            let sheet = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>name</t></is></c>"
                + "<c r=\"C1\" t=\"inlineStr\"><is><t>n</t></is></c><c r=\"D1\" t=\"inlineStr\"><is><t>r</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>U1</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>甲</t></is></c>\(cell)<c r=\"D2\"><v>0.5</v></c></row>"
            var session = TestSession(rules: Self.rules, units: "", unitsFile: "units.xlsx")
            session.bytes["units.xlsx"] = Data(WorkbookSheetTests.workbook([("单位", sheet)]))
            let d = session.failures()
            #expect(d.map(\.code) == ["number-beyond-limits"], "\(d)")
            #expect(d.first?.text.zh.contains("\(quoted) 超出了 kaimen 能精确保存的范围") == true, "\(d)")
            #expect(d.first?.location?.rendered(.zh) == "/mem/units.xlsx 第 2 行 C 列（n）")
        }
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
