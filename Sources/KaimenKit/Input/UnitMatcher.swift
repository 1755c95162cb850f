/// Resolves what a roster writes for a representative's unit (in `units` or `conflicts`) to the
/// assessed units, so that a recusal cannot slip because the unit was named instead of numbered.
///
/// An entry, trimmed and with full-width forms made half-width (`Ｊ０４` → `J04`, the
/// ideographic space → a space), is
/// 1. the unit whose id it equals, else every unit whose name it equals (after the same
///    normalisation): the representative is recused from them;
/// 2. else, when it is close to a unit's id or name (`Suggestion.closest`: a small edit
///    distance, equal but for case, or a prefix), or one of the entry and a unit's name or id
///    contains the other (the shorter being at least 2 characters): a **near miss**, an error,
///    since a recusal would otherwise be missed;
/// 3. else a unit that is not assessed (an outside unit): a note.
public struct UnitMatcher: Sendable {
    public enum Match: Sendable, Equatable {
        /// The ids of the assessed units it names (one, or several sharing a name).
        case units([String])
        /// It names no assessed unit but is close to this one.
        case nearMiss(id: String, name: String)
        /// It is like no assessed unit.
        case outside
    }

    private let ids: [String]
    private let names: [String]
    private let normalizedIDs: [String]
    private let normalizedNames: [String]
    private let byID: [String: Int]
    private let byName: [String: [Int]]

    /// Units whose id cells hold names (``Unit/idIsName``): an entry that matches no unit may be
    /// one of theirs, so it is said so, not as near another unit or outside.
    public private(set) var misnamed: [Unit] = []

    public init(units: [Unit]) {
        self.init(ids: units.map(\.id), names: units.map(\.name))
        misnamed = units.filter(\.idIsName)
    }

    /// `names[i]` is the name of unit `ids[i]`; with fewer names, the rest have none.
    public init(ids: [String], names: [String]) {
        self.ids = ids
        self.names = ids.indices.map { $0 < names.count ? names[$0] : "" }
        normalizedIDs = ids.map(UnitMatcher.normalized)
        normalizedNames = self.names.map(UnitMatcher.normalized)
        byID = Dictionary(normalizedIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var byName: [String: [Int]] = [:]
        for (i, n) in normalizedNames.enumerated() where !n.isEmpty { byName[n, default: []].append(i) }
        self.byName = byName
    }

    public func match(_ entry: String) -> Match {
        let e = UnitMatcher.normalized(entry)
        guard !e.isEmpty else { return .outside }
        if let i = byID[e] { return .units([ids[i]]) }
        if let list = byName[e] { return .units(list.map { ids[$0] }) }
        if let id = Suggestion.closest(to: e, among: normalizedIDs), let i = normalizedIDs.firstIndex(of: id) {
            return .nearMiss(id: ids[i], name: names[i])
        }
        if let name = Suggestion.closest(to: e, among: normalizedNames.filter { !$0.isEmpty }),
           let i = normalizedNames.firstIndex(of: name) {
            return .nearMiss(id: ids[i], name: names[i])
        }
        for (i, (id, name)) in zip(normalizedIDs, normalizedNames).enumerated() {
            if UnitMatcher.overlaps(e, id) || UnitMatcher.overlaps(e, name) { return .nearMiss(id: ids[i], name: names[i]) }
        }
        return .outside
    }

    /// One contains the other, the shorter being at least 2 characters.
    static func overlaps(_ a: String, _ b: String) -> Bool {
        guard min(a.count, b.count) >= 2 else { return false }
        return a.count <= b.count ? b.contains(a) : a.contains(b)
    }

    /// Trimmed, full-width ASCII forms (U+FF01–U+FF5E) made half-width and the ideographic
    /// space (U+3000) a space: `　Ｊ０４ ` → `J04`.
    public static func normalized(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            switch c.value {
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(c.value - 0xFEE0)!)
            case 0x3000: out.append(" ")
            default: out.append(c)
            }
        }
        return String(out).trimmingSpaces()
    }
}
