/// A name typed where an id belongs: `王秀兰` in the representative column, where the roster
/// calls her `R02`, or a unit's full name in the unit column. The readers still reject it (a
/// name is not unique, and a ballot must say whose it is), but their message names the id.
enum NameForID {
    /// The ids whose name is `text`, in the order given; empty when none is. Names compare as
    /// `UnitMatcher.normalized` leaves them: trimmed, full-width forms made half-width.
    static func ids(named text: String, in entries: some Sequence<(id: String, name: String)>) -> [String] {
        let wanted = UnitMatcher.normalized(text)
        guard !wanted.isEmpty else { return [] }
        return entries.filter { UnitMatcher.normalized($0.name) == wanted }.map(\.id)
    }

    static func representatives(named text: String, in reps: [Representative]) -> [String] {
        ids(named: text, in: reps.lazy.map { (id: $0.id, name: $0.name) })
    }

    static func units(named text: String, in units: [Unit]) -> [String] {
        ids(named: text, in: units.lazy.map { (id: $0.id, name: $0.name) })
    }

    /// The units whose name holds `text` as a part (`德胜商贸` of 北京德胜商贸集团有限公司工会),
    /// with their names: a short form typed where the id belongs (a secretary's test). Only for a
    /// text of two characters or more with a Chinese one, so that no id's digits match a name.
    static func units(partOf text: String, in units: [Unit]) -> [(id: String, name: String)] {
        let wanted = UnitMatcher.normalized(text)
        guard wanted.count >= 2, wanted.unicodeScalars.contains(where: Han.isHan) else { return [] }
        return units.filter { UnitMatcher.normalized($0.name).contains(wanted) }.map { ($0.id, $0.name) }
    }
}
