import Foundation

/// The SHA-256 of a run's input files for the manifest, begun when the run starts on a thread
/// that runs only when a core would otherwise be idle (Linux's `SCHED_IDLE`).
///
/// Why: hashed at the end, the inputs (close to a gigabyte at a million units, about half a
/// processor-second) were hashed while the summary was formatted and written, work that
/// already fills both cores of the machines committees use. A run leaves a core idle at times
/// (ranking runs on one core); the idle thread hashes then, and never takes a core from the
/// run's own threads. When the folder is written, `entry(forPath:shownAs:)` stops it without
/// waiting for it (on a machine busy with other programs an idle thread may not run at all)
/// and goes on from the last megabyte it finished. The entries are the same either way.
public final class InputDigests: Sendable {
    private struct State: Sendable {
        var finished: [String: (bytes: Int, sha256: String)] = [:]
        /// How far the idle thread is in a file it has begun.
        var partial: [String: Manifest.PartialDigest] = [:]
        var stopped = false
    }
    private let paths: Set<String>
    private let state = Locked(State())

    /// Starts hashing `paths` (absolute, or relative to the current folder), one after another.
    public init(paths: [String]) {
        self.paths = Set(paths)
        let (ordered, state) = (self.paths.sorted(), state)
        let thread = Thread {
            Self.yieldToEveryOtherThread()
            for path in ordered {
                let digest = try? Manifest.digest(ofFile: path) { partial in
                    state.withLock { s in
                        if s.stopped { return false }
                        s.partial[path] = partial
                        return true
                    }
                }
                guard let digest else {
                    // Stopped, or the file cannot be read: the writer reads it, and names it if it fails.
                    if state.withLock({ $0.stopped }) { return }
                    continue
                }
                state.withLock { $0.finished[path] = digest }
            }
        }
        thread.name = "kaimen input hashes"
        thread.start()
    }

    /// The manifest entry of the file at `path`, `nil` when it is not one of those given. Stops
    /// the idle thread and hashes on this thread whatever it had not finished.
    func entry(forPath path: String, shownAs shown: String) throws -> Manifest.Entry? {
        guard paths.contains(path) else { return nil }
        let (finished, partial) = state.withLock { s in
            s.stopped = true
            return (s.finished[path], s.partial[path])
        }
        guard let digest = try finished ?? Manifest.digest(ofFile: path, from: partial ?? Manifest.PartialDigest(), progress: { _ in true }) else {
            preconditionFailure("a digest told never to stop stopped")
        }
        return Manifest.Entry(path: shown, bytes: digest.bytes, sha256: digest.sha256)
    }

    /// Puts the calling thread in the idle scheduling class, where it runs only on a core no
    /// other thread wants. Elsewhere than Linux it keeps its priority.
    private static func yieldToEveryOtherThread() {
        #if os(Linux)
        // SCHED_IDLE from <sched.h>, which Swift's Glibc module does not export. Any thread may
        // put itself there; it is never refused for want of privilege.
        let schedIdle: Int32 = 5
        var parameters = sched_param()
        _ = pthread_setschedparam(pthread_self(), schedIdle, &parameters)
        #endif
    }
}
