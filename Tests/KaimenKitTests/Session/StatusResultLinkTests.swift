import Foundation
import Testing
@testable import KaimenKit

/// `status` missed a `results/` (or `results/sheets`) that is a symbolic link, which `verify`
/// names: with the same files behind it, every sealed file's hash still matched. Now it says so
/// as `verify` does (one check, `Verifier.linkProblems`), exits 1, and `close` refuses.
@Suite("A link in the results: status says so, as verify does", .serialized)
struct StatusResultLinkTests {
    /// `link` (under the session folder) replaced by a link to a copy of it beside the session.
    static func replaceByLink(_ s: SampleSession, _ link: String) throws {
        let original = s.dir.appendingPathComponent(link)
        let copy = s.files.appendingPathComponent("copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: s.files, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: original, to: copy)
        try FileManager.default.removeItem(at: original)
        try FileManager.default.createSymbolicLink(at: original, withDestinationURL: copy)
    }

    @Test("a closed session whose results (or results/sheets) is a link to the same files: status names it and exits 1, as verify", arguments: [
        "results/sheets", "results",
    ])
    func closedSession(_ link: String) throws {
        let s = try SessionPathTests.closed(); defer { s.remove() }
        try Self.replaceByLink(s, link)
        let said = "`\(link)` 是符号链接：封存的结果必须是会话文件夹里的真实文件和文件夹"
        let verified = s.run("verify", [])
        #expect(verified.code == .failure && verified.err.contains(said), "\(verified.err)")
        let status = s.run("status", [])
        #expect(status.code == .failure)
        #expect(status.err.contains(said), "\(status.err)")
        #expect(status.err.components(separatedBy: said).count == 2, "said once: \(status.err)")
        #expect(status.out.contains("会话已结束并封存（共 1 版结果），但结果中有符号链接 `\(link)`（见上面的错误）"), "\(status.out)")
        let english = s.run("status", ["--lang", "en"])
        #expect(english.err.contains("`\(link)` is a symbolic link"), "\(english.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(s.run("status", ["--format", "json"]).out.utf8)) as? [String: Any])
        #expect(json["linkedResults"] as? [String] == [link])
    }

    @Test("an open session whose results is a link: status says it cannot close yet, and close refuses, writing nothing there")
    func openSession() throws {
        let s = try SampleSession(singleEntry: true); defer { s.remove() }
        let a = try s.file("a.csv", SampleSession.typed("a"))
        try #require(s.run("enter", [a, "--by", "甲"]).code == .success)
        let elsewhere = s.files.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: s.dir.appendingPathComponent("results"), withDestinationURL: elsewhere)
        let status = s.run("status", [])
        #expect(status.code == .failure)
        #expect(status.err.contains("`results` 是符号链接"), "\(status.err)")
        #expect(status.out.contains("尚不能结束：结果中有符号链接 `results`（见上面的错误）：删去链接后再运行 `kaimen session close`。"), "\(status.out)")
        #expect(!status.out.contains("可以结束会话"))
        let before = s.journal
        let closed = s.run("close", ["--by", "王秘书"])
        #expect(closed.code == .failure && closed.err.contains("`results` 是符号链接"), "\(closed.err)")
        #expect(s.journal == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
        // The link removed: ready, and closed.
        try FileManager.default.removeItem(at: s.dir.appendingPathComponent("results"))
        #expect(s.run("status", []).code == .success)
        #expect(s.run("close", ["--by", "王秘书"]).code == .success)
    }

    @Test("a link in place of one sealed file is said once, not also as a link in the results")
    func sealedFileLink() throws {
        let s = try SessionPathTests.closed(); defer { s.remove() }
        try Self.replaceByLink(s, "results/summary.csv")
        let status = s.run("status", [])
        #expect(status.code == .failure)
        #expect(status.err.components(separatedBy: "`results/summary.csv` 是符号链接").count == 2, "\(status.err)")
    }
}
