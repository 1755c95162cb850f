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
        let keys: [URLResourceKey] = [.isRegularFileKey, .isDirectoryKey, .isSymbolicLinkKey, .fileSizeKey]
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: keys) else { return ([], []) }
        let inputs = Set((journal.records.first?.content["inputs"]?.objectValue ?? [:]).keys)
        let typed = Set(journal.records.filter { $0.kind == .entry }.compactMap { $0.content["sha256"]?.stringValue })
        var found: [String] = [], sizes: [String: Int] = [:], listed: [String] = []
        for case let url as URL in walker {
            let values = try? url.resourceValues(forKeys: Set(keys))
            guard let path = SessionFolder.path(of: url, under: directory) else { continue }
            let atRoot = !path.contains("/")
            if path == SessionFolder.resultsPath(version: 1) || (atRoot && isLeftover(url, in: directory, stem: ".\(SessionFolder.resultsPath(version: 1)).kaimen-")) {
                walker.skipDescendants()
                continue
            }
            // A folder is no file (its files are walked); a link or any other kind is one.
            if values?.isDirectory == true && values?.isSymbolicLink != true { continue }
            if inputs.contains(path) || (atRoot && (path == Journal.fileName || path == "journal.lock" || isTornFileName(path))) {
                listed.append(path)
                continue
            }
            if values?.isRegularFile == true, values?.isSymbolicLink != true, let hash = SessionFolder.sha256(ofFile: url), typed.contains(hash) {
                listed.append(path)
                continue
            }
            found.append(path)
            sizes[path] = values?.fileSize
        }
        // A lock file beside a file that may be there, or beside another found (said as the file open).
        let officeLocks = OfficeLock.find(among: found + listed, sizes: sizes).filter { sizes[$0.path] != nil }
        let locked = Set(officeLocks.map(\.path))
        return (found.filter { !locked.contains($0) }.sorted(), officeLocks.sorted { $0.path < $1.path })
    }

    /// `journal.torn-<seq>-<unix time>.txt`, the name `Journal` gives a torn tail it sets aside.
    static func isTornFileName(_ name: String) -> Bool {
        guard name.hasPrefix("journal.torn-"), name.hasSuffix(".txt") else { return false }
        let parts = name.dropFirst("journal.torn-".count).dropLast(".txt".count).split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
}
