/// Numbers as staff type them with a Chinese input method.
///
/// In full-width mode an input method types `１２８０`, `３．５` and `８５％`: the same digits and
/// marks at U+FF01…U+FF5E. Those are read as the numbers they are. Anything else around a
/// number (`3.5分`, `90.8 %`, `1。5`) stays an error, with a hint saying what to remove or replace.
enum TypedNumber {
    /// The text with full-width digits, `．`, `，`, `％`, `＋` and `－` turned into their ASCII
    /// forms; every other character is kept.
    static func ascii(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isFullWidth($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for c in text.unicodeScalars {
            if isFullWidth(c), let a = Unicode.Scalar(c.value - 0xFEE0) { out.append(a) } else { out.append(c) }
        }
        return String(out)
    }

    /// Full-width digits and the marks a number can hold.
    private static func isFullWidth(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0xFF10...0xFF19, 0xFF0E, 0xFF0C, 0xFF05, 0xFF0B, 0xFF0D: true
        default: false
        }
    }

    /// What to change so that `text` (already through `ascii`) reads as a number, or `nil`
    /// when no small change does. `valid` says whether a candidate text is a number.
    static func hint(for text: String, valid: (String) -> Bool) -> Localized? {
        // `1。5`, `1·5`: a Chinese full stop or middle dot for the decimal point.
        for mark in ["。", "·", "､", "、"] where text.contains(mark) {
            let fixed = text.replacingOccurrences(of: mark, with: ".")
            if valid(fixed) { return ReaderMessages.replaceMark(mark, ".", fixed) }
        }
        // `90.8 %`, `1 280`: spaces inside the number.
        let blanks: Set<Unicode.Scalar> = [" ", "\t", "\u{3000}", "\u{A0}"]
        if text.unicodeScalars.contains(where: { blanks.contains($0) }) {
            let fixed = String(String.UnicodeScalarView(text.unicodeScalars.filter { !blanks.contains($0) }))
            if valid(fixed) { return ReaderMessages.removeSpaces(fixed) }
        }
        // `3.5分`, `128人`, `￥300`: a unit or currency around the number.
        let numeric = Set("0123456789.,%+-")
        let chars = Array(text)
        guard let first = chars.firstIndex(where: { numeric.contains($0) }),
              let last = chars.lastIndex(where: { numeric.contains($0) }) else { return nil }
        let core = String(chars[first...last])
        let extra = String(chars[..<first]) + String(chars[(last + 1)...])
        if !extra.isEmpty, !core.isEmpty, valid(core) {
            return ReaderMessages.removeSuffix(extra.trimmingSpaces(), core)
        }
        return nil
    }

    /// One comma where a decimal point was meant (`3,5`, or `3，5` typed with an input
    /// method): the fix itself, when the cell (as typed, before `ascii`) has exactly one comma
    /// and no point, and the point makes it a number `valid` accepts; otherwise `nil`.
    static func commaHint(typed: String, valid: (String) -> Bool) -> Localized? {
        guard !typed.contains("."), !typed.contains("．"),
              let comma = ["，", ","].first(where: { typed.components(separatedBy: $0).count == 2 }) else { return nil }
        let fixed = ascii(typed).replacingOccurrences(of: ",", with: ".")
        return valid(fixed) ? ReaderMessages.commaForPoint(comma, fixed) : nil
    }
}
