/// The summary's `提示` column: what a reader of one unit's row should know that its numbers and
/// its 说明 (ties, vetoes, recusals, quota moves) do not say: standards not assessed and ballot
/// standards with too few ballots. Built once per report; both summary writers read it, so their
/// bytes agree.
struct SummaryHints: Sendable {
    let report: ScoreReport
    let lang: Language
    /// `events[eventStart[u] ..< eventStart[u + 1]]` are unit `u`'s (events come in unit order).
    private let eventStart: [Int32]
    /// The standards' ids, by index.
    private let ids: [String]

    init(_ report: ScoreReport, lang: Language) {
        self.report = report
        self.lang = lang
        let events = report.scores.events
        var start = [Int32](repeating: 0, count: report.scores.unitCount + 1)
        for e in events { start[Int(e.unit) + 1] += 1 }
        for u in 0..<report.scores.unitCount { start[u + 1] += start[u] }
        eventStart = start
        ids = report.rules.standards.map(\.id)
    }

    /// Since 0.29.2 a standard that cannot be assessed is said so (`无法考核`), each with what the
    /// rule gave it: `democracy.review（计 0 分）`; before, `不予考核 democracy.review`, which read as
    /// "not marked down" where the rule gave 0 points.
    private var outcomes: Bool { report.writes(since: ScoreReport.v0_29_2) }

    /// What the not-assessable rule gave a standard: left out (`不计入`), or its points.
    private func outcome(_ e: ScoreTable.StandardEvent, zh: Bool) -> String {
        if e.prorated { return zh ? "不计入" : "left out" }
        let points = report.rules.standards[Int(e.standard)].points
        if e.raw == points && !points.isZero { return zh ? "计满分" : "full points" }
        let p = e.raw.plainText(maxPlaces: max(report.rules.ranking.precision, 2))
        return zh ? "计 \(p) 分" : "\(p) points"
    }

    /// Whether unit `u` has anything to say (`text(u)` is not `nil`).
    @inline(__always) func hasText(_ u: Int) -> Bool { eventStart[u] != eventStart[u + 1] }

    /// `无法考核 a（计 0 分）、b（不计入）；票数不足 c（2 张）`, or `nil` when there is nothing to say.
    func text(_ u: Int) -> String? {
        if !hasText(u) { return nil }
        let events = report.scores.events[Int(eventStart[u])..<Int(eventStart[u + 1])]
        var notAssessed: [String] = [], insufficient: [String] = []
        for e in events {
            switch e.status {
            case .notAssessable where outcomes: notAssessed.append(lang.t("\(ids[Int(e.standard)])（\(outcome(e, zh: true))）", "\(ids[Int(e.standard)]) (\(outcome(e, zh: false)))"))
            case .notAssessable: notAssessed.append(ids[Int(e.standard)])
            case .insufficientBallots(let count, _): insufficient.append(lang.t("\(ids[Int(e.standard)])（\(count) 张）", "\(ids[Int(e.standard)]) (\(count))"))
            case .scored: break
            }
        }
        var parts: [String] = []
        let list = lang.t("、", ", ")
        if !notAssessed.isEmpty { parts.append(lang.t(outcomes ? "无法考核 " : "不予考核 ", outcomes ? "not assessable: " : "not assessed: ") + notAssessed.joined(separator: list)) }
        if !insufficient.isEmpty { parts.append(lang.t("票数不足 ", "too few ballots: ") + insufficient.joined(separator: list)) }
        return parts.joined(separator: lang.t("；", "; "))
    }
}
