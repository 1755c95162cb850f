/// What to write instead of a reference that names nothing: an area, metric or standard is
/// named by its id, and a Chinese name written there (`"area": "依法维权"`) is answered with
/// the id it names (`用编号 rights`), not with "add it under `areas`", which would make a
/// second area. Otherwise the closest id ("did you mean"), as for any misspelling.
enum ReferenceHint {
    /// An entry that can be named: its id, and its name as people read it.
    typealias Entry = (id: String, name: String)

    /// The hint for `text` written where the id of one of `entries` belongs, or `nil`.
    /// `what`: the kind of entry, as `ValidationMessages` names it (方面, 指标, …).
    static func forID(_ text: String, among entries: [Entry], what: Localized) -> Localized? {
        named(text, among: entries, what: what) ?? Localized.didYouMean(text, among: entries.map(\.id))
    }

    /// "Use the id `rights`" when `text` is the name of one of `entries`; otherwise `nil`.
    static func named(_ text: String, among entries: [Entry], what: Localized) -> Localized? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return entries.first { $0.name == trimmed && $0.id != trimmed }.map { ValidationMessages.useID($0.id, name: trimmed, what) }
    }

    /// The grade meant by `text`, which is not one of `names`: the closest by spelling
    /// (`不合` → `不合格`), else the only one that holds it or that it holds (`良` → `良好`;
    /// a one-character name is too short for spelling to find it).
    static func grade(_ text: String, among names: [String]) -> String? {
        if let close = Suggestion.closest(to: text, among: names) { return close }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        let holding = names.filter { $0.contains(trimmed) || trimmed.contains($0) }
        return holding.count == 1 ? holding[0] : nil
    }
}
