import Foundation
import Testing
@testable import KaimenKit

/// A swap without an atomic exchange (a network or FUSE file system: `FolderSwap`) renames the
/// old set aside, then the new one into place. A run killed between the two renames leaves no
/// folder and the whole old set aside: before 0.29.8 under a staging name, which the next run
/// removed before it wrote anything, so a failure of that run left no set at all (a review).
/// The kill itself cannot be timed between two renames from outside; the tests leave the
/// folders as it leaves them (`moveAside`, the swap's first rename) and run the next commit.
@Suite("Interrupted swaps: the old set moved aside is put back, never removed")
struct InterruptedSwapTests {
    static func batch(_ files: [String: String]) -> OutputBatch { OutputBatchTests.batch(files) }

    /// The folders as a run killed between the two renames leaves them: its staging folder
    /// (written whole, or partly), and the old set at `out` moved aside. Returns the old set's name.
    static func killedMidSwap(_ s: ScratchFolder, out: URL) throws -> String {
        let staging = s.url.appendingPathComponent(".out.kaimen-tmp-4242-k1ll")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data("half".utf8).write(to: staging.appendingPathComponent("a.csv"))
        return FileSystem.name(of: try FolderSwap.moveAside(out.path))
    }

    @Test("without an exchange the old set goes aside under a name of its own, and nothing is left once the swap is done")
    func swapWithoutExchange() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let out = s.url.appendingPathComponent("out")
        try Self.batch(["a.csv": "old"]).commit(into: out)
        // A whole commit that way: the new set, nothing beside it.
        var options = OutputBatch.CommitOptions()
        options.exchange = false
        let committed = try Self.batch(["b.csv": "new"]).commit(into: out, options: options)
        #expect(committed.restored == nil)
        #expect(s.allNames() == ["out", "out/b.csv", "out/manifest.json"])
        // The swap itself: the old set's name is `.out.kaimen-old-<pid>-<random>`, never a staging name.
        let staging = try StagingFolder(beside: out.path)
        _ = try staging.write(.data(Data("newer".utf8)), at: "a.csv", shownAs: "out/a.csv")
        let old = try #require(try FolderSwap.swap(staging.path, into: out.path, exchange: false))
        let name = FileSystem.name(of: old)
        #expect(name.hasPrefix(".out.kaimen-old-\(getpid())-") && FolderSwap.isOwn(name, prefix: ".out.kaimen-old-"), "\(name)")
        #expect(s.read("out/a.csv") == "newer" && s.read("\(name)/b.csv") == "new")
        FolderSwap.discard(old, beside: out.path)
        #expect(s.allNames() == ["out", "out/a.csv"])
    }

    @Test("a run killed between the two renames: the next run puts the old set back before it writes, and its failure leaves it")
    func failedRunAfterKillKeepsOldSet() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let out = s.url.appendingPathComponent("out")
        try Self.batch(["a.csv": "old", "sheets/x.csv": "x"]).commit(into: out)
        let manifest = try #require(s.read("out/manifest.json"))
        let aside = try Self.killedMidSwap(s, out: out)
        #expect(s.allNames() == [aside, "\(aside)/a.csv", "\(aside)/manifest.json", "\(aside)/sheets", "\(aside)/sheets/x.csv",
                                 ".out.kaimen-tmp-4242-k1ll", ".out.kaimen-tmp-4242-k1ll/a.csv"])
        // The next run fails while it writes (a full disk, a producer's error).
        struct Broken: Error {}
        var failing = Self.batch(["a.csv": "new"])
        failing.add(streaming: { _ in throw Broken() }, at: "b.csv")
        #expect(throws: OutputError.self) { try failing.commit(into: out) }
        // The old set is whole at `out` again; the killed run's staging folder is gone.
        #expect(s.allNames() == ["out", "out/a.csv", "out/manifest.json", "out/sheets", "out/sheets/x.csv"])
        #expect(s.read("out/a.csv") == "old" && s.read("out/manifest.json") == manifest)
    }

    @Test("after a run killed between the two renames the next run writes its set, and says it put the old one back first")
    func nextRunSaysRestored() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let out = s.url.appendingPathComponent("out")
        try Self.batch(["a.csv": "old"]).commit(into: out)
        let aside = try Self.killedMidSwap(s, out: out)
        let committed = try Self.batch(["a.csv": "new"]).commit(into: out)
        #expect(committed.restored == aside)
        #expect(s.allNames() == ["out", "out/a.csv", "out/manifest.json"])
        #expect(s.read("out/a.csv") == "new")
        let notes = committed.notes(in: "results/out/")
        #expect(notes.map(\.code) == ["output-restored"])
        #expect(notes.first?.rendered(.zh) == "警告：上一次写入 `results/out` 在替换文件夹的中途被中断，`results/out` 不在了，上一组结果完整地留在 `results/\(aside)`："
            + "本次写入前已把它放回 `results/out`，再由本次的结果整组替换；不需要做什么；这种中断只会发生在不能一步交换两个文件夹的文件系统上（网络盘、FUSE）")
        // Nothing to put back: no note.
        #expect(try Self.batch(["a.csv": "newer"]).commit(into: out).notes(in: "out").isEmpty)
    }

    @Test("an old set beside a folder that is there was replaced, and is removed; a look-alike name is left alone")
    func oldSetBesideWholeFolder() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let out = s.url.appendingPathComponent("out")
        try Self.batch(["a.csv": "new"]).commit(into: out)
        for name in [".out.kaimen-old-77-abc", ".out.kaimen-old-notes"] {
            try FileManager.default.createDirectory(at: s.url.appendingPathComponent(name), withIntermediateDirectories: true)
            try Data("old".utf8).write(to: s.url.appendingPathComponent("\(name)/a.csv"))
        }
        let committed = try Self.batch(["a.csv": "newer"]).commit(into: out)
        #expect(committed.restored == nil)
        #expect(s.allNames() == [".out.kaimen-old-notes", ".out.kaimen-old-notes/a.csv", "out", "out/a.csv", "out/manifest.json"])
        // With the folder missing, a look-alike is not put back either.
        try FileSystem.removeTree(out.path)
        #expect(try Self.batch(["a.csv": "again"]).commit(into: out).restored == nil)
        #expect(s.read("out/a.csv") == "again" && s.read(".out.kaimen-old-notes/a.csv") == "old")
    }

    @Test("score --out after a run killed mid-swap puts the old set back, then replaces it, and says so in Chinese and English")
    func scoreSaysRestored() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let out = s.url.appendingPathComponent("out")
        let args = ["score", "--rules", "rules/xicheng-2014.jsonc", "--units", "samples/xicheng-2014/units.csv",
                    "--roster", "samples/xicheng-2014/roster.csv", "--ballots", "samples/xicheng-2014/ballots.csv", "--format", "none", "--out", out.path]
        for (lang, said) in [("zh", "本次写入前已把它放回 `\(out.path)`"), ("en", "it was put back as `\(out.path)` before this write")] {
            let first = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
            #expect(CLI.run(args + ["--lang", lang], console: first) == .success, "\(first.stderr)")
            let fresh = try #require(s.read("out/summary.csv"))
            let aside = try FolderSwap.moveAside(OutputBatch.absolutePath(out))
            let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
            #expect(CLI.run(args + ["--lang", lang], console: console) == .success, "\(console.stderr)")
            #expect(console.stderr.contains(said) && console.stderr.contains(FileSystem.name(of: aside)), "\(console.stderr)")
            #expect(s.read("out/summary.csv") == fresh)
            #expect(!s.allNames().contains { $0.hasPrefix(".out.") && !$0.hasPrefix(".out.kaimen-lock") }, "\(s.allNames())")
        }
    }
}
