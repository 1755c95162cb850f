import Foundation
import Testing
@testable import KaimenKit

/// What an `init` stopped midway leaves, and what the next `init` may clear: only the names
/// `init` itself writes, and an empty journal (stopped after making it, before its opening
/// record), which the next `init` said was a session to delete by hand.
@Suite("An init cut short: what it leaves, and only that, is cleared by the next init", .serialized)
struct InterruptedInitTests {
    static func initArgs(_ dir: String, by: String = "王秘书", schedule: Bool = true) -> [String] {
        ["session", "init", dir, "--rules", "rules/xicheng-2014.jsonc", "--units", "samples/xicheng-2014/units.csv",
         "--roster", "samples/xicheng-2014/roster.csv", "--by", by] + (schedule ? ["--schedule", "samples/xicheng-2014/schedule.csv"] : [])
    }

    /// An `init` killed right after it made the journal: its copies whole, the lock file, and
    /// the journal empty. (No hook stops a child between the two; a real `init`'s folder with its
    /// journal emptied is that state byte for byte, since the opening record is its only write.)
    static func killedAfterJournal() throws -> SampleSession {
        let s = try SampleSession()
        try Data().write(to: s.dir.appendingPathComponent(Journal.fileName))
        try #require(Set(try FileManager.default.contentsOfDirectory(atPath: s.path)) == ["inputs", "journal.lock", Journal.fileName])
        return s
    }

