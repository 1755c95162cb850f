/// Why the bulk path handed the input over to the checked readers (and the checked
/// evaluator), which alone make messages: `kaimen score --timings` prints it as one line
/// `handover<TAB>reason`, so a user who wonders why a large session was slow sees what to
/// clean up.
///
/// A reason is what the bulk reader met first in the file; it is not an error report (the
/// checked reader may find the input valid: a quoted cell, a tab, a rows order it reads
/// slowly) and never carries a location. The raw value is the name printed.
public enum BulkHandOver: String, Sendable, Equatable, CaseIterable, Error {
    // The run as a whole.
    /// The rules file loaded with warnings, or its scoring plan did not compile.
    case rulesNotClean
    /// An input file could not be mapped (missing, unreadable, empty).
    case fileUnreadable
    /// Not a plain UTF-8 CSV: JSON units, a UTF-16 byte order mark, a workbook.
    case notCSV
    /// The header is not what the bulk reader takes: a blank or repeated name, a missing
    /// column, a column it does not know, a header that is not plain text, a ballots column of
    /// names or the group for the typist (姓名, 单位名称, 组别 since 0.29.3: checked against the
    /// ids by the checked reader).
    case header

    // Any cell.
    /// A cell with a double quote: quoted cells are left to the checked reader.
    case quotedCell
    /// A cell with a control character, invalid UTF-8, or a no-break or ideographic space
    /// at either end.
    case notPlainText
    /// A lone CR line end.
    case lineEnd
    /// A row with fewer or more cells than the header.
    case fieldCount

    // Ballots.
    /// A unit id not in the units file.
    case unknownUnit
    /// A representative id not in the roster.
    case unknownRepresentative
    /// A standard id or ballot item key (long form) that is no ballot item.
    case unknownStandard
    /// Text in a long-form column no one reads (a remark such as `改为4分`), of which the
    /// checked reader warns: it could be taken for a correction.
    case textInUnreadColumn
    /// An empty score cell in a long-form row.
    case missingScore
    /// A score that is not a plain decimal number (letters, an exponent, a sign, …).
    case badNumber
    /// A score with more decimals than the bulk reader keeps (`BulkBallotsReader.maxScale`).
    case tooManyDecimals
    /// A score below zero, above the item's maximum, or too large for the fast columns.
    case scoreOutOfRange
    /// A score off the rules' score step.
    case offStep
    /// A representative scored the same unit and item twice.
    case duplicateBallot
    /// The file holds no ballot at all.
    case noBallots
    /// More ballots than the fast columns can count.
    case tooLarge

    // Units and roster.
    /// A units row the bulk units reader does not take (a value it does not read, a missing
    /// value under `missing: error`, a repeated id, …).
    case unitsRow
    /// A unit's value beyond a bound a rule puts on it (`Rules.valueBounds`): a ratio with
    /// `maxOne` above one, a survey's respondents above its population (since 0.29.7; before,
    /// `unitsRow`).
    case impossibleValue
    /// A roster row the bulk roster reader does not take (an unknown own unit, a repeated
    /// id, …).
    case rosterRow

    // `--strict`.
    /// Recusals under `--strict`: the checked path reports them as errors.
    case recusalUnderStrict
    /// A veto that cannot be checked, under `--strict`.
    case vetoUncheckedUnderStrict

    /// The reason for a cell that was not what the reader wanted: a quote or text that is not
    /// plain wins over `otherwise` (e.g. `badNumber`), since that is what to fix first.
    static func cell(_ p: UnsafePointer<UInt8>, _ n: Int, otherwise: BulkHandOver) -> BulkHandOver {
        for i in 0 ..< n where p[i] == BulkCSV.quote { return .quotedCell }
        return BulkCSV.isPlain(p, n) ? otherwise : .notPlainText
    }

    /// The reason for a row that `BulkCSV.splitRecord` refused at `pos`: a quote or a lone
    /// CR in it, or else too few or too many cells.
    static func row(_ p: UnsafeBufferPointer<UInt8>, from pos: Int, limit: Int) -> BulkHandOver {
        var i = pos
        while i < limit && p[i] != BulkCSV.lf {
            if p[i] == BulkCSV.quote { return .quotedCell }
            if p[i] == BulkCSV.cr && (i + 1 >= limit || p[i + 1] != BulkCSV.lf) { return .lineEnd }
            i += 1
        }
        return .fieldCount
    }
}

extension BulkHandOver {
    /// The reason for a file whose header `BulkCSV.header` refused: another encoding or a
    /// workbook, or a header it does not take.
    static func header(_ p: UnsafeBufferPointer<UInt8>) -> BulkHandOver {
        let n = p.count
        if n == 0 { return .fileUnreadable }
        if n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)) { return .notCSV }
        if n >= 4 && ((p[0] == 0x50 && p[1] == 0x4B && p[2] == 0x03 && p[3] == 0x04) || (p[0] == 0xD0 && p[1] == 0xCF && p[2] == 0x11 && p[3] == 0xE0)) {
            return .notCSV
        }
        return .header
    }
}

extension BulkRosterReader {
    /// Why `read` handed `p` over: its header's reason when the header is what stopped it,
    /// else `rosterRow`.
    static func handOver(_ p: UnsafeBufferPointer<UInt8>) -> BulkHandOver {
        guard let header = BulkCSV.header(p) else { return BulkHandOver.header(p) }
        return Layout(header: header.names) == nil ? .header : .rosterRow
    }
}
