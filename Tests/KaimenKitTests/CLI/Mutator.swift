@testable import KaimenKit

/// Seeded mutations of input files, for the mutation test: the same seed always gives the same
/// mutated bytes. Each mutation is one to three edits of the kinds careless hands and hostile
/// files make: a cell replaced by an awkward value, a byte inserted or deleted, a line
/// duplicated, dropped, swapped or repeated past the message limit, a header renamed, the file
/// cut short.
struct Mutator {
    var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    mutating func int(_ n: Int) -> Int { n <= 1 ? 0 : Int(rng.next() % UInt64(n)) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }

    /// Values that have broken, or could break, a reader.
    static let cellTokens: [String] = [
        "", " ", "-", "N/A", "无", "0", "-0", "+1", "1.", ".5", "0.1", "3.5", "100", "120%", "８５％", "１２", "1,5", "1,234", "\"1,5\"",
        "1e3", "1e-9223372036854775808", "1e9223372036854775807", "9223372036854775808", "99999999999999999999999999999999",
        "0.0000000000000000000001", "NaN", "inf", "-inf", "是", "否", "yes", "√", "\"", "\"\"", "\"a\"b", "a\"b", "\"多\n行\"",
        "\u{1B}[2J", "\u{0}", "\t", "\t5\t", "\u{7F}", "\u{85}", "\u{3000}", "\u{A0}X01", "\u{FEFF}", "e\u{301}", "=cmd|' /C calc'!A0",
        "X01", "X02", "X01;X02", "X09", "x01", "R01", "R27", "R99", "rights.ballot", "publicity", "甲单位", String(repeating: "长", count: 500),
        String(repeating: "9", count: 40), "１２３", "—", "null", "true", "%", "½", "\u{202E}", "\u{D7FF}",
    ]

    /// Bytes inserted on their own.
    static let byteTokens: [[UInt8]] = [
        [0x2C], [0x22], [0x0A], [0x0D], [0x0D, 0x0A], [0x00], [0x09], [0x1B], [0x7F], [0xC2, 0x85], [0xFF], [0xEF, 0xBB, 0xBF],
        [0xE4, 0xB8], [0x3B], [0x20], [0x2D], [0x2E], [0x65], [0x25], [0x31],
    ]

    /// One to three edits of a CSV file.
    mutating func mutateCSV(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        for _ in 0 ... int(3) { out = editCSV(out) }
        return out
    }

    private mutating func editCSV(_ bytes: [UInt8]) -> [UInt8] {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        // A row, and one of its cells: half the time among the first four, where the ids, names
        // and categories are.
        let l = lines.count > 1 && int(8) != 0 ? 1 + int(lines.count - 1) : 0
        var fields = lines[l].split(separator: 0x2C, omittingEmptySubsequences: false).map(Array.init)
        let c = int(2) == 0 ? int(min(4, fields.count)) : int(fields.count)
        switch int(11) {
        case 0, 1, 2:  // a cell replaced
            fields[c] = Array(pick(Self.cellTokens).utf8)
            lines[l] = Array(fields.joined(separator: [0x2C]))
        case 3:  // bytes inserted somewhere
            var out = bytes
            out.insert(contentsOf: pick(Self.byteTokens), at: int(out.count + 1))
            return out
        case 4:  // bytes inserted in a cell
            fields[c].insert(contentsOf: pick(Self.byteTokens), at: int(fields[c].count + 1))
            lines[l] = Array(fields.joined(separator: [0x2C]))
        case 5:  // bytes deleted
            guard !bytes.isEmpty else { return bytes }
            var out = bytes
            let at = int(out.count)
            out.removeSubrange(at ..< min(out.count, at + 1 + int(8)))
            return out
        case 6:  // a line duplicated, or repeated past the message limit
            let l = int(lines.count)
            let copies = int(4) == 0 ? 250 : 1
            lines.insert(contentsOf: Array(repeating: lines[l], count: copies), at: int(lines.count + 1))
        case 7:  // a line dropped, or two swapped
            if int(2) == 0 { lines.remove(at: int(lines.count)) } else { lines.swapAt(int(lines.count), int(lines.count)) }
        case 8:  // a header cell renamed, or a column added
            var header = lines[0].split(separator: 0x2C, omittingEmptySubsequences: false).map(Array.init)
            if int(2) == 0 {
                header[int(header.count)] = Array(pick(["", "id", "name", "unit", "score", "members", "单位", "x", "units", "group"]).utf8)
            } else {
                header.append(Array("extra".utf8))
            }
            lines[0] = Array(header.joined(separator: [0x2C]))
        case 9:  // cut short
            return Array(bytes.prefix(int(bytes.count + 1)))
        default:  // one byte changed
            guard !bytes.isEmpty else { return bytes }
            var out = bytes
            out[int(out.count)] = UInt8(truncatingIfNeeded: rng.next())
            return out
        }
        return Array(lines.joined(separator: [0x0A]))
    }

    /// Values that have broken, or could break, the rules reader.
    static let rulesTokens: [String] = [
        "{", "}", "[", "]", ",", ":", "\"", "//", "/*", "\\", "\\u0000", "\\u001b", "\\uD800", "null", "true", "-", "0", "1e-9223372036854775808",
        "1e400", "9223372036854775808", "0.0000000000000000000000000000001", "\"extends\": \"/etc/passwd\",", "\"extends\": \"x.jsonc\",",
        "\u{1B}", "\u{0}", "\"points\": -1,", "\"formula\": \"((((((((((1))))))))))\",", "\"formula\": \"not not not not - - - 1\",",
    ]

    /// One to three edits of a rules file: a token inserted, a number replaced, a few bytes deleted.
    mutating func mutateRules(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        for _ in 0 ... int(3) {
            switch int(3) {
            case 0:
                out.insert(contentsOf: Array(pick(Self.rulesTokens).utf8), at: int(out.count + 1))
            case 1:
                // A number (a run of digits after `: `) replaced.
                let starts = out.indices.filter { $0 > 1 && out[$0 - 2] == 0x3A && out[$0 - 1] == 0x20 && out[$0] >= 0x30 && out[$0] <= 0x39 }
                guard !starts.isEmpty else { continue }
                let a = pick(starts)
                var b = a
                while b < out.count && (out[b] >= 0x30 && out[b] <= 0x39 || out[b] == 0x2E) { b += 1 }
                out.replaceSubrange(a ..< b, with: Array(pick(["-5", "0", "1e-9223372036854775808", "1e30", "99999999999999999999", "0.001", "\"7\""]).utf8))
            default:
                guard !out.isEmpty else { continue }
                let at = int(out.count)
                out.removeSubrange(at ..< min(out.count, at + 1 + int(6)))
            }
        }
        return out
    }
}
