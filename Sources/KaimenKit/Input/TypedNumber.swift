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
        // `3½`: a fraction sign for the decimals (never dropped: `3` would be another score).
        for (sign, decimals) in fractionSigns where text.contains(sign) {
            let before = text.components(separatedBy: sign)[0].trimmingSpaces()
            let fixed = (before.isEmpty ? "0" : before) + decimals
            if text.hasSuffix(sign), before.allSatisfy(\.isNumber), valid(fixed) { return ReaderMessages.replaceMark(sign, decimals, fixed) }
            return nil
        }
        // Another fraction (`3⅓`, `⅛`), or a Roman or circled numeral: no decimal says it, and
        // dropping it would leave another value.
        if text.unicodeScalars.contains(where: { c in numberForms.contains { $0.contains(c.value) } }) { return nil }
        // `90.8 %`, `1 280`: spaces inside the number; or, where that is no valid value,
        // `3 5` with one space for the decimal point (a score of 0–4 is not 35).
        let fixed = text.removingBlanks()
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" })
        let point = fixed != text && words.count == 2 && !text.contains(".") && words.allSatisfy({ $0.allSatisfy(\.isNumber) })
            ? words.joined(separator: ".") : nil
        switch (fixed != text && valid(fixed), point.map(valid) ?? false) {
        case (true, true): return ReaderMessages.spaceEitherWay(fixed, point!)  // `8 5` where 85 and 8.5 both may be
        case (true, false): return ReaderMessages.removeSpaces(fixed)
        case (false, true): return ReaderMessages.spaceForPoint(point!)
        case (false, false): break
        }
        // `3.5%` where a plain number is meant (a score).
        if text.hasSuffix("%"), case let plain = String(text.dropLast()).trimmingSpaces(), valid(plain) {
            return ReaderMessages.removeSuffix("%", plain)
        }
        // `3.5分`, `128人`, `￥300`: a unit or currency around the number.
        let numeric = Set("0123456789.,%+-")
        let chars = Array(text)
        guard let first = chars.firstIndex(where: { numeric.contains($0) }),
              let last = chars.lastIndex(where: { numeric.contains($0) }) else { return nil }
        let core = String(chars[first...last])
        let extra = String(chars[..<first]) + String(chars[(last + 1)...])
        if !extra.isEmpty, !core.isEmpty, valid(core) {
            // `185.64万`: the 万 is a factor, not a unit to drop (that would make the value ten
            // thousand times too small). The number it stands for, worked out on the digits.
            let before = String(chars[..<first]).trimmingSpaces(), after = String(chars[(last + 1)...]).trimmingSpaces()
            if before.isEmpty || before == "￥" || before == "¥",
               let (word, places) = multipliers.first(where: { after.hasPrefix($0.word) }),
               let whole = shifted(core, by: places), valid(whole) {
                return ReaderMessages.multiplySuffix(word, places: places, whole)
            }
            return ReaderMessages.removeSuffix(extra.trimmingSpaces(), core)
        }
        return nil
    }

    /// A plain decimal with a unit or currency around it and nothing else (`3.5分`, `￥300`): the
    /// decimal and what is around it. `nil` for anything else (a space, a fraction sign or
    /// another digit around it is no unit).
    static func unitAround(_ text: String) -> (core: String, unit: String)? {
        let chars = Array(text.trimmingSpaces())
        func decimal(_ c: Character) -> Bool { c.isASCII && (c.isNumber || c == ".") }
        guard let first = chars.firstIndex(where: decimal), let last = chars.lastIndex(where: decimal) else { return nil }
        let core = String(chars[first...last]), unit = String(chars[..<first]) + String(chars[(last + 1)...])
        guard !unit.isEmpty, Rational(decimal: core) != nil,
              unit.allSatisfy({ !$0.isNumber && !$0.isWhitespace && $0 != "." && $0 != "," && $0 != "%" }) else { return nil }
        return (core, unit)
    }

    /// What a spreadsheet put in a cell where a number is due, said as such: a formula's text
    /// (`=1+1`), one of Excel's error values (`#DIV/0!`), or a date or time (`2014-07-08`,
    /// `2014/7/8`, `09:00`, as a cell in a date format shows a number). `nil` for anything else.
    static func spreadsheetHint(_ typed: String) -> Localized? {
        let text = typed.trimmingSpaces()
        let shown = Echo.cell(text)
        if (text.hasPrefix("=") || text.hasPrefix("＝")) && text.count > 1 { return ReaderMessages.formulaAsText(shown) }
        if excelErrors.contains(text.uppercased()) { return ReaderMessages.excelError(shown) }
        if isDateOrTime(text) { return ReaderMessages.dateLike(shown) }
        return nil
    }

    static let excelErrors: Set<String> = ["#VALUE!", "#DIV/0!", "#N/A", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"]

    /// `2014-07-08`, `2014/7/8`, `2014.7.8` (a date, maybe with a time after a space), `9:00`,
    /// `09:00:15` (a time), `2014年7月8日`.
    static func isDateOrTime(_ text: String) -> Bool {
        func digits(_ s: Substring, _ range: ClosedRange<Int>) -> Bool { range.contains(s.count) && s.allSatisfy { $0.isASCII && $0.isNumber } }
        func time(_ s: Substring) -> Bool {
            let parts = s.split(separator: ":", omittingEmptySubsequences: false)
            return (2 ... 3).contains(parts.count) && digits(parts[0], 1 ... 2) && parts.dropFirst().allSatisfy { digits($0, 2 ... 2) }
        }
        func date(_ s: Substring) -> Bool {
            for mark: Character in ["-", "/", "."] {
                let parts = s.split(separator: mark, omittingEmptySubsequences: false)
                if parts.count == 3 && digits(parts[0], 4 ... 4) && digits(parts[1], 1 ... 2) && digits(parts[2], 1 ... 2) { return true }
            }
            if s.hasSuffix("日"), let y = s.firstIndex(of: "年"), let m = s.firstIndex(of: "月"), y < m {
                return digits(s[..<y], 4 ... 4) && digits(s[s.index(after: y) ..< m], 1 ... 2) && digits(s[s.index(after: m) ..< s.index(before: s.endIndex)], 1 ... 2)
            }
            return false
        }
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        switch words.count {
        case 1: return date(words[0]) || time(words[0])
        case 2: return date(words[0]) && time(words[1])
        default: return false
        }
    }

    /// Fractions, Roman and circled numerals, superscript and subscript digits (`万` and `千`,
    /// numbers too to Unicode, are factors: `multipliers`).
    private static let numberForms: [ClosedRange<UInt32>] = [0x00B2...0x00B3, 0x00B9...0x00BE, 0x2070...0x209F, 0x2150...0x218F,
                                                             0x2460...0x24FF, 0x2776...0x2793]

    /// Fraction signs and the decimals they stand for.
    private static let fractionSigns: [(sign: String, decimals: String)] = [("½", ".5"), ("¼", ".25"), ("¾", ".75")]

    /// Chinese words for powers of ten a number is typed with (`185.64万`), longest first.
    private static let multipliers: [(word: String, places: Int)] = [("百万", 6), ("千万", 7), ("万", 4), ("千", 3), ("亿", 8)]

    /// `number` (digits, at most one point, thousands commas, a sign) times 10^`places`, as
    /// digits: the point moved, never through floating point. `nil` when it is not such a number.
    static func shifted(_ number: String, by places: Int) -> String? {
        var text = Substring(number.replacingOccurrences(of: ",", with: ""))
        var sign = ""
        if let c = text.first, c == "+" || c == "-" {
            sign = c == "-" ? "-" : ""
            text = text.dropFirst()
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              !(parts[0].isEmpty && (parts.count == 1 || parts[1].isEmpty)) else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        fraction += String(repeating: "0", count: max(0, places - fraction.count))
        var whole = String(parts[0]) + fraction.prefix(places)
        // (No regex literal: the fuzz build compiles this file in Swift 5 mode, without them.)
        var rest = Substring(fraction.dropFirst(places))
        while rest.last == "0" { rest = rest.dropLast() }
        whole = String(whole.drop { $0 == "0" })
        if whole.isEmpty { whole = "0" }
        return sign + whole + (rest.isEmpty ? "" : "." + rest)
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
