/// Who issued a rules file, which version it is, and when it applies.
public struct RulesMetadata: Sendable, Equatable {
    public var id: String
    public var title: String
    public var issuer: String
    public var version: String
    public var effectiveFrom: String
    public var effectiveTo: String?
    public var locale: String
}
