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

    /// The problem with `text` (a cell's trimmed text), if it has one.
    static func problem(_ text: String, role: Role, what: Localized, at place: @autoclosure () -> SourceLocation, path: String,
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
