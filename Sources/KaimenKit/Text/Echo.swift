/// A person's own text quoted back in a message: control characters made visible, and a long
/// text cut to a readable length.
///
/// A cell of a CSV file can hold anything: an escape sequence that would rewrite the terminal
/// (ESC, BEL, a carriage return), or 300 000 characters pasted by mistake. Messages quote cells
/// through ``cell(_:)``; ``shown(_:)`` is the last guard, applied to every diagnostic as it
/// is rendered.
public enum Echo {
    /// Cells longer than this many Unicode scalars are cut, and end with `…`.
    public static let maxScalars = 40

    /// `text` as a message quotes it: at most ``maxScalars`` scalars, control and invisible
    /// characters shown as escapes (`\u{1B}`, `\u{200B}`).
    public static func cell(_ text: some StringProtocol) -> String {
        var scalars = String.UnicodeScalarView()
        var count = 0
        var cut = false
        for scalar in text.unicodeScalars {
            if count == maxScalars { cut = true; break }
            scalars.append(scalar)
            count += 1
        }
        let kept = String(scalars)
        return shown(kept) + (cut ? "…" : "")
    }

    /// A span quoted in backticks longer than this many scalars is cut by ``quotesCut(_:)``;
    /// a message longer than `maxMessage` has every long stretch between backticks cut.
    static let maxQuoted = 120, maxMessage = 1000

    /// `text` with every span in backticks (an unclosed last one too) longer than
    /// ``maxQuoted`` scalars cut to ``maxScalars`` and `…`: the command line's last guard for a
    /// message that quotes something without ``cell(_:)`` (a rules file's reference to an
    /// area or metric of 50 000 characters was printed whole). A quoted text may hold a
    /// backtick itself and put the long part outside the pairs: a message still longer than
    /// `maxMessage` scalars then has every stretch between backticks over ``maxQuoted`` cut,
    /// quoted or not. Text without such a span is returned as is. Not for the papers, which
    /// quote as they always did (a sealed session's verify writes them again).
    public static func quotesCut(_ text: String) -> String {
        guard text.unicodeScalars.count > maxQuoted else { return text }
        var segments: [[Unicode.Scalar]] = [[]]
        for scalar in text.unicodeScalars {
            if scalar == "`" { segments.append([]) } else { segments[segments.count - 1].append(scalar) }
        }
        func cut(where chosen: (Int) -> Bool) -> Bool {
            var changed = false
            for k in segments.indices where chosen(k) && segments[k].count > maxQuoted {
                segments[k] = Array(segments[k].prefix(maxScalars)) + ["…"]
                changed = true
            }
            return changed
        }
        // Odd segments are inside a pair of backticks, or after an unclosed one.
        var changed = cut { $0 % 2 == 1 }
        if segments.reduce(segments.count - 1, { $0 + $1.count }) > maxMessage { changed = cut { _ in true } || changed }
        guard changed else { return text }
        var out = String.UnicodeScalarView()
        for (k, segment) in segments.enumerated() {
            if k > 0 { out.append("`") }
            out.append(contentsOf: segment)
        }
        return String(out)
    }

    /// `text` with every control character (C0, DEL, C1) replaced by a visible escape:
    /// `\t`, `\n`, `\r`, `\0`, or `\u{1B}` for the others. Text without one is returned as is.
    /// What the journal stores of free text; ids and keys that the readers accept keep their
    /// characters there (an id with a zero-width space is an id, and must match itself).
    public static func visible(_ text: String) -> String {
        escaped(text, isControl)
    }

    /// `text` as a message shows it: ``visible(_:)``, and also every invisible formatting
    /// character (``isInvisible(_:)``) as an escape. The last guard on every rendered message.
    public static func shown(_ text: String) -> String {
        escaped(text) { isControl($0) || isInvisible($0) }
    }

    /// ``shown(_:)`` line by line: a message of several lines keeps its line breaks. For the
    /// command line's own messages, which quote what was typed (an option, a unit id, a path).
    public static func shownLines(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { ($0 != "\n" && isControl($0)) || isInvisible($0) }) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { shown(String($0)) }.joined(separator: "\n")
    }

    /// `text` as a terminal is given it: every control character but line feeds and tabs (C0,
    /// carriage return included, DEL, C1) and every bidirectional control (``isBidiControl(_:)``)
    /// escaped as ``visible(_:)`` escapes them (`\u{1B}`, `\r`, `\u{202E}`), so that no text can
    /// move the cursor, ring the bell, rewrite the screen or reorder a line. Standard output's
    /// last guard when it is a terminal (``Console``): the readers refuse these characters in
    /// every input, and this keeps the terminal safe from a path that forgot. Text holding none,
    /// found by one scan of its bytes, is returned as is.
    public static func terminal(_ text: String) -> String {
        var text = text
        let plain = text.withUTF8 { p in
            guard let base = p.baseAddress else { return true }
            return CSVControlCheck.firstControl(base, p.count) == nil && !p.contains(0x0D)
        }
        guard !plain else { return text }
        return escaped(text) { ($0 != "\n" && $0 != "\t" && isControl($0)) || isBidiControl($0) }
    }

    private static func escaped(_ text: String, _ needs: (Unicode.Scalar) -> Bool) -> String {
        guard text.unicodeScalars.contains(where: needs) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            guard needs(scalar) else { out.unicodeScalars.append(scalar); continue }
            out += escape(scalar)
        }
        return out
    }

    /// A character that shows nothing but changes what is shown: zero-width spaces and joiners
    /// (U+200B–U+200D, U+2060–U+2064), a byte-order mark inside text (U+FEFF), the line and
    /// paragraph separators (U+2028, U+2029), and the bidirectional controls
    /// (``isBidiControl(_:)``), which can make `U0001` followed by U+202E read as another id or
    /// reorder the rest of a line. A message that quotes a cell holding one shows it as
    /// `\u{200B}`, so `U0001\u{200B}` is plainly not `U0001`.
    @inline(__always)
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        // …and the tag characters (U+E0000…U+E007F), which print as nothing (a hostile test).
        case 0x200B...0x200D, 0x2028, 0x2029, 0x2060...0x2064, 0xFEFF, 0xE0000...0xE007F: true
        default: isBidiControl(scalar)
        }
    }

    /// The escape ``visible(_:)`` writes for a control character.
    static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\t": return "\\t"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\0": return "\\0"
        default: return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }

    /// A C0 control (U+0000–U+001F, tab and line breaks included), DEL (U+007F) or a C1
    /// control (U+0080–U+009F).
    @inline(__always)
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (v >= 0x7F && v < 0xA0)
    }

    /// A bidirectional control: the Arabic letter mark (U+061C), the left-to-right and
    /// right-to-left marks (U+200E, U+200F), the embeddings and overrides (U+202A–U+202E) and
    /// the isolates (U+2066–U+2069). Invisible, they reorder what follows them on a line: a
    /// name holding U+202E shows its end backwards on a paper or a terminal. The readers refuse
    /// them in input files as they refuse control characters (`CSVControlCheck.isBidiControl`
    /// finds the same scalars in UTF-8 bytes).
    @inline(__always)
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `U+001B`, as messages name a control character.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
