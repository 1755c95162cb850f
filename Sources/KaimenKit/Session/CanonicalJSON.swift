/// The one serialisation the journal's hashes are computed over, so that another tool can
/// recompute them: JSON with no whitespace, object keys sorted by their UTF-8 bytes, strings
/// as ``JSONOut/quote(_:)`` writes them (UTF-8 kept; `"` `\` and controls escaped), numbers as
/// plain integers (scores are kept as decimal text in strings, never as JSON numbers).
enum CanonicalJSON {
    static func serialise(_ value: JSONOut) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    private static func write(_ value: JSONOut, into out: inout String) {
        switch value {
        case .object(let o):
            out += "{"
            for (i, key) in o.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if i > 0 { out += "," }
                out += JSONOut.quote(key) + ":"
                write(o[key]!, into: &out)
            }
            out += "}"
        case .array(let a):
            out += "["
            for (i, v) in a.enumerated() {
                if i > 0 { out += "," }
                write(v, into: &out)
            }
            out += "]"
        default:
            out += value.compact
        }
    }

    /// A parsed JSON value as a value to write again (numbers keep their text).
    static func value(of node: JSONNode) -> JSONOut {
        switch node.value {
        case .object(let members):
            var o: [String: JSONOut] = [:]
            for m in members { o[m.key] = value(of: m.value) }
            return .object(o)
        case .array(let a): return .array(a.map(value(of:)))
        case .string(let s): return .string(s)
        case .number(let n): return .number(n)
        case .bool(let b): return .bool(b)
        case .null: return .null
        }
    }
}

extension JSONOut {
    /// The member `key` of an object, or `nil`.
    subscript(key: String) -> JSONOut? { objectValue?[key] }
    var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    var intValue: Int? { if case .number(let n) = self { return Int(n) } else { return nil } }
    var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
}
