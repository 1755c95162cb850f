/// Control characters in the ids, names and categories of the input files.
///
/// An id is one word: no control character at all, tabs and line breaks included. A text cell
/// (a name, a category, a group, a role) may hold tabs and line breaks only when it was written
/// in quotes (in JSON a string always is); any other control character is an error wherever
/// it is. The CSV reader has already reported those (``CSVControlCheck``), so CSV callers pass
/// `othersReported` to report only what the cell's role adds.
enum TextCellCheck {
    enum Role {
        /// An id: nothing below a space.
        case id
        /// Text: tabs and line breaks when `quoted`.
        case text(quoted: Bool)
    }

    /// At most this many characters (Unicode scalars) in an id, and in a name, a category, a
    /// group or a role. A name of 40 000 characters, pasted into a cell by mistake, was
    /// accepted: it flooded the terminal in every message that named the unit, and passed the
    /// 32 767 characters an Excel cell holds in the workbook (a hostile-input test). The
    /// longest official union names are about 40 characters.
    static let idLimit = 64, textLimit = 200

    static func limit(_ role: Role) -> Int {
        if case .id = role { return idLimit }
        return textLimit
    }

    /// Whether the `n` UTF-8 bytes at `p` hold at most `limit` characters: for the byte
    /// readers, which hand a row over when a cell holds more.
    @inline(__always)
    static func fits(_ p: UnsafePointer<UInt8>, _ n: Int, limit: Int) -> Bool {
        guard n > limit else { return true }
        var scalars = 0
        for k in 0 ..< n where p[k] & 0xC0 != 0x80 { scalars += 1 }
        return scalars <= limit
    }

    /// Whether the `n` UTF-8 bytes at `p` may hold a Greek or Cyrillic letter (a lead byte of
    /// U+0370–U+052F), which ``ScriptLookalikes`` may find drawn like a Latin one: for the byte
    /// readers, which hand an id holding one over. Chinese text never has these bytes.
    @inline(__always)
    static func mayHoldLookalike(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        for k in 0 ..< n where p[k] >= 0xCD && p[k] <= 0xD4 { return true }
        return false
    }

    /// The problem with `text` (a cell's trimmed text), if it has one: a control character
    /// first, else (when `limited`) a text longer than its role allows, else (when `limited`
    /// and the text is `printed`: a unit's name and category, a representative's name and
    /// group) a line break kept in it, a warning. A session's copies of its inputs are read
    /// without the limits, which came in 0.23.1: a session opened before must still score and
    /// verify, and say nothing new of what it accepted.
    static func problem(_ text: String, role: Role, what: Localized, at place: @autoclosure () -> SourceLocation, path: String,
                        othersReported: Bool, limited: Bool = true, printed: Bool = false) -> Diagnostic? {
        if let control = controlProblem(text, role: role, what: what, at: place(), path: path, othersReported: othersReported) { return control }
        // Since 0.23.2, with the limits (a session's copies are read as they were accepted).
        if limited, case .id = role, let (letter, looksLike) = ScriptLookalikes.first(in: text) {
            return InputMessages.lookalikeLetter(what, id: text, letter: letter, looksLike: looksLike, at: place(), path: path)
        }
        guard limited else { return nil }
        let limit = limit(role)
        if text.utf8.count > limit {
            let count = text.unicodeScalars.count
            if count > limit { return InputMessages.tooLong(what, text: text, count: count, limit: limit, at: place(), path: path) }
        }
        // A quoted cell's line break (Alt+Enter in Excel) is taken, as it always was, but the
        // papers show it each their own way (since 0.29.5; session 50).
        if printed, text.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) {
            return InputMessages.lineBreakInText(what, text: text, oneLine: oneLine(text), at: place(), path: path)
        }
        return nil
    }

    /// `text` on one line, as a web page and the terminal show it: each line break a space.
    static func oneLine(_ text: String) -> String {
        text.split(omittingEmptySubsequences: true, whereSeparator: { $0.isNewline }).joined(separator: " ")
    }

    private static func controlProblem(_ text: String, role: Role, what: Localized, at place: @autoclosure () -> SourceLocation, path: String,
                                       othersReported: Bool) -> Diagnostic? {
        guard let scalar = text.unicodeScalars.first(where: { scalar in
            guard Echo.isControl(scalar) else { return false }
            let layout = scalar == "\t" || scalar == "\n" || scalar == "\r"
            if !layout { return !othersReported }
            if case .text(let quoted) = role { return !quoted }
            return true
        }) else { return nil }
        let layout = scalar == "\t" || scalar == "\n" || scalar == "\r"
        let location = place()
        guard layout else { return InputMessages.controlCharacter(scalar, at: location, column: path) }
        if case .id = role {
            return InputMessages.layoutInCell(scalar, in: what, text: text, at: location, path: path, isID: true)
        }
        return InputMessages.layoutInCell(scalar, in: what, text: text, at: location, path: path, isID: false)
    }

    static let unitID = Localized(zh: "单位编号", en: "the unit id")
    static let unitName = Localized(zh: "单位名称", en: "the unit name")
    static let category = Localized(zh: "单位类别", en: "the category")
    static let repID = Localized(zh: "代表编号", en: "the representative id")
    static let repName = Localized(zh: "代表姓名", en: "the name")
    static let group = Localized(zh: "分组", en: "the group")
    static let role = Localized(zh: "身份", en: "the role")
    static let ownUnit = Localized(zh: "所在单位编号", en: "the own unit id")
}
