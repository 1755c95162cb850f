/// A text people read, in both of kaimen's languages. Chinese is the default; English is
/// chosen with `--lang en`. Ids and file names inside it stay ASCII in both.
public struct Localized: Hashable, Sendable, CustomStringConvertible {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// A text that reads the same in both languages (an id, a number, a file name).
    public init(same text: String) {
        self.zh = text
        self.en = text
    }

    public func text(_ language: Language) -> String { language == .zh ? zh : en }

    /// English: what tests and logs that do not choose a language see.
    public var description: String { en }
}
