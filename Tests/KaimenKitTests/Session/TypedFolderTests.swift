import Foundation
import Testing
@testable import KaimenKit

/// A session folder typed as a relative path (`kaimen session status 会议`) was named by its
/// absolute path in the messages the session's code wrote (`会话文件夹 `/home/wang/会议2` 不存在；
/// 是不是 `/home/wang/会议`？`), while the commands' own lines named it as typed. Each test works
/// in a fresh folder, as the current directory of the commands it runs.
@Suite("A session folder is named as it was typed")
struct TypedFolderTests {
    /// A folder to work in, holding the sample session `会议`.
    struct Here {
        let root: URL
        var path: String { root.path }

        init(session: Bool = true) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-typed-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            if session {
                let sample = Fixtures.packageRoot.path
                let r = run(["session", "init", "会议", "--rules", sample + "/rules/xicheng-2014.jsonc", "--units", sample + "/samples/xicheng-2014/units.csv",
                             "--roster", sample + "/samples/xicheng-2014/roster.csv", "--schedule", sample + "/samples/xicheng-2014/schedule.csv", "--by", "王秘书"])
                try #require(r.code == .success, "\(r.err)")
            }
        }

        /// Runs the CLI in-process with `root` (or a folder in it) as the current directory.
        func run(_ args: [String], in folder: String = "") -> (code: ExitCode, out: String, err: String) {
            let console = BufferConsole(currentDirectory: folder.isEmpty ? root.path : root.appendingPathComponent(folder).path)
            let code = CLI.run(args, console: console)
            return (code, console.stdout, console.stderr)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test("a folder that is not there, beside a session of a near name: both as typed, from here and from a folder below")
    func missingBeside() throws {
        let h = try Here(); defer { h.remove() }
        let r = h.run(["session", "status", "会议2"])
        #expect(r.code == .failure)
        #expect(r.err == "错误：会话文件夹 `会议2` 不存在；是不是 `会议`？\n", "\(r.err)")
        #expect(!r.err.contains(h.path))
        try FileManager.default.createDirectory(at: h.root.appendingPathComponent("下一层"), withIntermediateDirectories: true)
        let below = h.run(["session", "verify", "../会议2", "--lang", "en"], in: "下一层")
        #expect(below.err.contains("`../会议2`") && below.err.contains("`../会议`"), "\(below.err)")
        #expect(!below.err.contains(h.path))
    }

    @Test("typed as an absolute path, it is shown absolute")
    func absolute() throws {
        let h = try Here(); defer { h.remove() }
        let r = h.run(["session", "status", h.path + "/会议2"])
        #expect(r.err == "错误：会话文件夹 `\(h.path)/会议2` 不存在；是不是 `\(h.path)/会议`？\n", "\(r.err)")
    }

    @Test("a folder inside a session: itself as typed, the session it is in from here")
    func inside() throws {
        let h = try Here(); defer { h.remove() }
        let r = h.run(["session", "status", "./会议/inputs"])
        #expect(r.code == .failure)
        #expect(r.err.hasPrefix("错误：`./会议/inputs` 不是打分会话文件夹（其中没有 journal.jsonl）；这是会话 `会议` 里面的文件夹"), "\(r.err)")
    }

    @Test("init into a folder that is not empty, and over a session: as typed")
    func initRefused() throws {
        let h = try Here(); defer { h.remove() }
        try FileManager.default.createDirectory(at: h.root.appendingPathComponent("旧文件"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: h.root.appendingPathComponent("旧文件/a.txt"))
        let sample = Fixtures.packageRoot.path
        let inputs = ["--rules", sample + "/rules/xicheng-2014.jsonc", "--units", sample + "/samples/xicheng-2014/units.csv",
                      "--roster", sample + "/samples/xicheng-2014/roster.csv", "--by", "王秘书"]
        let full = h.run(["session", "init", "旧文件"] + inputs)
        #expect(full.err.hasPrefix("错误：`旧文件` 不是空文件夹"), "\(full.err)")
        let again = h.run(["session", "init", "会议"] + inputs)
        #expect(again.err.hasPrefix("错误：`会议` 已有会话日志"), "\(again.err)")
        #expect(!full.err.contains(h.path) && !again.err.contains(h.path))
    }

    @Test("a session another command holds: the folder and its lock file as typed (the executable)")
    func locked() throws {
        let h = try Here(); defer { h.remove() }
        let held = try Journal(directory: h.root.appendingPathComponent("会议"))
        let p = Process()
        p.executableURL = try JournalDurabilityTests.executable()
        p.arguments = ["session", "status", "会议"]
        p.currentDirectoryURL = h.root
        p.environment = ProcessInfo.processInfo.environment.merging(["KAIMEN_LOCK_WAIT": "0.2"]) { _, new in new }
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        withExtendedLifetime(held) {}
        #expect(p.terminationStatus == 75)  // busy, not bad data (`ExitCode.busy`)
        #expect(text.contains("另一个 kaimen 命令正在使用会话 `会议`，等了 0.2 秒仍未结束"), "\(text)")
        #expect(text.contains("`fuser 会议/journal.lock` 或 `lsof 会议/journal.lock`"), "\(text)")
    }

    @Test("the paths named: the folder, a file in it, a folder above, a name that only begins alike")
    func naming() {
        let typed = FolderName(typed: "a/会议/", in: "/home/wang")
        #expect(typed.path == "/home/wang/a/会议")
        #expect(typed.naming("/home/wang/a/会议") == "a/会议/" && typed.naming("/home/wang/a/会议/journal.jsonl") == "a/会议/journal.jsonl")
        #expect(["/home/wang/a/会议2", "/home/wang/a", "/home/wang/b.csv"].map(typed.naming) == ["a/会议2", "a", "b.csv"])
        #expect(typed.naming("/home/wangwu/x") == "/home/wangwu/x" && typed.naming("/home") == "/home")
        let up = FolderName(typed: "../s/会议", in: "/home/wang")
        #expect(["/home/s/会议", "/home/s/会议3", "/home/wang/x", "/x"].map(up.naming) == ["../s/会议", "../s/会议3", "../wang/x", "/x"])
        let absolute = FolderName(typed: "/home/wang/会议", in: "/home/wang")
        #expect(absolute.naming("/home/wang/会议") == "/home/wang/会议" && absolute.naming("/home/wang/x") == "/home/wang/x")
        #expect(FolderName(typed: "会议", in: "/").naming("/会议/journal.jsonl") == "会议/journal.jsonl")
        // A caller that typed none (the library's own): the absolute path throughout.
        #expect(FolderName(URL(fileURLWithPath: "/home/wang/会议")).naming("/home/wang/会议/journal.lock") == "/home/wang/会议/journal.lock")
    }

    @Test("a folder name holding a space or an escape: named as typed, the escape never reaching the terminal")
    func oddNames() throws {
        let h = try Here(); defer { h.remove() }
        let space = h.run(["session", "status", "会 议"])
        #expect(space.err == "错误：会话文件夹 `会 议` 不存在；是不是 `会议`？\n", "\(space.err)")
        let escape = h.run(["session", "verify", "会\u{1B}[31m议", "--lang", "en"])
        #expect(escape.code == .failure && !escape.err.contains("\u{1B}") && escape.err.contains("`会\\u{1B}[31m议` does not exist"), "\(escape.err)")
        #expect(!escape.err.contains(h.path))
    }
}
