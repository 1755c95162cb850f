import Foundation
import Testing
@testable import KaimenKit

/// The folder's lock taken by `init`: one owner of the descriptor (`LockFile`) that lets go of
/// it in `deinit`, handed to the journal `init` makes and held until both are done.
@Suite("The init lock: held by the journal it is handed to, let go of when the last holder goes", .serialized)
struct InitLockTests {
    static let paths = SessionSetup.Paths(rules: "rules/xicheng-2014.jsonc", units: "samples/xicheng-2014/units.csv",
                                          roster: "samples/xicheng-2014/roster.csv", schedule: "samples/xicheng-2014/schedule.csv")

    /// Whether another open file of `journal.lock` can take it exclusively now.
    static func free(_ dir: URL) -> Bool {
        let fd = open(dir.appendingPathComponent("journal.lock").path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return true }
        defer { close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return false }
        flock(fd, LOCK_UN)
        return true
    }

    static func folder() -> URL { FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-initlock-\(UUID().uuidString)") }

    @Test("a lock file lets go of its lock when the last holder goes, never before")
    func lockFileLetsGo() throws {
        let dir = Self.folder()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fd = open(dir.appendingPathComponent("journal.lock").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        try #require(fd >= 0 && flock(fd, LOCK_EX) == 0)
        var first: LockFile? = LockFile(adopting: fd)
        var second = first
        #expect(!Self.free(dir))
        first = nil
        #expect(!Self.free(dir), "one holder is left")
        withExtendedLifetime(second) {}
        second = nil
        #expect(Self.free(dir))
    }

    @Test("init hands its lock to the journal: held while the session it made is open, let go of after")
    func handedToJournal() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var folder: SessionFolder? = try SessionFolder.create(dir, from: Self.paths, base: Fixtures.packageRoot.path, doubleEntry: true, by: "王秘书")
        #expect(!Self.free(dir))
        // The journal the lock went to still appends under it.
        let record = try folder?.journal.append(.void, by: "王秘书", content: .object(["representative": .string("R20"), "unit": .string("X07"), "reason": .string("污损")]))
        #expect(record?.seq == 2)
        folder = nil
        #expect(Self.free(dir))
        #expect(try Verifier.verify(dir).ok)
    }

    @Test("an init refused in a folder it did not make lets go of the lock and removes the lock file it made")
    func refusedLetsGo() throws {
        let dir = Self.folder()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("mine".utf8).write(to: dir.appendingPathComponent("notes.txt"))
        #expect(throws: SessionError.self) {
            _ = try SessionFolder.create(dir, from: Self.paths, base: Fixtures.packageRoot.path, doubleEntry: true, by: "王秘书")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["notes.txt"])
        // A lock file there before: kept, and free.
        try Data().write(to: dir.appendingPathComponent("journal.lock"))
        #expect(throws: SessionError.self) {
            _ = try SessionFolder.create(dir, from: Self.paths, base: Fixtures.packageRoot.path, doubleEntry: true, by: "王秘书")
        }
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir.path)) == ["notes.txt", "journal.lock"])
        #expect(Self.free(dir))
    }
}
