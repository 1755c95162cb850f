import Foundation

/// One line of `journal.jsonl`: something that changed the session, chained to the record
/// before it by hash.
///
/// The line is the canonical JSON (``CanonicalJSON``) of an object with the keys `by`,
/// `content`, `hash`, `kind`, `prev`, `seq` and `time`. `hash` is the lowercase hex SHA-256 of
/// the UTF-8 bytes of the canonical JSON of the same object *without* `hash`; `prev` is the
/// previous record's `hash` (64 zeros for the first record); `seq` counts from 1.
public struct JournalRecord: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The session was created: the inputs' paths and hashes, double entry on or off.
        case open
        /// A typed file was entered: its sheets and their scores.
        case entry
        /// A conflict between entries settled by hand: the value, the reason.
        case resolve
        /// A sheet declared void (spoiled, unreadable), with a reason.
        case void
        /// The session closed: results written, their hashes and the journal head sealed.
        case seal
        /// A closed session reopened for one unit (申诉复核).
        case appeal
        /// A torn tail (a record cut short by a crash) was set aside into a side file.
        case recovered
    }

    public static let zeroHash = String(repeating: "0", count: 64)

    public var seq: Int
    /// UTC, ISO 8601 with seconds: `2014-07-08T09:30:00Z`.
    public var time: String
    /// The operator (`--by`).
    public var by: String
    public var kind: Kind
    public var content: JSONOut
    public var prev: String
    public var hash: String

    /// A new record chained after `prev`, its hash computed.
    public init(seq: Int, time: String, by: String, kind: Kind, content: JSONOut, prev: String) {
        self.seq = seq
        self.time = time
        self.by = by
        self.kind = kind
        self.content = content
        self.prev = prev
        self.hash = ""
        self.hash = computedHash
    }

    var unhashed: JSONOut {
        .object(["seq": .num(seq), "time": .string(time), "by": .string(by), "kind": .string(kind.rawValue),
                 "content": content, "prev": .string(prev)])
    }

    /// The SHA-256 of the canonical record without `hash`.
    public var computedHash: String { SHA256.hex(Array(CanonicalJSON.serialise(unhashed).utf8)) }

    /// The line written to the journal, without its line end.
    public var line: String {
        guard case .object(var o) = unhashed else { return "" }
        o["hash"] = .string(hash)
        return CanonicalJSON.serialise(.object(o))
    }

    public static func now() -> String { UTCTimestamp.text(Date()) }

    /// Why a line is not a well-formed record.
    public enum Problem: Error, Sendable, Equatable {
        case notJSON
        case missingField(String)
        /// `seq` is there but holds no sequence number kaimen could write (its JSON text):
        /// `1e30`, `1000000000000000000000000000000` (beyond any count of records), `"3"`, `2.5`.
        case invalidSeq(String)
        case unknownKind(String)
        /// Well-formed, but not written canonically: edited by hand or by another tool.
        case notCanonical
    }

    /// Reads one line (without its line end). The hash is not checked here: see ``Verifier``.
    public static func parse(_ line: String) -> Result<JournalRecord, Problem> {
        guard case .success(let node) = JSONCParser.parse(line, file: "journal.jsonl", allowsBidi: true) else { return .failure(.notJSON) }
        let v = CanonicalJSON.value(of: node)
        guard v.objectValue != nil else { return .failure(.notJSON) }
        guard let seqValue = v["seq"] else { return .failure(.missingField("seq")) }
        // A number too large for a count of records (10^30) is there, not missing: said as what it holds.
        guard let seq = seqValue.intValue else { return .failure(.invalidSeq(seqValue.compact)) }
        guard let time = v["time"]?.stringValue else { return .failure(.missingField("time")) }
        guard let by = v["by"]?.stringValue else { return .failure(.missingField("by")) }
        guard let kindText = v["kind"]?.stringValue else { return .failure(.missingField("kind")) }
        guard let kind = Kind(rawValue: kindText) else { return .failure(.unknownKind(kindText)) }
        guard let content = v["content"] else { return .failure(.missingField("content")) }
        guard let prev = v["prev"]?.stringValue else { return .failure(.missingField("prev")) }
        guard let hash = v["hash"]?.stringValue else { return .failure(.missingField("hash")) }
        var r = JournalRecord(seq: seq, time: time, by: by, kind: kind, content: content, prev: prev)
        r.hash = hash
        guard r.line == line else { return .failure(.notCanonical) }
        return .success(r)
    }
}
