import Foundation
import Testing
@testable import KaimenKit

#if os(Linux)
/// The guard of mapped files (`MappedFile`, `Sources/SignalGuard`, Linux only) in the
/// executable, which installs it first: it takes only faults in the pages of a guarded mapping.
/// Any other SIGBUS ends the process as it did before the guard.
@Suite("The mapped files' guard in a real process", .serialized)
struct SignalGuardProcessTests {
    /// Whether process `pid` has a handler for SIGBUS: Linux's `/proc/PID/status`, whose `SigCgt`
    /// is a bit per signal caught (signal n at bit n - 1), in hexadecimal.
    static func catchesSIGBUS(_ pid: Int32) -> Bool {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
              let mask = UInt64(line.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces), radix: 16) else { return false }
        return mask & (1 << UInt64(SIGBUS - 1)) != 0
    }

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
        // Its handler is in place once the system says the process catches SIGBUS (Swift's own
        // crash handler is off: SWIFT_BACKTRACE=enable=no), which it does from its first lines.
        var waited = 0
        while !Self.catchesSIGBUS(child.processIdentifier) && child.isRunning && waited < 200 {
            Thread.sleep(forTimeInterval: 0.05)
            waited += 1
        }
        #expect(Self.catchesSIGBUS(child.processIdentifier))
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
#endif
