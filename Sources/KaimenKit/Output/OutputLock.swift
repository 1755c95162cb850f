#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on one output folder, so two processes writing the same folder never
/// interleave: the second waits (a bounded time) for the first to finish.
///
/// The lock is `flock` on a hidden file beside the folder, `.<name>.kaimen-lock`, which the
/// holder removes when it is done. A process killed while holding it leaves the file behind,
/// but not the lock: the system releases `flock` locks with the process, and the next run takes
/// the file over. Because a file can be removed between another process's `open` and its
/// `flock`, a holder checks after locking that the path still names the file it locked.
struct OutputLock {
    let path: String
    private let fd: Int32

    /// `.<name>.kaimen-lock` beside `dir`.
    static func path(for dir: String) -> String {
        var stem = Substring(FileSystem.name(of: dir))
        while stem.utf8.count > 200 { stem = stem.dropLast() }
        return FileSystem.parent(of: dir) + "/.\(stem).kaimen-lock"
    }

    /// Takes the lock of `dir`, trying every 20 ms for up to `timeout` seconds.
    init(for dir: String, timeout: Double) throws {
        let path = Self.path(for: dir)
        let deadline = MonotonicClock.seconds() + max(0, timeout)
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw OutputError.io(operation: .lock, path: path, cause: .last) }
            if flock(fd, LOCK_EX | LOCK_NB) == 0 {
                // Still the file at `path`? (The previous holder may have removed it meanwhile.)
                // (One way of saying "same file", as `InitLock` says it.)
                if let held = FileSystem.identity(of: fd), held == FileSystem.identity(path) {
                    self.path = path
                    self.fd = fd
                    return
                }
                close(fd)
                continue
            }
            let cause = SystemError.last
            close(fd)
            guard cause.code == EWOULDBLOCK || cause.code == EINTR else {
                throw OutputError.io(operation: .lock, path: path, cause: cause)
            }
            if MonotonicClock.seconds() >= deadline {
                throw OutputError.locked(path: dir, seconds: Int(timeout.rounded(.up)))
            }
            usleep(20_000)
        }
    }

    /// Removes the lock file, then releases the lock (in that order, so no one locks a file
    /// that is about to disappear without noticing).
    func release() {
        unlink(path)
        close(fd)
    }
}
