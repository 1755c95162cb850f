/// The language people read kaimen's explanations in: Chinese by default.
public enum Language: String, Sendable, CaseIterable {
    case zh, en

    /// Picks the text for this language. Only the text picked is built: most texts interpolate
    /// formatted numbers, and a score sheet's notes are thousands of them.
    func t(_ zh: @autoclosure () -> String, _ en: @autoclosure () -> String) -> String { self == .zh ? zh() : en() }
}
