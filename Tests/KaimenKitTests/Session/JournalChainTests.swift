import Foundation
import Testing
@testable import KaimenKit

/// A journal changed by hand stops every command that would record or seal from it, not only
/// `verify`: found by a new user who edited a ballot in `journal.jsonl`, saw `status` say all
/// was well and `close` seal the changed total.
@Suite("A broken hash chain: status says so, and nothing is recorded or sealed", .serialized)
struct JournalChainTests {
    /// A single-entry session with typed-a.csv entered (records 1 and 2), then `change` applied
    /// to its journal's lines.
    static func session(_ change: (inout [String]) -> Void) throws -> SampleSession {
        let s = try SampleSession(singleEntry: true)
        let a = try s.file("a.csv", SampleSession.typed("a"))
        try #require(s.run("enter", [a, "--by", "甲"]).code == .success)
        var lines = s.journalLines
        try #require(lines.count == 2)
        change(&lines)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: s.dir.appendingPathComponent(Journal.fileName))
        return s
    }

    /// The rights.ballot scores of 3.5 in record 2 made 4 (its hash left as it was).
    static func changedBallot(_ lines: inout [String]) {
        let before = lines[1]
        lines[1] = lines[1].replacingOccurrences(of: "\"rights.ballot\":\"3.5\"", with: "\"rights.ballot\":\"4\"")
        #expect(lines[1] != before, "the test's change must apply")
    }

    @Test("a changed record: status names it at its line, exits 1 and says the session cannot be closed")
    func status() throws {
        let s = try Self.session(Self.changedBallot); defer { s.remove() }
        let r = s.run("status", [])
        #expect(r.code == .failure)
        #expect(r.err.contains("journal.jsonl:2:1: 错误：记录 2（") && r.err.contains("）的内容与其哈希不符：记录被改动过"), "\(r.err)")
        #expect(r.out.contains("尚不能结束：会话日志已损坏"))
        #expect(!r.out.contains("可以结束会话"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(s.run("status", ["--format", "json"]).out.utf8)) as? [String: Any])
        #expect(json["journalDamaged"] as? Bool == true)
        #expect(json["canClose"] as? Bool == false)
    }

    @Test("a changed record: close refuses, seals nothing and writes no results")
    func close() throws {
        let s = try Self.session(Self.changedBallot); defer { s.remove() }
        let before = s.journal
        let r = s.run("close", ["--by", "王秘书"])
        #expect(r.code == .failure)
        #expect(r.err.contains("）的内容与其哈希不符"))
        #expect(r.err.contains("会话日志已损坏，不能再追加记录"))
        #expect(s.journal == before)
        #expect(!FileManager.default.fileExists(atPath: s.dir.appendingPathComponent("results").path))
    }

    @Test("a changed record: enter, resolve and void record nothing")
    func writers() throws {
        let s = try Self.session(Self.changedBallot); defer { s.remove() }
        let before = s.journal
        let b = try s.file("b.csv", SampleSession.typed("b"))
        for (command, rest) in [("enter", [b, "--by", "乙"]), ("resolve", ["--rep", "R05", "--unit", "X02", "--standard", "rights.ballot", "--score", "3", "--reason", "原表", "--by", "王"]),
                                ("void", ["--rep", "R05", "--unit", "X02", "--reason", "污损", "--by", "王"])] {
            let r = s.run(command, rest)
            #expect(r.code == .failure, "\(command)")
            #expect(r.err.contains("会话日志已损坏，不能再追加记录"), "\(command): \(r.err)")
        }
        #expect(s.journal == before)
    }

    @Test("a record taken out: the next one's number and prev no longer fit, and enter refuses")
    func removed() throws {
        // Record 2 removed, record 1 kept twice: line 2 holds seq 1 whose prev is not record 1's hash.
        let s = try Self.session { $0[1] = $0[0] }; defer { s.remove() }
        let r = s.run("status", [])
        #expect(r.code == .failure)
        #expect(r.err.contains("journal.jsonl:2:1: 错误：第 2 行的记录序号是 1，应为 2"))
        #expect(r.err.contains("journal.jsonl:2:1: 错误：记录 1 的 prev 与上一条记录的哈希不符"))
        let a = try s.file("a2.csv", SampleSession.typed("a"))
        #expect(s.run("enter", [a, "--by", "甲"]).code == .failure)
    }

    @Test("an untouched journal: status as before (exit 0, ready to close), and the chain is checked on every open")
    func untouched() throws {
        let s = try Self.session { _ in }; defer { s.remove() }
        let r = s.run("status", [])
        #expect(r.code == .success)
        #expect(r.err.isEmpty)
        #expect(r.out.contains("可以结束会话"))
        do {
            // Scoped: an open journal holds the session's lock, which verify below takes.
            let journal = try Journal(directory: s.dir, writable: false)
            #expect(journal.diagnostics.isEmpty)
            #expect(journal.recordLines == [1, 2])
        }
        // Before any close, verify says there is nothing sealed yet, not "0 sealed results match".
        let v = s.run("verify", [])
        #expect(v.code == .success)
        #expect(v.out.contains("核验通过（未核对公示的核验码）：2 条记录的哈希链完整，输入文件未变，会话尚未结束，还没有封存的结果"), "\(v.out)")
        #expect(!v.out.contains("0 个封存结果"))
    }
}
