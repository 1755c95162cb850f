/// What a session's papers say about its sheets beyond the ballots counted: for each unit, the
/// representatives recused from it, the sheets declared void and the sheets closed without
/// being confirmed (`session close --accept-missing`). `score` has none of these; a session's
/// results carry them (`ScoreReport.sheets`), so the score sheets, the notice and the warnings
/// can say why a unit has fewer ballots than representatives who heard it.
public struct SessionSheets: Sendable, Equatable {
    /// A sheet that did not count, by whom and why.
    public struct Dropped: Sendable, Equatable {
        public var representative: String
        /// The void's reason as recorded; for an uncounted sheet, the `--accept-missing` reason.
        public var reason: String

        public init(representative: String, reason: String) {
            self.representative = representative
            self.reason = reason
        }
    }

    /// For each unit, how many representatives who hear it (by the schedule) must not score it,
    /// their own unit or a declared conflict, as `session init` counted them (`ExpectedBallots.recused`).
    public var recusals: [String: Int]
    /// For each unit, its sheets declared void (`session void`) that still hold, by representative.
    public var voids: [String: [Dropped]]
    /// For each unit, its sheets still open (missing, typed once or typed differently) when the
    /// session was closed with `--accept-missing`, by representative.
    public var uncounted: [String: [Dropped]]
    /// Which sealed result of the session this is: 1, then 2 after the first appeal, … (since
    /// 0.17.0; 1 when re-deriving an older seal, whose papers did not say).
    public var resultVersion = 1
    /// The session's assessment period, as `init --period` recorded it (since 0.29.4): the
    /// papers' 考核期 (`ScoreReport.period`).
    public var period: String? = nil

    /// `（申诉复核后第 2 版）` under a later result's title, so two posted notices are told apart.
    public func versionLine(_ lang: Language) -> String? {
        resultVersion > 1 ? lang.t("（申诉复核后第 \(resultVersion) 版，替代此前公布的结果）", "(result \(resultVersion), after an appeal; replaces the one published before)") : nil
    }

    public init(recusals: [String: Int], voids: [String: [Dropped]] = [:], uncounted: [String: [Dropped]] = [:]) {
        self.recusals = recusals
        self.voids = voids
        self.uncounted = uncounted
    }

    /// Whether any sheet of any unit did not count (a void or an uncounted sheet).
    public var dropsAny: Bool { !voids.isEmpty || !uncounted.isEmpty }

    /// A unit's sheets that did not count, as words: `作废评分表 1 张（评分表污损）；1 张评分表结束时未确认，
    /// 未确认的分数经同意不计入（代表请假）`. A sheet closed in conflict still counts the items
    /// its entries agree on (`SessionFolder.ballotsCSV`), hence "unconfirmed scores".
    /// With `naming`, each sheet's representative is named (`R20：评分表污损`); reasons are left
    /// out (`reasons: false`) where the public reads it, as they are free text that may name people.
    public func droppedText(_ unit: String, naming: Bool, reasons: Bool = true, lang: Language) -> String? {
        func list(_ sheets: [Dropped]) -> String {
            guard reasons || naming else { return "" }
            let open = lang.t("（", " ("), close = lang.t("）", ")")
            // One reason shared by every sheet (an --accept-missing reason) is said once.
            let shared = Set(sheets.map(\.reason)).count == 1 ? sheets[0].reason : nil
            if reasons, let shared, !shared.isEmpty {
                let who = naming ? sheets.map(\.representative).joined(separator: lang.t("、", ", ")) + lang.t("：", ": ") : ""
                return open + who + shared + close
            }
            let parts = sheets.map { d -> String in
                [naming ? d.representative : "", reasons ? d.reason : ""].filter { !$0.isEmpty }.joined(separator: lang.t("：", ": "))
            }.filter { !$0.isEmpty }
            return parts.isEmpty ? "" : open + parts.joined(separator: lang.t("；", "; ")) + close
        }
        var parts: [String] = []
        if let v = voids[unit], !v.isEmpty {
            parts.append(lang.t("作废评分表 \(v.count) 张", "\(v.count) sheet\(v.count == 1 ? "" : "s") declared void") + list(v))
        }
        if let m = uncounted[unit], !m.isEmpty {
            parts.append(lang.t("\(m.count) 张评分表结束时未确认，未确认的分数经同意不计入",
                                "\(m.count) sheet\(m.count == 1 ? "" : "s") not confirmed at close, unconfirmed scores left out by consent")
                         + list(m))
        }
        return parts.isEmpty ? nil : parts.joined(separator: lang.t("；", "; "))
    }
}
