/// How many terminal columns text takes: a Chinese character takes two, a combining mark none.
///
/// Follows Unicode's East Asian Width closely enough for tables of names and numbers: Wide and
/// Fullwidth characters (CJK ideographs, kana, Hangul, fullwidth forms, CJK punctuation,
/// emoji) count 2; combining marks, zero-width characters, variation selectors and control
/// characters count 0; everything else counts 1. "Ambiguous" characters such as `…`, `─` or
/// `①` count 1, which is how most modern terminals draw them; a legacy console set to a
/// Chinese code page may draw them two columns wide.
public enum DisplayWidth {
    /// Display width of a string: the sum of the widths of its scalars, but for emoji as
    /// terminals draw them: a narrow emoji asked for as a picture (U+FE0F after it, `❤️`, `☎️`)
    /// takes two columns, and an emoji joined to the one before it (U+200D, `👨‍👩‍👧`) none of
    /// its own (a tester's `月坛中医医院工会❤️` shifted its row's later columns by one).
    public static func of(_ s: some StringProtocol) -> Int {
        of(scalars: s.unicodeScalars)
    }

    /// Display width of one character (a grapheme cluster).
    public static func of(_ c: Character) -> Int {
        of(scalars: c.unicodeScalars)
    }

    static func of(scalars: some Sequence<Unicode.Scalar>) -> Int {
        var total = 0
        // The scalar before: an emoji one column wide (a U+FE0F after it widens it), and
        // whether a zero-width joiner follows an emoji.
        var narrowEmoji = false, lastEmoji = false, joined = false
        for scalar in scalars {
            let v = scalar.value
            if v >= 0x20 && v < 0x7F && !(v >= 0x30 && v <= 0x39) && v != 0x23 && v != 0x2A {
                total += 1
                (narrowEmoji, lastEmoji, joined) = (false, false, false)
                continue
            }
            if v == 0xFE0F {
                if narrowEmoji { total += 1 }
                lastEmoji = lastEmoji || narrowEmoji
                narrowEmoji = false
                continue
            }
            // A skin tone after an emoji changes its colour, not its width (👍🏽).
            if (0x1F3FB...0x1F3FF).contains(v) && lastEmoji {
                narrowEmoji = false
                continue
            }
            if v == 0x200D {
                joined = lastEmoji
                continue
            }
            let w = of(scalar)
            let emoji = w > 0 && scalar.properties.isEmoji
            if joined && emoji {
                // Drawn as one picture with the emoji before it.
                (narrowEmoji, lastEmoji, joined) = (false, true, false)
                continue
            }
            joined = false
            total += w
            narrowEmoji = emoji && w == 1
            // Only an emoji drawn as a picture joins what a U+200D brings after it: a digit or
            // `#` (emoji only in a keycap) does not (`1‍😀` is a 1 and a face).
            lastEmoji = emoji && scalar.properties.isEmojiPresentation
        }
        return total
    }

