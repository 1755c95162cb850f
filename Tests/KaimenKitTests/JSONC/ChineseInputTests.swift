import Testing
@testable import KaimenKit

/// Punctuation a Chinese input method types into the JSON itself (`：`, `，`, `。`, `“ ”`,
/// `２`), and `#` comments. The file is never read as if it were right (it must stay JSON that
/// VS Code and other tools read): the error says exactly what to change.
@Suite("Full-width and Chinese punctuation in a rules file gets a hint saying what to write")
struct ChineseInputTests {
    /// The one syntax error of `text`, a small rules-like object.
    func error(_ text: String) -> Diagnostic? {
        let (node, problems) = JSONCParser.parseDocument(text, file: "x.jsonc")
        #expect(node == nil && problems.count == 1, "\(problems)")
        return problems.first
    }

    @Test("a full-width colon after a key")
    func colon() {
        let d = error(#"{ "bonusCap"：3 }"#)
        #expect(d?.location?.column == 13)
        #expect(d?.text.zh == "键 `bonusCap` 后面应该是 `:`")
        #expect(d?.hintText == Localized(zh: "把 `：` 换成英文的 `:`", en: "write the ASCII `:` instead of `：`"))
    }

    @Test("a full-width comma is named, not taken for a missing comma")
    func comma() {
        let d = error(#"{ "bonusCap": 3， "format": 1 }"#)
        #expect(d?.hintText?.zh == "把 `，` 换成英文的 `,`")
        let inList = error(#"{ "tieBreak": [1，2] }"#)
        #expect(inList?.hintText?.zh == "把 `，` 换成英文的 `,`")
    }

    @Test("a Chinese full stop or full-width digits in a number")
    func numbers() {
        let stop = error(#"{ "bonusCap": 3。5 }"#)
        #expect(stop?.message == "unexpected `。` after the number `3`")
        #expect(stop?.hintText == Localized(zh: "数字用英文（半角）字符写：写 `3.5`", en: "write the number in ASCII (half-width) characters: `3.5`"))
        let digit = error(#"{ "bonusCap": ２ }"#)
        #expect(digit?.text.zh == "应该是值的地方出现了 `２`")
        #expect(digit?.hintText?.zh == "数字用英文（半角）字符写：写 `2`")
        #expect(error(#"{ "points": １２．５ }"#)?.hintText?.en == "write the number in ASCII (half-width) characters: `12.5`")
    }

    @Test("Chinese quotes around a key or a value: the quoted word with ASCII quotes")
    func quotes() {
        let key = error(#"{ “bonusCap”: 3 }"#)
        #expect(key?.location?.column == 3)
        #expect(key?.hintText == Localized(zh: "把中文引号 `“ ”` 换成英文的双引号 `\"`：写 `\"bonusCap\"`",
                                           en: "write ASCII double quotes `\"` instead of Chinese quotes `“ ”`: write `\"bonusCap\"`"))
        let value = error(#"{ "name": “优秀” }"#)
        #expect(value?.hintText?.zh == "把中文引号 `“ ”` 换成英文的双引号 `\"`：写 `\"优秀\"`")
    }

    @Test("a # comment: comments start with //")
    func hashComment() {
        let d = error("{\n  # 等次\n  \"format\": 1 }")
        #expect(d?.location?.line == 2 && d?.location?.column == 3)
        #expect(d?.hintText == Localized(zh: "注释以 `//` 开头，不能用 `#`：把 `#` 换成 `//`", en: "comments start with `//`, not `#`: write `//` instead of `#`"))
    }

    @Test("a rules file that opens with # comments is a rules file with the wrong comment mark, not another kind of file")
    func hashAtTop() {
        let text = "# 东城区细则\n// 说明\n{ \"format\": 1 }"
        #expect {
            try memoryLoader(["/r/x.jsonc": text]).load("/r/x.jsonc")
        } throws: { error in
            let d = (error as? DiagnosticsError)?.diagnostics ?? []
            return d.map(\.code) == ["json-syntax"] && d.first?.hint == "comments start with `//`, not `#`: write `//` instead of `#`"
        }
        // Text that is not a JSON object behind the `#` lines is still no rules file.
        #expect(!RulesLoader.hashCommentsBeforeObject("# notes\nname: x\n"))
        #expect(!RulesLoader.hashCommentsBeforeObject("// a\n{ }"))
        #expect(RulesLoader.hashCommentsBeforeObject("# a\n/* b */ { }"))
    }

    @Test("the JSON is still not read as if it were right: the same text with ASCII punctuation parses")
    func stillStrict() {
        #expect(JSONCParser.parseDocument(#"{ "bonusCap": 3.5, "name": "优秀" }"#, file: "x.jsonc").problems.isEmpty)
    }
}
