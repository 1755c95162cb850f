/// A grassroots union being assessed, and where it came from in the units file.
public struct Unit: Sendable, Equatable {
    public var id: String
    public var name: String
    /// 企业 / 机关 / 事业单位 / 街道 …; ranks are also given within each category.
    public var category: String
    public var location: SourceLocation
    /// Whether the id cell holds what looks like the unit's name, not an id (`unit-id-is-name`,
    /// an error of the units file): an id of another file that matches no unit may be this
    /// unit's, and the other files' messages say so rather than suggest another unit.
    public var idIsName = false

    /// Why an id cell holds a name (`unit-id-is-name`).
    enum IDIsName: Equatable, Sendable {
        /// Its row's own name.
        case ownName
        /// Another row's name: that row, by its index among the ids given.
        case otherName(Int)
        /// A name by its shape: Chinese characters where the file's ids have none, or its
        /// row's name typed with a slip or cut short.
        case looksLikeName
    }

    /// The id cells among `ids` (each read from a row whose name is the same index of `names`)
    /// that hold a name rather than an id, by index (docs/inputs.md, *Ids*; Chinese characters as
    /// ``Han`` counts them). An id is a name when:
    ///
    /// - it is its row's own name; or, holding a Chinese character, another row's name;
    /// - it holds six Chinese characters or more (as long as a union's name) and either most of
    ///   the file's other ids hold none (`X01`…), or it is within two edits of its row's name
    ///   (the name typed with a slip, or without its last two characters);
    /// - most of the file's other ids hold no Chinese character, and it holds two or more that
    ///   are a part of its row's name (`华宸建设` for 北京西城华宸建设集团有限公司工会).
    ///
    /// So a file whose ids are Chinese (`西城一号`, or a long one every file uses) keeps them
    /// as ids, unless one is a name; a short Chinese id among `X01`… that is no part of its row's
    /// name is an id too. Empty ids are no names (they are their own error). Before 0.29.3 any
    /// id of six Chinese characters or more was a name, whatever the file's other ids.
    ///
    /// Both units readers ask: the bulk one over the ids and names it read, when an id holds a
    /// byte beyond ASCII, and hands the file over when one is a name.
    static func namesInIDCells(ids: [String], names: [String]) -> [Int: IDIsName] {
        var found: [Int: IDIsName] = [:]
        var han = [Int](repeating: 0, count: ids.count)
        var given = 0, chinese = 0
        for (k, id) in ids.enumerated() where !id.isEmpty {
            given += 1
            han[k] = Han.count(in: id)
            if han[k] > 0 { chinese += 1 }
        }
        // Each name's first row, only when some id could be another row's name.
        var nameRows: [String: Int] = [:]
        if chinese > 0 {
            for (k, name) in names.enumerated().reversed() where !name.isEmpty && name.unicodeScalars.contains(where: Han.isHan) { nameRows[name] = k }
        }
        // Whether most of the other ids hold no Chinese character (this one holds some).
        let columnWithout = 2 * (given - chinese) > given - 1
        for (k, id) in ids.enumerated() where !id.isEmpty {
            let name = k < names.count ? names[k] : ""
            if !name.isEmpty && id == name {
                found[k] = .ownName
                continue
            }
            guard han[k] > 0 else { continue }
            if let other = nameRows[id] {
                found[k] = .otherName(other)
            } else if han[k] >= hanInAName && (columnWithout || (!name.isEmpty && Suggestion.distance(id, name) <= 2)) {
                found[k] = .looksLikeName
            } else if columnWithout && han[k] >= 2 && name.contains(id) {
                found[k] = .looksLikeName
            }
        }
        return found
    }

    /// How many Chinese characters an id needs to be a name by its length alone (where the
    /// file's other ids are not Chinese, or its row's name is near).
    static let hanInAName = 6
}

/// Every unit's metric values, stored by metric (column-major) in the rules' metric order:
/// `values[metric][unit]`, `nil` where the value is missing and the rules allow that.
public struct UnitTable: Sendable {
    public var units: [Unit]
    public var values: [[Rational?]]
    /// Where each value was read, for messages.
    public var places: MetricPlaces

    public init(units: [Unit], values: [[Rational?]], places: MetricPlaces) {
        self.units = units
        self.values = values
        self.places = places
    }

    public func value(metric: Int, unit: Int) -> Rational? { values[metric][unit] }
    /// Where metric `metric` of unit `unit` was read, or the unit's own place where it had no
    /// such cell (a column or key left out, as a metric that may be missing can be).
    public func location(metric: Int, unit: Int) -> SourceLocation {
        places.location(metric: metric, unit: unit) ?? units[unit].location
    }
    public func index(ofUnit id: String) -> Int? { units.firstIndex { $0.id == id } }
}

extension UnitTable {
    /// The units' ids, names and categories, as the exports read them.
    public var identities: UnitIdentities {
        UnitIdentities(ids: units.map(\.id), names: units.map(\.name), categories: units.map(\.category),
                       lines: units.map { Int32($0.location.line) })
    }
}

extension UnitTable {
    /// One unit's values beyond a bound a rule puts on them (`Rules.valueBounds`): a ratio's
    /// numerator above its denominator, a survey's respondents above its population. Metrics by
    /// index, with their values.
    struct ImpossibleValue {
        var kind: ValueBound.Kind
        var unit: Int
        /// The metrics added up, and their values.
        var parts: [Int], partValues: [Rational]
        /// The metric their sum exceeds, and its value.
        var limit: Int, limitValue: Rational
        var sum: Rational { partValues.dropFirst().reduce(partValues[0], +) }
    }

    /// Every value beyond its bound, bound by bound in the rules' order, then unit by unit;
    /// only for `units` when given, and only of the kinds a session's copies are checked for
    /// when `sessionCopies`. A bound with a part or its limit missing (a metric that may be
    /// left empty) holds. The one place the check is decided: the units reader reports each at
    /// its cell, `--set` at the option that set a value of it; the bulk reader hands a file
    /// with one over.
    func impossibleValues(_ rules: Rules, units: Set<Int>? = nil, sessionCopies: Bool = false) -> [ImpossibleValue] {
        let index = rules.metricIndex
        var found: [ImpossibleValue] = []
        for bound in rules.valueBounds where !sessionCopies || bound.kind.inSessionCopies {
            let parts = bound.parts.compactMap { index[$0] }
            guard parts.count == bound.parts.count, let limit = index[bound.limit] else { continue }
            units: for u in self.units.indices where units?.contains(u) ?? true {
                guard let b = values[limit][u] else { continue }
                var partValues: [Rational] = []
                for p in parts {
                    guard let a = values[p][u] else { continue units }
                    partValues.append(a)
                }
                let value = ImpossibleValue(kind: bound.kind, unit: u, parts: parts, partValues: partValues, limit: limit, limitValue: b)
                if value.sum > b { found.append(value) }
            }
        }
        return found
    }
}