    /// Display width of one scalar: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        // Printable ASCII: the overwhelmingly common case.
        if v >= 0x20 && v < 0x7F { return 1 }
        // C0 and C1 controls, DEL.
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if isZeroWidth(v) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return 0
        default: break
        }
        return isWide(v) ? 2 : 1
    }

    static func isZeroWidth(_ v: UInt32) -> Bool {
        switch v {
        case 0x00AD: return false          // soft hyphen: terminals show it
        case 0x1160...0x11FF: return true  // Hangul Jamo medial vowels and final consonants
        case 0x200B...0x200F: return true  // zero-width space, joiners, direction marks
        case 0x2028...0x202E: return true  // separators and embedding controls
        case 0x2060...0x2064: return true  // word joiner, invisible operators
        case 0xFE00...0xFE0F: return true  // variation selectors
        case 0xFEFF: return true           // byte order mark / zero-width no-break space
        case 0xE0100...0xE01EF: return true // variation selectors supplement
        default: return false
        }
    }

    static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        switch v {
        case 0x1100...0x115F,   // Hangul Jamo initial consonants
             0x231A...0x231B,   // watch, hourglass
             0x2329...0x232A,   // angle brackets
             0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE,
             0x2614...0x2615,
             0x2648...0x2653,
             0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
             0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD,
             0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
             0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E,   // CJK radicals, Kangxi, ideographic description, CJK symbols & punctuation
             0x3041...0x33FF,   // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, CJK compatibility
             0x3400...0x4DBF,   // CJK extension A
             0x4E00...0x9FFF,   // CJK unified ideographs
             0xA000...0xA4CF,   // Yi
             0xA960...0xA97F,   // Hangul Jamo extended A
             0xAC00...0xD7A3,   // Hangul syllables
             0xF900...0xFAFF,   // CJK compatibility ideographs
             0xFE10...0xFE19,   // vertical forms
             0xFE30...0xFE6F,   // CJK compatibility forms, small form variants
             0xFF00...0xFF60,   // fullwidth forms
             0xFFE0...0xFFE6,   // fullwidth signs
             0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF, // Tangut, Kana supplement
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A,
             0x1F200...0x1F2FF, // enclosed ideographic supplement
             0x1F300...0x1F64F, // symbols and pictographs, emoticons
             0x1F680...0x1F6FF, // transport and map
             0x1F7E0...0x1F7EB,
             0x1F900...0x1F9FF, // supplemental symbols and pictographs
             0x1FA70...0x1FAFF, // symbols and pictographs extended A
             0x20000...0x2FFFD, // CJK extensions B–F, compatibility supplement
             0x30000...0x3FFFD: // CJK extensions G–H
            return true
        default:
            return false
        }
    }

    // MARK: Padding and truncation

    /// `s` followed by spaces up to `width` columns; unchanged when already that wide or wider.
    public static func padRight(_ s: some StringProtocol, to width: Int) -> String {
        let w = of(s)
        return w >= width ? String(s) : String(s) + String(repeating: " ", count: width - w)
    }

    /// Spaces then `s`, up to `width` columns; unchanged when already that wide or wider.
    public static func padLeft(_ s: some StringProtocol, to width: Int) -> String {
        let w = of(s)
        return w >= width ? String(s) : String(repeating: " ", count: width - w) + String(s)
    }

    /// `s` cut to at most `width` columns, ending with `ellipsis` when something was cut.
    ///
    /// Cuts between characters (grapheme clusters), never inside one, so a wide character
    /// that would straddle the limit is dropped whole and the result may be one column short.
    public static func truncate(_ s: some StringProtocol, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if of(s) <= width { return String(s) }
        let ellipsisWidth = of(ellipsis)
        guard ellipsisWidth <= width else { return "" }
        let budget = width - ellipsisWidth
        var used = 0
        var out = ""
        for c in s {
            let cw = of(c)
            if used + cw > budget { break }
            used += cw
            out.append(c)
        }
        return out + ellipsis
    }

    /// `s` in lines of at most `width` columns, each broken after the last separator that fits
    /// (`，`, `、`, `；`, `：`, `。`, or a space, which the break drops), or where the line is
    /// full when none does, so a list such as `≥0.99→3, ≥0.9→2` is never cut inside an item
    /// that fits on a line of its own; after an ASCII `,` or `;` too, unless digits stand on
    /// both sides (`1,234`). A closing mark that comes where a line is full stays on it, one or two columns
    /// past `width`, as Chinese never begins a line with one. A `width` of 0 or less: no wrap.
    public static func wrap(_ s: some StringProtocol, to width: Int) -> [String] {
        let hangs: Set<Character> = [" ", "，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "”", "’", "》", ",", ".", ";", ":", ")"]
        guard width > 0, of(s) > width else { return [String(s)] }
        var lines: [String] = []
        var line: [Character] = [], used = 0
        /// Where the line may break: after this many characters, and how wide they are.
        var lastBreak: (count: Int, width: Int)?
        /// After an ASCII `,` or `;`: a break there, unless digits stand on both sides (`1,234`).
        var afterComma: (count: Int, width: Int, digitBefore: Bool)?
        func isDigit(_ c: Character?) -> Bool { c.map { $0.isASCII && $0.isNumber } ?? false }
        for c in s {
            let cw = of(c)
            if let b = afterComma, !(b.digitBefore && isDigit(c)) { lastBreak = (b.count, b.width) }
            afterComma = nil
            // A space past the end stays, to be dropped with the break it makes; so does a
            // closing mark (`，` `。` `）` …), which Chinese never begins a line with.
            while used + cw > width && used > 0 && !hangs.contains(c) {
                // The rest after the last break holds no separator: no break is left in it.
                var (count, w) = lastBreak ?? (line.count, used)
                // Inside an ASCII id (`survey_dissatisfied`, `rights.contracts`): before it, else
                // (it begins the line) after its last `_` or `.`, else nowhere (the line runs past
                // the width), never mid-word (`survey_dissati` / `sfied`, a tester's `rules
                // show`; since 0.29.4).
                if lastBreak == nil, isIDCharacter(c), let last = line.last, isIDCharacter(last) {
                    guard let k = idBreak(line) else { break }
                    count = k
                    w = of(String(line[..<k]))
                }
                lines.append(String(line[..<count]).trimmingTrailingSpaces)
                line = Array(line[count...])
                used -= w
                lastBreak = nil
            }
            if c == " " && line.isEmpty { continue }
            line.append(c)
            used += cw
            if "，、；：。 ".contains(c) { lastBreak = (line.count, used) }
            if c == "," || c == ";" { afterComma = (line.count, used, isDigit(line.dropLast().last)) }
        }
        if !line.isEmpty { lines.append(String(line).trimmingTrailingSpaces) }
        return lines
    }

    /// A character of an ASCII id: a letter, a digit, `_` or `.`.
    static func isIDCharacter(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == ".") }

    /// Where a line ending inside an ASCII id may break: where the id begins, else after its
    /// last `_` or `.`; `nil` when the id is the whole line and has neither.
    static func idBreak(_ line: [Character]) -> Int? {
        var start = line.count
        while start > 0, isIDCharacter(line[start - 1]) { start -= 1 }
        if start > 0 { return start }
        return (1..<line.count).last { line[$0 - 1] == "_" || line[$0 - 1] == "." }
    }
}

extension String {
    /// The string without the spaces at its end (a wrapped line's, a table line's).
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
