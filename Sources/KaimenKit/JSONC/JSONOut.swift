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

    /// Pretty-printed with two-space indents, sorted keys, and a final newline.
    public func rendered() -> String {
        var out = ""
        write(into: &out, indent: 0)
        out += "\n"
        return out
    }

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
        let pad = String(repeating: "  ", count: indent + 1)
        let close = String(repeating: "  ", count: indent)
        switch self {
        case .object(let o):
            if o.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, key) in o.keys.sorted().enumerated() {
                out += pad + JSONOut.quote(key) + ": "
                o[key]!.write(into: &out, indent: indent + 1)
                out += i == o.count - 1 ? "\n" : ",\n"
            }
            out += close + "}"
        case .array(let a):
            if a.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, v) in a.enumerated() {
                out += pad
                v.write(into: &out, indent: indent + 1)
                out += i == a.count - 1 ? "\n" : ",\n"
            }
            out += close + "]"
        default:
            out += compact
        }
    }

    /// A JSON string literal; non-ASCII text is kept as is (UTF-8), controls are escaped.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F || u.value == 0x2028 || u.value == 0x2029 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
