import Foundation
import Testing
@testable import KaimenKit

/// The `session` commands' usage errors (no folder, a stray argument, no `--by`) speak the
/// chosen language like every other usage error, and exit 64.
@Suite("Session usage errors in Chinese and English")
struct SessionUsageTests {
    static func run(_ args: [String]) -> (code: ExitCode, err: String) {
        let console = BufferConsole(currentDirectory: FileManager.default.temporaryDirectory.path)
        let code = CLI.run(args, console: console)
        return (code, console.stderr)
    }

    @Test("a missing folder: Chinese by default, English with --lang en")
    func missingFolder() {
        let zh = Self.run(["session", "close"])
        #expect(zh.code == .usage && zh.err.hasPrefix("错误：缺少会话文件夹 DIR\n用法：kaimen session close DIR"), "\(zh.err)")
        let en = Self.run(["session", "status", "--lang", "en"])
        #expect(en.code == .usage && en.err.hasPrefix("error: missing the session folder DIR\nusage: kaimen session status DIR"), "\(en.err)")
    }

    /// Found by a secretary's test: init into a folder of notes was told to "go on with the existing session".
    @Test("init into a folder that holds other things: a new folder, or empty this one; nothing is made there")
    func initIntoFolderOfNotes() throws {
        let folder = ScratchFolder(); defer { folder.cleanUp() }
        let other = folder.url.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data("备忘".utf8).write(to: other.appendingPathComponent("notes.txt"))
        let sample = Fixtures.packageRoot.appendingPathComponent("samples/xicheng-2014")
        let r = SampleSession.run(["session", "init", other.path, "--rules", Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path,
                                   "--units", sample.appendingPathComponent("units.csv").path, "--roster", sample.appendingPathComponent("roster.csv").path,
                                   "--by", "王秘书"])
        #expect(r.code == .failure)
        #expect(r.err.contains("不是空文件夹，会话需要一个新的或空的文件夹；换一个新文件夹（不存在的文件夹会自动建立），或先清空这个文件夹"), "\(r.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: other.path) == ["notes.txt"])
    }

