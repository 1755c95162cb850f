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
        if ["zh", "cn", "chs", "zh-cn", "zh-hans", "zh-hans-cn", "zh-sg", "chinese", "中文", "汉语", "简体中文", "简体", "中"].contains(t) { return .zh }
        if ["en", "eng", "english", "en-us", "en-gb", "英文", "英语", "英"].contains(t) { return .en }
        return nil
    }
}
