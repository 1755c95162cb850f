/// Where an entity of a rules file was written, and where each of its keys' values sits,
/// so checks that run after decoding can still point at the exact `file:line:column`.
public struct Origin: Sendable, Equatable {
    /// The opening `{` of the entity.
    public var location: SourceLocation
    /// The JSON path, e.g. `standards[rights.contracts]`.
    public var path: String
    /// The location of each key's value.
    public var fields: [String: SourceLocation]

    public init(location: SourceLocation, path: String, fields: [String: SourceLocation] = [:]) {
        self.location = location
        self.path = path
        self.fields = fields
    }

    /// The location of a key's value, or the entity's own when the key was not written.
    public func at(_ key: String) -> SourceLocation { fields[key] ?? location }
    public func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}
