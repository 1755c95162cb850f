/// `checklist`: each item whose metric is above 0 scores its points (逐项核对).
public struct ChecklistItem: Sendable, Equatable {
    public var id: String
    public var name: String
    public var metric: String
    public var points: Rational
    public var origin: Origin
}

/// A checklist's items, as `ScoringMethod.checklist` holds them.
struct Checklist: Sendable {
    var items: [ChecklistItem]
}

extension Checklist: MethodRule {
    static let keys = ["items"]
    static let itemKeys = ["id", "name", "metric", "points"]
    static var nestedKeys: [(what: String, keys: [String])] { [("checklist item", itemKeys)] }
    static var keyWords: [String: String] { ["items": "核对项"] }
    static var thresholdKeys: Set<String> { ["items"] }

    static func decode(_ r: ObjectReader, _ d: RulesDecoder, role: Standard.Role) -> ScoringMethod? {
        let ctx = d.ctx
        guard let list = r.array("items") else { return nil }
        var items: [ChecklistItem] = []
        for (i, node) in list.enumerated() {
            let p = r.path("items") + (node["id"]?.stringValue.map { "[\($0)]" } ?? "[\(i)]")
            guard let it = ObjectReader(node, path: p, what: RulesMessages.checklistItem(i, of: r.what), ctx: ctx) else { continue }
            it.finish(allowed: itemKeys)
            let id = it.id("id"), nm = it.string("name"), metric = d.metricRef(it, "metric"), pts = it.number("points", nonNegative: true, meaning: .points)
            if let id, let nm, let metric, let pts {
                items.append(ChecklistItem(id: id, name: nm, metric: metric, points: pts, origin: it.origin()))
            }
        }
        if list.isEmpty {
            ctx.error(.emptyChecklist, RulesMessages.noChecklist(r.what), at: r.value("items")?.location, path: r.path("items"))
        }
        guard items.count == list.count, !list.isEmpty else { return nil }
        return .checklist(items)
    }

    var metricIDs: [String] { items.map(\.metric) }
    var ratio: Ratio? { nil }

    func encoded() -> [String: JSONOut] {
        ["items": .array(items.map { .object(["id": .string($0.id), "name": .string($0.name), "metric": .string($0.metric), "points": .num($0.points)]) })]
    }

    /// Item ids unique within the list; the items' points add up to the standard's.
    func check(_ s: Standard, label: Localized, _ v: RulesValidator) {
        var seen = Set<String>()
        for it in items where !seen.insert(it.id).inserted {
            v.error(.duplicateID, ValidationMessages.duplicateChecklistItem(it.id, label), it.origin, "id")
        }
        let sum = items.reduce(Rational.zero) { $0 + $1.points }
        if sum != s.points {
            v.error(.pointsMismatch, ValidationMessages.checklistSum(label, sum.plainText(), s.points.plainText()),
                    s.origin, "items", hint: ValidationMessages.matchItems)
        }
    }

    func parameters(_ lang: Language) -> String { items.map { "\($0.name)\($0.points.plainText())" }.joined(separator: " ") }

    func noteRoles(_ roles: inout MetricRoles, points: Rational) {}
}
