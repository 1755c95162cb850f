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

    /// Found by a rules author's trial: `"按"4+4+N"模式"` was told "is a comma missing?".
    @Test("a double quote typed inside a string is said as such, with what followed it; in a formula, that formulas have no quotes")
    func quoteInsideString() {
        let text = error(#"{ "criteria": "按"4+4+N"模式", "points": 2 }"#)
        // `4` is the 18th character: `{ "criteria": "按"` takes 17.
        #expect(text?.location?.column == 18)
        #expect(text?.text.zh == "`criteria` 的值在它前面的 `\"` 处就结束了，后面紧跟着的 `4+4+N\"` 没有读进去", "\(String(describing: text))")
        #expect(text?.hintText?.zh == "文字里的引号用中文引号 `“ ”`，或写成 `\\\"`")
        let formula = error(#"{ "formula": "if congress = "是" then 3 else 0" }"#)
        #expect(formula?.text.en == "the value of `formula` ended at the `\"` just before, and `是\"` right after it was not read")
        #expect(formula?.hintText?.zh.hasPrefix("公式里不写引号") == true)
        let inList = error(#"{ "items": ["a"b", "c"] }"#)
        #expect(inList?.text.zh.hasPrefix("列表里的字符串在它前面的") == true, "\(String(describing: inList))")
        // A space between, a bracket or a quote right after: a missing comma or bracket, as before
        // (a review: `[{"name": "依法维权"]` was told about quotes).
        for text in [#"{ "a": "x" "b": 1 }"#, #"{ "a": [{ "name": "依法维权"] }"#, #"{ "a": ["x"} }"#, #"{ "a": "x""b": 1 }"#] {
            let (_, problems) = JSONCParser.parseDocument(text, file: "x.jsonc")
            #expect(!problems.isEmpty && problems.allSatisfy { !$0.text.zh.contains("处就结束了") }, "\(text): \(problems)")
        }
    }

    /// Found by a rules author's trial: a long criteria typed with Enter in it was told "the
    /// string is never closed; add the closing quote", which led to a second wrong message.
    @Test("a text typed over lines is said as such, with the lines to join; a string really left open still is")
    func textOverLines() {
        let (_, problems) = JSONCParser.parseDocument("{\n  \"criteria\": \"协商4项得1分，\n    有自选内容的得0.5分。\",\n  \"points\": 2\n}", file: "x.jsonc")
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.location?.line == 2 && problems.first?.text.zh == "这段文字从第 2 行写到了第 3 行：JSON 的字符串里不能直接换行", "\(problems)")
        #expect(problems.first?.hintText?.zh == "把第 2–3 行接成一行（要在文字里换行，写 `\\n`）")
        // No closing quote, the next key on the next line: not closed, as before.
        let open = error("{\n  \"name\": \"依法维权,\n  \"points\": 2\n}")
        #expect(open?.text.zh == "从这里开始的字符串没有结束", "\(String(describing: open))")
    }

    /// Found by a rules author's trial: `{ "id": "publicity", "points": 6 ⏎ ],` was told a comma
    /// was missing, a line on.
    @Test("an object's missing } before the list's ] is said right after its last value, with where the object began")
    func braceBeforeBracket() {
        let (_, problems) = JSONCParser.parseDocument("{ \"areas\": [\n  { \"id\": \"p\", \"points\": 6\n  ],\n  \"x\": 1 }", file: "x.jsonc")
        #expect(problems.count == 1, "\(problems)")
        // Right after `6`, the 26th character of `  { "id": "p", "points": 6`.
        #expect(problems.first?.location?.line == 2 && problems.first?.location?.column == 27, "\(problems)")
        #expect(problems.first?.hintText?.zh == "是不是第 2 行第 3 列开始的对象少了结尾的 `}`？在它的最后一项后面补上 `}`", "\(problems)")
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

    /// `rules check` stopped at the first syntax error, so a file typed in a Chinese input
    /// method took one run per mistake. Since 0.23.2 the mistakes whose meaning is plain are
    /// each reported, and the parse goes on as if the right character stood there; the
    /// document still fails (nothing is decoded).
    @Test("plain mistakes are all reported in one run, each at its place; the document fails")
    func several() {
        let text = "{ \"a\"：1， \"b\": “甲” \"c\": [1、２ 3】, \"d\": 30%, \"e\": 2分,, \"f\": 3。5 }"
        let (node, problems) = JSONCParser.parseDocument(text, file: "x.jsonc")
        #expect(node == nil)
        #expect(problems.map(\.code) == Array(repeating: "json-syntax", count: 12), "\(problems.map(\.message))")
        // ： ， “ (the comma missing before "c": where it belongs, after ”) 、 ２ (the comma missing after ２) 】 % 分 (the second of ,,) 。
        let columns = [text.distance(to: "："), text.distance(to: "，"), text.distance(to: "“"), text.distance(to: "”") + 1, text.distance(to: "、"),
                       text.distance(to: "２"), text.distance(to: "２") + 1, text.distance(to: "】"), text.distance(to: "%"), text.distance(to: "分"),
                       text.distance(to: ",,") + 1, text.distance(to: "。")]
        #expect(problems.compactMap { $0.location?.column } == columns.map { $0 + 1 }, "\(problems.map { "\($0.location!.column) \($0.message)" })")
        #expect(problems[3].hintText?.en == "is a comma missing?" && problems[1].hintText?.zh == "把 `，` 换成英文的 `,`")
    }

    /// A tester tuning a rules file wrote `"points": 4 // 原为3分,` (session 52): the comma went
    /// into the comment, and the message only asked whether a comma was missing.
    @Test("a comma typed at the end of a // comment is said to be inside the comment, in an object and in an array")
    func commaInComment() {
        let object = JSONCParser.parseDocument("{ \"points\": 4 // 原为3分,\n  \"name\": \"甲\" }", file: "x.jsonc").problems
        #expect(object.count == 1)
        #expect(object.first?.location?.line == 1 && object.first?.location?.column == 14)
        #expect(object.first?.hintText?.zh == "逗号写进了行尾的 `//` 注释里：注释一直到行尾，逗号要写在 `//` 之前")
        let array = JSONCParser.parseDocument("{ \"a\": [1 // 第一项，\n 2] }", file: "x.jsonc").problems
        #expect(array.first?.hintText?.en == "the comma is inside the `//` comment at the line's end: a comment runs to the end of the line, so put the comma before `//`")
        // A comment without a comma at its end: the comma may just be missing.
        let plain = JSONCParser.parseDocument("{ \"points\": 4 // 原为3分, 现为4分\n  \"name\": \"甲\" }", file: "x.jsonc").problems
        #expect(plain.first?.hintText?.zh == "是不是少了逗号？")
    }

    @Test("a comma too many, before a key or a value, is read past too")
    func doubledComma() {
        let (node, problems) = JSONCParser.parseDocument(#"{ "a": 1,, "b": [1,, 2], "c": 3 }"#, file: "x.jsonc")
        #expect(node == nil)
        #expect(problems.map(\.text.en) == ["unexpected `,`: a key was expected", "unexpected `,`: a value was expected"])
        // With what to do (a rules author's trial: `"2020.1",,` got no hint).
        #expect(problems.allSatisfy { $0.hintText?.zh == "多写了一个 `,`：删去一个" }, "\(problems)")
    }

    @Test("what cannot be read past still stops the parse, after what came before it")
    func fatalAfterRecovered() {
        let (node, problems) = JSONCParser.parseDocument(#"{ "a"：1, "b": tru, "c"：2 }"#, file: "x.jsonc")
        #expect(node == nil)
        // The second `：` is after the word the parse cannot read past: not reached.
        #expect(problems.count == 2 && problems[0].text.en == "expected `:` after the key `a`" && problems[1].message.contains("tru"), "\(problems.map(\.message))")
    }

    @Test("after fifty syntax errors read past, the parse stops")
    func capped() {
        let text = "[" + Array(repeating: "1、", count: 200).joined() + "1]"
        let (node, problems) = JSONCParser.parseDocument(text, file: "x.jsonc")
        #expect(node == nil && problems.count == JSONCParser.maxRecovered + 1)
        // Said, so that the fifty are not taken for all there are.
        #expect(problems.last?.text.zh == "语法错误已有 50 处，后面的部分没有再读" && problems.last?.hintText?.zh == "先改正上面这些，再检查一次")
    }

    @Test("a full-width bracket after a trailing comma, a key in Chinese quotes, a full-width number with a unit")
    func moreReadPast() {
        func said(_ text: String) -> [String] {
            let (node, problems) = JSONCParser.parseDocument(text, file: "x.jsonc")
            #expect(node == nil)
            return problems.map(\.text.en)
        }
        #expect(said(#"{ "a": [1, 2,］, "b": {"c": 1,｝ }"#) == ["expected `,` or `]` in the array", "unexpected `｝` where a key or `}` was expected"])
        #expect(said(#"{ “points”: 3, "b": “x” }"#) == ["unexpected `“` where a key or `}` was expected", "unexpected `“` where a value was expected"])
        #expect(said(#"{ "points": ２分, "b": 1 }"#) == ["unexpected `２` where a value was expected", "unexpected `分` after the number `2`"])
        // A Chinese quote not closed on its line still stops the parse.
        #expect(said("{ “points: 3,\n \"b\": 1 }").count == 1)
    }
}

private extension String {
    /// The offset, in Unicode scalars, of the first `part`.
    func distance(to part: String) -> Int {
        guard let r = range(of: part) else { return -1 }
        return unicodeScalars.distance(from: unicodeScalars.startIndex, to: r.lowerBound.samePosition(in: unicodeScalars)!)
    }
}
