import Foundation
import Testing
@testable import KaimenKit

/// What the docs promise of a formula's input, checked against the code (since 0.29.2): the
/// length limit they state is the parser's (they said 4096, the parser refused from 4001), and a
/// name typed in full-width letters gets the word to write in ASCII, as full-width digits and
/// punctuation do.
@Suite("A formula's input: the documented length limit, full-width letters")
struct FormulaInputTests {
    typealias F = FormulaFixture

    @Test("docs/diagnostics.md states the parser's length limit")
    func lengthLimitDocumented() throws {
        let docs = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        #expect(Parser.maxLength == 4000)
        #expect(docs.contains("最多允许 \(Parser.maxLength) 个") && docs.contains("at most \(Parser.maxLength) are allowed"))
        #expect(!docs.contains("4096"))
        // 4000 characters compile; 4001 do not. `1+` × 1999 then `1` is 3999 + … : built to length.
        let at = String(repeating: "1+", count: 1999) + "10"
        #expect(at.unicodeScalars.count == 4000)
        #expect(F.compile(at) != nil)
        let over = at + "0"
        #expect(F.error(over)?.text.en == "the formula is 4001 characters long; at most 4000 are allowed")
    }

    @Test("a name in full-width letters is answered with the word in ASCII")
    func fullWidthLetters() throws {
        // `ｍ` (U+FF4D) at offset 0: the whole word, `members`.
        let d = try #require(F.error("ｍｅｍｂｅｒｓ / 2"))
        #expect(d.code == "expression-syntax")
        #expect(d.location?.column == 20)
        #expect(d.hintText == Localized(zh: "把 `ｍｅｍｂｅｒｓ` 换成英文的 `members`", en: "write the ASCII `members` instead of `ｍｅｍｂｅｒｓ`"))
        // Typed partly full-width: the word from its first letter; `ｅ` at offset 14.
        let part = try #require(F.error("workers + memb\u{FF45}rs"))
        #expect(part.location?.column == 34)
        #expect(part.hint == "write the ASCII `members` instead of `memb\u{FF45}rs`")
        // Full-width digits and a full-width underscore inside the word.
        #expect(F.error("ｃａｒｄ＿ｒａｔｅ > ０.５", .boolean)?.hint == "write the ASCII `card_rate` instead of `ｃａｒｄ＿ｒａｔｅ`")
        // A full-width digit alone keeps its own hint.
        #expect(F.error("members > ２", .boolean)?.hint == "write the ASCII `2` instead of `２`")
    }
}
