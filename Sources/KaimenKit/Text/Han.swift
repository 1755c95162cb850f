/// Chinese characters (汉字): the one definition every reader and writer uses.
///
/// A scalar is Han when it is
/// - a CJK unified ideograph: the basic block U+4E00–U+9FFF, extension A U+3400–U+4DBF, and
///   extensions B to H with the compatibility supplement, U+20000–U+323AF (the ideographic
///   planes 2 and 3 as far as Unicode 15.1 assigns them);
/// - a CJK compatibility ideograph, U+F900–U+FAFF;
/// - or 〇 (U+3007), the zero written in Chinese dates and numbers (二〇一四年).
///
/// Not the CJK punctuation (`，`、`。`), the full-width forms (`Ｘ`, `１`), the radicals, nor
/// the Hangzhou numerals (〡–〩): a text of those alone is not Chinese words. Before 0.29.3
/// three copies said three things: the units reader's left out 〇 and extension H, the
/// reading of GBK bytes in a UTF-8 file the planes 2 and 3 and 〇 too (a GBK two-byte
/// character is always in the first plane, so only 〇 mattered: `二〇一四` read as GBK was not
/// said), the HTML tables' was this one.
enum Han {
    /// Whether `c` is Han.
    @inline(__always)
    static func isHan(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x3007, 0x3400 ... 0x4DBF, 0x4E00 ... 0x9FFF, 0xF900 ... 0xFAFF, 0x20000 ... 0x323AF: true
        default: false
        }
    }

    /// Whether the character `ch` (as people see it: a scalar and any marks after it) is Han.
    static func isHan(_ ch: Character) -> Bool {
        ch.unicodeScalars.first.map(isHan) ?? false
    }

    /// How many Han scalars `text` holds.
    static func count(in text: some StringProtocol) -> Int {
        text.unicodeScalars.lazy.filter(isHan).count
    }
}
