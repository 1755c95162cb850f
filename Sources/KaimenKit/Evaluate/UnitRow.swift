/// One unit's row as `ScoreTable` holds it: every value rounded at the rules' precision, the
/// grade by total, the tie-break keys, and what the warnings list (standards not scored
/// normally, vetoes that held or could not be checked).
struct UnitRow {
    var total: Int64 = 0
    let areas: ScratchBuffer<Int64>
    let standards: ScratchBuffer<Int64>
    var bonus: Int64 = 0
    var deducted: Int64 = 0
    var ballotPoints: Int64 = 0
    var gradeByTotal = 0
    var forced = false
    /// Each tie-break's key (`nil`: missing, sorts last) and its interval's width at 10⁻¹².
    let tieKeys: ScratchBuffer<Rational?>
    let tieSpread: ScratchBuffer<UInt32>
    /// The exact values of the keys that do not fit a `Rational` (rounded to odd in `tieKeys`),
    /// by tie-break: only a unit scored in `BigFraction`s has any.
    var wideTieKeys: [(tieBreak: Int, value: BigFraction)] = []
    var events: [ScoreTable.StandardEvent] = []
    var vetoes: [Int32] = []
    var vetoesUnchecked: [(veto: Int32, why: VetoNotChecked)] = []

    init(program: ScoringProgram) {
        areas = ScratchBuffer(repeating: 0, count: program.areas.count)
        standards = ScratchBuffer(repeating: 0, count: program.standardCount)
        tieKeys = ScratchBuffer(repeating: nil, count: program.ties.count)
        tieSpread = ScratchBuffer(repeating: 0, count: program.ties.count)
    }

    /// Empties the lists before the next unit.
    mutating func clearLists() {
        events.removeAll(keepingCapacity: true)
        vetoes.removeAll(keepingCapacity: true)
        vetoesUnchecked.removeAll(keepingCapacity: true)
        wideTieKeys.removeAll()
    }

    /// Whether any tie-break key is an interval rather than one value.
    var hasOpenTieKey: Bool { (0..<tieSpread.count).contains { tieSpread[$0] != 0 } }
}
