/// A grassroots union being assessed, and where it came from in the units file.
public struct Unit: Sendable, Equatable {
    public var id: String
    public var name: String
    /// 企业 / 机关 / 事业单位 / 街道 …; ranks are also given within each category.
    public var category: String
    public var location: SourceLocation
}

/// Every unit's metric values, stored by metric (column-major) in the rules' metric order:
/// `values[metric][unit]`, `nil` where the value is missing and the rules allow that.
public struct UnitTable: Sendable {
    public var units: [Unit]
    public var values: [[Rational?]]
    /// Where each value was read, for messages: `locations[metric][unit]`.
    public var locations: [[SourceLocation?]]

    public func value(metric: Int, unit: Int) -> Rational? { values[metric][unit] }
    public func index(ofUnit id: String) -> Int? { units.firstIndex { $0.id == id } }
}

extension UnitTable {
    /// The units' ids, names and categories, as the exports read them.
    public var identities: UnitIdentities {
        UnitIdentities(ids: units.map(\.id), names: units.map(\.name), categories: units.map(\.category),
                       lines: units.map { Int32($0.location.line) })
    }
}
