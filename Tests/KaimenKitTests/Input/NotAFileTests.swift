import Foundation
import Testing
@testable import KaimenKit
#if canImport(Glibc)
import Glibc
#endif

/// An input that is not a file stored on disk: a FIFO with no writer made `score` wait for
/// ever, `/dev/null` and a pipe (`--ballots <(iconv …)`) were "an input/output error on the
/// disk" and a rules file behind them "no such file" (a hostile-input test). Each is refused
/// before it is opened, saying what it is and to save the content as a file first.
@Suite("Inputs that are not files: pipes, FIFOs, devices")
struct NotAFileTests {
    /// A FIFO in a scratch folder. Should a read wait on it after all, a writer opens and
    /// closes it after a few seconds, so the test fails on its expectations instead of hanging.
    static func fifo(in folder: ScratchFolder, named name: String = "ballots-fifo.csv") throws -> String {
        let path = folder.url.appendingPathComponent(name).path
        try #require(mkfifo(path, 0o600) == 0)
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 5)
            let fd = open(path, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
        }
        return path
    }

    static let sample = ["--rules", "rules/xicheng-2014.jsonc", "--units", "samples/xicheng-2014/units.csv",
                         "--roster", "samples/xicheng-2014/roster.csv"]

    @Test("a FIFO as ballots is refused at once, by either engine, not waited on")
    func fifoBallots() throws {
        let folder = ScratchFolder(); defer { folder.cleanUp() }
        let fifo = try Self.fifo(in: folder)
        for engine in ["exact", "fast"] {
            let r = EndToEndTests.run(["score"] + Self.sample + ["--ballots", fifo, "--engine", engine, "--format", "none"])
            #expect(r.code == .failure)
            #expect(r.err.contains("无法读取 `\(fifo)`：这是管道，不是存在磁盘上的文件"), "\(r.err)")
            #expect(r.err.contains("请先把内容存成文件，再给出那个文件的路径"), "\(r.err)")
        }
        // The units file too, through the byte readers (`--engine fast`), and in English.
        let units = EndToEndTests.run(["score", "--rules", "rules/xicheng-2014.jsonc", "--units", fifo, "--roster", "samples/xicheng-2014/roster.csv",
                                       "--ballots", "samples/xicheng-2014/ballots.csv", "--engine", "fast", "--format", "none", "--lang", "en"])
        #expect(units.code == .failure && units.err.contains("cannot read `\(fifo)`: it is a pipe, not a file stored on disk"), "\(units.err)")
    }

    @Test("/dev/null is a device, not an empty file; as a rules file it is not 'no such file'")
    func devNull() {
        let ballots = EndToEndTests.run(["score"] + Self.sample + ["--ballots", "/dev/null", "--format", "none"])
        #expect(ballots.code == .failure && ballots.err.contains("无法读取 `/dev/null`：这是设备，不是文件"), "\(ballots.err)")
        let rules = EndToEndTests.run(["rules", "check", "/dev/null"])
        #expect(rules.code == .failure && rules.err.contains("无法读取 `/dev/null`：这是设备，不是文件"), "\(rules.err)")
        #expect(!rules.err.contains("没有这个文件"), "\(rules.err)")
    }

    @Test("a pipe, as a shell's <(…) gives it, is said to be one")
    func pipe() throws {
        var ends: [Int32] = [0, 0]
        try #require(Glibc.pipe(&ends) == 0)
        defer { close(ends[0]); close(ends[1]) }
        let path = "/proc/self/fd/\(ends[0])"
        #expect(InputFile.unreadable(path).cause.zh == "这是管道，不是存在磁盘上的文件")
        let r = EndToEndTests.run(["score"] + Self.sample + ["--ballots", path, "--format", "none"])
        #expect(r.code == .failure && r.err.contains("这是管道"), "\(r.err)")
    }

    @Test("a typed file for `session enter` that is a FIFO is refused, nothing recorded")
    func enterFIFO() throws {
        let s = try SampleSession(); defer { s.remove() }
        let folder = ScratchFolder(); defer { folder.cleanUp() }
        let fifo = try Self.fifo(in: folder)
        let before = s.journalLines
        let r = s.run("enter", [fifo, "--by", "甲"])
        #expect(r.code == .failure && r.err.contains("这是管道，不是存在磁盘上的文件"), "\(r.err)")
        #expect(s.journalLines == before)
    }

    @Test("an extends naming a FIFO or a folder says why, not that the file is missing")
    func extendsNotAFile() throws {
        let folder = ScratchFolder(); defer { folder.cleanUp() }
        let fifo = try Self.fifo(in: folder, named: "base.jsonc"), dir = folder.url.appendingPathComponent("dir.jsonc").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for target in [fifo, dir] {
            let child = folder.url.appendingPathComponent("child.jsonc")
            try #"{ "extends": "\#(target)", "id": "c", "title": "c", "issuer": "c" }"#.write(to: child, atomically: true, encoding: .utf8)
            let r = EndToEndTests.run(["rules", "check", child.path])
            #expect(r.code == .failure)
            #expect(r.err.contains("无法读取 `\(target)`：") && !r.err.contains("找不到"), "\(r.err)")
        }
    }

    @Test("a missing file and a folder are still said as before")
    func unchanged() {
        let missing = InputFile.unreadable("/nowhere/at/all.csv")
        #expect(missing.cause.zh == "文件或文件夹不存在")
        #expect(InputFile.unreadable(Fixtures.packageRoot.path).cause.zh == "这是一个文件夹")
    }
}
