import Foundation
import Testing
@testable import KaimenKit

/// How a wrong value in a rules file is named (since 0.29.2): the value itself where "a number"
/// said nothing (`precision` 2.5), true/false and null in Chinese as the formula messages say
/// them, points too large as points whatever their size, and a `--set` value beyond the limits
/// as beyond the limits, never "not a number".
@Suite("A wrong value is named by what it is")
struct ValueWordingTests {
    /// The errors of a one-standard rules file whose standard has `points` and `more` top-level members.
    func errors(points: String = "5", more: String = "", method: String = #""method": "presence", "metric": "m""#) -> [Diagnostic] {
        let text = RulesText.make(metrics: RulesText.metric("m", "flag"), areas: RulesText.area("a", points: "5"),
                                  standards: RulesText.standard("s", area: "a", points: points, method), more: more)
        do {
            _ = try RulesLoader(readFile: { _ in text }).load("/mem/r.jsonc")
            Issue.record("should not load")
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test("a whole number given a fraction names the fraction")
    func notWhole() throws {
        let d = try #require(errors(more: #""ranking": { "precision": 2.5 },"#).first)
        #expect(d.code == "wrong-type")
        #expect(d.text == Localized(zh: "`precision` 必须是整数，不能是 2.5", en: "`precision` must be a whole number, not 2.5"))
    }

    @Test("true/false and null are named in Chinese, with the value")
    func boolAndNull() throws {
        let b = try #require(errors(points: "true").first { $0.code == "wrong-type" })
        #expect(b.text == Localized(zh: "`points` 必须是数字，不能是真/假值 `true`", en: "`points` must be a number, not true/false"))
        let n = try #require(errors(points: "null").first { $0.code == "wrong-type" })
        #expect(n.text == Localized(zh: "`points` 必须是数字，不能是空值 `null`", en: "`points` must be a number, not null"))
        let p = try #require(errors(more: #""ranking": { "precision": false },"#).first)
        #expect(p.text.zh == "`precision` 必须是整数，不能是真/假值 `false`")
    }

    /// 1e308 and 9999999999999 are both over the cap of 1 000 000 points, as 2000000 is.
    @Test("points too large get the points cap, not a data value's 12 digits")
    func pointsCap() throws {
        for written in ["1e308", "9999999999999", "2000000"] {
            let d = try #require(errors(points: written).first { $0.code == "rules-number-beyond-limits" }, "\(written)")
            #expect(d.text.en == "`points`: \(written) is more than the 1000000 points a rules file may give at most", "\(written)")
            #expect(d.hintText?.zh == "分值按分计，一套细则满分通常是 100；核对这个数（是否多写了几个 0）", "\(written)")
        }
        // Another number counted in points (`otherwise`) keeps its message, with the points hint.
        let otherwise = try #require(errors(method: #""method": "bands", "metric": "m", "bands": [ { "min": 1, "points": 5 } ], "otherwise": 1e308"#)
            .first { $0.code == "rules-number-beyond-limits" })
        #expect(otherwise.text.en.hasPrefix("`otherwise`: `1e308` is larger than kaimen can hold exactly"), "\(otherwise)")
        #expect(otherwise.hintText?.zh == "分值按分计，一套细则满分通常是 100；核对这个数（是否多写了几个 0）")
        // A threshold beyond the limits keeps a data value's hint.
        let min = try #require(errors(method: #""method": "bands", "metric": "m", "bands": [ { "min": 1e308, "points": 5 } ]"#)
            .first { $0.code == "rules-number-beyond-limits" })
        #expect(min.hintText?.zh.contains("万元") == true, "\(min)")
    }

    @Test("compare --set with a value beyond the limits says so, never that it is not a number")
    func setBeyondLimits() {
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        let code = CLI.run(CompareSetTests.one + ["--set", "X05.members=1e308", "--lang", "en"] + CompareSetTests.sample, console: console)
        #expect(code == .failure)
        #expect(console.stderr.contains("error: `--set X05.members=1e308`: `1e308` is larger than kaimen can hold exactly (at most 999999999999, 12 digits before the point)"),
                "\(console.stderr)")
        #expect(!console.stderr.contains("not a number"))
        let zh = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        _ = CLI.run(CompareSetTests.one + ["--set", "X05.members=1e308"] + CompareSetTests.sample, console: zh)
        #expect(zh.stderr.contains("错误：`--set X05.members=1e308`：`1e308` 超出了 kaimen 能精确保存的范围"), "\(zh.stderr)")
        #expect(!zh.stderr.contains("取值不符合该指标的类型"))
    }
}
