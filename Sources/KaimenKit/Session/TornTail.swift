/// What a torn tail of the journal was going to record, as far as its bytes say: the start of
/// a record cut short (`{"by":"录入员乙","content":{"file":"typed-b.csv","round":1,"sha2`),
/// read so the `journal-torn-tail` warning can say whose action was lost and what to do again.
///
/// Only what parses cleanly is taken: the bytes are read as the canonical JSON kaimen writes
/// (no whitespace, `\"` `\\` `\n` `\r` `\t` `\uXXXX` escapes, valid UTF-8), a string or number
/// cut off is dropped, and reading stops at the first byte that does not fit. Nothing read here
/// is recorded or trusted beyond the message; the side file keeps the bytes as they were.
struct TornTail: Equatable, Sendable {
    /// The record's kind: its `kind`, or, since canonical keys are sorted and `kind` comes after
    /// `content`, told from the names of its content's first keys (`file` is an entry's first).
    var kind: JournalRecord.Kind?
    var by: String?
    /// An entry's typed file.
    var file: String?
    var round: Int?
    /// A resolve's or void's sheet and item; an appeal's unit.
    var representative: String?
    var unit: String?
    var standard: String?

    /// What `bytes` show of the record they begin; `nil` when they show nothing recognisable
    /// (not the start of a record, or garbage such as the zeros a power cut can leave).
    static func read(_ bytes: [UInt8]) -> TornTail? {
        var reader = PrefixReader(bytes: bytes)
        guard case .object(let top)? = reader.value(depth: 0) else { return nil }
        func member(_ members: [Member], _ key: String) -> Piece? { members.first { $0.key == key }?.value }
        var lost = TornTail()
        if case .string(let by)? = member(top, "by") { lost.by = by }
        if case .string(let kind)? = member(top, "kind") { lost.kind = JournalRecord.Kind(rawValue: kind) }
        if case .object(let content)? = member(top, "content") {
            if lost.kind == nil { lost.kind = kind(keys: content.map(\.key)) }
            func text(_ key: String) -> String? { if case .string(let s)? = member(content, key) { s } else { nil } }
            if case .number(let n)? = member(content, "round") { lost.round = n }
            switch lost.kind {
            case .entry?: lost.file = text("file")
            case .resolve?, .void?, .appeal?:
                lost.representative = lost.kind == .appeal ? nil : text("representative")
                lost.unit = text("unit")
                lost.standard = lost.kind == .resolve ? text("standard") : nil
            default: break
            }
        }
        return lost.kind == nil && lost.by == nil ? nil : lost
    }

