import Foundation

/// Why a session command could not go on: its messages are in ``SessionMessages``.
public enum SessionError: Error, Sendable, Equatable {
    /// An operating-system call failed on a file of the session.
    case io(String, String, code: Int32 = errno)
    /// The folder holds no `journal.jsonl`.
    case notASession(String)
    /// `session init` into a folder that already holds a session.
    case alreadyExists(String)
    /// `session init` waited for another `init` of the same folder, which made the session.
    case createdMeanwhile(String)
    /// Problems in the data; each located.
    case problems([Diagnostic])

    /// What writing `path` failed with, as a session error with the system's cause: a session
    /// error as it is; an output file's or folder's (`AtomicWriter`, `FileSystem`) with its
    /// `errno`.
    static func from(_ error: any Error, writing path: String) -> SessionError {
        if let e = error as? SessionError { return e }
        if case .io(let operation, let file, let cause) = error as? OutputError {
            return .io(operation == .flush ? "fsync" : operation == .create || operation == .createFolder ? "create" : "write", file, code: cause.code)
        }
        return .io("write", path, code: EIO)
    }

    public var diagnostics: [Diagnostic] {
        switch self {
        case .problems(let d): return d
        case .io(let op, let path, let code):
            return [.error("session-io", SessionMessages.io(op, path: path, reason: SystemError(code).text), hint: SessionMessages.ioHint(code))]
        case .notASession(let path):
            if SessionFolder.leftByInterruptedInit(path) {
                return [.error("not-a-session", SessionMessages.notOpenedNoJournal(path), hint: SessionMessages.rerunInitHint(path))]
            }
            // A session's folder (its results, its inputs) whose journal is gone: not a folder
            // to look for near by (`是不是 …/m_bom？` was said of one).
            if let marks = SessionFolder.sessionWithoutJournal(path) {
                return SessionFolder.journalLost(URL(fileURLWithPath: path), bytes: nil, found: marks).diagnostics
            }
            // A folder that is not there is said so, not sent to `init` (a secretary in the
            // wrong folder was invited to open a second session).
            if !FileManager.default.fileExists(atPath: path) {
                return [.error("not-a-session", SessionMessages.noSuchFolder(path), hint: SessionFolder.nearestSession(to: path) ?? SessionMessages.noSuchFolderHint)]
            }
            return [.error("not-a-session", SessionMessages.notASession(path), hint: SessionFolder.nearestSession(to: path) ?? SessionMessages.notASessionHint)]
        case .createdMeanwhile(let folder):
            return [.error("session-exists", SessionMessages.sessionMadeMeanwhile(folder), hint: SessionMessages.sessionMadeMeanwhileHint(SessionMessages.shellWord(Echo.shown(folder))))]
        case .alreadyExists(let path):
            // The folder as the user named it: the journal's folder (the error may name the journal).
            let folder = path.hasSuffix("/" + Journal.fileName) ? String(path.dropLast(Journal.fileName.count + 1)) : path
            return [.error("session-exists", SessionMessages.sessionExists(folder), hint: SessionMessages.sessionExistsHint(SessionMessages.shellWord(Echo.shown(folder))))]
        }
    }
}
