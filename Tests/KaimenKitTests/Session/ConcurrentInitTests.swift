import Foundation
import Synchronization
import Testing
@testable import KaimenKit

/// Two `session init` of one new folder at once, in two real processes: exactly one opens the
/// session, the other says that it was made meanwhile, and the session is whole.
@Suite("Concurrent session init", .serialized)
struct ConcurrentInitTests {
    static func initArgs(_ dir: String, by: String) -> [String] {
        ["session", "init", dir, "--rules", "rules/xicheng-2014.jsonc", "--units", "samples/xicheng-2014/units.csv",
         "--roster", "samples/xicheng-2014/roster.csv", "--schedule", "samples/xicheng-2014/schedule.csv", "--by", by]
    }

    /// Starts `kaimen` with `args`; its output and errors go to files read once it ends.
    static func start(_ args: [String], out: URL, err: URL) throws -> Process {
        let p = Process()
        p.executableURL = try JournalDurabilityTests.executable()
        p.arguments = args
        p.currentDirectoryURL = Fixtures.packageRoot
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        try p.run()
        return p
    }

    @Test("two inits into one new folder at once: one opens it, the other says so, the session verifies", arguments: 0..<10)
    func twoInits(_ run: Int) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-ci-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        let dir = base.appendingPathComponent("ci")
        let names = ["王秘书", "李秘书"]
        let procs = try names.enumerated().map { i, by in
            try Self.start(Self.initArgs(dir.path, by: by), out: base.appendingPathComponent("out\(i)"), err: base.appendingPathComponent("err\(i)"))
        }
        for p in procs { p.waitUntilExit() }
        let codes = procs.map(\.terminationStatus)
        let errs = try (0..<2).map { try String(contentsOf: base.appendingPathComponent("err\($0)"), encoding: .utf8) }
        #expect(codes.sorted() == [0, 1], "\(codes) \(errs)")
        guard let loser = codes.firstIndex(of: 1), let winner = codes.firstIndex(of: 0) else { return }
        // The one that lost the race says the session is there (made meanwhile, or already there
        // when it started after the other had finished), never that nothing was made by either.
        #expect(errs[loser].contains("session-exists") || errs[loser].contains("已经建好") || errs[loser].contains("已有会话日志"), "\(errs[loser])")
        let records = try String(contentsOf: dir.appendingPathComponent("journal.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(records.count == 1)
        let open = try JournalRecord.parse(String(records[0])).get()
        #expect(open.kind == .open && open.by == names[winner])
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("inputs/rules/xicheng-2014.jsonc").path))
        #expect(try Verifier.verify(dir).ok)
    }

    @Test("an init that waited for another init of the folder says the session was made meanwhile")
    func madeMeanwhile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-ci-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Another command holds the folder's lock (an `init` copying its inputs) while this one starts.
        let fd = open(dir.appendingPathComponent("journal.lock").path, O_RDWR | O_CREAT, 0o644)
        try #require(fd >= 0 && flock(fd, LOCK_EX) == 0)
        nonisolated(unsafe) var result: (code: ExitCode, out: String, err: String)?
        let thread = Thread { result = SampleSession.run(Self.initArgs(dir.path, by: "李秘书")) }
        thread.start()
        usleep(300_000)
        // The other `init` finishes: its session is there when the lock is let go.
        let other = dir.appendingPathComponent("other")
        #expect(SampleSession.run(Self.initArgs(other.path, by: "王秘书")).code == .success)
        for name in try FileManager.default.contentsOfDirectory(atPath: other.path) where name != "journal.lock" {
            try FileManager.default.moveItem(at: other.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        try FileManager.default.removeItem(at: other)
        flock(fd, LOCK_UN); close(fd)
        while result == nil { usleep(20_000) }
        #expect(result?.code == .failure)
        #expect(result?.err.contains("另一个 `kaimen session init` 同时") == true, "\(result?.err ?? "")")
        #expect(try Verifier.verify(dir).ok)
        #expect(try SessionFolder.open(dir, writable: false).journal.records.first?.by == "王秘书")
    }

    /// A review: an init of a long-closed session, while a `status` held the lock, was told
    /// another init had made the session meanwhile.
    @Test("an init that waited for another command on a session already there says the session exists")
    func existedBefore() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-ci-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(SampleSession.run(Self.initArgs(dir.path, by: "王秘书")).code == .success)
        // A reader (`status`, `verify`) holds the lock while this `init` starts.
        let fd = open(dir.appendingPathComponent("journal.lock").path, O_RDWR)
        try #require(fd >= 0 && flock(fd, LOCK_SH) == 0)
        let done = Done()
        let thread = Thread { done.set(SampleSession.run(Self.initArgs(dir.path, by: "李秘书"))) }
        thread.start()
        usleep(300_000)
        flock(fd, LOCK_UN); close(fd)
        let result = done.wait()
        #expect(result.code == .failure)
        #expect(result.err.contains("已有会话日志，不能再次建立") && !result.err.contains("同时"), "\(result.err)")
    }
}

/// A result handed from the thread that ran a command to the test that waits for it.
final class Done: Sendable {
    private let value = Mutex<(code: ExitCode, out: String, err: String)?>(nil)
    private let ready = DispatchSemaphore(value: 0)
    func set(_ v: (code: ExitCode, out: String, err: String)) {
        value.withLock { $0 = v }
        ready.signal()
    }
    func wait() -> (code: ExitCode, out: String, err: String) {
        ready.wait()
        return value.withLock { $0! }
    }
}
