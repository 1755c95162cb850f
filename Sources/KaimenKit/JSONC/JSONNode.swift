/// A JSON value read from a `.jsonc` file, with the place each value and key came from.
///
/// The rules loader works on this tree rather than on `Codable` so that every problem can be
/// reported at its `file:line:column`, and `extends` can merge files while each value keeps
/// pointing into the file that wrote it.
public struct JSONNode: Sendable, Equatable {
    public indirect enum Value: Sendable, Equatable {
        case object([JSONMember])
        case array([JSONNode])
        case string(String)
        /// The number's text exactly as written, so `0.9` is read as nine tenths.
        case number(String)
        case bool(Bool)
        case null
    }

    public var value: Value
    /// Where the value starts (for a string, its opening quote).
    public var location: SourceLocation
    /// For a string written with escapes: the column of each Unicode scalar of its content
    /// (an escape's is the column of its `\`), then the column of the closing quote.
    /// `nil` when content column `i` is simply `location.column + 1 + i`.
    public var contentColumns: [Int]?

    public init(_ value: Value, at location: SourceLocation, contentColumns: [Int]? = nil) {
        self.value = value
        self.location = location
        self.contentColumns = contentColumns
    }

    /// Where the `i`-th Unicode scalar of a string's content is in the file; `i` equal to the
    /// content's length gives the closing quote (where a formula that ends too early ends).
    public func contentLocation(_ i: Int) -> SourceLocation {
        if let cols = contentColumns {
            let col = i < cols.count ? cols[i] : (cols.last.map { $0 + 1 } ?? location.column + 1)
            return SourceLocation(file: location.file, line: location.line, column: col)
        }
        return location.advanced(by: 1 + i)
    }

    public var members: [JSONMember]? { if case .object(let m) = value { return m } else { return nil } }
    public var elements: [JSONNode]? { if case .array(let a) = value { return a } else { return nil } }
    public var stringValue: String? { if case .string(let s) = value { return s } else { return nil } }

    public subscript(key: String) -> JSONNode? {
        members?.first { $0.key == key }?.value
    }

    /// A short name of the value's type for messages: "a string", "a number", …
    public var typeDescription: String {
        switch value {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "true/false"
        case .null: "null"
        }
    }
}

public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: JSONNode

    public init(key: String, keyLocation: SourceLocation, value: JSONNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}
