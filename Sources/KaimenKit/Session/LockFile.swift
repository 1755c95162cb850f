#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A session folder's `journal.lock`, open: the one owner of its descriptor, which lets go of
/// the lock and closes the file when the last holder lets go of it (`deinit`), never by hand.
///
/// `init` takes it (`InitLock`) before it looks in the folder and hands it to the journal it
/// makes, and both hold it: a failed `init` removes what it made while the lock is still held,
/// whether or not the journal had it already; every other command's journal holds its own.
/// Nothing in it changes, so it is `Sendable` as it is.
final class LockFile: Sendable {
    /// The open file, locked (or being locked) with `flock`.
    let fd: Int32

    /// Owns `fd`, an open descriptor of the lock file (`open` succeeded).
    init(adopting fd: Int32) {
        self.fd = fd
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
