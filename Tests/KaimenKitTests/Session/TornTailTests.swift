import Foundation
import Testing
@testable import KaimenKit

/// A torn tail says whose action it lost: found by a user test, where the warning gave only
/// the bytes and the side file, and the secretary could not tell which step to take again.
@Suite("Torn tails: whose action was lost", .serialized)
struct TornTailTests {
    /// A session with a record of every kind: open, two entries, a void, a resolve, a seal, an
    /// appeal, a correction, and (made by hand) a recovered record.
    static func records() throws -> [JournalRecord] {
        let s = try SampleSession(); defer { s.remove() }
        let a = try s.file("a.csv", SampleSession.typed("a"))
        let b = try s.file("b.csv", SampleSession.typed("b"))
        try #require(s.run("enter", [a, "--by", "录入员甲"]).code == .success)
        try #require(s.run("enter", [b, "--by", "录入员乙"]).code == .success)
        try #require(s.run("void", ["--rep", "R20", "--unit", "X07", "--reason", "污损", "--by", "王秘书", "--override"]).code == .success)
        try #require(s.run("resolve", ["--rep", "R05", "--unit", "X02", "--standard", "rights.ballot", "--score", "4", "--reason", "核对纸质评分表",
                                       "--by", "王秘书"]).code == .success)
        try #require(s.run("close", ["--by", "王秘书"]).code == .success)
        try #require(s.run("appeal", ["--unit", "X04", "--reason", "申诉", "--by", "王秘书"]).code == .success)
        let fix = try s.file("fix.csv", SampleSession.typed("a") { $0.hasPrefix("R13,X04,") })
        try #require(s.run("enter", [fix, "--by", "录入员甲"]).code == .success)
        var records = try s.journalLines.map { try JournalRecord.parse($0).get() }
        records.append(JournalRecord(seq: records.count + 1, time: "2014-07-08T09:30:00Z", by: "kaimen", kind: .recovered,
                                     content: .object(["file": .string("journal.torn-9-1404811800.txt"), "bytes": .num(31),
                                                       "sha256": .string(String(repeating: "a", count: 64))]),
                                     prev: records.last!.hash))
        return records
    }

    @Test("every prefix of every kind of record: what is read is the record's own, never more; most of a record is read whole")
    func prefixes() throws {
        let records = try Self.records()
        #expect(Set(records.map(\.kind)) == Set(JournalRecord.Kind.allCases))
        for r in records {
            let line = Array(r.line.utf8)
            let c = r.content
            // Every byte for the first 400 (where the names are), then every 89th, and the last.
            let lengths = Array(0..<min(400, line.count)) + Array(stride(from: 400, to: line.count, by: 89)) + [line.count - 1, line.count]
            for n in lengths {
                guard let t = TornTail.read(Array(line[..<n])) else { continue }
                let at = "record \(r.seq) (\(r.kind)) cut at \(n)"
                #expect(t.kind == nil || t.kind == r.kind, "\(at): \(t)")
                #expect(t.by == nil || t.by == r.by, "\(at): \(t)")
                #expect(t.file == nil || t.file == c["file"]?.stringValue, "\(at): \(t)")
                #expect(t.round == nil || t.round == c["round"]?.intValue, "\(at): \(t)")
                #expect(t.representative == nil || t.representative == c["representative"]?.stringValue, "\(at): \(t)")
                #expect(t.unit == nil || t.unit == c["unit"]?.stringValue, "\(at): \(t)")
                #expect(t.standard == nil || t.standard == c["standard"]?.stringValue, "\(at): \(t)")
            }
            // Cut anywhere after its content's first keys, a record is known for what it is.
            let most = try #require(TornTail.read(Array(line.dropLast(70))), "record \(r.seq)")
            #expect(most.kind == r.kind && most.by == r.by, "record \(r.seq): \(most)")
            if r.kind == .entry { #expect(most.file == c["file"]?.stringValue && most.round == c["round"]?.intValue) }
        }
    }

    @Test("bytes that are no record's start say nothing, and the message is today's")
    func notARecord() {
        for bytes: [UInt8] in [[], [0, 0, 0, 0], Array("{\"seq\":2,\"ki".utf8), Array("garbage".utf8), Array("[{\"by\":\"甲\"".utf8),
                               Array("{\"by\":\"甲".utf8), Array("{\"by\":\"\\x41\",\"content\":{\"file\":\"a.csv\"".utf8),
                               Array("{\"by\":\"\u{1}\"".utf8), [0x7B, 0x22, 0x62, 0x79, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x2C],
                               Array(repeating: UInt8(ascii: "["), count: 100_000)] {
            #expect(TornTail.read(bytes) == nil, "\(bytes.prefix(20))")
        }
        // Deep nesting is read no further than any record goes, without recursing on.
        let deep = Array(("{\"by\":\"甲\",\"content\":{\"file\":\"a.csv\",\"x\":" + String(repeating: "[", count: 100_000)).utf8)
        #expect(TornTail.read(deep) == TornTail(kind: .entry, by: "甲", file: "a.csv"))
        #expect(SessionMessages.tornTailSetAside(12, side: "journal.torn-3-1.txt", lost: nil)
                == SessionMessages.tornTailSetAside(12, side: "journal.torn-3-1.txt"))
    }

    @Test("each kind is said with what to do again", arguments: [
        (TornTail(kind: .entry, by: "录入员乙", file: "typed-b.csv", round: 1),
         "丢失的是 录入员乙 对 `typed-b.csv` 的录入（第 1 轮）", "请 录入员乙 重新录入这个文件（`kaimen session enter`）",
         "the record lost is 录入员乙's entry of `typed-b.csv` (round 1)"),
        (TornTail(kind: .entry, by: "录入员乙"), "丢失的是 录入员乙 的一次录入", "重新录入这个文件", "录入员乙's entry"),
        (TornTail(kind: .resolve, by: "王秘书", representative: "R05", unit: "X02", standard: "rights.ballot"),
         "丢失的是 王秘书 的裁定（`R05` 对 `X02` 的评分表，`rights.ballot`）", "请重新裁定（`kaimen session resolve`）",
         "王秘书's resolve (`R05`'s sheet for `X02`, `rights.ballot`)"),
        (TornTail(kind: .void, by: "王秘书", representative: "R20"), "丢失的是 王秘书 的作废（`R20` 的评分表）", "`kaimen session void`",
         "王秘书's void (a sheet of `R20`)"),
        (TornTail(kind: .appeal, by: "王秘书", unit: "X04"), "丢失的是 王秘书 的申诉复核（`X04`）", "`kaimen session appeal`", "王秘书's appeal (`X04`)"),
        (TornTail(kind: .seal, by: "王秘书"), "丢失的是 王秘书 的结束会话（封存）", "结果文件已写出但没有封存，请再运行一次 `kaimen session close`",
         "王秘书's close (its seal)"),
        (TornTail(kind: .recovered, by: "kaimen"), "丢失的是 kaimen 自己添加的一条恢复记录", "不需要重做", "a recovery record kaimen adds itself"),
        (TornTail(by: "录入员乙"), "丢失的是 录入员乙 的一条记录", "请查明 录入员乙 当时执行的是哪一步", "录入员乙's record"),
        (TornTail(kind: .resolve, unit: "X02"), "丢失的是一次裁定（对 `X02` 的评分表）", "请重新裁定", "a resolve (a sheet for `X02`)"),
    ])
    func said(_ t: TornTail, _ zh: String, _ hint: String, _ en: String) {
        #expect(SessionMessages.tornTailLost(t).zh == zh)
        #expect(SessionMessages.tornTailRedo(t).zh.contains(hint), "\(SessionMessages.tornTailRedo(t).zh)")
        #expect(SessionMessages.tornTailLost(t).en.contains(en), "\(SessionMessages.tornTailLost(t).en)")
    }

    @Test("an entry cut short: status and the next command say whose entry of which file was lost, and to enter it again")
    func entryCutShort() throws {
        let s = try SampleSession(); defer { s.remove() }
        let a = try s.file("a.csv", SampleSession.typed("a") { $0.hasPrefix("R01,") })
        let b = try s.file("b.csv", SampleSession.typed("b") { $0.hasPrefix("R02,") })
        try #require(s.run("enter", [a, "--by", "录入员甲"]).code == .success)
        let intact = s.journal
        try #require(s.run("enter", [b, "--by", "录入员乙"]).code == .success)
        // 乙's record as a write cut short after 150 bytes leaves it.
        let torn = Array(s.journalLines.last!.utf8.prefix(150))
        try Data(Array(intact.utf8) + torn).write(to: s.dir.appendingPathComponent(Journal.fileName))

        let looked = s.run("status", [])
        #expect(looked.err.contains("日志末尾有 150 字节不完整的记录（上次写入时中断），已忽略；下一条修改会话的命令会把它移到旁边的文件；"
                                    + "丢失的是 录入员乙 对 `b.csv` 的录入（第 1 轮）；这次录入没有记入日志：请 录入员乙 重新录入这个文件（`kaimen session enter`）"),
                "\(looked.err)")
        let en = s.run("verify", ["--lang", "en"])
        #expect(en.err.contains("the record lost is 录入员乙's entry of `b.csv` (round 1); the entry was not recorded: 录入员乙 should enter the file again"), "\(en.err)")
        let voided = s.run("void", ["--rep", "R20", "--unit", "X07", "--reason", "污损", "--by", "王秘书"])
        #expect(voided.code == .success)
        #expect(voided.err.contains("已原样保存到 `journal.torn-3-"), "\(voided.err)")
        #expect(voided.err.contains("并从日志中移开；之前的记录完好；丢失的是 录入员乙 对 `b.csv` 的录入（第 1 轮）；这次录入没有记入日志"), "\(voided.err)")
        // The tail is set aside and recorded as before, byte for byte.
        let side = try FileManager.default.contentsOfDirectory(atPath: s.dir.path).filter { $0.hasPrefix("journal.torn-") }
        #expect(side.count == 1)
        #expect([UInt8](try Data(contentsOf: s.dir.appendingPathComponent(side[0]))) == torn)
        #expect(try s.journalLines.map { try JournalRecord.parse($0).get().kind } == [.open, .entry, .recovered, .void])
        #expect(try Verifier.verify(s.dir).ok)
        // Entered again, as the warning says.
        #expect(s.run("enter", [b, "--by", "录入员乙"]).code == .success)
    }

    @Test("names in a torn tail are shown with their control and invisible characters escaped, and cut when long")
    func escaped() throws {
        let s = try SampleSession(); defer { s.remove() }
        let long = String(repeating: "长", count: 60)
        let tail = "{\"by\":\"王\\u001b[31m\u{202E}\",\"content\":{\"file\":\"\(long).csv\",\"round\":1,"
        let handle = try FileHandle(forWritingTo: s.dir.appendingPathComponent(Journal.fileName))
        try handle.seekToEnd(); try handle.write(contentsOf: Data(tail.utf8)); try handle.close()
        let r = s.run("status", [])
        #expect(r.err.contains("丢失的是 王\\u{1B}[31m\\u{202E} 对 `\(String(repeating: "长", count: 40))…` 的录入（第 1 轮）"), "\(r.err)")
        #expect(!r.err.contains("\u{1B}") && !r.err.contains("\u{202E}"))
    }
}
