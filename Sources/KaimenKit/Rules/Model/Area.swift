/// One of the areas (方面) the standards are grouped in, with its maximum points.
public struct Area: Sendable, Equatable {
    public var id: String
    public var name: String
    public var points: Rational
    public var order: Int
    /// Its standards may add up to more than `points`; the area is capped at `points`.
    public var capped: Bool
    public var origin: Origin
}
