import Foundation

/// The ballots a session's journal confirms now, as a long ballots file
/// (`representative,unit,standard,score`, in the order the sheets are expected: what `score`
/// would read), and how many sheets are confirmed (0: nothing can be scored yet).
struct ConfirmedBallots: Sendable {
    var csv: Data
    var confirmedSheets: Int
}

extension SessionFolder {
    /// Decides every expected sheet once, in the order the sheets are expected: `each` is given
    /// each sheet, its current entries and its decision (`status`'s rows), and the counted
    /// ballots are written from the same decisions. `session status` of an open session decided
    /// each sheet three times, for its row, for the confirmed count and for the ballots (about
    /// 9 % of its time, session 49). `ballots` false: the decisions alone, no ballots written
    /// (a closed session's status).
    static func decideSheets(_ state: SessionState, setup: SessionSetup, ballots: Bool = true,
                             each: (ExpectedBallots.Sheet, [DoubleEntry.Entry], DoubleEntry.Decision) -> Void = { _, _, _ in }) -> ConfirmedBallots {
        var text = "representative,unit,standard,score\n"
        var confirmed = 0
        for sheet in setup.expected.sheets {
            let current = state.currentEntries(sheet)
            let decision = state.decision(sheet, items: setup.expected.items, entries: current)
            each(sheet, current, decision)
            if decision.state == .confirmed { confirmed += 1 }
            guard ballots else { continue }
            let values = decision.values
            for item in setup.expected.items {
                if let v = values[item] { text += "\(sheet.representative),\(sheet.unit),\(item),\(v)\n" }
            }
        }
        return ConfirmedBallots(csv: Data(text.utf8), confirmedSheets: confirmed)
    }
}
