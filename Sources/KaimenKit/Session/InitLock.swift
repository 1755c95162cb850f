import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The lock `session init` takes on its folder before it looks inside: the folder's
/// `journal.lock`, the one every other session command takes.
///
/// Two `init`s of one new folder started together each found no journal, each took the other's
/// copies for what an interrupted `init` leaves and cleared them, and both said that no session
/// was made while the journal held an `open` record and `inputs/rules` was gone. Under this lock
/// one `init` looks, copies and writes the opening record; the other waits, then finds the
/// session there (`SessionError.createdMeanwhile`).
///
/// The lock file itself is a `LockFile`, handed to the journal `init` makes and kept here too,
/// so that it is let go of once both are done: after `undo` has removed what a failed `init` made.
struct InitLock {
    /// The lock file, open and locked (exclusively).
    let file: LockFile
    /// Whether this `init` made the folder (it is removed again if the `init` fails).
    let createdFolder: Bool
    /// Whether this `init` made the lock file (it is removed again if the `init` refuses a
    /// folder it did not make, so that a refusal leaves nothing behind).
    let createdLock: Bool
    /// Whether another command held the lock when this `init` asked for it.
    let waited: Bool
    /// Whether the folder held a journal before this `init` waited for the lock: if so, the
    /// session there was not made meanwhile, whoever held the lock (a `status` holds it too).
    let journalBefore: Bool
    /// Set when this `init` begins copying into the folder.
    var writing = false
    let directory: URL

    var lockPath: String { directory.appendingPathComponent("journal.lock").path }

    /// Makes the folder (and the folders it is in) if missing, and takes its lock, waiting for
    /// another command as long as every command does (`KAIMEN_LOCK_WAIT`).
    /// - Parameter folder: the folder, named in messages as typed.
    static func take(_ folder: FolderName) throws(SessionError) -> InitLock {
        let directory = folder.url
        let path = directory.path, lockPath = directory.appendingPathComponent("journal.lock").path
        // Again when the lock taken was on a file no longer in the folder: the `init` that held it
        // failed and removed the folder it had made.
        var createdFolder = false, waited = false
        for _ in 0..<8 {
            // Only when missing: a folder above reached through a link is there already.
            let parent = FileSystem.parent(of: path)
            if FileSystem.kind(parent) == .missing {
                do { _ = try FileSystem.makeFolders(parent) } catch { throw SessionError.from(error, writing: folder) }
            }
            if mkdir(path, 0o755) == 0 {
                createdFolder = true
            } else if errno != EEXIST {
                throw .io("create", folder.shown)
            } else if SessionFolder.isFile(path) {
                throw .notAFolder(folder, creating: true)
            } else if FileSystem.kind(path) != .folder {
                throw .io("create", folder.shown, code: ENOTDIR)
            }
            var createdLock = true
            var fd = open(lockPath, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd < 0 && errno == EEXIST {
                createdLock = false
                fd = open(lockPath, O_RDWR | O_CLOEXEC)
            }
            guard fd >= 0 else {
                let cause = errno
                if createdFolder { rmdir(path) }
                throw .io("open", folder.naming(lockPath), code: cause)
            }
            // Closed when it goes: on a failure to lock, or when it is not the folder's lock file.
            let file = LockFile(adopting: fd)
            let journalBefore = FileManager.default.fileExists(atPath: directory.appendingPathComponent(Journal.fileName).path)
            waited = try Journal.lock(file.fd, shared: false, path: lockPath, folder: folder, timeout: OutputOptions.lockWait, waiting: nil) || waited
            if let held = FileSystem.identity(of: file.fd), held == FileSystem.identity(lockPath) {
                return InitLock(file: file, createdFolder: createdFolder, createdLock: createdLock, waited: waited, journalBefore: journalBefore,
                                directory: directory)
            }
        }
        throw .io("lock", folder.naming(lockPath), code: EAGAIN)
    }

    /// Removes what this `init` made, after a refusal or a failure: the folder, or in a folder
    /// it did not make the lock file. The lock is still held meanwhile (`file`, kept by this
    /// until it goes, whether or not the journal had it too), so a waiting `init` finds the folder
    /// as it was or gone; one that locked a lock file removed here looks again (`take`).
    ///
    /// The folder is removed whole only once this `init` began writing into it (`writing`):
    /// before, what is there may be another `init`'s session, made while this one waited.
    func undo() {
        if createdFolder && writing {
            try? FileManager.default.removeItem(at: directory)
        } else {
            if createdLock { unlink(lockPath) }
            if createdFolder { rmdir(directory.path) }  // only when empty
        }
    }
}
