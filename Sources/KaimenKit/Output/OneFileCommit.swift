import Foundation

extension OutputBatch {
    /// Writes one file at `url` (absolute) in place of a folder set (`rules template --out
    /// units-template.csv`), atomically (``AtomicWriter``). A file already there is replaced
    /// only with `options.force`, and never one of `options.inputs` (a template written over
    /// its own rules file lost them); `shown` is the path as the user typed it, for the error.
    ///
    /// Returns the file's location and the office programs' lock files beside it that lock it
    /// (``Committed/openElsewhere``, ``OfficeLock/open(beside:)``), looked for here, after the
    /// check and just before the write, as ``commit(into:options:)`` looks for a folder's:
    /// the one place that decides, so the look and the write are never apart. (Before 0.29.7
    /// `rules template` looked for them itself, before it checked and wrote.)
    static func commit(file url: URL, _ data: Data, shown: String, options: CommitOptions = CommitOptions()) throws -> Committed {
        let target = url.path
        if let existing = FileSystem.identity(target) {
            if options.inputs.contains(where: { FileSystem.identity($0.url.path) == existing }) { throw OutputError.isInput(path: shown) }
            if !options.force { throw OutputError.fileExists(path: shown) }
        }
        let openElsewhere = OfficeLock.open(beside: target)
        try AtomicWriter.write(data, to: url)
        return Committed(files: [url], openElsewhere: openElsewhere)
    }
}
