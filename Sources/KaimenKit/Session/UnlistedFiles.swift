import Foundation

/// Files in the session folder, outside `results/`, that the session does not account for: a
/// file planted in `inputs/` or left at the folder's root passed `verify` in silence, where one
/// added to `results/` was an error (an outside audit). `results/` is `resultFiles`'s.
///
/// What may be there (docs/session.md, "The folder"):
/// - `journal.jsonl` and `journal.lock`;
/// - the torn tails set aside, `journal.torn-<seq>-<unix time>.txt` (kaimen's name, directly in
///   the folder: the copy is made before the `recovered` record, so it may be there without one);
/// - the input copies the `open` record lists (the rules file and those it extends, units,
///   roster, schedule);
/// - what an interrupted first `close` stages beside `results` (`.results.kaimen-…`, said as a
///   leftover by `resultFiles`);
/// - a file whose bytes are those of a typed file an `entry` record holds (its `sha256`): the
///   typists' files may be kept in the folder, and the journal vouches for them;
/// - an office program's lock file beside one of these (`OfficeLock`), said as a note.
///
/// Anything else is an error, as an unsealed file in `results/` is.
extension Verifier {
    static func unlistedFiles(_ journal: Journal) -> (files: [String], officeLocks: [OfficeLock]) {
        let directory = journal.directory
        let inputs = Set((journal.records.first?.content["inputs"]?.objectValue ?? [:]).keys)
        let typed = Set(journal.records.filter { $0.kind == .entry }.compactMap { $0.content["sha256"]?.stringValue })
        var found: [String] = [], sizes: [String: Int] = [:], listed: [String] = []
        FileSystem.walk(directory.path) { entry in
            let path = entry.path, atRoot = !path.contains("/")
            if path == SessionFolder.resultsPath(version: 1)
                || (atRoot && isLeftover(directory.appendingPathComponent(path), in: directory, stem: ".\(SessionFolder.resultsPath(version: 1)).kaimen-")) {
                return false
            }
            // A folder is no file (its files are walked); a link or any other kind is one.
            if entry.kind == .folder { return true }
            if inputs.contains(path) || (atRoot && (path == Journal.fileName || path == "journal.lock" || isTornFileName(path))) {
                listed.append(path)
            } else if entry.kind == .file, let hash = SessionFolder.sha256(ofFile: directory.appendingPathComponent(path)), typed.contains(hash) {
                listed.append(path)
            } else {
                found.append(path)
                // A plain file's size: a link or a FIFO is no office program's lock.
                if entry.kind == .file { sizes[path] = entry.size }
            }
            return false
        }
        // A lock file beside a file that may be there, or beside another found (said as the file open).
        let officeLocks = OfficeLock.find(among: found + listed, sizes: sizes).filter { sizes[$0.path] != nil }
        let locked = Set(officeLocks.map(\.path))
        return (found.filter { !locked.contains($0) }.sorted(), officeLocks.sorted { $0.path < $1.path })
    }

    /// What `unlistedFiles` finds, as said: for `verify`, a `session-file-unlisted` error for each
    /// file (it vouches for the folder) and a note for each office program's lock; for `status`
    /// (`verifying` false), a warning for each file, with what to do (move it out, or verify),
    /// for status only shows where the session stands, and a typist's stray file is no reason
    /// for it to fail. The locks are notes `verify` gives; `status` leaves them out.
    static func unlistedFileProblems(_ journal: Journal, verifying: Bool) -> [Diagnostic] {
        let found = unlistedFiles(journal)
        return (verifying ? found.officeLocks.map(\.note) : []) + found.files.map { path in
            let text = SessionMessages.sessionFileUnlisted(path), at = SourceLocation.whole(path)
            return verifying ? .error("session-file-unlisted", text, at: at, hint: SessionMessages.sessionFileUnlistedHint)
                : .warning("session-file-unlisted", text, at: at, hint: SessionMessages.sessionFileUnlistedStatusHint(dir: journal.name.shown))
        }
    }

    /// `journal.torn-<seq>-<unix time>.txt`, the name `Journal` gives a torn tail it sets aside.
    static func isTornFileName(_ name: String) -> Bool {
        guard name.hasPrefix("journal.torn-"), name.hasSuffix(".txt") else { return false }
        let parts = name.dropFirst("journal.torn-".count).dropLast(".txt".count).split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
}
