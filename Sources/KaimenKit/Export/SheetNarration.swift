/// One unit's narrated texts (``Narrator/inputs(_:_:)`` and ``Narrator/note(_:_:)``) for every
/// standard, deduction and bonus its score sheet shows, worked out once.
///
/// A run's `--out` shows each unit's sheet four times (CSV, JSON, the workbook and
/// `report.html`); the notes, with their formatted numbers, were most of the cost of writing
/// them. Made once per unit and passed to ``ScoreSheetExport`` and ``ScoreSheetHTML``, which
/// otherwise make the same texts themselves.
struct SheetNarration: Sendable {
    struct Texts: Sendable {
        var inputs: String
        var note: String
    }

    /// By index in `rules.standards`, `rules.deductions` and `rules.bonuses`; `nil` where the
    /// sheet shows no row (a deduction or bonus that did not apply).
    private(set) var standards: [Texts?]
    private(set) var deductions: [Texts?]
    private(set) var bonuses: [Texts?]

    init(_ session: ScoringSession, unit u: Int, lang: Language) {
        let rules = session.rules, r = session.results[u]
        let narrator = Narrator(session: session, lang: lang).forUnit(u)
        standards = Array(repeating: nil, count: rules.standards.count)
        deductions = Array(repeating: nil, count: rules.deductions.count)
        bonuses = Array(repeating: nil, count: rules.bonuses.count)
        for a in rules.areas.indices {
            for i in session.plan.areaStandards[a] {
                standards[i] = Texts(inputs: narrator.inputs(r.standards[i], rules.standards[i]), note: narrator.note(r.standards[i], rules.standards[i]))
            }
            for i in session.plan.areaDeductions[a] where !r.deductions[i].raw.isZero {
                deductions[i] = Texts(inputs: narrator.inputs(r.deductions[i], rules.deductions[i]), note: narrator.note(r.deductions[i], rules.deductions[i]))
            }
        }
        for i in rules.bonuses.indices where !r.bonuses[i].raw.isZero {
            bonuses[i] = Texts(inputs: narrator.inputs(r.bonuses[i], rules.bonuses[i]), note: narrator.note(r.bonuses[i], rules.bonuses[i]))
        }
    }

    /// The texts of a standard, deduction or bonus: from here when made, else from `narrator`.
    static func texts(_ list: [Texts?]?, _ i: Int, _ narrator: Narrator, _ r: StandardResult, _ s: Standard) -> Texts {
        if let list, i < list.count, let t = list[i] { return t }
        return Texts(inputs: narrator.inputs(r, s), note: narrator.note(r, s))
    }
}

extension SheetNarration {
    /// What a veto that held did, on its row of a score sheet (CSV and HTML alike):
    /// `定为不合格，总分不超过 59 分`, the cap as `TotalWords.capText` writes it for `report`.
    static func vetoEffect(_ veto: Veto, fmt: ValueFormatter, lang: Language, as report: ScoreReport) -> String {
        [veto.grade.map { lang.t("定为\($0)", "grade \($0)") },
         veto.capTotal.map { c in TotalWords.capText(c, fmt: fmt, as: report) }.map { lang.t("总分不超过 \($0) 分", "total at most \($0)") }]
            .compactMap { $0 }.joined(separator: lang.t("，", ", "))
    }

