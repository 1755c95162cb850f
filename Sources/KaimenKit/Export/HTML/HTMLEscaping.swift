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
