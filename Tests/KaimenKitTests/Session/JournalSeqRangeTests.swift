import Foundation
import Testing
@testable import KaimenKit

/// A record's `seq` that no `Int` holds (10^30) was said to be *missing*: the line is there and
/// holds a number, and the message must say so, at its line, with what it holds.
@Suite("A record's seq out of range or not a whole number", .serialized)
struct JournalSeqRangeTests {
    @Test("a seq too large, a fraction or a string is said at its line as what it holds, never as missing", arguments: [
        ("1000000000000000000000000000000", "超出了序号的范围", "out of the range of a sequence number"),
        ("-99999999999999999999", "超出了序号的范围", "out of the range of a sequence number"),
        ("2.5", "不是整数", "not a whole number"),
        ("\"2\"", "不是整数", "not a whole number"),
        // By value, however written (a review): 10^30 in exponent form is out of range too, and
        // 2 written as 2.0 or 2e0 is a whole number kaimen writes as 2.
        ("1e30", "超出了序号的范围", "out of the range of a sequence number"),
        ("2.0", "不是 kaimen 写出的整数写法（应为 `2`）", "not written as kaimen writes a whole number (`2`)"),
        ("2e0", "不是 kaimen 写出的整数写法（应为 `2`）", "not written as kaimen writes a whole number (`2`)"),
    ])
    func seqOutOfRange(_ held: String, _ zh: String, _ en: String) throws {
        let s = try JournalChainTests.session { $0[1] = $0[1].replacingOccurrences(of: "\"seq\":2,", with: "\"seq\":\(held),") }
        defer { s.remove() }
        #expect(s.journalLines[1].contains("\"seq\":\(held),"), "the test's change must apply")
        let verified = s.run("verify", [])
        #expect(verified.code == .failure)
        #expect(verified.err.contains("journal.jsonl:2:1: 错误：日志记录的序号 `seq` 是 `\(held)`，\(zh)"), "\(verified.err)")
        #expect(!verified.err.contains("缺少 `seq`"), "\(verified.err)")
        #expect(verified.err.contains("从备份恢复 journal.jsonl"), "\(verified.err)")
        let english = s.run("status", ["--lang", "en"])
        #expect(english.code == .failure)
        #expect(english.err.contains("journal.jsonl:2:1: error: the journal record's `seq` is `\(held)`, \(en)"), "\(english.err)")
        #expect(!english.err.contains("has no `seq`"), "\(english.err)")
        // The record as parsed: the reason names what `seq` holds.
        #expect(JournalRecord.parse(s.journalLines[1]) == .failure(.invalidSeq(held)))
    }

    @Test("a record with no seq at all is still said to lack it")
    func seqMissing() throws {
        let s = try JournalChainTests.session { $0[1] = $0[1].replacingOccurrences(of: "\"seq\":2,", with: "") }
        defer { s.remove() }
        let verified = s.run("verify", [])
        #expect(verified.code == .failure)
        #expect(verified.err.contains("journal.jsonl:2:1: 错误：日志记录缺少 `seq`"), "\(verified.err)")
    }
}
