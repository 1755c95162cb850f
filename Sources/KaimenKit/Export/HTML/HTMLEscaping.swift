/// A piece of HTML that is safe to put in a page: either text kaimen escaped itself, or markup
/// kaimen wrote. Everything that came from input data (a unit's name, a criteria text, a
/// representative's name) goes in through `HTMLText.init(_:)` or `escape(_:)`, never as markup.
public struct HTMLText: Sendable, Equatable, CustomStringConvertible {
    /// The markup, ready to write.
    public let markup: String

    /// Text from anywhere: escaped, with control characters dropped.
    public init(_ text: String) { markup = HTMLText.escape(text) }

    /// Markup kaimen wrote itself (tags, entities); never pass input data here.
    public init(markup: String) { self.markup = markup }

    public var description: String { markup }

    public static func + (a: HTMLText, b: HTMLText) -> HTMLText { HTMLText(markup: a.markup + b.markup) }

    /// Joins pieces of markup.
    public static func join(_ parts: [HTMLText], separator: String = "") -> HTMLText {
        HTMLText(markup: parts.map(\.markup).joined(separator: separator))
    }

    /// Escapes text for element content and quoted attribute values alike: `& < > " '` become
    /// entities; C0 and C1 control characters (except tab and line feed), DEL, and the
    /// direction overrides and isolates (U+202A–U+202E, U+2066–U+2069) are dropped, so nothing
    /// from the data can reorder or hide what a page shows. A line feed stays (CSS decides how
    /// it shows); a carriage return is dropped.
    public static func escape(_ text: String) -> String {
        if isPlain(text.utf8, apostrophe: true) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if isDropped(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `utf8` has nothing to escape or drop (for ``escape(_:)``, and XML's escaping,
    /// which leaves `'` alone): no `& < > "` (or `'`), no control character but tab and line
    /// feed, and none of the lead bytes of C1 controls (`C2 80–9F`), of the direction controls
    /// (`E2 80`, `E2 81`), of U+FEFF or U+FFF9–U+FFFF (`EF BB`, `EF BF`). Chinese text passes
    /// (`E4`–`E9`, fullwidth punctuation `EF BC`/`EF BD`); text that does not takes the slow path.
    static func isPlain(_ utf8: String.UTF8View, apostrophe: Bool) -> Bool {
        var previous: UInt8 = 0
        for b in utf8 {
            switch b {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), 0x7F: return false
            case UInt8(ascii: "'"): if apostrophe { return false }
            case 0..<0x20: if b != 0x09 && b != 0x0A { return false }
            case 0x80..<0xC0:
                if previous == 0xC2 && b < 0xA0 || previous == 0xE2 && b <= 0x81 || previous == 0xEF && (b == 0xBB || b == 0xBF) { return false }
            default: break
            }
            previous = b
        }
        return true
    }

    /// Control and direction-changing characters that never reach a page.
    static func isDropped(_ v: UInt32) -> Bool {
        v < 0x20 || (v >= 0x7F && v < 0xA0) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0xFEFF || (0xFFF9...0xFFFB).contains(v)
    }
}

extension String {
    /// The string escaped for HTML (see `HTMLText.escape`).
    public var htmlEscaped: String { HTMLText.escape(self) }
}
