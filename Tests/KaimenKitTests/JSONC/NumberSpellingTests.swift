import Foundation
import Testing
@testable import KaimenKit

/// Numbers written the JavaScript way (`0x0C`, `012`, `+12`, `.5e1`) or in Chinese numerals
/// (`十二`, `三分`): refused, as JSON has none of them, with the number to write, and read on as
/// that number so the rest of the file is still checked. Before 0.29.2 `0x0C` was told to
/// write `0`, `012` loaded as 12, and `+12`, `.5e1`, `十二` got no number.
@Suite("Numbers written the JavaScript way or in Chinese numerals get the number to write")
struct NumberSpellingTests {
    /// The one syntax error of `text`, a small rules-like object.
    func error(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
        let (node, problems) = JSONCParser.parseDocument(text, file: "x.jsonc")
        #expect(node == nil && problems.count == 1, "\(problems)", sourceLocation: sourceLocation)
        return problems.first
    }

    @Test("the JavaScript ways: the value as JSON writes it, worked out by hand")
    func javaScript() {
        // (written, message, what to write): 0x0C = 12; 0x1f = 31; 012 without its 0; .5e1 = 0.5 × 10 = 5.
        let cases: [(String, String, String)] = [
            ("0x0C", "`0x0C` is hexadecimal; JSON numbers are decimal", "12"),
            ("-0x1f", "`-0x1f` is hexadecimal; JSON numbers are decimal", "-31"),
            ("012", "the number `012` starts with 0, which JSON does not allow", "12"),
            ("-012.50", "the number `-012.50` starts with 0, which JSON does not allow", "-12.50"),
            ("00.5", "the number `00.5` starts with 0, which JSON does not allow", "0.5"),
            ("+12", "the number `+12` has a `+` sign, which JSON does not allow", "12"),
            ("+1.5e1", "the number `+1.5e1` has a `+` sign, which JSON does not allow", "15"),
            (".5e1", "the number `.5e1` has no digit before its point, which JSON does not allow", "5"),
            ("-.25", "the number `-.25` has no digit before its point, which JSON does not allow", "-0.25"),
        ]
        for (written, message, write) in cases {
            let d = error(#"{ "points": \#(written), "x": 1 }"#)
            #expect(d?.message == message, "\(written)")
            #expect(d?.hintText == Localized(zh: "写 \(write)", en: "write \(write)"), "\(written)")
            #expect(d?.location?.column == 13, "\(written)")   // where the number starts
        }
        #expect(error(#"{ "points": 0x0C }"#)?.text.zh == "`0x0C` 是十六进制写法，JSON 的数只用十进制")
        #expect(error(#"{ "points": 012 }"#)?.text.zh == "数字 `012` 以 0 开头，JSON 的数不能这样写")
    }

    @Test("read on as the number, so a later mistake is said in the same run")
    func readOn() {
        let (_, problems) = JSONCParser.parseDocument(#"{ "a": 0x0C, "b": +1, "c": 十二, "d": 1２ }"#, file: "x.jsonc")
        #expect(problems.map(\.hintText?.zh) == ["写 12", "写 1", "写 12", "数字用英文（半角）字符写：写 `12`"], "\(problems)")
    }

    @Test("a letter after a number offers no number: `0xZ` is not told to write 0")
    func letterAfterNumber() {
        let d = error(#"{ "points": 0xZ }"#)
        #expect(d?.message == "unexpected `x` after the number `0`")
        #expect(d?.hintText == nil)
    }

    /// 十二 = 10 + 2; 二十 = 2 × 10; 一百零五 = 100 + 5; 两千零五十 = 2 × 1000 + 5 × 10; 三点五 = 3.5.
    @Test("Chinese numerals are read exactly, and only where they read one way")
    func chineseValues() {
        let cases: [(String, Rational?)] = [
            ("零", 0), ("三", 3), ("两", 2), ("十", 10), ("十二", 12), ("二十", 20), ("一百零五", 105), ("一百一十", 110),
            ("两千零五十", 2050), ("九千九百九十九", 9999), ("三点五", Rational(7, 2)), ("零点二五", Rational(1, 4)), ("半", Rational(1, 2)),
            // Not read: 一百五 is 150 to some and 105 to others; digits in a row; a unit twice.
            ("一百五", nil), ("一二", nil), ("十十", nil), ("百", nil), ("点五", nil), ("三半", nil), ("合格", nil),
        ]
        for (text, value) in cases {
            #expect(NumberSpellings.chinese(text) == value, "\(text)")
        }
    }

    @Test("a Chinese numeral unquoted: the number in digits, a unit after it too")
    func chineseUnquoted() {
        let d = error(#"{ "points": 十二 }"#)
        #expect(d?.text == Localized(zh: "`十二` 是中文数字；JSON 的数用阿拉伯数字写", en: "`十二` is in Chinese numerals; JSON numbers are written in digits"))
        #expect(d?.hintText?.zh == "写 12")
        #expect(error(#"{ "points": 三分 }"#)?.hintText?.zh == "写 3")
        // Not a number: the hint for a word, as before.
        #expect(error(#"{ "points": 一百五 }"#)?.hintText?.zh == #"写成 "一百五""#)
    }

    static let rules = """
    { "format": 1, "id": "probe", "title": "测试细则", "issuer": "测试区总工会", "version": "1",
      "effective": { "from": "2026-01-01" },
      "metrics": [ { "id": "a", "name": "甲", "kind": "flag" } ],
      "areas": [ { "id": "x", "name": "方面", "points": AREA } ],
      "standards": [ { "id": "x.a", "area": "x", "name": "一", "criteria": "有得分。", "points": 3, "method": "presence", "metric": "a" } ],
      "grades": [ { "name": "合格", "min": 1 }, { "name": "不合格" } ] }
    """

    func check(_ area: String) throws -> Diagnostic? {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let path = s.url.appendingPathComponent("r.jsonc").path
        try Data(Self.rules.replacingOccurrences(of: "AREA", with: area).utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try RulesLoader().load(path)
            Issue.record("\(area) should not load")
            return nil
        } catch {
            #expect(error.diagnostics.count == 1, "\(error.diagnostics)")
            return error.diagnostics.first
        }
    }

    @Test("a Chinese numeral in quotes: the number in digits, as for one in digits")
    func chineseQuoted() throws {
        #expect(try check(#""三""#)?.hintText == Localized(zh: "数用阿拉伯数字写，不加引号：写 3", en: "write the number in digits, without quotes: write 3"))
        #expect(try check(#""三分""#)?.hintText?.zh == "分数写成不带引号的数，不写“分”：写 3")
        #expect(try check(#""3分""#)?.hintText?.zh == "分数写成不带引号的数，不写“分”：写 3")
        #expect(try check("012")?.code == "json-syntax")
    }

    func problems(_ text: String) throws -> [Diagnostic] {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let path = s.url.appendingPathComponent("r.jsonc").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try RulesLoader().load(path)
            Issue.record("should not load")
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// A rules author's trial: a bare `十二` was said, and the quoted `"三分"` in the same file
    /// only in the next run, the file being decoded only once its syntax was right.
    @Test("a syntax error read past: the rest of the file is still checked, in the same run (since 0.29.3)")
    func checkedAfterReadPast() throws {
        // The area's `三` read as 3 (the standard's 3 add up to it); the standard's `"三分"` said too.
        let text = Self.rules.replacingOccurrences(of: "AREA", with: "三")
            .replacingOccurrences(of: #""points": 3, "method""#, with: #""points": "三分", "method""#)
        let found = try problems(text)
        #expect(found.map(\.code) == ["json-syntax", "wrong-type"], "\(found.map(\.message))")
        #expect(found.map { $0.location?.line } == [4, 5])
        #expect(found.last?.hintText?.zh == "分数写成不带引号的数，不写“分”：写 3")
        // An unknown area on another line: said too, with the syntax error.
        let unknown = Self.rules.replacingOccurrences(of: "AREA", with: "三").replacingOccurrences(of: #""area": "x""#, with: #""area": "y""#)
        #expect(try problems(unknown).map(\.code).contains("unknown-area"))
    }

    @Test("what a guessed value gives on its own line is not said: `十二` read as 12 is no points mismatch")
    func guessedValueNotJudged() throws {
        // The area's 12 against its standard's 3 would be `points-mismatch`, on the area's line.
        let found = try problems(Self.rules.replacingOccurrences(of: "AREA", with: "十二"))
        #expect(found.map(\.code) == ["json-syntax"], "\(found.map(\.message))")
        // A syntax error that stops the parse: nothing else is checked, as before.
        let stopped = try problems(Self.rules.replacingOccurrences(of: "AREA", with: "tru")
            .replacingOccurrences(of: #""area": "x""#, with: #""area": "y""#))
        #expect(stopped.map(\.code) == ["json-syntax"], "\(stopped.map(\.message))")
    }
}
