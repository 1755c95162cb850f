/// What reads a metric: the standards, bonuses and deductions whose method or precondition
/// reads it, the vetoes whose condition does, and the tie-breaks by it. Written once, for the
/// error of a removed metric still read (`RulesDecoder.checkRemovedMetrics`) and the warning
/// of a metric nothing reads (`UnreadMetricCheck`).
public struct MetricReaders: Sendable {
    public var items: [Standard] = []
    public var vetoes: [Veto] = []
    public var tieBreaks: [RankingPolicy.TieBreak] = []

    public var isEmpty: Bool { items.isEmpty && vetoes.isEmpty && tieBreaks.isEmpty }

    /// The readers of metric `id` in `rules`, leaving out the items `excluding` names.
    public init(of id: String, in rules: Rules, excluding: Set<String> = []) {
        items = (rules.standards + rules.bonuses + rules.deductions).filter { !excluding.contains($0.id) && $0.metricIDs.contains(id) }
        vetoes = rules.vetoes.filter { $0.when.metricIDs.contains(id) }
        tieBreaks = rules.ranking.tieBreak.filter { $0.key == .metric(id) }
    }
}
