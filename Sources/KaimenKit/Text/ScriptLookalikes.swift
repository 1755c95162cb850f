/// Letters of other scripts that look like Latin ones: the Cyrillic `Х` (U+0425) and the Greek
/// `Χ` (U+03A7) are drawn as `X`. An id written with one (`Х01`, copied from a document typed on
/// a Russian keyboard layout, or made to pass for another) is another id than the one people
/// see: a ballot typed `X01` finds no such unit, and the hint "did you mean `Х01`?" shows the
/// same thing twice.
enum ScriptLookalikes {
    /// Each such letter, and the Latin letter it looks like.
    static let latin: [Unicode.Scalar: Character] = {
        let pairs: [(UInt32, Character)] = [
            // Cyrillic capitals and small letters.
            (0x0410, "A"), (0x0412, "B"), (0x0415, "E"), (0x041A, "K"), (0x041C, "M"), (0x041D, "H"), (0x041E, "O"),
            (0x0420, "P"), (0x0421, "C"), (0x0422, "T"), (0x0423, "Y"), (0x0425, "X"), (0x0405, "S"), (0x0406, "I"),
            (0x0408, "J"), (0x0430, "a"), (0x0435, "e"), (0x043E, "o"), (0x0440, "p"), (0x0441, "c"), (0x0443, "y"),
            (0x0445, "x"), (0x0455, "s"), (0x0456, "i"), (0x0458, "j"), (0x04BB, "h"), (0x0501, "d"),
            // Greek capitals and small letters.
            (0x0391, "A"), (0x0392, "B"), (0x0395, "E"), (0x0396, "Z"), (0x0397, "H"), (0x0399, "I"), (0x039A, "K"),
            (0x039C, "M"), (0x039D, "N"), (0x039F, "O"), (0x03A1, "P"), (0x03A4, "T"), (0x03A5, "Y"), (0x03A7, "X"),
            (0x03B1, "a"), (0x03B9, "i"), (0x03BA, "k"), (0x03BF, "o"), (0x03C1, "p"), (0x03C5, "u"), (0x03BD, "v"),
        ]
        var d: [Unicode.Scalar: Character] = [:]
        for (v, c) in pairs { d[Unicode.Scalar(v)!] = c }
        return d
    }()

    /// The first such letter in `text`, when `text` also holds an ASCII letter or digit (an id
    /// of mixed scripts; one wholly in another script is not mistaken for a Latin one).
    static func first(in text: String) -> (letter: Unicode.Scalar, looksLike: Character)? {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x0370 && $0.value < 0x0530 }),
              text.unicodeScalars.contains(where: { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }),
              let letter = text.unicodeScalars.first(where: { latin[$0] != nil }) else { return nil }
        return (letter, latin[letter]!)
    }

    /// `text` with every such letter written as the Latin one it looks like.
    static func latinized(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if let c = latin[scalar] { out.append(c) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// `西里尔字母 Х（U+0425）` / `the Cyrillic letter Х (U+0425)`.
    static func named(_ letter: Unicode.Scalar) -> Localized {
        let cyrillic = letter.value >= 0x0400
        let code = Echo.codePoint(letter)
        return Localized(zh: "\(cyrillic ? "西里尔" : "希腊")字母 \(letter)（\(code)）",
                         en: "the \(cyrillic ? "Cyrillic" : "Greek") letter \(letter) (\(code))")
    }
}
