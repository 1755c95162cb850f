import Foundation
import Testing
@testable import KaimenKit

/// A session folder whose name begins with `-` (`-dash`) was taken for an unknown option, with
/// only `见 --help` as the hint. The parser ends options at `--`; the error now says so, and
/// `./-dash`, when the text names a file or folder where the command runs.
@Suite("A folder named like an option: the error says how to name it", .serialized)
struct DashFolderTests {
    /// A temporary folder holding a session `-dash`, and a file `-notes.csv`.
    static func base() throws -> URL {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-dash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let root = Fixtures.packageRoot.path
        let made = SampleSession.run(["session", "init", base.appendingPathComponent("-dash").path, "--rules", root + "/rules/xicheng-2014.jsonc",
                                      "--units", root + "/samples/xicheng-2014/units.csv", "--roster", root + "/samples/xicheng-2014/roster.csv",
                                      "--single-entry", "--by", "王秘书"])
        try #require(made.code == .success, "\(made.err)")
        try Data("x".utf8).write(to: base.appendingPathComponent("-notes.csv"))
        return base
    }

    /// Runs the CLI in-process in `folder`.
    static func run(_ args: [String], in folder: URL) -> (code: ExitCode, out: String, err: String) {
        let console = BufferConsole(currentDirectory: folder.path)
        let code = CLI.run(args, console: console)
        return (code, console.stdout, console.stderr)
    }

    @Test("`-dash` that is a folder here: a usage error that says to write ./-dash or put -- before it; both work")
    func dashFolder() throws {
        let base = try Self.base(); defer { try? FileManager.default.removeItem(at: base) }
        let r = Self.run(["session", "status", "-dash"], in: base)
        #expect(r.code == .usage)
        #expect(r.err.contains("没有选项 `-dash`；`-dash` 是这里的一个文件夹：以 `-` 开头的参数会被当作选项；要给出它，写作 `./-dash`，或在它前面加 `--`（`-- -dash`：`--` 之后的参数都不当作选项）"), "\(r.err)")
        let en = Self.run(["session", "status", "-dash", "--lang", "en"], in: base)
        #expect(en.err.contains("unknown option `-dash`; `-dash` is a folder here: an argument beginning with `-` is taken for an option; to name it, write `./-dash`, or put `--` before it"), "\(en.err)")
        #expect(Self.run(["session", "status", "./-dash"], in: base).code == .success)
        #expect(Self.run(["session", "status", "--", "-dash"], in: base).code == .success)
        // Options before `--` still count; after it, nothing is an option.
        let english = Self.run(["session", "verify", "--lang", "en", "--", "-dash"], in: base)
        #expect(english.code == .success && english.out.contains("verified"), "\(english.out)\(english.err)")
        let a = try String(contentsOf: SampleSession.sample.appendingPathComponent("typed-a.csv"), encoding: .utf8)
        try Data(a.utf8).write(to: base.appendingPathComponent("-typed.csv"))
        #expect(Self.run(["session", "enter", "--by", "甲", "--", "-dash", "-typed.csv"], in: base).code == .success)
    }

    @Test("a file named like an option is said to be a file; a name that is nothing here keeps the usual hint")
    func dashFileAndNothing() throws {
        let base = try Self.base(); defer { try? FileManager.default.removeItem(at: base) }
        let file = Self.run(["session", "enter", "./-dash", "-notes.csv", "--by", "甲"], in: base)
        #expect(file.code == .usage && file.err.contains("`-notes.csv` 是这里的一个文件：以 `-` 开头的参数会被当作选项；要给出它，写作 `./-notes.csv`"), "\(file.err)")
        let nothing = Self.run(["session", "status", "-nothing"], in: base)
        #expect(nothing.code == .usage && nothing.err.contains("没有选项 `-nothing`") && !nothing.err.contains("是这里的一个"), "\(nothing.err)")
    }

    @Test("`--help` after `--` names a folder, not the help")
    func helpAfterEnd() throws {
        let base = try Self.base(); defer { try? FileManager.default.removeItem(at: base) }
        let r = Self.run(["session", "status", "--", "--help"], in: base)
        #expect(r.code == .failure && !r.out.contains("kaimen session status DIR"), "\(r.out)")
        #expect(r.err.contains("--help"), "\(r.err)")
    }
}
