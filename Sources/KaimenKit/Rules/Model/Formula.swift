/// A formula written in a rules file: its text, where it was written, and its compiled form.
public struct Formula: Sendable, Equatable {
    public var text: String
    public var location: SourceLocation
    public var compiled: CompiledFormula
    /// The metric ids it reads, in the order of their slots.
    public var metricIDs: [String]

    public static func == (a: Formula, b: Formula) -> Bool { a.text == b.text && a.location == b.location }
}
