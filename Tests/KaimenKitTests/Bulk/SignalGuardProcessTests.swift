import Foundation
import Testing
@testable import KaimenKit

/// The guard of mapped files (`MappedFile`, `Sources/SignalGuard`) in the executable, which
/// installs it first: it takes only faults in the pages of a guarded mapping. Any other SIGBUS
/// ends the process as it did before the guard.
@Suite("The mapped files' guard in a real process", .serialized)
struct SignalGuardProcessTests {
    @Test("a SIGBUS sent to kaimen, not a guarded mapping's fault, still ends the process by that signal")
    func foreignSignal() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let out = s.url.appendingPathComponent("out")
        // The child scores the sample, then waits for the output folder's lock, held here: it is
        // alive, past its start (where the guard is installed), when the signal comes.
        let lock = try OutputLock(for: out.path, timeout: 5)
        let child = try KaimenProcess.start(
            ["score", "--rules", "rules/xicheng-2014.jsonc", "--units", "samples/xicheng-2014/units.csv",
             "--roster", "samples/xicheng-2014/roster.csv", "--ballots", "samples/xicheng-2014/ballots.csv",
             "--format", "none", "--quiet", "--out", out.path],
            environment: [OutputOptions.lockWaitVariable: "60", "SWIFT_BACKTRACE": "enable=no"])
        Thread.sleep(forTimeInterval: 1)
        #expect(child.isRunning)
        kill(child.processIdentifier, SIGBUS)
        // Had the guard kept the signal, the child would still be waiting: given the lock, it
        // would write the folder and succeed.
        Thread.sleep(forTimeInterval: 0.5)
        lock.release()
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)
        #expect(child.terminationStatus == SIGBUS)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
