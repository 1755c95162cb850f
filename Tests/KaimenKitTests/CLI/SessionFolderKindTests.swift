import Foundation
import Testing
@testable import KaimenKit

/// A path where the session folder goes that is there but is no session folder: a file, or a
/// folder with no journal. The command line is whole, the path is the wrong kind of thing: both
/// exit 1 with what to give instead (a file exited 64 with the usage line, a folder 1).
@Suite("A file or a folder with no session where the session folder goes", .serialized)
struct SessionFolderKindTests {
    static let typed = "samples/xicheng-2014/typed-a.csv"

    @Test("each session command given a file: exit 1, said as a file, not a folder, without the usage line",
          arguments: [["status"], ["verify"], ["close", "--by", "王秘书"], ["appeal", "--unit", "X01", "--reason", "申诉", "--by", "王秘书"],
                      ["void", "--rep", "R01", "--unit", "X01", "--reason", "作废", "--by", "王秘书"],
                      ["resolve", "--rep", "R01", "--unit", "X01", "--standard", "rights.ballot", "--score", "3", "--reason", "核对", "--by", "王秘书"]])
    func fileForFolder(_ args: [String]) {
        let command = args[0]
        let r = SampleSession.run(["session", command, Self.typed] + args.dropFirst())
        #expect(r.code == .failure, "\(r.err)")
        #expect(r.err.hasPrefix("错误：`\(Self.typed)` 是一个文件，不是文件夹：这里要写会话文件夹；写出会话文件夹（其中有 journal.jsonl 的那个文件夹）；会话文件夹写在最前面，文件写在它后面"),
                "\(command): \(r.err)")
        #expect(!r.err.contains("用法："), "\(r.err)")
    }

    @Test("English with --lang en")
    func english() {
        let r = SampleSession.run(["session", "status", Self.typed, "--lang", "en"])
        #expect(r.code == .failure && r.err.hasPrefix("error: `\(Self.typed)` is a file, not a folder: the session folder goes here; give the session folder (the one that holds journal.jsonl)"),
                "\(r.err)")
    }

    @Test("a usage error on the same line is said first, and exits 64")
    func usageFirst() {
        let r = SampleSession.run(["session", "close", Self.typed])
        #expect(r.code == .usage && r.err.hasPrefix("错误：必须给出 `--by NAME`"), "\(r.err)")
    }

    @Test("a file inside a session (its journal, a result): the session folder is named")
    func fileInSession() throws {
        let s = try VerifierTests.closedSession(); defer { s.remove() }
        let journal = s.dir.appendingPathComponent("journal.jsonl").path
        let r = SampleSession.run(["session", "verify", journal])
        #expect(r.code == .failure && r.err.hasPrefix("错误：`\(journal)` 是一个文件，不是文件夹：这里要写会话文件夹；它在会话文件夹 `\(s.path)` 里：写这个会话文件夹"), "\(r.err)")
        let summary = s.dir.appendingPathComponent("results/summary.csv").path
        let status = SampleSession.run(["session", "status", summary])
        #expect(status.code == .failure && status.err.contains("它在会话文件夹 `\(s.path)` 里"), "\(status.err)")
    }

    @Test("enter with the file and the folder swapped: the command in the right order; nothing read or recorded")
    func enterSwapped() throws {
        let s = try SampleSession(); defer { s.remove() }
        let journal = s.journal
        let r = SampleSession.run(["session", "enter", Self.typed, s.path, "--by", "甲"])
        #expect(r.code == .failure)
        #expect(r.err.hasPrefix("错误：`\(Self.typed)` 是一个文件，不是文件夹：这里要写会话文件夹；会话文件夹写在最前面，文件写在它后面：`kaimen session enter \(s.path) \(Self.typed)`"), "\(r.err)")
        #expect(s.journal == journal)
        // The second not a session either: the general hint.
        let other = SampleSession.run(["session", "enter", Self.typed, "samples/xicheng-2014", "--by", "甲"])
        #expect(other.code == .failure && other.err.contains("写出会话文件夹（其中有 journal.jsonl 的那个文件夹）"), "\(other.err)")
    }

    @Test("init given a file: exit 1, a new folder to choose; the file is left as it was")
    func initIntoFile() throws {
        let folder = ScratchFolder(); defer { folder.cleanUp() }
        let file = folder.url.appendingPathComponent("2014-mid")
        try Data("备忘".utf8).write(to: file)
        let r = SampleSession.run(["session", "init", file.path, "--rules", "rules/xicheng-2014.jsonc", "--units", "samples/xicheng-2014/units.csv",
                                   "--roster", "samples/xicheng-2014/roster.csv", "--by", "王秘书"])
        #expect(r.code == .failure)
        #expect(r.err.hasPrefix("错误：`\(file.path)` 是一个文件，不是文件夹：这里要写会话文件夹；为会话另选一个文件夹（还不存在的，或空的），写在 `kaimen session init` 后面"), "\(r.err)")
        #expect(try Data(contentsOf: file) == Data("备忘".utf8))
        #expect(folder.allNames() == ["2014-mid"])
    }

    @Test("a link to a file is a file; a link to a session folder is the session")
    func links() throws {
        let s = try VerifierTests.closedSession(); defer { s.remove() }
        let folder = ScratchFolder(); defer { folder.cleanUp() }
        let toFile = folder.url.appendingPathComponent("to-file"), toSession = folder.url.appendingPathComponent("to-session")
        try FileManager.default.createSymbolicLink(at: toFile, withDestinationURL: Fixtures.packageRoot.appendingPathComponent(Self.typed))
        try FileManager.default.createSymbolicLink(at: toSession, withDestinationURL: s.dir)
        let file = SampleSession.run(["session", "status", toFile.path])
        #expect(file.code == .failure && file.err.contains("是一个文件，不是文件夹"), "\(file.err)")
        let session = SampleSession.run(["session", "verify", toSession.path])
        #expect(session.code == .success, "\(session.err)")
    }

    @Test("a folder with no session and one that is not there: exit 1, as before")
    func folderNotSession() throws {
        let folder = ScratchFolder(); defer { folder.cleanUp() }
        let r = SampleSession.run(["session", "status", folder.url.path])
        #expect(r.code == .failure && r.err.contains("不是打分会话文件夹（其中没有 journal.jsonl）"), "\(r.err)")
        let gone = SampleSession.run(["session", "verify", folder.url.appendingPathComponent("nosuch").path])
        #expect(gone.code == .failure && gone.err.contains("不存在"), "\(gone.err)")
    }
}
