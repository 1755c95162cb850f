/// The language people read kaimen's explanations in: Chinese by default.
public enum Language: String, Sendable, CaseIterable {
    case zh, en

    /// Picks the text for this language. Only the text picked is built: most texts interpolate
    /// formatted numbers, and a score sheet's notes are thousands of them.
    func t(_ zh: @autoclosure () -> String, _ en: @autoclosure () -> String) -> String { self == .zh ? zh() : en() }

    /// The language another common way of writing it names: `cn`, `zh-CN`, `zh_Hans`, `中文`,
    /// `简体中文` for `zh`; `en-US`, `english`, `英文` for `en` (letters in any case). `nil` for
    /// anything else, which stays an invalid value.
    static func alias(_ text: String) -> Language? {
        let t = UnitMatcher.normalized(text).lowercased().replacingOccurrences(of: "_", with: "-")
        if let l = Language(rawValue: t) { return l }
        return words.first { $0.word.lowercased() == t }?.language
    }

    /// The other ways of writing each language that ``alias(_:)`` takes, the Chinese word the
    /// help and the "not a valid value" line show first (`zh（中文）`); also `--lang`'s words
    /// (`ChoiceWords.languages`), so a wrong value is answered with the nearest (`englsh`).
    static let words: [(word: String, language: Language)] = [
        ("中文", .zh), ("简体中文", .zh), ("汉语", .zh), ("简体", .zh), ("中", .zh),
        ("zh-CN", .zh), ("cn", .zh), ("chs", .zh), ("zh-Hans", .zh), ("zh-Hans-CN", .zh), ("zh-SG", .zh), ("Chinese", .zh),
        ("英文", .en), ("英语", .en), ("英", .en),
        ("English", .en), ("eng", .en), ("en-US", .en), ("en-GB", .en),
    ]
}
