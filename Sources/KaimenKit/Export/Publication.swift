/// Whether a run's papers name the representatives, decided once for all of them: the notice
/// (`公示.html`), the workbook's 代表评分 sheet, and the workbook's 汇总 and 评分表 cells. Made
/// from the run's report and the command line's `--publish-representatives`, and handed to each
/// paper, so that the notice and the workbook cannot disagree on who is named.
public struct Publication: Sendable, Equatable {
    /// The representatives are published: asked on the command line, or the rules say
    /// `publishRepresentatives`. The notice then names them and lists their ballots, and the
    /// workbook has its 代表评分 sheet.
    public let representatives: Bool
    /// The workbook's 汇总 and 评分表 name representatives (recusals by name, who gave a trimmed
    /// score): when published, and always in a report written as a version before 0.17.0, whose
    /// workbook named them there even when they were not published (without a 代表评分 sheet,
    /// and with a notice that did not name them): a seal of then is written again so.
    public let workbookNames: Bool

    /// - Parameter asked: `--publish-representatives` was given.
    public init(_ report: ScoreReport, asked: Bool) {
        representatives = asked || report.rules.publishRepresentatives
        workbookNames = representatives || !report.writes(since: ScoreReport.v0_17)
    }
}
