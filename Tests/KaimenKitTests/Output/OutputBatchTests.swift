import Foundation
import Testing
@testable import KaimenKit

/// `OutputBatch.commit`: the folder is replaced as one whole set, with a manifest, only when it
/// is kaimen's to replace, and a failure changes nothing.
@Suite("OutputBatch: whole output sets")
struct OutputBatchTests {
    static func batch(_ files: [String: String]) -> OutputBatch {
        var b = OutputBatch()
        for (path, text) in files.sorted(by: { $0.key < $1.key }) { b.add(Data(text.utf8), at: path) }
        return b
    }

    static func manifest(_ s: ScratchFolder, _ dir: String) throws -> [String: Any] {
        let text = try #require(s.read("\(dir)/manifest.json"))
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("a batch writes every file and a manifest with each file's size and SHA-256")
    func writesWithManifest() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let input = s.url.appendingPathComponent("in.csv")
        try Data("old".utf8).write(to: input)
        let urls = try Self.batch(["ranking.csv": "new", "units/\(SafePath.fileName(for: "../甲"))": "个"])
            .commit(into: s.url.appendingPathComponent("out"), options: .init(inputs: [(shown: "in.csv", url: input)])).files
        #expect(urls.map(\.lastPathComponent) == ["ranking.csv", "___甲"])
        #expect(s.read("out/ranking.csv") == "new")
        #expect(s.allNames() == ["in.csv", "out", "out/manifest.json", "out/ranking.csv", "out/units", "out/units/___甲"])
        let m = try Self.manifest(s, "out")
        #expect(m["format"] as? String == "kaimen-manifest")
        #expect(m["kaimen"] as? String == CLI.version)
        #expect((m["created"] as? String)?.hasSuffix("Z") == true)
        // Digests from Python: hashlib.sha256(b"new"), (b"old") and (bytes([0xe4, 0xb8, 0xaa]), "个").hexdigest()
        let outputs = try #require(m["outputs"] as? [[String: Any]])
        #expect(outputs.map { $0["path"] as? String } == ["ranking.csv", "units/___甲"])
        #expect(outputs.map { $0["bytes"] as? Int } == [3, 3])
        #expect(outputs.map { $0["sha256"] as? String } == ["11507a0e2f5e69d5dfa40a62a1bd7b6ee57e6bcd85c67c9b8431b36fff21c437",
                                                            "3a116815bc9da10d888ffcca7311803a13f3cde7557078ce300fda0f393b3bab"])
        let inputs = try #require(m["inputs"] as? [[String: Any]])
        #expect(inputs.map { $0["path"] as? String } == ["in.csv"])
        #expect(inputs.map { $0["sha256"] as? String } == ["cba06b5736faf67e54b07b561eae94395e774c517a7d910a54369e1263ccfbd4"])
    }

    @Test("a new set replaces the whole earlier set: files it does not write are gone")
    func replacesWholeSet() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let out = s.url.appendingPathComponent("out")
        try Self.batch(["summary.csv": "1", "sheets/a.csv": "a", "sheets/b.csv": "b"]).commit(into: out)
        try Self.batch(["summary.csv": "2", "sheets/c.csv": "c"]).commit(into: out)
        #expect(s.allNames() == ["out", "out/manifest.json", "out/sheets", "out/sheets/c.csv", "out/summary.csv"])
        #expect(s.read("out/summary.csv") == "2")
    }

    @Test("the old set is removed whole, a large folder on two threads, and a symbolic link in it is removed, never followed")
    func removesOldSetWithoutFollowingLinks() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let out = s.url.appendingPathComponent("out")
        var files: [String: String] = ["summary.csv": "1", "deep/er/x.csv": "x"]
        for k in 0..<300 { files["sheets/U\(k).csv"] = "\(k)" }
        try Self.batch(files).commit(into: out)
        #expect(s.allNames().filter { $0.hasPrefix("out/sheets/") }.count == 300)
        // A link in the old set to a folder outside it (and one to a file): only the links go.
        try FileManager.default.createDirectory(at: s.url.appendingPathComponent("keep"), withIntermediateDirectories: true)
        try Data("kept".utf8).write(to: s.url.appendingPathComponent("keep/k.txt"))
        try FileManager.default.createSymbolicLink(atPath: out.path + "/sheets/link", withDestinationPath: s.url.path + "/keep")
        try FileManager.default.createSymbolicLink(atPath: out.path + "/deep/file-link", withDestinationPath: s.url.path + "/keep/k.txt")
        // Links the old manifest does not list: not replaced without --force (output-foreign-files).
        #expect(throws: OutputError.self) { try Self.batch(["summary.csv": "2"]).commit(into: out) }
        try Self.batch(["summary.csv": "2"]).commit(into: out, options: .init(force: true))
        #expect(s.allNames() == ["keep", "keep/k.txt", "out", "out/manifest.json", "out/summary.csv"])
        #expect(s.read("keep/k.txt") == "kept")
    }

    /// Found by a hostile test: notes a user put into a kaimen folder were deleted without a
    /// word by the next run writing it, though docs/outputs.md says your own files are safe.
    @Test("a kaimen folder holding files its manifest does not list is not replaced without --force, and says which")
    func keepsTheUsersFiles() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let out = s.url.appendingPathComponent("out")
        try Self.batch(["summary.csv": "1", "sheets/a.csv": "a"]).commit(into: out)
        // What a desktop or an office program leaves, and an empty folder (one a desktop has
        // shown, too), are not the user's files.
        try Data().write(to: out.appendingPathComponent(".DS_Store"))
        try Data().write(to: out.appendingPathComponent(".~lock.summary.csv#"))
        try Data().write(to: out.appendingPathComponent("~$summary.xlsx"))
        try FileManager.default.createDirectory(at: out.appendingPathComponent("empty/inner"), withIntermediateDirectories: true)
        try Data().write(to: out.appendingPathComponent("empty/inner/.DS_Store"))
        try Self.batch(["summary.csv": "2", "sheets/a.csv": "a"]).commit(into: out)
        #expect(s.read("out/summary.csv") == "2")
        try Data("notes".utf8).write(to: out.appendingPathComponent("my-notes.txt"))
        try FileManager.default.createDirectory(at: out.appendingPathComponent("mine"), withIntermediateDirectories: true)
        try Data("k".utf8).write(to: out.appendingPathComponent("mine/keep.txt"))
        try Data("x".utf8).write(to: out.appendingPathComponent("sheets/extra.csv"))
        do {
            try Self.batch(["summary.csv": "3"]).commit(into: out)
            Issue.record("replaced a folder holding the user's files")
        } catch let error as OutputError {
            #expect(error.code == "output-foreign-files")
            #expect(error.diagnostic.rendered(.zh).contains("其中有它的 manifest.json 没有列出的内容：`mine/`、`my-notes.txt`、`sheets/extra.csv`；替换文件夹会删掉它们，所以不替换"),
                    "\(error.diagnostic.rendered(.zh))")
        }
        #expect(s.read("out/my-notes.txt") == "notes" && s.read("out/summary.csv") == "2")
        try Self.batch(["summary.csv": "3"]).commit(into: out, options: .init(force: true))
        #expect(s.read("out/summary.csv") == "3" && s.read("out/my-notes.txt") == nil)
    }

    @Test("removing a tree that is a file, a link or missing removes just that, or nothing")
    func removeTreeOfFilesAndLinks() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        try FileManager.default.createDirectory(at: s.url.appendingPathComponent("d/e"), withIntermediateDirectories: true)
        try Data("f".utf8).write(to: s.url.appendingPathComponent("d/e/f"))
        try FileManager.default.createSymbolicLink(atPath: s.url.path + "/l", withDestinationPath: s.url.path + "/d")
        try FileSystem.removeTree(s.url.path + "/l")
        try FileSystem.removeTree(s.url.path + "/missing")
        #expect(s.allNames() == ["d", "d/e", "d/e/f"])
        try FileSystem.removeTree(s.url.path + "/d/e/f")
        #expect(s.allNames() == ["d", "d/e"])
        try FileSystem.removeTree(s.url.path + "/d", threads: 2)
        #expect(s.allNames() == [])
    }

    @Test("a non-empty folder without a manifest is replaced only with force; an empty one always")
    func foreignFolder() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let out = s.url.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: out.appendingPathComponent("notes.txt"))
        // A manifest.json that is not kaimen's does not count.
        try Data(#"{"format": "other"}"#.utf8).write(to: out.appendingPathComponent("manifest.json"))
        #expect(throws: OutputError.foreignFolder(path: OutputBatch.absolutePath(out), entries: 2)) {
            try Self.batch(["a.csv": "a"]).commit(into: out)
        }
        #expect(s.read("mine/notes.txt") == "keep")
        try Self.batch(["a.csv": "a"]).commit(into: out, options: .init(force: true))
        #expect(s.allNames() == ["mine", "mine/a.csv", "mine/manifest.json"])

        let empty = s.url.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try Self.batch(["a.csv": "a"]).commit(into: empty)
        #expect(s.read("empty/a.csv") == "a")
        let text = OutputError.foreignFolder(path: "/x", entries: 2).diagnostic.rendered(.zh)
        #expect(text.contains("manifest.json") && text.contains("--force"))
    }

    /// Found by a secretary's test: `score --out` into a folder of notes printed the whole
    /// ranking and its warnings, and refused the folder on the last line, easy to miss.
    @Test("score --out into a folder it would refuse says so before scoring, and prints no table")
    func scoreChecksItsFolderFirst() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let out = s.url.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: out.appendingPathComponent("notes.txt"))
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        let code = CLI.run(["score", "--rules", "rules/xicheng-2014.jsonc", "--units", "samples/xicheng-2014/units.csv",
                            "--roster", "samples/xicheng-2014/roster.csv", "--ballots", "samples/xicheng-2014/ballots.csv", "--out", out.path], console: console)
        #expect(code == .failure && console.stdout.isEmpty, "\(console.stdout)")
        #expect(console.stderr.hasPrefix("错误：文件夹 `\(OutputBatch.absolutePath(out))` 里已有 1 项内容，但没有 manifest.json，不是 kaimen 写的；不会替换它"), "\(console.stderr)")
        #expect(console.stderr.contains("没有写入任何文件到 \(out.path)") && !console.stderr.contains("提示"), "\(console.stderr)")
        #expect(s.read("other/notes.txt") == "keep")
        // A file on the way to the folder: said before scoring too (a review).
        let under = CLI.run(["score", "--rules", "rules/xicheng-2014.jsonc", "--units", "samples/xicheng-2014/units.csv",
                             "--roster", "samples/xicheng-2014/roster.csv", "--ballots", "samples/xicheng-2014/ballots.csv",
                             "--out", out.appendingPathComponent("notes.txt/sub").path], console: console)
        #expect(under == .failure && console.stdout.isEmpty, "\(console.stdout)")
        #expect(console.stderr.contains("错误：无法创建文件夹 `\(OutputBatch.absolutePath(out.appendingPathComponent("notes.txt")))`：路径中有一段是文件而不是文件夹"), "\(console.stderr)")
    }

    /// Found by a secretary's trial: `score --out s1/results/v2` replaced a sealed result set (it
    /// has a manifest) and `sheets --out s1 --force` emptied the session folder, journal and all.
    @Test("a session's folder, or any folder in it, is refused even with force; only session close writes its results")
    func sessionFolder() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let session = s.url.appendingPathComponent("s1")
        try FileManager.default.createDirectory(at: session.appendingPathComponent("results"), withIntermediateDirectories: true)
        try Data("{}\n".utf8).write(to: session.appendingPathComponent("journal.jsonl"))
        let root = OutputBatch.absolutePath(session)
        for (out, force) in [(session, true), (session.appendingPathComponent("results"), false), (session.appendingPathComponent("results/v2"), true),
                             (session.appendingPathComponent("blank/sheets"), false)] {
            #expect(throws: OutputError.inSession(path: out.path, session: root)) {
                try Self.batch(["a.csv": "a"]).commit(into: out, options: .init(force: force))
            }
        }
        #expect(s.allNames() == ["s1", "s1/journal.jsonl", "s1/results"])
        var close = OutputBatch.CommitOptions()
        close.sessionResults = true
        try Self.batch(["a.csv": "a"]).commit(into: session.appendingPathComponent("results"), options: close)
        #expect(s.read("s1/results/a.csv") == "a")
        // Beside the session, not in it: written.
        try Self.batch(["a.csv": "a"]).commit(into: s.url.appendingPathComponent("s1-sheets"))
        let text = OutputError.inSession(path: "s1/results", session: "s1").diagnostic.rendered(.zh)
        #expect(text == "错误：`s1/results` 在打分会话 `s1` 的文件夹里：会话的结果只由 `kaimen session close` 写，其他命令不能写入，加 --force 也不能；用 --out 换一个会话文件夹之外的新文件夹；会话的结果要重写，用 `kaimen session close`")
    }

    @Test("a folder holding an input or the current folder is never replaced, even with force")
    func protectsInputs() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let out = s.url.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let units = out.appendingPathComponent("units.csv")
        try Data("id\n".utf8).write(to: units)
        #expect(throws: OutputError.containsInput(folder: OutputBatch.absolutePath(out), input: units.path)) {
            try Self.batch(["a.csv": "a"]).commit(into: out, options: .init(force: true, inputs: [(shown: "units.csv", url: units)]))
        }
        #expect(throws: OutputError.self) {
            try Self.batch(["a.csv": "a"]).commit(into: s.url, options: .init(force: true, protected: [out]))
        }
        #expect(s.allNames() == ["data", "data/units.csv"])
    }

    @Test("--out naming a file, or a folder under a file, fails with the path and the cause, and creates nothing")
    func underAFile() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let file = s.url.appendingPathComponent("plain")
        try Data("f".utf8).write(to: file)
        #expect(throws: OutputError.notAFolder(path: OutputBatch.absolutePath(file))) {
            try Self.batch(["a.csv": "a"]).commit(into: file)
        }
        do {
            try Self.batch(["a.csv": "a"]).commit(into: file.appendingPathComponent("x/y"))
            Issue.record("expected an error")
        } catch let error as OutputError {
            #expect(error == .io(operation: .createFolder, path: file.appendingPathComponent("x").path, cause: SystemError(ENOTDIR)))
            #expect(error.diagnostic.rendered(.zh).contains("无法创建文件夹 `\(file.path)/x`：路径中有一段是文件而不是文件夹"))
            #expect(error.diagnostic.rendered(.en).contains("could not create the folder `\(file.path)/x`: a part of the path is a file, not a folder"))
        }
        #expect(s.allNames() == ["plain"])
    }

    @Test("a failure while writing keeps the old set, and leaves no staging folder and no new parent folders")
    func failureKeepsOld() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let out = s.url.appendingPathComponent("out")
        try Self.batch(["a.csv": "old"]).commit(into: out)
        struct Broken: Error {}
        var batch = Self.batch(["a.csv": "new"])
        batch.add(streaming: { write in
            try Data("half".utf8).withUnsafeBytes { try write($0) }
            throw Broken()
        }, at: "b.csv")
        #expect(throws: OutputError.self) { try batch.commit(into: out) }
        #expect(s.read("out/a.csv") == "old")
        #expect(s.allNames() == ["out", "out/a.csv", "out/manifest.json"])
        // Under new parent folders: they are removed again.
        #expect(throws: OutputError.self) { try batch.commit(into: s.url.appendingPathComponent("p/q/out")) }
        #expect(s.allNames() == ["out", "out/a.csv", "out/manifest.json"])
    }

    /// Files made together (`add(together:make:)`, a score sheet's CSV and JSON) are made when
    /// the set is written: a maker that fails there, after others have written their files,
    /// leaves the old set as it was and no staging folder, and the error names its first file.
    @Test("files made together are written in the order added, and a maker that fails keeps the old set")
    func togetherMakers() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let out = s.url.appendingPathComponent("out")
        var batch = OutputBatch()
        batch.add(Data("head".utf8), at: "a.csv")
        for k in 1 ... 5 { batch.add(together: ["s/\(k).csv", "s/\(k).json"]) { [Data("c\(k)".utf8), Data("j\(k)".utf8)] } }
        batch.add(Data("tail".utf8), at: "z.csv")
        let urls = try batch.commit(into: out).files
        #expect(urls.map(\.lastPathComponent) == ["a.csv"] + (1 ... 5).flatMap { ["\($0).csv", "\($0).json"] } + ["z.csv"])
        #expect(s.read("out/s/4.json") == "j4" && s.read("out/s/2.csv") == "c2" && s.read("out/z.csv") == "tail")
        // The manifest lists each with its own size and SHA-256 (of "c1": worked
        // out with `printf c1 | sha256sum`).
        let entries = try #require(try Self.manifest(s, "out")["outputs"] as? [[String: Any]])
        #expect(entries.compactMap { $0["path"] as? String } == ["a.csv"] + (1 ... 5).flatMap { ["s/\($0).csv", "s/\($0).json"] } + ["z.csv"])
        #expect(entries[1]["sha256"] as? String == "d0f631ca1ddba8db3bcfcb9e057cdc98d0379f1bee00e75a545147a27dadd982")
        #expect(entries[1]["bytes"] as? Int == 2)

        struct Broken: Error {}
        var failing = OutputBatch()
        failing.add(Data("new".utf8), at: "a.csv")
        for k in 1 ... 5 {
            failing.add(together: ["s/\(k).csv", "s/\(k).json"]) {
                if k == 4 { throw Broken() }
                return [Data("n\(k)".utf8), Data("m\(k)".utf8)]
            }
        }
        let error = #expect(throws: OutputError.self) { try failing.commit(into: out) }
        guard case .producerFailed(let path, let message)? = error else { Issue.record("not a producer's failure: \(String(describing: error))"); return }
        #expect(path.hasSuffix("/out/s/4.csv") && message == "Broken()")
        #expect(s.read("out/a.csv") == "head" && s.read("out/s/5.json") == "j5")
        #expect(s.allNames() == ["out", "out/a.csv", "out/manifest.json", "out/s"] + (1 ... 5).flatMap { ["out/s/\($0).csv", "out/s/\($0).json"] } + ["out/z.csv"])
    }

    /// Past `StagingFolder.writeBackStep` (32 MiB) the kernel is asked to start writing the file
    /// to disk as it goes; the file is still written whole. Expected digest from Python:
    /// `blk = bytes((i*7+3)%251 for i in range(1<<20)); sha256(blk * 40)`.
    @Test("a streamed file larger than the write-back step is written whole, with its digest")
    func largeStream() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        #expect(StagingFolder.writeBackStep == 32 << 20)
        let block = (0 ..< (1 << 20)).map { (i: Int) -> UInt8 in UInt8((i * 7 + 3) % 251) }
        var batch = OutputBatch()
        batch.add(streaming: { write in
            for _ in 0 ..< 40 { try block.withUnsafeBytes { try write($0) } }
        }, at: "big.bin")
        try batch.commit(into: s.url.appendingPathComponent("out"))
        let entries = try #require(try Self.manifest(s, "out")["outputs"] as? [[String: Any]])
        let big = try #require(entries.first { $0["path"] as? String == "big.bin" })
        #expect(big["bytes"] as? Int == 40 << 20)
        #expect(big["sha256"] as? String == "9c684653138a735235ca136fa0eea8b338c8ab8cd66f9c6ad52222403ff34d2e")
        let attributes = try FileManager.default.attributesOfItem(atPath: s.url.appendingPathComponent("out/big.bin").path)
        #expect((attributes[.size] as? NSNumber)?.intValue == 40 << 20)
    }

    @Test("a batch with an unsafe or repeated path writes nothing")
    func refusesPaths() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        #expect(throws: OutputError.unsafePath(path: "../b.csv", reason: Localized(zh: "其中有 `..`", en: "it contains `..`"))) {
            try Self.batch(["a.csv": "a", "../b.csv": "b"]).commit(into: s.url)
        }
        var twice = OutputBatch()
        twice.add(Data("a".utf8), at: "a.csv")
        twice.add(Data("A".utf8), at: "./A.csv")
        #expect(throws: OutputError.duplicatePath(path: "./A.csv")) { try twice.commit(into: s.url) }
        #expect(throws: OutputError.duplicatePath(path: "MANIFEST.json")) { try Self.batch(["MANIFEST.json": "x"]).commit(into: s.url) }
        #expect(s.allNames().isEmpty)
    }

    @Test("what an interrupted run left beside the folder is removed by the next run")
    func cleansLeftovers() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let out = s.url.appendingPathComponent("out")
        let staging = s.url.appendingPathComponent(".out.kaimen-tmp-99999-abc/sheets")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data("half".utf8).write(to: staging.appendingPathComponent("x.csv"))
        try Data("other".utf8).write(to: s.url.appendingPathComponent(".other.kaimen-tmp-1-a"))
        try Self.batch(["a.csv": "a"]).commit(into: out)
        #expect(s.allNames() == [".other.kaimen-tmp-1-a", "out", "out/a.csv", "out/manifest.json"])
    }

    @Test("while another holder has the folder's lock, a commit waits, then fails with a clear message")
    func lockedFolder() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let out = s.url.appendingPathComponent("out")
        let target = OutputBatch.absolutePath(out)
        let lock = try OutputLock(for: target, timeout: 0)
        #expect(throws: OutputError.locked(path: target, seconds: 1)) {
            try Self.batch(["a.csv": "a"]).commit(into: out, options: .init(lockTimeout: 0.2))
        }
        #expect(OutputError.locked(path: "/o", seconds: 30).diagnostic.rendered(.zh)
                    == "错误：另一个 kaimen 进程正在写入 `/o`，等了 30 秒仍未结束；等另一个进程结束后再运行，或换一个文件夹")
        lock.release()
        try Self.batch(["a.csv": "a"]).commit(into: out, options: .init(lockTimeout: 0.2))
        #expect(s.allNames() == ["out", "out/a.csv", "out/manifest.json"])
    }

    @Test("system errors are said in Chinese and English, with the errno name")
    func systemErrors() {
        #expect(SystemError(ENOSPC).text == Localized(zh: "磁盘已满（ENOSPC）", en: "no space left on the disk (ENOSPC)"))
        #expect(SystemError(EROFS).text == Localized(zh: "文件系统是只读的（EROFS）", en: "the file system is read-only (EROFS)"))
        #expect(SystemError(EACCES).text.zh == "没有权限（EACCES）")
        // An errno without a translation still names itself.
        #expect(SystemError(EHOSTDOWN).text.en.hasSuffix("(errno \(EHOSTDOWN))"))
        let full = OutputError.io(operation: .write, path: "/o/summary.csv", cause: SystemError(ENOSPC))
        #expect(full.diagnostic.rendered(.zh) == "错误：无法写入 `/o/summary.csv`：磁盘已满（ENOSPC）；腾出磁盘空间，或用 --out 换一个别的磁盘上的文件夹")
        #expect(full.diagnostic.rendered(.en) == "error: could not write `/o/summary.csv`: no space left on the disk (ENOSPC); free some disk space, or choose a folder on another disk with --out")
    }
}
