import Testing
@testable import KaimenKit

@Suite("DisplayWidth: terminal columns, two for Chinese")
struct DisplayWidthTests {
    @Test("ASCII is one column per character")
    func ascii() {
        #expect(DisplayWidth.of("abc 123") == 7)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test("CJK, kana, Hangul, fullwidth forms and CJK punctuation are two columns")
    func wide() {
        #expect(DisplayWidth.of("单位") == 4)
        #expect(DisplayWidth.of("机关工会A") == 9)
        #expect(DisplayWidth.of("。，、") == 6)         // U+3002, U+FF0C, U+3001
        #expect(DisplayWidth.of("\u{3000}") == 2)       // ideographic space
        #expect(DisplayWidth.of("ＡＢ１") == 6)          // fullwidth Latin and digit
        #expect(DisplayWidth.of("￥") == 2)              // U+FFE5
        #expect(DisplayWidth.of("ひらカタ") == 8)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("𠀀") == 2)              // extension B
        #expect(DisplayWidth.of("㎡") == 2)              // CJK compatibility
        #expect(DisplayWidth.of("😀") == 2)
    }

    @Test("halfwidth katakana and ambiguous symbols are one column")
    func narrow() {
        #expect(DisplayWidth.of("ｱ") == 1)   // U+FF71 halfwidth
        #expect(DisplayWidth.of("…") == 1)
        #expect(DisplayWidth.of("─") == 1)
        #expect(DisplayWidth.of("é") == 1)
    }

    @Test("combining marks, zero-width characters, variation selectors and controls take no columns")
    func zero() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("a\u{20DD}") == 1)        // enclosing circle
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
        #expect(DisplayWidth.of("\u{200D}\u{200E}\u{200F}") == 0)
        #expect(DisplayWidth.of("\u{FE0F}") == 0)
        #expect(DisplayWidth.of("\u{FEFF}") == 0)
        #expect(DisplayWidth.of("\t\n\r\u{0}\u{7F}\u{85}") == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x9F)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0xA0)!) == 1)
    }

    /// A tester's `月坛中医医院工会❤️` (U+2764 U+FE0F) was padded as one column where terminals
    /// (xterm, GNOME Terminal, Windows Terminal) draw two, shifting its row's later columns.
    @Test("an emoji asked for as a picture (U+FE0F) is two columns; emoji joined by U+200D are one picture")
    func emojiSequences() {
        #expect(DisplayWidth.of("\u{2764}") == 1)                 // ❤ as text
        #expect(DisplayWidth.of("\u{2764}\u{FE0F}") == 2)         // ❤️
        #expect(DisplayWidth.of("工会\u{2764}\u{FE0F}") == 6)
        #expect(DisplayWidth.of("\u{260E}\u{FE0F}a") == 3)        // ☎️ then a
        #expect(DisplayWidth.of("1\u{FE0F}\u{20E3}") == 2)        // keycap 1️⃣
        #expect(DisplayWidth.of("12") == 2 && DisplayWidth.of("#*") == 2)
        #expect(DisplayWidth.of("\u{1F600}\u{FE0F}") == 2)        // already wide: FE0F adds nothing
        // 👨‍👩‍👧: man, ZWJ, woman, ZWJ, girl: one picture, two columns.
        #expect(DisplayWidth.of("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}") == 2)
        // A joiner after a letter or a digit joins nothing (a review: `1‍😀` counted 1).
        #expect(DisplayWidth.of("a\u{200D}\u{1F600}") == 3)
        #expect(DisplayWidth.of("1\u{200D}\u{1F600}") == 3)
        // A skin tone changes the colour, not the width: 👍🏽 and 👨🏽‍💻 are one picture each.
        #expect(DisplayWidth.of("\u{1F44D}\u{1F3FD}") == 2)
        #expect(DisplayWidth.of("\u{1F468}\u{1F3FD}\u{200D}\u{1F4BB}") == 2)
        // ❤️‍🔥: a heart asked for as a picture, joined to fire.
        #expect(DisplayWidth.of("\u{2764}\u{FE0F}\u{200D}\u{1F525}") == 2)
        // A skin tone alone is a picture of its own.
        #expect(DisplayWidth.of("\u{1F3FD}") == 2)
        #expect(DisplayWidth.of(Character("\u{2764}\u{FE0F}")) == 2)
        #expect(DisplayWidth.padRight("工会\u{2764}\u{FE0F}", to: 8) == "工会\u{2764}\u{FE0F}  ")
    }

    @Test("padding goes by display width and leaves wider text alone")
    func padding() {
        #expect(DisplayWidth.padRight("单位", to: 6) == "单位  ")
        #expect(DisplayWidth.padLeft("单位", to: 5) == " 单位")
        #expect(DisplayWidth.padLeft("12", to: 5) == "   12")
        #expect(DisplayWidth.padRight("机关工会", to: 3) == "机关工会")
        #expect(DisplayWidth.padLeft("abc", to: 3) == "abc")
    }

    @Test("truncation ends with an ellipsis and never splits a character")
    func truncation() {
        #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
        #expect(DisplayWidth.truncate("abc", to: 3) == "abc")
        #expect(DisplayWidth.truncate("机关工会委员会", to: 7) == "机关工…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("机关工会委员会", to: 7)) == 7)
        // 机 (2) + 关 (2) would need 4 of the 3 columns left before the ellipsis.
        #expect(DisplayWidth.truncate("机关工", to: 4) == "机…")
        #expect(DisplayWidth.truncate("e\u{301}e\u{301}e\u{301}", to: 2) == "e\u{301}…")
        #expect(DisplayWidth.truncate("abc", to: 0) == "")
        #expect(DisplayWidth.truncate("abc", to: 1) == "…")
        #expect(DisplayWidth.truncate("abcdef", to: 4, ellipsis: "...") == "a...")
    }
}
