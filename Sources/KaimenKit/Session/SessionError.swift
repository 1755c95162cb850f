import Foundation

/// Why a session command could not go on: its messages are in ``SessionMessages``.
public enum SessionError: Error, Sendable, Equatable {
    /// An operating-system call failed on a file of the session.
    case io(String, String, code: Int32 = errno)
    /// The folder holds no `journal.jsonl`.
    case notASession(FolderName)
    /// A file (or a link to one) is where the session folder goes: `creating` for `init`, which
    /// makes the folder.
    case notAFolder(FolderName, creating: Bool)
    /// `session init` into a folder that already holds a session.
    case alreadyExists(FolderName)
    /// `session init` waited for another `init` of the same folder, which made the session.
    case createdMeanwhile(FolderName)
    /// Problems in the data; each located.
    case problems([Diagnostic])

    /// What writing in `folder` failed with, as a session error with the system's cause: a
    /// session error as it is; an output file's or folder's (`AtomicWriter`, `FileSystem`) with
    /// its `errno`, named as the folder is.
    static func from(_ error: any Error, writing folder: FolderName) -> SessionError {
        if let e = error as? SessionError { return e }
        if case .io(let operation, let file, let cause) = error as? OutputError {
            return .io(operation == .flush ? "fsync" : operation == .create || operation == .createFolder ? "create" : "write", folder.naming(file), code: cause.code)
        }
        return .io("write", folder.shown, code: EIO)
    }

    /// `close` could not write its results (`results`, in the session folder): `output-failed`,
    /// naming them, and every path the writer's error names, as the folder is typed (since
    /// 0.29.5: `results` alone, then the writer's absolute path, `/home/…/会议/results/…`).
    static func resultsNotWritten(_ error: any Error, results: String, in folder: FolderName) -> SessionError {
        let reason = (error as? OutputError)?.naming(folder.naming).text ?? Localized(zh: "\(error)", en: "\(error)")
        return .problems([.error("output-failed", SessionMessages.io("write", path: folder.naming(PathText.join(folder.path, results)), reason: reason))])
    }

    public var diagnostics: [Diagnostic] {
        switch self {
        case .problems(let d): return d
        case .io(let op, let path, let code):
            return [.error("session-io", SessionMessages.io(op, path: path, reason: SystemError(code).text), hint: SessionMessages.ioHint(code))]
        case .notASession(let folder):
            let path = folder.path
            if SessionFolder.leftByInterruptedInit(path) {
                return [.error("not-a-session", SessionMessages.notOpenedNoJournal(folder.shown), hint: SessionMessages.rerunInitHint(folder.shown))]
            }
            // A session's folder (its results, its inputs) whose journal is gone: not a folder
            // to look for near by (`是不是 …/m_bom？` was said of one).
            if let marks = SessionFolder.sessionWithoutJournal(path) {
                return SessionFolder.journalLost(folder, bytes: nil, found: marks).diagnostics
            }
            // A folder that is not there is said so, not sent to `init` (a secretary in the
            // wrong folder was invited to open a second session).
            if !FileManager.default.fileExists(atPath: path) {
                return [.error("not-a-session", SessionMessages.noSuchFolder(folder.shown), hint: SessionFolder.nearestSession(to: folder) ?? SessionMessages.noSuchFolderHint)]
            }
            return [.error("not-a-session", SessionMessages.notASession(folder.shown), hint: SessionFolder.nearestSession(to: folder) ?? SessionMessages.notASessionHint)]
        case .notAFolder(let folder, let creating):
            // Which folder to give: the session the file is in (`2014-mid/journal.jsonl`), else
            // for `init` a new one, else the one that holds the journal.
            let session = SessionFolder.sessionHolding(folder.path).map { folder.naming($0) }
            return [.error("session-folder-is-file", SessionMessages.folderIsFile(folder.shown),
                           hint: session.map(SessionMessages.folderIsFileInSessionHint) ?? (creating ? SessionMessages.folderIsFileInitHint : SessionMessages.folderIsFileHint))]
        case .createdMeanwhile(let folder):
            return [.error("session-exists", SessionMessages.sessionMadeMeanwhile(folder.shown), hint: SessionMessages.sessionMadeMeanwhileHint(SessionMessages.shellWord(Echo.shown(folder.shown))))]
        case .alreadyExists(let folder):
            return [.error("session-exists", SessionMessages.sessionExists(folder.shown), hint: SessionMessages.sessionExistsHint(SessionMessages.shellWord(Echo.shown(folder.shown))))]
        }
    }
}
