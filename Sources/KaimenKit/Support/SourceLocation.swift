/// A place in an input file that a person can open: `file:line:column`, 1-based.
///
/// Columns count Unicode scalars, so a Chinese character is one column, as editors show it.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The same place, `n` columns further along the line.
    public func advanced(by n: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + n)
    }

    public var description: String { "\(file):\(line):\(column)" }
}
