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
