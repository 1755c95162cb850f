import Foundation
import Testing
@testable import KaimenKit

/// Found by a rules author's trial: every id that was not one was told `中文写在 name 里`, a
/// trailing space or a full-width letter too. The hint now says what is wrong with it and,
/// when putting that right gives an id, which.
@Suite("An id that is not one: what is wrong with it, and the id it was meant to be")
struct InvalidIDHintTests {
    @Test("each kind of slip is named, with the id it was meant to be", arguments: [
        ("rights.legal_aid ", "去掉编号首尾的空格：写 `rights.legal_aid`"),
        ("\u{3000}rights", "去掉编号首尾的空格：写 `rights`"),
        ("ｒｉｇｈｔｓ.legal_aid", "编号里有全角字符 `ｒ`：用半角（英文输入法）：写 `rights.legal_aid`"),
        ("rights。legal_aid", "编号里有全角字符 `。`：用半角（英文输入法）：写 `rights.legal_aid`"),
        ("rights.legal\u{200B}_aid", "编号里有看不见的字符 U+200B（零宽空格），删去它：写 `rights.legal_aid`"),
        ("veto\u{A0}safety", "编号里不能有空格：写 `vetosafety`"),
        ("维权", "中文写在 `name` 里"),
        (" 安全", "中文写在 `name` 里"),
        ("1veto", "编号要以英文字母开头"),
        ("a b", "编号里不能有空格：写 `ab`"),
        ("a/b", "只用英文字母、数字、`_`、`-` 和 `.`"),
    ])
    func hint(_ id: String, _ expected: String) {
        #expect(!IDSyntax.isValid(id))
        #expect(RulesMessages.invalidIDHint(id).zh == expected)
    }

    @Test("in a rules file: the standard's id with a space after it")
    func inFile() throws {
        let text = RulesText.make(metrics: RulesText.metric("m", "count"), areas: RulesText.area("a", points: "10"),
                                  standards: RulesText.standard("s1 ", area: "a", points: "10", #""method": "count", "metric": "m", "perUnit": 1"#))
        do {
            _ = try RulesLoader(readFile: { _ in text }).load("/mem/r.jsonc")
            Issue.record("loaded")
        } catch {
            let shown = error.diagnostics.map { $0.rendered(.zh) }
            #expect(shown.contains { $0.contains("错误：`s1 ` 不能作编号") && $0.hasSuffix("；去掉编号首尾的空格：写 `s1`") }, "\(shown)")
            #expect(error.diagnostics.map { $0.rendered(.en) }.contains { $0.hasSuffix("; remove the space at the id's start or end: write `s1`") })
        }
    }
}