    @Test("an empty journal beside init's copies: status says to run init again, and init clears it and opens the session")
    func emptyJournalRedone() throws {
        let s = try Self.killedAfterJournal(); defer { s.remove() }
        #expect(SessionFolder.leftByInterruptedInit(s.path))
        let status = s.run("status", [])
        #expect(status.code == .failure)
        #expect(status.err.contains("这个会话没有建立完成：建立会话（`kaimen session init`）时中断，日志是空的，还没有录入任何内容；"
                                    + "用同样的输入文件重新运行 `kaimen session init`（它会先清理中断留下的文件）"), "\(status.err)")
        let again = SampleSession.run(Self.initArgs(s.path, by: "李秘书"))
        #expect(again.code == .success, "\(again.err)")
        #expect(again.out.contains("上次建立会话时中断，留下了输入文件的副本和空的日志（第一条记录尚未写入）：已清理，重新建立"), "\(again.out)")
        let records = try s.journalLines.map { try JournalRecord.parse($0).get() }
        #expect(records.map(\.kind) == [.open] && records.first?.by == "李秘书")
        #expect(try Verifier.verify(s.dir).ok)
        #expect(s.run("status", []).code == .success)
    }

    @Test("an empty journal beside anything init does not write, or copies of other inputs: init refuses and removes nothing")
    func emptyJournalNotOnlyInit() throws {
        // A file of the secretary's under `inputs`: named by init (`clearInterruptedInit`), kept.
        let s = try Self.killedAfterJournal(); defer { s.remove() }
        let mine = s.dir.appendingPathComponent("inputs/mine.csv")
        try Data("mine".utf8).write(to: mine)
        let refused = SampleSession.run(Self.initArgs(s.path))
        #expect(refused.code == .failure && refused.err.contains("不能当作建立会话中断留下的文件清理；没有删去任何内容"), "\(refused.err)")
        #expect(try Data(contentsOf: mine) == Data("mine".utf8))
        #expect(s.journal.isEmpty)
        try FileManager.default.removeItem(at: mine)
        // Copies that are not of the inputs now given (no schedule this time): not cleared.
        let other = SampleSession.run(Self.initArgs(s.path, schedule: false))
        #expect(other.code == .failure && other.err.contains("不能当作建立会话中断留下的文件清理；没有删去任何内容"), "\(other.err)")
        #expect(FileManager.default.fileExists(atPath: s.dir.appendingPathComponent("inputs/schedule.csv").path))
        #expect(FileManager.default.fileExists(atPath: s.dir.appendingPathComponent(Journal.fileName).path))
        // A journal that is a link (to an empty file elsewhere) is none of init's.
        let elsewhere = s.files.appendingPathComponent("empty.jsonl")
        try FileManager.default.createDirectory(at: s.files, withIntermediateDirectories: true)
        try Data().write(to: elsewhere)
        try FileManager.default.removeItem(at: s.dir.appendingPathComponent(Journal.fileName))
        try FileManager.default.createSymbolicLink(at: s.dir.appendingPathComponent(Journal.fileName), withDestinationURL: elsewhere)
        #expect(!SessionFolder.leftByInterruptedInit(s.path))
        #expect(SampleSession.run(Self.initArgs(s.path)).code == .failure)
        #expect(FileManager.default.fileExists(atPath: elsewhere.path))
    }

    /// A folder as an `init` cut short while copying leaves it: a whole copy, the temporary
    /// files of copies cut short (under `inputs` only), the lock file.
    static func copyingLeftover() throws -> (dir: URL, rules: Data) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-init-tmp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("inputs/rules"), withIntermediateDirectories: true)
        let rules = try Data(contentsOf: Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc"))
        try rules.write(to: dir.appendingPathComponent("inputs/rules/xicheng-2014.jsonc"))
        try Data().write(to: dir.appendingPathComponent("journal.lock"))
        try Data("id,".utf8).write(to: dir.appendingPathComponent("inputs/.units.csv.tmp-12-abc"))
        try Data("x".utf8).write(to: dir.appendingPathComponent("inputs/rules/.xicheng-2014.jsonc.tmp-12-abc"))
        #expect(SessionFolder.leftByInterruptedInit(dir.path))
        return (dir, rules)
    }

    /// `init` writes no temporary file beside `inputs` (its copies' are inside it): any hidden
    /// `.tmp` name there counted as its own, and one named like a temporary file
    /// (`.notes.txt.tmp-1-a`) was removed by the next `init`.
    @Test("a stranger's hidden .tmp file beside inputs does not make the folder an interrupted init's, and init removes nothing", arguments: [
        ".notes.tmp", ".notes.txt.tmp-1-a", ".units.csv.tmp-12-abc", ".journal.jsonl.tmp-1-a",
    ])
    func strangersTemporaryFile(_ name: String) throws {
        let (dir, rules) = try Self.copyingLeftover()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent(name)
        try Data("mine".utf8).write(to: url)
        #expect(!SessionFolder.leftByInterruptedInit(dir.path), "\(name)")
        let status = SampleSession.run(["session", "status", dir.path])
        #expect(status.code == .failure && !status.err.contains("里的会话没有建立完成"), "\(name): \(status.err)")
        #expect(SampleSession.run(Self.initArgs(dir.path)).code == .failure, "\(name)")
        #expect(try Data(contentsOf: url) == Data("mine".utf8), "\(name)")
        #expect(try Data(contentsOf: dir.appendingPathComponent("inputs/rules/xicheng-2014.jsonc")) == rules)
        // Without it, the same folder is an init cut short, cleared, and the session opened.
        try FileManager.default.removeItem(at: url)
        #expect(SampleSession.run(Self.initArgs(dir.path)).code == .success)
        #expect(try Verifier.verify(dir).ok)
    }

    @Test("a stranger's file under inputs: the folder reads as init's, but init names it, says so and removes nothing", arguments: [
        "inputs/.mine.tmp", "inputs/.units.csv.tmp-mybackup-2013", "inputs/.plan.txt.tmp-1-a", "inputs/plan.txt",
    ])
    func strangersFileInInputs(_ name: String) throws {
        let (dir, _) = try Self.copyingLeftover()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent(name)
        try Data("mine".utf8).write(to: url)
        let refused = SampleSession.run(Self.initArgs(dir.path))
        #expect(refused.code == .failure && refused.err.contains("不能当作建立会话中断留下的文件清理；没有删去任何内容"), "\(name): \(refused.err)")
        #expect(try Data(contentsOf: url) == Data("mine".utf8), "\(name)")
    }
}
