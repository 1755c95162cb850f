import Foundation
import Testing
@testable import KaimenKit

/// A session the command may not write, and a journal write the system cuts short: with the
/// real executable in a child process (as another user where the tests run as root, since root
/// may write anything), and a file-size limit that makes the journal's write fail half-way.
@Suite("A read-only session is checked; a failed append leaves the journal as it was", .serialized)
struct JournalReadOnlyTests {
    struct Run { var code: Int32; var out: String; var err: String }

    /// Runs `kaimen` with `args`; `asOther`: as the user `nobody` when the tests run as root,
    /// so that the folder's permissions hold; `shell`: a prefix for `bash -c` (limits, traps).
    static func run(_ args: [String], asOther: Bool = false, shell: String? = nil) throws -> Run {
        let exe = try JournalDurabilityTests.executable().path
        let p = Process()
        var argv = [exe] + args
        if asOther && getuid() == 0 {
            try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "setpriv (util-linux) runs the command as another user")
            argv = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"] + argv
        }
        if let shell {
            p.executableURL = URL(fileURLWithPath: "/bin/bash")
            p.arguments = ["-c", shell + "; exec \"$@\"", "kaimen"] + argv
        } else {
            p.executableURL = URL(fileURLWithPath: argv[0])
            p.arguments = Array(argv.dropFirst())
        }
        p.currentDirectoryURL = Fixtures.packageRoot
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(code: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    /// Sets every file under `dir` (and `dir`) read-only, or writable again.
    static func setWritable(_ dir: URL, _ writable: Bool) throws {
        let fm = FileManager.default
        var paths = [dir.path]
        if let e = fm.enumerator(atPath: dir.path) { while let rel = e.nextObject() as? String { paths.append(dir.appendingPathComponent(rel).path) } }
        for path in writable ? paths : paths.reversed() {
            var folder: ObjCBool = false
            _ = fm.fileExists(atPath: path, isDirectory: &folder)
            try fm.setAttributes([.posixPermissions: folder.boolValue ? (writable ? 0o755 : 0o555) : (writable ? 0o644 : 0o444)], ofItemAtPath: path)
        }
    }

    @Test("verify and status work on a sealed session the user cannot write, with or without its lock file; a writer says why it cannot")
    func readOnlySession() throws {
        let s = try SampleSession(); defer { try? Self.setWritable(s.dir, true); s.remove() }
        let a = try s.file("a.csv", SampleSession.typed("a")), b = try s.file("b.csv", SampleSession.typed("b"))
        s.run("enter", [a, "--by", "甲"]); s.run("enter", [b, "--by", "乙"])
        s.run("resolve", ["--rep", "R05", "--unit", "X02", "--standard", "rights.ballot", "--score", "4", "--reason", "核对原表", "--by", "王秘书"])
        try #require(s.run("close", ["--by", "王秘书"]).code == .success)
        try Self.setWritable(s.files, true)
        let journal = s.journal
        try Self.setWritable(s.dir, false)

        let verified = try Self.run(["session", "verify", s.path], asOther: true)
        #expect(verified.code == 0, "\(verified.err)")
        #expect(verified.out.contains("核验通过"), "\(verified.out)\(verified.err)")
        let status = try Self.run(["session", "status", s.path], asOther: true)
        #expect(status.code == 0, "\(status.err)")
        #expect(status.out.contains("会话状态：已结束"), "\(status.out)\(status.err)")
        let explained = try Self.run(["explain", "X04", "--session", s.path], asOther: true)
        #expect(explained.code == 0, "\(explained.err)")

        // An archive without its lock file (none can be made in the folder): read without one.
        try Self.setWritable(s.dir, true)
        try FileManager.default.removeItem(at: s.dir.appendingPathComponent("journal.lock"))
        try Self.setWritable(s.dir, false)
        let archived = try Self.run(["session", "verify", s.path], asOther: true)
        #expect(archived.code == 0 && archived.out.contains("核验通过"), "\(archived.out)\(archived.err)")
        #expect(!FileManager.default.fileExists(atPath: s.dir.appendingPathComponent("journal.lock").path))

        // A command that writes is refused, with the cause and what to do instead.
        let appeal = try Self.run(["session", "appeal", s.path, "--unit", "X04", "--reason", "申诉", "--by", "王秘书"], asOther: true)
        #expect(appeal.code == 1)
        #expect(appeal.err.contains("没有权限（EACCES）；这个命令要写入会话文件夹，需要对它有写权限"), "\(appeal.err)")
        #expect(s.journal == journal)

        // The same copy writable again (a trial: readers made a lock file in it): the readers
        // still leave the folder as it was; the first writer makes the lock file.
        try Self.setWritable(s.dir, true)
        let lock = s.dir.appendingPathComponent("journal.lock").path
        #expect(s.run("verify", []).code == .success && s.run("status", []).code == .success)
        #expect(!FileManager.default.fileExists(atPath: lock))
        #expect(s.run("appeal", ["--unit", "X04", "--reason", "申诉", "--by", "王秘书"]).code == .success)
        #expect(FileManager.default.fileExists(atPath: lock))
    }

    @Test("a journal write the system refuses half-way is cut back: the journal is byte for byte what it was, and nothing is torn")
    func failedAppendCutBack() throws {
        let s = try SampleSession(); defer { s.remove() }
        let a = try s.file("a.csv", SampleSession.typed("a")), b = try s.file("b.csv", SampleSession.typed("b"))
        try #require(s.run("enter", [a, "--by", "甲"]).code == .success)
        let before = try Data(contentsOf: s.dir.appendingPathComponent("journal.jsonl"))
        // A file-size limit a little past the journal's end (bash counts 1024-byte blocks): the
        // entry's record (some 12 KB) is written in part, then the system refuses the rest.
        let blocks = before.count / 1024 + 1
        try #require(blocks * 1024 - before.count < 10_000, "the record must cross the limit")
        let refused = try Self.run(["session", "enter", s.path, b, "--by", "乙"], shell: "ulimit -f \(blocks); trap '' XFSZ")
        #expect(refused.code == 1)
        #expect(refused.err.contains("无法写入"), "\(refused.err)")
        #expect(refused.err.contains("（EFBIG）"), "\(refused.err)")
        #expect(refused.err.contains("未做任何记录"), "\(refused.err)")
        #expect(try Data(contentsOf: s.dir.appendingPathComponent("journal.jsonl")) == before)
        // Nothing to set aside: the next command finds the journal whole, and the entry goes in.
        let status = s.run("status", [])
        #expect(!status.err.contains("不完整"), "\(status.err)")
        let again = s.run("enter", [b, "--by", "乙"])
        #expect(again.code == .success, "\(again.err)")
        #expect(!again.err.contains("journal.torn-"))
        #expect(try Verifier.verify(s.dir).ok)
    }

    @Test("init that cannot write says the system's cause, not errno 0")
    func initCause() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        // A units file larger than the file-size limit: its copy into the session fails.
        let run = try Self.run(["session", "init", parent.appendingPathComponent("s").path, "--rules", "rules/xicheng-2014.jsonc",
                                "--units", "samples/xicheng-2014/units.csv", "--roster", "samples/xicheng-2014/roster.csv", "--by", "王秘书"],
                               shell: "ulimit -f 1; trap '' XFSZ")
        #expect(run.code == 1)
        #expect(run.err.contains("文件超过允许的大小（EFBIG）"), "\(run.err)")
        #expect(!run.err.contains("errno 0") && !run.err.contains("Success"), "\(run.err)")
        #expect(!FileManager.default.fileExists(atPath: parent.appendingPathComponent("s").path))
    }
}
