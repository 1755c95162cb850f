import Foundation
import Testing
@testable import KaimenKit

/// A closed session whose journal was emptied or deleted: every command says the journal is
/// lost beside sealed results, to be restored from a backup, and never to delete the folder.
@Suite("A session folder whose journal is lost")
struct LostJournalTests {
    static func initArgs(_ dir: String) -> [String] {
        ["session", "init", dir, "--rules", "rules/xicheng-2014.jsonc", "--units", "samples/xicheng-2014/units.csv",
         "--roster", "samples/xicheng-2014/roster.csv", "--by", "王秘书"]
    }

    /// Every command's answer on the folder, and that nothing in it changed.
    static func expectLost(_ s: SampleSession, missing: Bool) throws {
        let before = try FileManager.default.subpathsOfDirectory(atPath: s.path).sorted()
        for r in [s.run("status", []), s.run("verify", []), s.run("enter", ["samples/xicheng-2014/typed-a.csv", "--by", "甲"]),
                  SampleSession.run(Self.initArgs(s.path))] {
            #expect(r.code == .failure)
            #expect(r.err.contains("journal-missing") || r.err.contains("日志丢失或被清空了"), "\(r.err)")
            #expect(r.err.contains(missing ? "没有日志 journal.jsonl" : "journal.jsonl 是空的"), "\(r.err)")
            #expect(r.err.contains("`results`（已封存的结果）") && r.err.contains("从备份中把 journal.jsonl 恢复"), "\(r.err)")
            #expect(!r.err.contains("删去文件夹") && !r.err.contains("是不是"), "\(r.err)")
        }
        #expect(try FileManager.default.subpathsOfDirectory(atPath: s.path).sorted() == before)
    }

    @Test("an emptied journal beside sealed results is said as lost, not as an init cut short")
    func emptied() throws {
        let s = try SessionPathTests.closed(); defer { s.remove() }
        try Data().write(to: s.dir.appendingPathComponent("journal.jsonl"))
        try Self.expectLost(s, missing: false)
        let d = SessionFolder.notOpened(FolderName(s.dir), bytes: 0).diagnostics
        #expect(d.map(\.code) == ["journal-missing"])
        #expect(d[0].hintText?.text(.en).contains("restore journal.jsonl") == true)
    }

    @Test("a deleted journal beside results and inputs is said as lost, with no folder near by suggested")
    func deleted() throws {
        let s = try SessionPathTests.closed(); defer { s.remove() }
        // A session beside it with a near name, which the hint named before.
        let sibling = URL(fileURLWithPath: s.path + "x")
        #expect(SampleSession.run(Self.initArgs(sibling.path)).code == .success)
        defer { try? FileManager.default.removeItem(at: sibling) }
        try FileManager.default.removeItem(at: s.dir.appendingPathComponent("journal.jsonl"))
        try Self.expectLost(s, missing: true)
    }

    @Test("an init cut short (an empty journal beside the inputs only) is still said as never opened")
    func interruptedInitUnchanged() throws {
        let s = try SampleSession(); defer { s.remove() }
        try Data().write(to: s.dir.appendingPathComponent("journal.jsonl"))
        let r = s.run("status", [])
        #expect(r.code == .failure && r.err.contains("这个会话没有建立完成"), "\(r.err)")
    }

    /// A review: `score --out proj/results` made `proj` read as a session whose journal was lost.
    @Test("a folder holding score --out's results is no session: nothing is said of a lost journal")
    func scoreResults() throws {
        let proj = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-proj-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: proj, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: proj) }
        let score = SampleSession.run(["score", "--rules", "rules/xicheng-2014.jsonc", "--units", "samples/xicheng-2014/units.csv",
                                       "--roster", "samples/xicheng-2014/roster.csv", "--ballots", "samples/xicheng-2014/ballots.csv",
                                       "--out", proj.appendingPathComponent("results").path, "--format", "none"])
        #expect(score.code == .success, "\(score.err)")
        #expect(SessionFolder.sessionWithoutJournal(proj.path) == nil)
        let status = SampleSession.run(["session", "status", proj.path])
        #expect(status.code != .success)
        #expect(!status.err.contains("journal-missing") && !status.err.contains("日志丢失"), "\(status.err)")
    }
}
