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
        /// `X01 rights.ballot：R06 评 1 分，其他代表中位数 3 分，相差 2 分（超出 ±1 分）`.
        public var text: Localized
    }

    /// In unit, then item, then representative order.
    public static func of(_ session: ScoringSession) -> [Entry] {
        let data = PanelBallots(session: session)
        return Corridor.scan(data).outliers.map { o in
            let unit = session.table.units[o.unit].id, item = data.items[o.item].key
            let rep = data.representatives[o.representative].id
            let (s, m, d, w) = (PanelMessages.points(o.score), PanelMessages.points(o.medianOfOthers),
                                PanelMessages.points(o.distance.magnitude), PanelMessages.points(o.width))
            return Entry(unit: unit, item: item, representative: rep, score: o.score, medianOfOthers: o.medianOfOthers, width: o.width,
                         text: Localized(zh: "\(unit) \(item)：\(rep) 评 \(s) 分，其他代表中位数 \(m) 分，相差 \(d) 分（超出 ±\(w) 分）",
                                         en: "\(unit) \(item): \(rep) gave \(s), the others' median is \(m), \(d) apart (beyond ±\(w))"))
        }
    }
}
