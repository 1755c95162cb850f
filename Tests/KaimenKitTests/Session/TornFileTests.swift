import Foundation
import Testing
@testable import KaimenKit

/// A `recovered` record says where the torn tail it set aside is kept: a side file deleted (or
/// changed) afterwards passed `verify`, though it is all that is left of the record cut short.
@Suite("The side file of a torn tail set aside: verify checks it", .serialized)
struct TornFileTests {
    /// A session whose journal had a torn tail, set aside by an `enter` (records: open, entry,
    /// recovered, entry), and the side file's name.
    static func sessionWithSideFile() throws -> (SampleSession, String) {
        let s = try SampleSession()
        let a = try s.file("a.csv", SampleSession.typed("a") { $0.hasPrefix("R01,") })
        try #require(s.run("enter", [a, "--by", "甲"]).code == .success)
        let handle = try FileHandle(forWritingTo: s.dir.appendingPathComponent(Journal.fileName))
        try handle.seekToEnd(); try handle.write(contentsOf: Data("{\"by\":\"乙\",\"content\":{\"file\":\"b.cs".utf8)); try handle.close()
        let b = try s.file("b.csv", SampleSession.typed("a") { $0.hasPrefix("R02,") })
        try #require(s.run("enter", [b, "--by", "乙", "--identical"]).code == .success)
        let side = try #require(try FileManager.default.contentsOfDirectory(atPath: s.path).first { $0.hasPrefix("journal.torn-3-") })
        try #require(try Verifier.verify(s.dir).ok)
        return (s, side)
    }

    @Test("a side file deleted: verify names it and the record's line, and says to restore it from a backup")
    func sideFileDeleted() throws {
        let (s, side) = try Self.sessionWithSideFile(); defer { s.remove() }
        let url = s.dir.appendingPathComponent(side)
        let kept = try Data(contentsOf: url)
        try FileManager.default.removeItem(at: url)
        let r = s.run("verify", [])
        #expect(r.code == .failure)
        #expect(r.err.contains("journal.jsonl:3:1: 错误：记录 3（移开残缺的末尾记录）所指的文件 `\(side)` 不在会话文件夹里，其中保存着当时从日志末尾移开的 35 字节不完整的记录；"
                               + "从备份中把 `\(side)` 恢复到会话文件夹，再运行 `kaimen session verify`"), "\(r.err)")
        let english = s.run("verify", ["--lang", "en"])
        #expect(english.err.contains("journal.jsonl:3:1: error: record 3 (a torn tail set aside) names the file `\(side)`, which is not in the session folder"), "\(english.err)")
        #expect(english.err.contains("restore `\(side)` into the session folder from a backup"), "\(english.err)")
        let codes = try Verifier.verify(s.dir).problems.map(\.code)
        #expect(codes == ["torn-file-changed"])
        // Restored from a backup: verify passes again.
        try kept.write(to: url)
        #expect(s.run("verify", []).code == .success)
    }

    @Test("a side file changed after it was set aside: verify says it does not match the record's hash")
    func sideFileChanged() throws {
        let (s, side) = try Self.sessionWithSideFile(); defer { s.remove() }
        try Data("something else".utf8).write(to: s.dir.appendingPathComponent(side))
        let r = s.run("verify", [])
        #expect(r.code == .failure)
        #expect(r.err.contains("journal.jsonl:3:1: 错误：记录 3（移开残缺的末尾记录）所指的文件 `\(side)` 与记录中的哈希不符：移开后被改动过"), "\(r.err)")
    }

    /// A review: a folder or a FIFO in its place was said to be missing, with the hint to restore it.
    @Test("a side file replaced by a folder, a FIFO or a link: said to be there but no plain file, nothing read")
    func sideFileNotPlain() throws {
        for make in ["folder", "fifo", "link"] {
            let (s, side) = try Self.sessionWithSideFile(); defer { s.remove() }
            let url = s.dir.appendingPathComponent(side)
            let kept = try Data(contentsOf: url)
            try FileManager.default.removeItem(at: url)
            switch make {
            case "folder": try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
            case "fifo": #expect(mkfifo(url.path, 0o644) == 0)
            default:
                let elsewhere = s.dir.appendingPathComponent("copy.txt")
                try kept.write(to: elsewhere)
                try FileManager.default.createSymbolicLink(at: url, withDestinationURL: elsewhere)
            }
            let r = s.run("verify", [])
            #expect(r.code == .failure, "\(make)")
            #expect(r.err.contains("journal.jsonl:3:1: 错误：记录 3（移开残缺的末尾记录）所指的 `\(side)` 在会话文件夹里，但不是普通文件（是文件夹、符号链接或其他特殊文件）：没有读取它"), "\(make): \(r.err)")
        }
    }

    @Test("a recovered record rewritten to name a path outside the folder: said, and nothing there is read")
    func sideFileOutside() throws {
        let (s, _) = try Self.sessionWithSideFile(); defer { s.remove() }
        // Record 3 rewritten, every hash after it recomputed (the chain then reads whole).
        var records = try s.journalLines.map { try JournalRecord.parse($0).get() }
        var prev = JournalRecord.zeroHash
        for i in records.indices {
            var content = records[i].content
            if records[i].kind == .recovered, case .object(var o) = content {
                o["file"] = .string("../elsewhere.txt")
                content = .object(o)
            }
            records[i] = JournalRecord(seq: records[i].seq, time: records[i].time, by: records[i].by, kind: records[i].kind, content: content, prev: prev)
            prev = records[i].hash
        }
        try Data(records.map { $0.line + "\n" }.joined().utf8).write(to: s.dir.appendingPathComponent(Journal.fileName))
        let r = s.run("verify", [])
        #expect(r.code == .failure)
        #expect(r.err.contains("journal.jsonl:3:1: 错误：记录 3（移开残缺的末尾记录）所指的 `../elsewhere.txt` 不是会话文件夹里的文件名"), "\(r.err)")
    }
}
