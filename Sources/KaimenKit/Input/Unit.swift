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

    /// Whether `id`, read from a row whose name is `name`, is a name rather than an id: the
    /// row's own name, or six Chinese characters or more (no id is that long in Chinese; a
    /// union's name is, `北京西城华宸建设集团有限公司工会`). Both units readers ask (the bulk one by
    /// its bytes, and hands the file over).
    static func looksLikeName(_ id: String, name: String) -> Bool {
        (!name.isEmpty && id == name) || id.unicodeScalars.lazy.filter(isHan).count >= hanInAName
    }

    /// How many Chinese characters make an id a name.
    static let hanInAName = 6

    /// A CJK ideograph (the unified blocks and their extension A, the compatibility block, the
    /// supplementary ones).
    static func isHan(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: true
        default: false
        }
    }
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
    /// A numerator above its denominator in one unit, where a rule reads their ratio and
    /// forbids that (`Rules.maxOneRatios`): metrics by index, and the two values.
    struct RatioAboveOne {
        var unit: Int
        var numerator: Int, denominator: Int
        var numeratorValue: Rational, denominatorValue: Rational
    }

    /// Every ratio above one, pair by pair in the rules' order, then unit by unit; only for
    /// `units` when given. The one place the check is decided: the units reader reports each
    /// at its cell, `compare --set` at the option that set a value of the pair.
    func ratiosAboveOne(_ rules: Rules, units: Set<Int>? = nil) -> [RatioAboveOne] {
        let index = Dictionary(rules.metrics.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var found: [RatioAboveOne] = []
        for (num, den) in rules.maxOneRatios {
            guard let n = index[num], let d = index[den] else { continue }
            for u in self.units.indices where units?.contains(u) ?? true {
                guard let a = values[n][u], let b = values[d][u], a > b else { continue }
                found.append(RatioAboveOne(unit: u, numerator: n, denominator: d, numeratorValue: a, denominatorValue: b))
            }
        }
        return found
    }
}
