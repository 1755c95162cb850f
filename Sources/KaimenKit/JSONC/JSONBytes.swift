/// The one writer of ``JSONOut``'s pretty layout (``JSONOut/rendered()`` is its text), into one
/// `[UInt8]` buffer instead of grown `String`s: the score sheets' JSON is a few hundred
/// kilobytes per run of 100 units, and building it through string concatenation was a tenth of
/// `--out`'s time; `summary.json` at 200 000 units took 20 processor-seconds that way.
///
/// Same layout as `rendered()`: two-space indents, keys sorted, `{}` and `[]` for empty
/// containers, a final newline; strings escaped as ``JSONOut/quote(_:)`` does.
enum JSONBytes {
    static func render(_ value: JSONOut, reservingCapacity capacity: Int = 1 << 14) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(capacity)
        write(value, into: &out, indent: 0)
        out.append(0x0A)
        return out
    }

    static func write(_ value: JSONOut, into out: inout [UInt8], indent: Int) {
        switch value {
        case .object(let o):
            if o.isEmpty { out += "{}".utf8; return }
            out += "{\n".utf8
            for (i, entry) in o.sorted(by: { $0.key < $1.key }).enumerated() {
                pad(&out, indent + 1)
                quote(entry.key, into: &out)
                out += ": ".utf8
                write(entry.value, into: &out, indent: indent + 1)
                out += (i == o.count - 1 ? "\n" : ",\n").utf8
            }
            pad(&out, indent)
            out.append(UInt8(ascii: "}"))
        case .array(let a):
            if a.isEmpty { out += "[]".utf8; return }
            out += "[\n".utf8
            for (i, v) in a.enumerated() {
                pad(&out, indent + 1)
                write(v, into: &out, indent: indent + 1)
                out += (i == a.count - 1 ? "\n" : ",\n").utf8
            }
            pad(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .string(let s): quote(s, into: &out)
        case .number(let n): out += n.utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .null: out += "null".utf8
        }
    }

    private static func pad(_ out: inout [UInt8], _ levels: Int) {
        out.append(contentsOf: repeatElement(0x20, count: 2 * levels))
    }

    /// A JSON string literal: `"` and `\` escaped, `\n \r \t` by name, other controls, DEL and
    /// U+2028/U+2029 as `\u00XX`; everything else as its UTF-8 bytes.
    static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var plain = true
        for b in s.utf8 where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b == 0x7F || b == 0xE2 {
            plain = false
            break
        }
        if plain {
            out += s.utf8
        } else {
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\"".utf8
                case "\\": out += "\\\\".utf8
                case "\n": out += "\\n".utf8
                case "\r": out += "\\r".utf8
                case "\t": out += "\\t".utf8
                default:
                    if u.value < 0x20 || u.value == 0x7F || u.value == 0x2028 || u.value == 0x2029 {
                        let hex = String(u.value, radix: 16)
                        out += "\\u".utf8
                        for _ in hex.utf8.count..<4 { out.append(UInt8(ascii: "0")) }
                        out += hex.utf8
                    } else {
                        out += String(u).utf8
                    }
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
