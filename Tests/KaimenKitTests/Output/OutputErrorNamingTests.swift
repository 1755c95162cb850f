import Foundation
import Testing
@testable import KaimenKit

/// An output folder that cannot be written is named as the user typed it (since 0.29.5): the
/// writers' errors (`OutputError`) named their paths absolute, `close`'s `output-failed` and
/// `score --out`'s errors among them, where every other message names the folder as typed.
/// Typed absolute, shown absolute.
@Suite("Output errors name their paths as the folder was typed", .serialized)
struct OutputErrorNamingTests {
    /// A fresh working folder, removed by the caller.
    static func workspace() throws -> URL {
        let here = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-output-naming-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: here.appendingPathComponent("rel"), withIntermediateDirectories: true)
        return here
    }

    /// Runs kaimen in `here`, the sample's inputs given by their absolute paths.
    static func run(_ args: [String], in here: URL) -> (code: ExitCode, out: String, err: String) {
        let console = BufferConsole(currentDirectory: here.path)
        let code = CLI.run(args, console: console)
        return (code, console.stdout, console.stderr)
    }

    static func score(out: String, in here: URL, lang: [String] = []) -> (code: ExitCode, out: String, err: String) {
        let sample = SampleSession.sample.path
        return run(["score", "--rules", Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path,
                    "--units", sample + "/units.csv", "--roster", sample + "/roster.csv", "--ballots", sample + "/ballots.csv",
                    "--format", "none", "--out", out] + lang, in: here)
    }

    @Test("score --out naming a file (output-not-a-folder): the path as typed, relative or absolute")
    func notAFolder() throws {
        let here = try Self.workspace(); defer { try? FileManager.default.removeItem(at: here) }
        try Data("notes\n".utf8).write(to: here.appendingPathComponent("rel/notes.txt"))
        let r = Self.score(out: "rel/notes.txt", in: here)
        #expect(r.code == .failure)
        #expect(r.err.contains("错误：`rel/notes.txt` 已存在，但不是文件夹"), "\(r.err)")
        #expect(!r.err.contains(here.path), "\(r.err)")
        let en = Self.score(out: "rel/notes.txt", in: here, lang: ["--lang", "en"])
        #expect(en.err.contains("error: `rel/notes.txt` exists and is not a folder"), "\(en.err)")
        let absolute = here.appendingPathComponent("rel/notes.txt").path
        #expect(Self.score(out: absolute, in: here).err.contains("错误：`\(absolute)` 已存在，但不是文件夹"))
    }

    /// A tester's nightly script (as `nobody`): `chmod 555 parent/res` was replaced without a word
    /// and its old set left aside read-only, one more each run, which no run could remove.
    @Test("score --out on a read-only folder (output-read-only): refused by its mode bits, even as root, nothing written or left beside it")
    func readOnlyFolder() throws {
        let here = try Self.workspace(); defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: here.appendingPathComponent("公示结果").path)
            try? FileManager.default.removeItem(at: here)
        }
        #expect(Self.score(out: "公示结果", in: here).code == .success)
        let res = here.appendingPathComponent("公示结果").path
        let before = try FileManager.default.contentsOfDirectory(atPath: res).sorted()
        let manifest = try Data(contentsOf: URL(fileURLWithPath: res + "/manifest.json"))
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: res)
        let r = Self.score(out: "公示结果", in: here)
        #expect(r.code == .failure)
        #expect(r.err.contains("错误：文件夹 `公示结果` 是只读的（没有写权限），不会替换它；确实要用这次的结果替换它，先 `chmod u+w 公示结果`；或用 --out 换一个文件夹"), "\(r.err)")
        let en = Self.score(out: "公示结果", in: here, lang: ["--lang", "en"])
        #expect(en.err.contains("error: the folder `公示结果` is read-only (not writable), so it is not replaced; to replace it with this run's files, `chmod u+w 公示结果` first"), "\(en.err)")
        // The old set as it was, and nothing beside it (no staging folder, no set moved aside).
        #expect(try FileManager.default.contentsOfDirectory(atPath: res).sorted() == before)
        #expect(try Data(contentsOf: URL(fileURLWithPath: res + "/manifest.json")) == manifest)
        #expect(try FileManager.default.contentsOfDirectory(atPath: here.path).sorted() == ["rel", "公示结果"])
        // Writable again, it is replaced as before.
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: res)
        #expect(Self.score(out: "公示结果", in: here).code == .success)
    }

    @Test("score --out under a file (output-io, ENOTDIR): the file as the typed path reaches it")
    func fileOnTheWay() throws {
        let here = try Self.workspace(); defer { try? FileManager.default.removeItem(at: here) }
        try Data("notes\n".utf8).write(to: here.appendingPathComponent("rel/notes.txt"))
        let r = Self.score(out: "rel/notes.txt/out", in: here)
        #expect(r.code == .failure)
        #expect(r.err.contains("错误：无法创建文件夹 `rel/notes.txt`："), "\(r.err)")
        #expect(!r.err.contains(here.path), "\(r.err)")
    }

    @Test("score --out into a folder kaimen did not write (output-foreign-folder): the folder as typed")
    func foreignFolder() throws {
        let here = try Self.workspace(); defer { try? FileManager.default.removeItem(at: here) }
        try Data("notes\n".utf8).write(to: here.appendingPathComponent("rel/notes.txt"))
        let r = Self.score(out: "./rel", in: here)
        #expect(r.code == .failure)
        #expect(r.err.contains("错误：文件夹 `./rel` 里已有 1 项内容，但没有 manifest.json"), "\(r.err)")
        #expect(!r.err.contains(here.path), "\(r.err)")
    }

    @Test("close whose results cannot be written (output-failed): the results and the writer's path as the session folder was typed")
    func closeResultsAFile() throws {
        let here = try Self.workspace(); defer { try? FileManager.default.removeItem(at: here) }
        let s = SampleSession(existing: here.appendingPathComponent("rel/会议"))
        let sample = SampleSession.sample.path
        let opened = Self.run(["session", "init", "rel/会议", "--rules", Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path,
                               "--units", sample + "/units.csv", "--roster", sample + "/roster.csv", "--schedule", sample + "/schedule.csv",
                               "--by", "王秘书"], in: here)
        try #require(opened.code == .success, "\(opened.err)")
        try s.enterBothResolvingX02()
        // A file where the results folder goes.
        try Data("notes\n".utf8).write(to: s.dir.appendingPathComponent("results"))
        let r = Self.run(["session", "close", "rel/会议", "--by", "王秘书"], in: here)
        #expect(r.code == .failure)
        #expect(r.err.contains("错误：无法写入 `rel/会议/results`：`rel/会议/results` 已存在，但不是文件夹"), "\(r.err)")
        #expect(!r.err.contains(here.path), "\(r.err)")
        #expect(!s.journal.contains("\"seal\""))
    }

    @Test("naming leaves a path elsewhere, or relative already, as it is")
    func namingElsewhere() {
        let folder = FolderName(typed: "rel/out", in: "/work/here")
        let e = OutputError.containsInput(folder: "/work/here/rel/out", input: "/elsewhere/ballots.csv").naming(folder.naming)
        #expect(e == .containsInput(folder: "rel/out", input: "/elsewhere/ballots.csv"))
        #expect(OutputError.duplicatePath(path: "sheets/X01.csv").naming(folder.naming) == .duplicatePath(path: "sheets/X01.csv"))
        #expect(OutputError.locked(path: "/work/here/rel/out", seconds: 5).naming(folder.naming) == .locked(path: "rel/out", seconds: 5))
    }
}
