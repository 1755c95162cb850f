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

    @Test("a stray argument is named")
    func strayArgument() {
        let zh = Self.run(["session", "verify", "a", "b"])
        #expect(zh.code == .usage && zh.err.hasPrefix("错误：多余的参数 `b`\n"), "\(zh.err)")
    }

    @Test("no --by: the journal needs a name")
    func noOperator() {
        let zh = Self.run(["session", "close", "nowhere"])
        #expect(zh.code == .usage && zh.err.hasPrefix("错误：必须给出 `--by NAME`"), "\(zh.err)")
        let en = Self.run(["session", "close", "nowhere", "--lang", "en"])
        #expect(en.code == .usage && en.err.hasPrefix("error: `--by NAME` is required"), "\(en.err)")
    }

    @Test("a file where the folder goes (arguments swapped): said so, exit 64, nothing read or created")
    func fileFirst() {
        let typed = Fixtures.packageRoot.appendingPathComponent("samples/xicheng-2014/typed-a.csv").path
        let zh = Self.run(["session", "enter", typed, "2014-mid", "--by", "甲"])
        #expect(zh.code == .usage && zh.err.hasPrefix("错误：`\(typed)` 是一个文件，不是会话文件夹：会话文件夹写在最前面，文件写在它后面\n用法：kaimen session enter DIR FILE"),
                "\(zh.err)")
        let en = Self.run(["session", "status", typed, "--lang", "en"])
        #expect(en.code == .usage && en.err.hasPrefix("error: `\(typed)` is a file, not a session folder"), "\(en.err)")
        #expect(!FileManager.default.fileExists(atPath: FileManager.default.temporaryDirectory.appendingPathComponent("2014-mid").path))
    }
}
