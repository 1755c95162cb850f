import Foundation
import Testing
@testable import KaimenKit

/// `session status` shows the assessment period `init --period` recorded (since 0.29.5), under
/// its first line and in its JSON (`period`); a session opened without one shows none.
@Suite("Session status: the recorded 考核期", .serialized)
struct StatusPeriodTests {
    /// A session of the sample opened with `more` (`--period …`, or nothing).
    static func opened(_ more: [String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-status-period-\(UUID().uuidString)")
        let r = SampleSession.run(["session", "init", dir.path] + PeriodTests.inputs + ["--schedule", "samples/xicheng-2014/schedule.csv", "--by", "王秘书"] + more)
        try #require(r.code == .success, "\(r.err)")
        return dir
    }

    static func json(_ dir: URL) throws -> [String: Any] {
        let out = SampleSession.run(["session", "status", dir.path, "--format", "json"]).out
        return try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    }

    @Test("recorded: its line under the first, in Chinese and in English, and `period` in the JSON")
    func recorded() throws {
        let dir = try Self.opened(["--period", "2014年年中"]); defer { try? FileManager.default.removeItem(at: dir) }
        let zh = SampleSession.run(["session", "status", dir.path]).out.split(separator: "\n").map(String.init)
        #expect(zh.count > 2 && zh[0].hasPrefix("会话状态：") && zh[1] == "考核期：2014年年中", "\(zh.prefix(3))")
        let en = SampleSession.run(["session", "status", dir.path, "--lang", "en"]).out.split(separator: "\n").map(String.init)
        #expect(en.count > 2 && en[0].hasPrefix("Session: ") && en[1] == "Period: 2014年年中", "\(en.prefix(3))")
        #expect(try Self.json(dir)["period"] as? String == "2014年年中")
    }

    @Test("not recorded: no such line, and no `period` in the JSON")
    func notRecorded() throws {
        let dir = try Self.opened([]); defer { try? FileManager.default.removeItem(at: dir) }
        let zh = SampleSession.run(["session", "status", dir.path]).out
        #expect(!zh.contains("考核期"))
        // The first line, then the blank line before the table.
        #expect(zh.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropFirst().first == "")
        #expect(!SampleSession.run(["session", "status", dir.path, "--lang", "en"]).out.contains("Period"))
        let object = try Self.json(dir)
        #expect(object["period"] == nil)
        #expect(object["phase"] as? String == "open")
    }
}
