import Foundation

/// The SHA-256 of a run's input files for the manifest, begun when the run starts on a thread
/// that runs only when a core would otherwise be idle (Linux's `SCHED_IDLE`).
///
/// Why: hashed at the end, the inputs (close to a gigabyte at a million units, about half a
/// processor-second) were hashed while the summary was formatted and written, work that
/// already fills both cores of the machines committees use. A run leaves a core idle at times
/// (ranking runs on one core); the idle thread hashes then, and never takes a core from the
/// run's own threads. When the folder is written, ``InputsAlongside`` stops it (`takeOver`)
/// and goes on from the last megabyte it finished, without waiting for it to finish (on a
/// machine busy with other programs an idle thread may not run for a long time), alongside
/// the summary's own hashing. The only wait is for the lock around the thread's progress, held
/// for a few instructions at a time.
///
/// The entries are the digests of the whole files as they are when the folder is written: a
/// file changed since the idle thread looked at it (another inode, size or time of change) is
/// hashed again from its start. Each file's identity is also taken when the run begins
/// (`identityAtStart`): a file whose digest ends on another identity changed while the run
/// read it, and the folder is not written (``InputsAlongside``, `OutputError.inputChanged`).
/// The files a rules file `extends`, known only once it is read, are pinned as the rules
/// loader comes to them (``pin(_:)``), before each is read.
public final class InputDigests: Sendable {
    private struct State: Sendable {
        /// The files the idle thread has hashed to their end (their digests not finished: see `partial`).
        var finished: Set<String> = []
        /// How far the idle thread is in a file it has begun, or has hashed whole.
        var partial: [String: Manifest.PartialDigest] = [:]
        var stopped = false
        /// Of the entries asked for, how many bytes each took from the idle thread, and how many it has.
        var reused: [String: Int] = [:]
        var sizes: [String: Int] = [:]
        /// Each file as it was when the run began, or (one pinned later) before it was read.
        var atStart: [String: Manifest.FileIdentity] = [:]
    }
    private let paths: Set<String>
    private let state: Locked<State>

    /// Starts hashing `paths` (absolute, or relative to the current folder), one after another.
    public convenience init(paths: [String]) {
        self.init(paths: paths, stopAfter: nil)
    }

    /// For the tests: with `stopAfter`, the thread stops by itself once it has hashed that many
    /// bytes of a file, as if the writer had come then; `idle: false` keeps it at the usual
    /// priority, so that it runs while the other tests keep both cores busy.
    init(paths: [String], stopAfter: Int?, idle: Bool = true) {
        self.paths = Set(paths)
        let atStart = Dictionary(self.paths.compactMap { path in Manifest.FileIdentity(path: path).map { (path, $0) } },
                                 uniquingKeysWith: { first, _ in first })
        state = Locked(State(atStart: atStart))
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
                guard digest != nil else {
                    // Stopped, or the file cannot be read: the writer reads it, and names it if it fails.
                    if state.withLock({ $0.stopped }) { return }
                    continue
                }
                state.withLock { _ = $0.finished.insert(path) }
            }
        }
        thread.name = "kaimen input hashes"
        thread.start()
    }

    /// A run that ends without writing its folder stops the thread too.
    deinit {
        state.withLock { $0.stopped = true }
    }

    /// How far the idle thread got with the file at `path`, for ``InputsAlongside`` to go on
    /// from: the whole file hashed but not finished, a part of it, or nothing when the file is
    /// not the one the thread hashed (another inode, size or time of change: it is hashed again
    /// from its start) or is not one of those given. Stops the idle thread.
    func takeOver(_ path: String) -> Manifest.PartialDigest {
        let now = Manifest.FileIdentity(path: path)
        return state.withLock { s in
            s.stopped = true
            guard paths.contains(path) else { return Manifest.PartialDigest() }
            let partial = s.partial[path].flatMap { $0.file == now ? $0 : nil } ?? Manifest.PartialDigest()
            s.reused[path] = partial.bytes
            s.sizes[path] = now.map { Int($0.size) } ?? 0
            return partial
        }
    }

    /// The file at `path` as it was when the run began (or when it was pinned); `nil` when it
    /// is none of those, or could not be looked at then.
    func identityAtStart(_ path: String) -> Manifest.FileIdentity? { state.withLock { $0.atStart[path] } }

    /// Takes the identity of the file at `path` (absolute, or relative to the current folder)
    /// now, unless it has one already: called just before a file the run learns of as it goes
    /// (a rules file's base) is read, so that its digest too must end on the file the run read.
    public func pin(_ path: String) {
        guard let now = Manifest.FileIdentity(path: path) else { return }
        state.withLock { s in
            if s.atStart[path] == nil { s.atStart[path] = now }
        }
    }

    /// For `--timings`: of the bytes of the entries asked for, how many the idle thread had
    /// hashed before the folder was written.
    public var hashedAhead: (bytes: Int, of: Int) {
        state.withLock { s in (s.reused.values.reduce(0, +), s.sizes.values.reduce(0, +)) }
    }

    /// For the tests: how many bytes of `path` the entry took from the idle thread's work.
    func reusedBytes(_ path: String) -> Int? { state.withLock { $0.reused[path] } }

    /// For the tests: whether the thread has stopped, and whether it has hashed `path` whole.
    var stopped: Bool { state.withLock { $0.stopped } }
    func hasFinished(_ path: String) -> Bool { state.withLock { $0.finished.contains(path) } }

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
