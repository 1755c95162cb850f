import Foundation
import Testing
@testable import KaimenKit

/// A `close` whose seal cannot be appended (a full disk, a file-size limit), with the real
/// executable: its results are removed, the journal is as it was, it says nothing was recorded
/// and fails; the same close without the limit then seals, and the session verifies.
///
/// The child runs under `ulimit -f` (RLIMIT_FSIZE, in 512-byte blocks in `sh`) as a user's shell
/// would run it: kaimen ignores SIGXFSZ itself (main.swift), so a write past the limit returns
/// EFBIG instead of the signal killing it (exit 153, its staging files left behind). The limit must
/// let every result file be written and stop the journal's append: the limit holds per file, so
/// the journal is made larger than the largest result file (a resolve with a long reason, which
/// no paper prints), and the limit falls between the two.
@Suite("A close whose seal cannot be written (file-size limit): nothing recorded, results removed", .serialized)
struct SealWriteFailureTests {
    /// The largest regular file under `folder`, in bytes.
    static func largestFile(under folder: URL) -> Int {
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey])
        var largest = 0
        while let url = walker?.nextObject() as? URL {
            let values = try? url.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey])
            if values?.isRegularFile == true { largest = max(largest, values?.fileSize ?? 0) }
        }
        return largest
    }

    static func size(_ url: URL) -> Int { (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0 }

    /// Runs `kaimen args` in a child under `sh`, with the file-size limit `blocks` (512 bytes each;
    /// `nil`: none); its output and errors go to files in `logs` (both far
    /// below the limit).
    static func runLimited(_ args: [String], blocks: Int?, logs: URL) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "ulimit -f \(blocks.map(String.init) ?? "unlimited") || exit 99; exec \"$0\" \"$@\"", try JournalDurabilityTests.executable().path] + args
        p.currentDirectoryURL = Fixtures.packageRoot
        let out = logs.appendingPathComponent("out-\(UUID().uuidString)"), err = logs.appendingPathComponent("err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        try p.run()
        p.waitUntilExit()
        return (p.terminationStatus, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8))
    }

    @Test("the seal's append fails (EFBIG): results removed, journal unchanged, nothing recorded, exit 1; then the close seals")
    func sealAppendFails() throws {
        let s = try SampleSession(); defer { s.remove() }
        let a = try s.file("a.csv", SampleSession.typed("a")), b = try s.file("b.csv", SampleSession.typed("b"))
        try #require(s.run("enter", [a, "--by", "甲"]).code == .success)
        try #require(s.run("enter", [b, "--by", "乙"]).code == .success)
        // A journal larger than any result file: a resolve whose reason (kept only in the journal) is long.
        let reason = "核对纸质评分表：" + String(repeating: "原表第 5 项写的是 4 分。", count: 12_000)
        try #require(s.run("resolve", ["--rep", "R05", "--unit", "X02", "--standard", "rights.ballot", "--score", "4", "--reason", reason,
                                       "--by", "王秘书"]).code == .success)
        let journalURL = s.dir.appendingPathComponent(Journal.fileName)
        let before = try Data(contentsOf: journalURL)

        // The sizes a close writes, from a close of a copy of the session.
        let copy = s.files.appendingPathComponent("dry-run")
        try FileManager.default.createDirectory(at: s.files, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: s.dir, to: copy)
        try #require(SampleSession.run(["session", "close", copy.path, "--by", "王秘书"]).code == .success)
        let largestResult = Self.largestFile(under: copy.appendingPathComponent("results"))
        // Every result file fits under the limit (with room for a manifest's other time), and the
        // journal is past it already, so its append cannot be written.
        let blocks = (largestResult + 4096) / 512 + 1
        try #require(blocks * 512 < before.count, "the limit (\(blocks * 512) bytes) must fall below the journal (\(before.count)) and above the results (\(largestResult))")

        let failed = try Self.runLimited(["session", "close", s.path, "--by", "王秘书"], blocks: blocks, logs: s.files)
        #expect(failed.status == 1, "\(failed.status): \(failed.err)")
        #expect(failed.err.contains("无法写入 `\(journalURL.path)`"), "\(failed.err)")
        #expect(failed.err.contains("文件超过了允许的大小（`ulimit -f` 设的限制，或文件系统的上限）：放宽限制或换到别的磁盘后再运行；这次没有做任何记录"), "\(failed.err)")
        #expect(failed.err.contains("会话未结束"), "\(failed.err)")
        #expect(!failed.out.contains("会话已结束"), "\(failed.out)")
        // Nothing of the seal in the journal, and no results left unsealed.
        #expect(try Data(contentsOf: journalURL) == before)
        #expect(!FileManager.default.fileExists(atPath: s.dir.appendingPathComponent("results").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: s.path).filter { $0.hasPrefix(".results") || $0.hasPrefix("journal.torn-") }.isEmpty)
        let status = s.run("status", [])
        #expect(status.code == .success && status.out.contains("可以结束会话"), "\(status.out)\(status.err)")

        // The same close without the limit: sealed, and the session verifies.
        let closed = try Self.runLimited(["session", "close", s.path, "--by", "王秘书"], blocks: nil, logs: s.files)
        #expect(closed.status == 0, "\(closed.err)")
        #expect(closed.out.contains("会话已结束：结果"), "\(closed.out)")
        let kinds = try s.journalLines.map { try JournalRecord.parse($0).get().kind }
        #expect(kinds == [.open, .entry, .entry, .resolve, .seal])
        #expect(s.run("verify", []).code == .success)
    }
}
