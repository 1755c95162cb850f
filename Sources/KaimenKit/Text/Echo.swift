/// A person's own text quoted back in a message: control characters made visible, and a long
/// text cut to a readable length.
///
/// A cell of a CSV file can hold anything: an escape sequence that would rewrite the terminal
/// (ESC, BEL, a carriage return), or 300 000 characters pasted by mistake. Messages quote cells
/// through ``cell(_:)``; ``visible(_:)`` is the last guard, applied to every diagnostic as it
/// is rendered.
public enum Echo {
    /// Cells longer than this many Unicode scalars are cut, and end with `…`.
    public static let maxScalars = 40

    /// `text` as a message quotes it: at most ``maxScalars`` scalars, control characters shown
    /// as escapes (`\u{1B}`).
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
        return visible(kept) + (cut ? "…" : "")
    }

    /// `text` with every control character (C0, DEL, C1) replaced by a visible escape:
    /// `\t`, `\n`, `\r`, `\0`, or `\u{1B}` for the others. Text without one is returned as is.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else { out.unicodeScalars.append(scalar); continue }
            out += escape(scalar)
        }
        return out
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

    /// `U+001B`, as messages name a control character.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
