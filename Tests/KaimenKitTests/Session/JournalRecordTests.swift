import Foundation
import Testing
@testable import KaimenKit

@Suite("Journal records: canonical form and hash, as another tool computes them")
struct JournalRecordTests {
    static let record = JournalRecord(
        seq: 1, time: "2014-07-08T09:00:00Z", by: "王秘书", kind: .void,
        content: .object(["representative": .string("R20"), "unit": .string("X07"), "reason": .string("评分表污损 \"无法\" 辨认\\"),
                          "scores": .object(["b": .null, "a": .string("3.5")])]),
        prev: JournalRecord.zeroHash)

    @Test("line and hash match the Python reference (Fixtures/reference/session/record_hash.py)")
    func matchesReference() {
        #expect(Self.record.hash == "6679c7d2c2aeb962b5b55b581f8604bd2dfcd1c0fb76980446e692d2f93f696b")
        #expect(Self.record.line == #"{"by":"王秘书","content":{"reason":"评分表污损 \"无法\" 辨认\\","representative":"R20","scores":{"a":"3.5","b":null},"unit":"X07"},"hash":"6679c7d2c2aeb962b5b55b581f8604bd2dfcd1c0fb76980446e692d2f93f696b","kind":"void","prev":"0000000000000000000000000000000000000000000000000000000000000000","seq":1,"time":"2014-07-08T09:00:00Z"}"#)
    }

    @Test("a line reads back as the same record")
    func roundTrip() throws {
        #expect(try JournalRecord.parse(Self.record.line).get() == Self.record)
    }

    @Test("a line that is not canonical, not JSON or incomplete is refused with the reason")
    func refused() {
        let spaced = Self.record.line.replacingOccurrences(of: "\"seq\":1", with: "\"seq\": 1")
        #expect(JournalRecord.parse(spaced) == .failure(.notCanonical))
        #expect(JournalRecord.parse("{\"by\":\"x\"") == .failure(.notJSON))
        #expect(JournalRecord.parse("{\"by\":\"x\"}") == .failure(.missingField("seq")))
        let unknown = Self.record.line.replacingOccurrences(of: "\"kind\":\"void\"", with: "\"kind\":\"vote\"")
        #expect(JournalRecord.parse(unknown) == .failure(.unknownKind("vote")))
    }

    @Test("changing any byte of the content changes the hash")
    func hashCoversContent() {
        var r = Self.record
        r.content = .object(["representative": .string("R21"), "unit": .string("X07"), "reason": .string("评分表污损 \"无法\" 辨认\\"),
                             "scores": .object(["b": .null, "a": .string("3.5")])])
        #expect(r.computedHash != Self.record.hash)
    }

    @Test("two keys that become one when escaped make one record, the key written as it is keeping its value, instead of a trap")
    func keysThatEscapeAlike() {
        // "a" + ESC is stored as the six characters `a\u{1B}`, which a key may also be.
        let control = "a\u{1B}", literal = "a\\u{1B}"
        #expect(Echo.visible(control) == literal)
        let content = JSONOut.object([control: .string("from the control key"), literal: .string("from the literal key"),
                                      "b": .object([control: .num(1), literal: .num(2)])])
        let expected = JSONOut.object([literal: .string("from the literal key"), "b": .object([literal: .num(2)])])
        #expect(Journal.visible(content) == expected)
        // A key with nothing to escape is kept as it is; values are escaped as before.
        let plain = JSONOut.object(["unit": .string("U01"), "note": .string("tab\there")])
        #expect(Journal.visible(plain) == .object(["unit": .string("U01"), "note": .string("tab\\there")]))
    }
}