    /// The kind of a record whose content begins with `keys` (sorted by their UTF-8 bytes, as
    /// kaimen writes them): each kind's first keys differ, but for `reason`, which begins a
    /// resolve, a void and an appeal, and is told by the keys after it. `nil` when unsure.
    static func kind(keys: [String]) -> JournalRecord.Kind? {
        guard let first = keys.first,
              zip(keys, keys.dropFirst()).allSatisfy({ Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) else { return nil }
        switch first {
        case "file": return .entry
        case "bytes": return .recovered
        case "acceptMissing": return .seal
        case "agreement", "doubleEntry": return .open
        case "reason":
            guard keys.count > 1 else { return nil }
            switch keys[1] {
            case "replaces": return .resolve
            case "unit": return .appeal
            case "representative":
                guard keys.count > 2 else { return nil }
                return keys[2] == "round" ? .resolve : keys[2] == "unit" ? .void : nil
            default: return nil
            }
        default: return nil
        }
    }

    /// Whether `bytes`, the whole journal, are the opening record cut short, or nothing (an
    /// `init` interrupted while writing it, or before), rather than records whose line ends were lost or joined
    /// (a file saved again by another program): one line, beginning as kaimen writes a record,
    /// every byte fitting the canonical JSON of one, and ending only because the bytes run out;
    /// not a whole record (that is one whose line end alone is missing); its kind, as far as
    /// the bytes show it, `open`; and shorter than any session's journal with entries.
    static func cutShortOpening(_ bytes: [UInt8]) -> Bool {
        if bytes.isEmpty { return true }
        guard bytes.count < 1 << 16, !bytes.contains(0x0A), !bytes.contains(0x0D),
              bytes[0] == UInt8(ascii: "{") else { return false }
        var reader = PrefixReader(bytes: bytes)
        _ = reader.value(depth: 0)
        guard reader.stopped && reader.ranOut else { return false }
        let lost = read(bytes)
        return lost?.kind == nil || lost?.kind == .open
    }

    typealias Member = (key: String, value: Piece?)

    /// A value read from the bytes: an object or array holds the members read before the bytes
    /// ran out (a member whose value was cut keeps its key, with no value).
    indirect enum Piece {
        case object([Member])
        case array([Piece])
        case string(String)
        case number(Int)
        case literal
    }

    /// Reads canonical JSON until the bytes end or stop fitting.
    struct PrefixReader {
        let bytes: [UInt8]
        var at = 0
        /// The bytes did not fit: nothing more is read, anywhere.
        var stopped = false
        /// Reading stopped because the bytes ran out (a value, key or character cut short),
        /// not because a byte did not fit.
        var ranOut = false
        /// Deeper than any record kaimen writes: read no further (no recursion without end).
        static let maxDepth = 8

        /// The value at `at`; a scalar cut off (or not fitting) is `nil`, a container cut off is
        /// what was read of it.
        mutating func value(depth: Int) -> Piece? {
            if !stopped && at >= bytes.count { ranOut = true }
            guard !stopped, at < bytes.count, depth <= Self.maxDepth else { stopped = true; return nil }
            switch bytes[at] {
            case UInt8(ascii: "{"):
                at += 1
                var members: [Member] = []
                if at < bytes.count, bytes[at] == UInt8(ascii: "}") { at += 1; return .object(members) }
                while !stopped {
                    guard let key = string() else { break }
                    guard expect(UInt8(ascii: ":")) else { members.append((key, nil)); break }
                    let v = value(depth: depth + 1)
                    members.append((key, v))
                    if stopped { break }
                    if expect(UInt8(ascii: "}")) { return .object(members) }
                    guard expect(UInt8(ascii: ",")) else { break }
                }
                stopped = true
                return .object(members)
            case UInt8(ascii: "["):
                at += 1
                var elements: [Piece] = []
                if at < bytes.count, bytes[at] == UInt8(ascii: "]") { at += 1; return .array(elements) }
                while !stopped {
                    guard let v = value(depth: depth + 1) else { break }
                    elements.append(v)
                    if stopped { break }
                    if expect(UInt8(ascii: "]")) { return .array(elements) }
                    guard expect(UInt8(ascii: ",")) else { break }
                }
                stopped = true
                return .array(elements)
            case UInt8(ascii: "\""):
                return string().map(Piece.string)
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                for word in ["true", "false", "null"] where bytes[at...].starts(with: word.utf8) {
                    at += word.utf8.count
                    return .literal
                }
                if ["true", "false", "null"].contains(where: { $0.utf8.starts(with: bytes[at...]) }) { ranOut = true }
                stopped = true
                return nil
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = at
                if bytes[at] == UInt8(ascii: "-") { at += 1 }
                while at < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at]) { at += 1 }
                // Digits up to the end may be a number cut short (`1` of `12`).
                if at >= bytes.count { ranOut = true }
                guard at < bytes.count, let n = Int(String(decoding: bytes[start..<at], as: UTF8.self)) else { stopped = true; return nil }
                return .number(n)
            default:
                stopped = true
                return nil
            }
        }

        /// The byte at `at` is `byte`: step over it. Otherwise stop.
        mutating func expect(_ byte: UInt8) -> Bool {
            if !stopped && at >= bytes.count { ranOut = true }
            guard !stopped, at < bytes.count, bytes[at] == byte else { return false }
            at += 1
            return true
        }

        /// A whole string at `at`, its escapes undone; `nil` (and stop) when it is cut off or
        /// does not fit (an escape kaimen does not write, a control byte, bytes not UTF-8).
        mutating func string() -> String? {
            if !stopped && at >= bytes.count { ranOut = true }
            guard !stopped, at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { stopped = true; return nil }
            var i = at + 1
            var text: [UInt8] = []
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    let s = String(decoding: text, as: UTF8.self)
                    guard Array(s.utf8) == text else { break }
                    at = i + 1
                    return s
                }
                if b < 0x20 { stopped = true; return nil }
                guard b == UInt8(ascii: "\\") else { text.append(b); i += 1; continue }
                guard i + 1 < bytes.count else { ranOut = true; break }
                switch bytes[i + 1] {
                case UInt8(ascii: "\""): text.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): text.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "u"):
                    if i + 6 > bytes.count { ranOut = true }
                    guard i + 6 <= bytes.count, let v = UInt32(String(decoding: bytes[(i + 2)..<(i + 6)], as: UTF8.self), radix: 16),
                          bytes[(i + 2)..<(i + 6)].allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") }),
                          let scalar = Unicode.Scalar(v) else { stopped = true; return nil }
                    text.append(contentsOf: Array(String(Character(scalar)).utf8))
                    i += 6
                    continue
                default: stopped = true; return nil
                }
                i += 2
            }
            // The bytes ran out inside the string (a character cut in the middle included).
            if i >= bytes.count { ranOut = true }
            stopped = true
            return nil
        }
    }
}
