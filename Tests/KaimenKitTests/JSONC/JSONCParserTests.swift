import Testing
@testable import KaimenKit

@Suite("The JSONC parser reads hand-written files and remembers where everything is")
struct JSONCParserTests {
    func parse(_ text: String) throws -> JSONNode {
        try JSONCParser.parse(text, file: "t.jsonc").get()
    }

    func problems(_ text: String) -> [Diagnostic] {
        JSONCParser.parseDocument(text, file: "t.jsonc").problems
    }

    @Test("line and block comments are skipped")
    func comments() throws {
        let node = try parse("""
            // 考核细则
            { /* 格式 */ "format": 1, // 版本
              "id": /* 编号 */ "x" }
            """)
        #expect(node["format"]?.value == .number("1"))
        #expect(node["id"]?.stringValue == "x")
    }

    @Test("trailing commas are allowed in objects and arrays")
    func trailingCommas() throws {
        let node = try parse(#"{ "a": [1, 2, ], "b": { "c": true, }, }"#)
        #expect(node["a"]?.elements?.count == 2)
        #expect(node["b"]?["c"]?.value == .bool(true))
    }

    @Test("a byte order mark at the start is skipped and does not shift columns")
    func byteOrderMark() throws {
        let node = try parse("\u{FEFF}{ \"a\": 1 }")
        #expect(node.location == SourceLocation(file: "t.jsonc", line: 1, column: 1))
        #expect(node["a"]?.location.column == 8)
    }

    @Test("escapes are decoded, including a surrogate pair")
    func escapes() throws {
        let node = try parse(#"{ "s": "a\"b\\c\/d\n\t\u4E2D\uD83D\uDE00" }"#)
        #expect(node["s"]?.stringValue == "a\"b\\c/d\n\t中😀")
    }

    @Test("a lone surrogate is an error at its backslash")
    func loneSurrogate() {
        let p = problems(#"{ "s": "x\uD800" }"#)
        #expect(p.count == 1)
        #expect(p.first?.code == "json-syntax")
        #expect(p.first?.location?.column == 10)
    }

    @Test("numbers keep their exact text")
    func numberText() throws {
        let node = try parse(#"[0.10, -3, 1e3, 2.675, 100000000000000000000]"#)
        #expect(node.elements?.map(\.value) == [.number("0.10"), .number("-3"), .number("1e3"), .number("2.675"),
                                                 .number("100000000000000000000")])
    }

    @Test("keys and values know their line and column, counting a Chinese character as one column")
    func locations() throws {
        let node = try parse("""
            {
              "name": "依法维权", "points": 12,
              "list": [ "甲", 3 ]
            }
            """)
        let members = try #require(node.members)
        // line 2: `  "name": "依法维权", "points": 12,`
        #expect(members[0].keyLocation == SourceLocation(file: "t.jsonc", line: 2, column: 3))
        #expect(members[0].value.location.column == 11)
        // `"依法维权"` is columns 11–16, then `,` 17, space 18, `"points"` 19.
        #expect(members[1].keyLocation.column == 19)
        #expect(members[1].value.location == SourceLocation(file: "t.jsonc", line: 2, column: 29))
        let list = try #require(node["list"]?.elements)
        #expect(list[0].location == SourceLocation(file: "t.jsonc", line: 3, column: 13))
        #expect(list[1].location.column == 18)
    }

    @Test("contentLocation maps a scalar offset inside a plain string to its column")
    func contentLocationPlain() throws {
        // `{ "f": "会员 + x" }`: the string opens at column 8, its content starts at 9.
        let node = try #require(try parse(#"{ "f": "会员 + x" }"#)["f"])
        #expect(node.contentColumns == nil)
        #expect(node.contentLocation(0).column == 9)
        #expect(node.contentLocation(5).column == 14) // `x`
        #expect(node.contentLocation(6).column == 15) // the closing quote
    }

    @Test("contentLocation accounts for escapes that take more columns than they give")
    func contentLocationEscapes() throws {
        // `{ "f": "a\tb\u002Fc\"d" }`: content a(9) \t(10–11) b(12) \u002F(13–18) c(19) \"(20–21) d(22) "(23)
        let node = try #require(try parse(#"{ "f": "a\tb\u002Fc\"d" }"#)["f"])
        #expect(node.stringValue == "a\tb/c\"d")
        #expect((0...7).map { node.contentLocation($0).column } == [9, 10, 12, 13, 19, 20, 22, 23])
    }

    @Test("nesting deeper than the limit is an error, not a crash")
    func depthLimit() {
        let deep = String(repeating: "[", count: JSONCParser.maxDepth + 1) + String(repeating: "]", count: JSONCParser.maxDepth + 1)
        let p = problems(deep)
        #expect(p.count == 1)
        #expect(p.first?.message.contains("nests deeper than \(JSONCParser.maxDepth)") == true)
        let ok = String(repeating: "[", count: JSONCParser.maxDepth) + String(repeating: "]", count: JSONCParser.maxDepth)
        #expect(problems(ok).isEmpty)
    }

    @Test("a key written twice is reported at the second, the first value is kept, and parsing goes on")
    func duplicateKeys() throws {
        let (node, p) = JSONCParser.parseDocument(#"{ "a": 1, "b": 2, "a": 3, "c": 4 }"#, file: "t.jsonc")
        #expect(p.count == 1)
        #expect(p.first?.code == "duplicate-key")
        #expect(p.first?.location == SourceLocation(file: "t.jsonc", line: 1, column: 19))
        #expect(p.first?.message.contains("line 1, column 3") == true)
        #expect(node?["a"]?.value == .number("1"))
        #expect(node?.members?.map(\.key) == ["a", "b", "c"])
        // `parse` treats it as a failure.
        #expect(throws: DiagnosticsError.self) { try JSONCParser.parse(#"{ "a": 1, "a": 2 }"#, file: "t.jsonc").get() }
    }

    /// Keys are found through a table from the 16th member on (a sealed session's ranking has a
    /// key per unit, and a pass over the keys before each one was quadratic): the same answers.
    @Test("in an object of many keys, a key written twice is found as in a small one, each time, at its place")
    func duplicateKeysInLargeObject() throws {
        // Keys k0 … k39, each `"kN": N` (the object's text starts at column 1); k3 again after
        // k20 (the 22nd member) and k30 again at the end, before the closing brace.
        var members = (0..<40).map { "\"k\($0)\": \($0)" }
        members.insert(#""k3": 99"#, at: 21)
        members.append(#""k30": 98"#)
        let text = "{" + members.joined(separator: ",") + "}"
        let (node, p) = JSONCParser.parseDocument(text, file: "t.jsonc")
        #expect(p.map(\.code) == ["duplicate-key", "duplicate-key"])
        // Each second key's column: one past the text before it (the brace, members and commas).
        let first = text.distance(from: text.startIndex, to: text.range(of: #""k3": 99"#)!.lowerBound) + 1
        let second = text.distance(from: text.startIndex, to: text.range(of: #""k30": 98"#)!.lowerBound) + 1
        #expect(p.map(\.location) == [SourceLocation(file: "t.jsonc", line: 1, column: first), SourceLocation(file: "t.jsonc", line: 1, column: second)])
        // The first of each is where `"k3": 3` and `"k30": 30` stand.
        let k3 = text.distance(from: text.startIndex, to: text.range(of: #""k3": 3,"#)!.lowerBound) + 1
        #expect(p[0].message.contains("line 1, column \(k3)"), "\(p[0].message)")
        #expect(node?.members?.map(\.key) == (0..<40).map { "k\($0)" })
        #expect(node?["k3"]?.value == .number("3") && node?["k30"]?.value == .number("30"))
        #expect(problems("{" + (0..<5000).map { "\"u\($0)\": \($0)" }.joined(separator: ",") + "}").isEmpty)
    }

    @Test("the same key in different objects is fine")
    func sameKeyInDifferentObjects() {
        #expect(problems(#"[ { "id": 1 }, { "id": 2 } ]"#).isEmpty)
    }

    @Test("a syntax error says where and what was expected; a missing comma where it belongs, after the value before it")
    func syntaxErrors() {
        let cases: [(String, Int, Int, String)] = [
            ("{ \"a\": 1\n  \"b\": 2 }", 1, 9, "expected `,` or `}` after the value of `a`"),
            ("[1 2]", 1, 3, "expected `,` or `]`"),
            ("{ \"a\": tru }", 1, 8, "unexpected word `tru`"),
            ("{ \"a\": 1 } x", 1, 12, "after the end of the document"),
            ("  ", 1, 1, "the file is empty"),
            ("{ \"a\": \"x\u{01}\" }", 1, 10, "control character"),
            ("{ \"a\": -x }", 1, 8, "digits after `-`"),
            ("{ \"a\": \"x\u{1B}y\" }", 1, 10, "control character U+001B ESC here"),
        ]
        for (text, line, column, message) in cases {
            let p = problems(text)
            #expect(p.count == 1, "\(text)")
            #expect(p.first?.location?.line == line && p.first?.location?.column == column, "\(text): \(p)")
            #expect(p.first?.message.contains(message) == true, "\(text): \(p)")
        }
    }

    /// Found by a rules author's trial: a tab typed in a name stopped the reading there with
    /// `字符串里的控制字符必须转义`, naming neither the character nor what to do.
    @Test("a tab typed inside a string is named, with what to do, and the rest of the file is still read")
    func tabInString() {
        let p = problems("{ \"name\": \"法律\t援助\",\n  \"b\": tru }")
        #expect(p.count == 2, "\(p)")
        #expect(p.first?.location?.line == 1 && p.first?.location?.column == 14, "\(p)")
        #expect(p.first?.rendered(.zh).hasSuffix("错误：文字里有一个制表符（Tab，U+0009 TAB）：规则文件引号里的文字不能有制表符；删去它，或换成空格") == true, "\(p)")
        #expect(p.last?.message.contains("unexpected word `tru`") == true, "\(p)")
    }

    /// Found by a rules author's trial: `False` was told to be written `"False"`, which the
    /// rules then refuse as text where true or false is wanted.
    @Test("a yes or no in another case or in Chinese is told to be true or false, lower case, no quotes", arguments: [
        ("False", "false"), ("TRUE", "true"), ("否", "false"), ("是", "true"),
    ])
    func yesOrNo(_ word: String, _ value: String) {
        let p = problems("{ \"maxOne\": \(word) }")
        #expect(p.first?.rendered(.zh).hasSuffix("；是或否写成 \(value)（小写，不加引号）") == true, "\(p)")
        #expect(p.first?.rendered(.en).hasSuffix("; write \(value) (lower case, no quotes)") == true, "\(p)")
        // Any other word is still told to be quoted.
        #expect(problems("{ \"name\": 法律 }").first?.rendered(.zh).hasSuffix("；写成 \"法律\"") == true)
    }
}
