/// The marks to re-check (复核) before a session is closed, on their own: the corridor outliers
/// without the rest of the panel analysis (no bootstrap), each with a plain sentence. What
/// `kaimen session status` can list as "to re-check".
public enum RecheckList {
    public struct Entry: Sendable, Equatable {
        public var unit: String
        public var item: String
        public var representative: String
        public var score: Rational
        public var medianOfOthers: Rational
        public var width: Rational
        /// `X01 甲工会 · 依法维权工作评价：R06 王建国 评 1 分，其他代表中位数 3 分，相差 2 分（超出 ±1 分）`:
        /// the unit, item and representative by their names too (a first user read bare ids).
        public var text: Localized
    }

    /// In unit, then item, then representative order.
    public static func of(_ session: ScoringSession) -> [Entry] {
        let data = PanelBallots(session: session)
        return Corridor.scan(data).outliers.map { o in
            let unit = session.table.units[o.unit].id, item = data.items[o.item].key
            let rep = data.representatives[o.representative].id
            let unitName = session.table.units[o.unit].name, itemName = session.rules.standards[data.items[o.item].standard].name
            let repName = data.representatives[o.representative].name
            let who = repName.isEmpty ? rep : "\(rep) \(repName)"
            let (s, m, d, w) = (PanelMessages.points(o.score), PanelMessages.points(o.medianOfOthers),
                                PanelMessages.points(o.distance.magnitude), PanelMessages.points(o.width))
            return Entry(unit: unit, item: item, representative: rep, score: o.score, medianOfOthers: o.medianOfOthers, width: o.width,
                         text: Localized(zh: "\(unit) \(unitName) · \(itemName)：\(who) 评 \(s) 分，其他代表中位数 \(m) 分，相差 \(d) 分（超出 ±\(w) 分）",
                                         en: "\(unit) \(unitName) · \(itemName): \(who) gave \(s), the others' median is \(m), \(d) apart (beyond ±\(w))"))
        }
    }
}