    /// The note on an area's subtotal row: a prorated area's factor, a cap, the deductions, and
    /// (since 0.24.0) when the rows as the sheet shows them add up to another figure than the
    /// subtotal, what each is, so that a reader adding the column by hand sees why.
    ///
    /// Before 0.17.0 the deduction ran on (`…折算扣 0.5 分`); a seal of then is rebuilt so.
    static func subtotalNote(_ session: ScoringSession, _ r: UnitResult, area a: Int, fmt: ValueFormatter, lang: Language) -> String {
        let ar = r.areas[a]
        var note = ""
        if let f = ar.prorateFactor, f.isZero { note = lang.t("本方面所有标准均不考核", "no standard of this area could be assessed") }
        else if let f = ar.prorateFactor { note = lang.t("部分标准不考核，其余按 ×\(f.plainText(maxPlaces: 4)) 折算", "some standards not assessed; the rest scaled ×\(f.plainText(maxPlaces: 4))") }
        if ar.earned > ar.capped { note += lang.t("（封顶）", " (capped)") }
        let separated = session.report.writes(since: ScoreReport.v0_17)
        func clause(_ zh: String, _ en: String) {
            if separated && !note.isEmpty { note += lang.t("；", "; ") }
            note += lang.t(zh, en)
        }
        if !ar.deducted.isZero {
            if separated && !note.isEmpty { note += lang.t("；", ";") }
            note += lang.t("扣 \(fmt.points(ar.deducted)) 分", " \(fmt.points(ar.deducted)) deducted")
        }
        // The rows add up as shown unless rounding moved them, or the deductions passed what the
        // area earned (they take it to 0, no further); a prorated or capped area says why its
        // rows do not add up already.
        if session.report.writes(since: ScoreReport.v0_24) && ar.prorateFactor == nil && !(ar.earned > ar.capped) {
            let places = fmt.rowPlaces
            var shown = Rational.zero, rows = Rational.zero, deductions = Rational.zero
            for i in session.plan.areaStandards[a] {
                shown += r.standards[i].points.rounded(places: places)
                rows += r.standards[i].points
            }
            for i in session.plan.areaDeductions[a] {
                shown -= r.deductions[i].points.rounded(places: places)
                deductions += r.deductions[i].points
            }
            if deductions > ar.deducted {
                clause("扣分不超过本方面的得分：扣分项共 \(fmt.points(deductions)) 分，实扣 \(fmt.points(ar.deducted)) 分",
                       "deductions take at most the area's points: \(fmt.points(deductions)) in all, \(fmt.points(ar.deducted)) taken off")
            } else if rows - deductions == ar.subtotal && shown != ar.subtotal.rounded(places: places) {
                // (Compared at the rows' places: a subtotal shown to fewer places, at a coarser
                // precision, is rounded as every total is, and says nothing here.) Since 0.27.1
                // cut where rounding at six places would read otherwise than the subtotal shown
                // (6.7949996 is `6.794999…`, not `6.795…`, beside 6.79).
                let exact = session.report.writes(since: ScoreReport.v0_27_1)
                    ? ShownValue.text(ar.subtotal, places: 6, checkedAt: session.rules.ranking.precision)
                    : ShownValue.text(ar.subtotal, places: 6, cut: false)
                clause("各行得分相加为 \(shown.formatted(places: places))；小计用未经四舍五入的分数相加，为 \(exact)，记 \(fmt.fixed(ar.subtotal)) 分",
                       "the rows as shown add up to \(shown.formatted(places: places)); the subtotal adds the unrounded points, \(exact), shown as \(fmt.fixed(ar.subtotal))")
            }
        }
        return note
    }

    /// The CSV, JSON and workbook sheets' subtotal note before 0.24.0 (`不予考核`, `封顶`, clauses
    /// run together), as a seal of then is rebuilt.
    static func subtotalNoteBefore024(_ ar: UnitResult.AreaResult, fmt: ValueFormatter, lang: Language) -> String {
        var note = ""
        if let f = ar.prorateFactor, f.isZero { note = lang.t("本方面所有标准均不予考核", "no standard of this area could be assessed") }
        else if let f = ar.prorateFactor { note = lang.t("部分标准不予考核，其余按 ×\(f.plainText(maxPlaces: 4)) 折算", "some standards not assessed; the rest scaled ×\(f.plainText(maxPlaces: 4))") }
        if ar.earned > ar.capped { note += lang.t("封顶", " capped") }
        if !ar.deducted.isZero { note += lang.t("扣 \(fmt.points(ar.deducted)) 分", " \(fmt.points(ar.deducted)) deducted") }
        return note
    }
}
