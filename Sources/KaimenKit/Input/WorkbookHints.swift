/// The hints a workbook adds to the readers' messages, from what its worksheet says of the
/// cells they name (``WorkbookFacts``): a cell under a merged range reads empty whatever the
/// range shows, so the message's hint says to unmerge, which filling in alone would not mend.
enum WorkbookHints {
    /// `diagnostics` with the hints `facts` give (none without a workbook).
    static func apply(_ diagnostics: [Diagnostic], _ facts: WorkbookFacts?) -> [Diagnostic] {
        guard let facts, !facts.merged.isEmpty else { return diagnostics }
        return diagnostics.map { d in
            guard let cell = d.location?.cell, !cell.wholeHeader, d.omitted == 0, let range = facts.mergedAway(cell) else { return d }
            var d = d
            d.hintText = ReaderMessages.mergedCell(range)
            return d
        }
    }
}
