/// The language people read kaimen's explanations in: Chinese by default.
public enum Language: String, Sendable, CaseIterable {
    case zh, en

    /// Picks the text for this language.
    func t(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }
}