    /// Found by a secretary's trial: `session enter 2014-mid --by 乙` said the folder was missing.
    @Test("enter with the folder and no file says the file is missing")
    func missingFile() {
        let zh = Self.run(["session", "enter", "2014-mid", "--by", "乙"])
        #expect(zh.code == .usage && zh.err.hasPrefix("错误：缺少录入的文件 FILE：写在会话文件夹后面\n用法：kaimen session enter DIR FILE"), "\(zh.err)")
        let none = Self.run(["session", "enter", "--by", "乙"])
        #expect(none.err.hasPrefix("错误：缺少会话文件夹 DIR\n"), "\(none.err)")
        // The file alone: the folder is what is missing (a review of the change above).
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("typed-\(UUID().uuidString).csv")
        try? Data("代表编号\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let onlyFile = Self.run(["session", "enter", file.lastPathComponent, "--by", "乙"])
        #expect(onlyFile.err.hasPrefix("错误：缺少会话文件夹 DIR\n"), "\(onlyFile.err)")
    }

    @Test("a stray argument is named")
    func strayArgument() {
        let zh = Self.run(["session", "verify", "a", "b"])
        #expect(zh.code == .usage && zh.err.hasPrefix("错误：多余的参数 `b`\n"), "\(zh.err)")
    }

    /// Found by a hostile test: `--by 'Wang\u{202E}evil'` and a reason with U+2066 were kept in
    /// the journal, where they make a name or a reason read otherwise than it was typed.
    @Test("a control or invisible character in --by, --reason or --accept-missing is refused, nothing recorded", arguments: [
        (["--by", "Wang\u{202E}evil"], "`--by` 的值 `Wang\\u{202E}evil` 里有看不见的字符 U+202E"),
        (["--by", "王\u{1B}[31m"], "`--by` 的值 `王\\u{1B}[31m` 里有看不见的字符 U+001B"),
        (["--by", "王", "--reason", "申诉\u{2066}x"], "`--reason` 的值 `申诉\\u{2066}x` 里有看不见的字符 U+2066"),
        (["--by", "王", "--reason", "a\u{200B}b"], "`--reason` 的值 `a\\u{200B}b` 里有看不见的字符 U+200B"),
    ])
    func invisibleText(_ args: [String], _ message: String) throws {
        let s = try SampleSession(); defer { s.remove() }
        let journal = s.journal
        let r = s.run("appeal", ["--unit", "X01"] + args + (args.contains("--reason") ? [] : ["--reason", "r"]))
        #expect(r.code == .usage)
        #expect(r.err.contains(message), "\(r.err)")
        #expect(!r.err.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\u{2066}" || $0 == "\u{200B}" })
        #expect(s.journal == journal)
    }

    /// Found by a review: a reason pasted from a letter runs over lines.
    @Test("a reason's line breaks and tabs are kept; in --by they are refused")
    func reasonOverLines() throws {
        let s = try SampleSession(); defer { s.remove() }
        let a = try s.file("a.csv", SampleSession.typed("a") { $0.hasPrefix("R05,X02,") })
        try #require(s.run("enter", [a, "--by", "甲"]).code == .success)
        let r = s.run("void", ["--rep", "R05", "--unit", "X02", "--reason", "原表污损：\n第二行\t看不清", "--by", "王秘书", "--override"])
        #expect(r.code == .success, "\(r.err)")
        // The journal keeps free text as `Echo.visible` writes it: a line break as `\n`, seen as typed.
        #expect(try JournalRecord.parse(s.journalLines.last!).get().content["reason"]?.stringValue == "原表污损：\\n第二行\\t看不清")
        #expect(s.run("appeal", ["--unit", "X01", "--reason", "r", "--by", "王\n秘书"]).code == .usage)
    }

    @Test("no --by: the journal needs a name")
    func noOperator() {
        let zh = Self.run(["session", "close", "nowhere"])
        #expect(zh.code == .usage && zh.err.hasPrefix("错误：必须给出 `--by NAME`"), "\(zh.err)")
        let en = Self.run(["session", "close", "nowhere", "--lang", "en"])
        #expect(en.code == .usage && en.err.hasPrefix("error: `--by NAME` is required"), "\(en.err)")
    }

    /// Found by a secretary's trial: a missing `--reason` was found only once the session was
    /// open, and exited 1 where a missing `--by` exits 64.
    @Test("no --reason for resolve, void or appeal: a usage error with a missing --by, nothing recorded", arguments: [
        ["void", "--rep", "R05", "--unit", "X02"],
        ["resolve", "--rep", "R05", "--unit", "X02", "--standard", "rights.ballot", "--score", "3"],
        ["appeal", "--unit", "X01", "--reason", "  "],
    ])
    func noReason(_ args: [String]) throws {
        let s = try SampleSession(); defer { s.remove() }
        let journal = s.journal
        let r = s.run(args[0], Array(args.dropFirst()) + ["--by", "王秘书"])
        #expect(r.code == .usage && r.err.hasPrefix("错误：须写明理由（--reason）\n用法：kaimen session \(args[0]) "), "\(r.err)")
        // Both missing: both said, then the usage line once.
        let both = s.run(args[0], Array(args.dropFirst()))
        #expect(both.code == .usage && both.err.hasPrefix("错误：必须给出 `--by NAME`：日志要记录每一步是谁做的\n错误：须写明理由（--reason）"), "\(both.err)")
        #expect(both.err.components(separatedBy: "用法：").count == 2)
        #expect(s.journal == journal)
    }

    @Test("init on a session names the folder as typed, and the status command to see it, quoted for the shell")
    func sessionExists() {
        let d = SessionError.alreadyExists(FolderName(typed: "2014 中期", in: "/home/wang")).diagnostics
        #expect(d.first?.text.zh == "`2014 中期` 已有会话日志，不能再次建立")
        #expect(d.first?.hintText?.zh.contains("用 `kaimen session status '2014 中期'` 查看") == true, "\(d)")
    }
}
