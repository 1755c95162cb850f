import Foundation
import Testing
@testable import KaimenKit

@Suite("Journal records: canonical form and hash, as another tool computes them")
struct JournalRecordTests {
    static let record = JournalRecord(
        seq: 1, time: "2014-07-08T09:00:00Z", by: "王秘书", kind: .void,
        content: .object(["representative": .string("R20"), "unit": .string("X07"), "reason": .string("评分表污损\n\"无法\"辨认\u{1}"),
                          "scores": .object(["b": .null, "a": .string("3.5")])]),
        prev: JournalRecord.zeroHash)

    @Test("line and hash match the Python reference (Fixtures/reference/session/record_hash.py)")
    func matchesReference() {
        #expect(Self.record.hash == "c50b05e9c8700fc10e0f5437b34915df7c9165ff89c186649ebfbad303db99df")
        #expect(Self.record.line == #"{"by":"王秘书","content":{"reason":"评分表污损\n\"无法\"辨认\u0001","representative":"R20","scores":{"a":"3.5","b":null},"unit":"X07"},"hash":"c50b05e9c8700fc10e0f5437b34915df7c9165ff89c186649ebfbad303db99df","kind":"void","prev":"0000000000000000000000000000000000000000000000000000000000000000","seq":1,"time":"2014-07-08T09:00:00Z"}"#)
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
        r.content = .object(["representative": .string("R21"), "unit": .string("X07"), "reason": .string("评分表污损\n\"无法\"辨认\u{1}"),
                             "scores": .object(["b": .null, "a": .string("3.5")])])
        #expect(r.computedHash != Self.record.hash)
    }
}
