/// A veto item (一票否决): when its condition holds, the unit's grade is forced and/or its
/// total capped, whatever it scored.
public struct Veto: Sendable, Equatable {
    public var id: String
    public var name: String
    public var criteria: String?
    public var when: Formula
    public var grade: String?
    public var capTotal: Rational?
    public var origin: Origin
}
