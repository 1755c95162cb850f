import Foundation

/// The SHA-256 of a run's input files for the manifest, begun when the run starts on a thread
/// that runs only when a core would otherwise be idle (Linux's `SCHED_IDLE`).
///
/// Why: hashed at the end, the inputs (close to a gigabyte at a million units, about half a
/// processor-second) were hashed while the summary was formatted and written, work that
/// already fills both cores of the machines committees use. A run leaves a core idle at times
/// (ranking runs on one core); the idle thread hashes then, and never takes a core from the
/// run's own threads. When the folder is written, `entry(forPath:shownAs:)` stops it and goes
/// on from the last megabyte it finished, without waiting for it to finish (on a machine busy
/// with other programs an idle thread may not run for a long time). The only wait is for the
/// lock around the thread's progress, held for a few instructions at a time.
///
/// The entries are the digests of the whole files as they are when the folder is written: a
/// file changed since the idle thread looked at it (another inode, size or time of change) is
/// hashed again from its start.
public final class InputDigests: Sendable {
    private struct State: Sendable {
        var finished: [String: (bytes: Int, sha256: String, file: Manifest.FileIdentity)] = [:]
        /// How far the idle thread is in a file it has begun.
        var partial: [String: Manifest.PartialDigest] = [:]
        var stopped = false
        /// For the tests: of the entries asked for, how many bytes each took from the idle thread.
        var reused: [String: Int] = [:]
    }
    private let paths: Set<String>
    private let state = Locked(State())

    /// Starts hashing `paths` (absolute, or relative to the current folder), one after another.
    public convenience init(paths: [String]) {
        self.init(paths: paths, stopAfter: nil)
    }

    /// For the tests: with `stopAfter`, the thread stops by itself once it has hashed that many
    /// bytes of a file, as if the writer had come then; `idle: false` keeps it at the usual
    /// priority, so that it runs while the other tests keep both cores busy.
    init(paths: [String], stopAfter: Int?, idle: Bool = true) {
        self.paths = Set(paths)
        let (ordered, state) = (self.paths.sorted(), state)
        let thread = Thread {
            if idle { Self.yieldToEveryOtherThread() }
            for path in ordered {
                let digest = try? Manifest.digest(ofFile: path) { partial in
                    state.withLock { s in
                        if s.stopped { return false }
                        s.partial[path] = partial
                        if let stopAfter, partial.bytes >= stopAfter { s.stopped = true }
                        return !s.stopped
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

    /// A run that ends without writing its folder stops the thread too.
    deinit {
        state.withLock { $0.stopped = true }
    }

    /// The manifest entry of the file at `path`, `nil` when it is not one of those given. Stops
    /// the idle thread and hashes on this thread whatever it had not finished.
    func entry(forPath path: String, shownAs shown: String) throws -> Manifest.Entry? {
        guard paths.contains(path) else { return nil }
        let (finished, partial) = state.withLock { s in
            s.stopped = true
            return (s.finished[path], s.partial[path])
        }
        let now = Manifest.FileIdentity(path: path)
        if let finished, finished.file == now {
            state.withLock { $0.reused[path] = finished.bytes }
            return Manifest.Entry(path: shown, bytes: finished.bytes, sha256: finished.sha256)
        }
        // `digest` itself starts again from the beginning if the file is not the one `start` hashed.
        let start = partial ?? Manifest.PartialDigest()
        let digest = try Manifest.wholeDigest(ofFile: path, from: start)
        state.withLock { $0.reused[path] = start.file == now ? start.bytes : 0 }
        return Manifest.Entry(path: shown, bytes: digest.bytes, sha256: digest.sha256)
    }

    /// For the tests: how many bytes of `path` the entry took from the idle thread's work.
    func reusedBytes(_ path: String) -> Int? { state.withLock { $0.reused[path] } }

    /// For the tests: whether the thread has stopped, and whether it has hashed `path` whole.
    var stopped: Bool { state.withLock { $0.stopped } }
    func hasFinished(_ path: String) -> Bool { state.withLock { $0.finished[path] != nil } }

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
