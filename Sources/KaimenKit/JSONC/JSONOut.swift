/// A JSON value to write: what kaimen prints with `--format json`. Numbers are kept as their
/// exact decimal text; objects print with sorted keys so output is stable and diffable.
public indirect enum JSONOut: Sendable, Equatable {
    case object([String: JSONOut])
    case array([JSONOut])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    public static func num(_ r: Rational, places: Int = 6) -> JSONOut { .number(r.plainText(maxPlaces: places)) }
    public static func num(_ i: Int) -> JSONOut { .number(String(i)) }
    public static func str(_ s: String?) -> JSONOut { s.map { .string($0) } ?? .null }

    public var objectValue: [String: JSONOut]? { if case .object(let o) = self { return o } else { return nil } }
    public var arrayValue: [JSONOut]? { if case .array(let a) = self { return a } else { return nil } }

    /// Pretty-printed with two-space indents, sorted keys, and a final newline (`JSONBytes`,
    /// the one writer of this layout).
    public func rendered() -> String { String(decoding: JSONBytes.render(self), as: UTF8.self) }

    /// On one line: for short values in messages and diffs.
    public var compact: String {
        switch self {
        case .object(let o):
            return "{" + o.keys.sorted().map { "\(JSONOut.quote($0)): \(o[$0]!.compact)" }.joined(separator: ", ") + "}"
        case .array(let a): return "[" + a.map(\.compact).joined(separator: ", ") + "]"
        case .string(let s): return JSONOut.quote(s)
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }

    /// Appends the value pretty-printed as it appears nested `indent` levels deep (the first
    /// line is not indented; following lines are).
    func write(into out: inout String, indent: Int) {
        var bytes: [UInt8] = []
        JSONBytes.write(self, into: &bytes, indent: indent)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// A JSON string literal; non-ASCII text is kept as is (UTF-8), controls are escaped.
    public static func quote(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 2)
        JSONBytes.quote(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
