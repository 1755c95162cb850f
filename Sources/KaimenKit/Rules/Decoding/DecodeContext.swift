/// Collects every problem found while decoding one rules document. Decoding never stops at
/// the first problem: a missing or wrong value is reported and decoding goes on without it.
/// A line of a rules file: `file` as the diagnostics place it.
struct ReadPastLine: Hashable {
    var file: String
    var line: Int
}

final class DecodeContext {
    var diagnostics: [Diagnostic] = []
    /// The lines of the rules files where a syntax error was read past (`RulesLoader`): what
    /// decoding finds on them is not said, being of a value guessed.
    var readPastLines: Set<ReadPastLine> = []
    /// Where an extending file's `grades` replaced its base's whole list, and the base's grades
    /// in a form to copy: the grade checks then say so there (an author who wrote only `优秀`
    /// got errors in the base file and a hint that made every unit 优秀).
    var gradesReplaced: (at: SourceLocation, file: String, baseFile: String, baseGrades: String)?
    /// Ids of entries that could not be decoded, by collection. Checks that would only repeat
    /// the problem (an "unknown area" for an area with a typo in it) are skipped for these.
    var undecoded: [String: Set<String>] = [:]
    /// The JSON paths of the unknown keys reported so far, each with the allowed key it is the
    /// one misspelling of (`nil`: none, or several as near), so that a misspelt key is not
    /// reported again as a missing one.
    var unknownKeys: [String: String?] = [:]
    /// What an extending file's `remove` dropped, by collection and id: where the id is
    /// written in `remove`, so a base entry still using it is reported there, where the fix is.
    var removed: [String: [String: (location: SourceLocation, path: String)]] = [:]
    /// Ids a `remove` was meant to drop but misspelt (the suggestion for `remove-unknown-id`):
    /// what they still use is not reported again.
    var meantToRemove: Set<String> = []
    /// Entries an `override` was meant to change the points of (`points`, `capped`) but named by
    /// a misspelt id (the suggestion for `override-unknown-id`), by collection: an area's sum
    /// that the change would have set right is not reported again (a rules author's trial met
    /// `rights` not adding up to the base's 12 after `override.areas` named it `right` with 14).
    var meantToOverride: [String: Set<String>] = [:]
    /// Areas and standards a `remove` dropped while kept entries still name them, by
    /// collection: reported once at the `remove` entry, so what names them says nothing more.
    /// Kept apart from `undecoded`, which would also silence the checks of every area's sums.
    var removedInUse: [String: Set<String>] = [:]

    func isRemovedInUse(_ collection: String, _ id: String) -> Bool { removedInUse[collection]?.contains(id) == true }
    /// The standards a `remove` dropped, by the area they were in: an area sum that no longer
    /// adds up because of them is reported at the `remove` entry, where the fix is.
    var removedFromArea: [String: [(id: String, location: SourceLocation, path: String)]] = [:]
    /// Whether an extending file must name itself (`extends-own-name`): off for a session's
    /// copies of its inputs, which the version that opened the session accepted (since 0.19.0).
    var requireOwnName = true
    /// Whether names, criteria and notes longer than `TextLimits` allows are errors (not for a
    /// session's copy of its rules, which the version that opened it accepted).
    var limitsText = true

    /// Where each entry the decoder could not decode stands, with its id, by collection: its id
    /// still counts in the check for an id used twice (a rules author's trial fixed an entry's
    /// typo, only to be told then that its id was another entry's).
    var undecodedEntries: [String: [(id: String, origin: Origin)]] = [:]

    /// - Parameter entry: the decoder's own entry (not an extending file's patch of a base
    ///   entry, whose id is the base's): kept in `undecodedEntries`.
    func markUndecoded(_ collection: String, _ node: JSONNode, entry: Bool = false) {
        if let id = node["id"]?.stringValue {
            undecoded[collection, default: []].insert(id)
            if entry, !id.isEmpty {
                undecodedEntries[collection, default: []].append((id, Origin(location: node.location, path: "\(collection)[\(id)]",
                                                                             fields: node["id"].map { ["id": $0.location] } ?? [:])))
            }
        } else { undecoded[collection, default: []].insert("") }
    }

    func isUndecoded(_ collection: String, _ id: String) -> Bool { undecoded[collection]?.contains(id) == true }
    /// Whether a key of the entry `path` is in (`standards[rights.contracts]`, or a part of it
    /// such as `….bands[0]`) was unknown and the one misspelling of one of `keys` (`point` for
    /// `points`; a key near none, or near several, is not taken for one). What it was meant to set was not set
    /// (an extending file's `ponits` leaves the base's points), so a check of what the entry
    /// adds up to would only repeat that problem, at another place (a rules author's trial was
    /// told the base file's area did not add up).
    func misspelt(_ keys: Set<String>, at path: String) -> Bool {
        guard let close = path.firstIndex(of: "]") else { return false }
        let entry = path[...close] + "."
        return unknownKeys.contains { $0.key.hasPrefix(entry) && $0.value.map(keys.contains) == true }
    }
    func hasUndecoded(_ collection: String) -> Bool { !(undecoded[collection]?.isEmpty ?? true) }

    func error(_ code: DiagnosticCode, _ text: Localized, at location: SourceLocation?, path: String?, hint: Localized? = nil) {
        diagnostics.append(.error(code, text, at: location, path: path, hint: hint))
    }

    func warning(_ code: DiagnosticCode, _ text: Localized, at location: SourceLocation?, path: String?, hint: Localized? = nil) {
        diagnostics.append(.warning(code, text, at: location, path: path, hint: hint))
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// The rule every id follows: ASCII, starts with a letter, then letters, digits, `_ - .`.
enum IDSyntax {
    static func isValid(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" || $0 == ".") }
    }
}

extension String {
    /// `did you mean `x`?` when a close candidate exists.
    static func didYouMean(_ word: String, among candidates: some Sequence<String>) -> String? {
        Suggestion.only(to: word, among: candidates).map { "did you mean `\($0)`?" }
    }
}
