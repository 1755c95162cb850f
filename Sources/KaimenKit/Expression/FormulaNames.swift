/// The names a formula may read: metric id → the slot index its value is passed in.
public struct FormulaNames: Sendable {
    public let slots: [String: Int]
    /// Sorted, for stable suggestions.
    let known: [String]

    public init(slots: [String: Int]) {
        self.slots = slots
        self.known = slots.keys.sorted()
    }

    public func slot(for name: String) -> Int? { slots[name] }

    /// The known metric closest to a misspelt one, if any is close.
    public func suggestion(for name: String) -> String? {
        FormulaSuggestion.closest(to: name, among: known)
    }
}
