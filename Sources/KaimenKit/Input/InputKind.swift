/// Which input a CSV header looks like, for a file given in another's place (`--units` and
/// `--roster` swapped, the roster given as the ballots). Without it, a roster read as the
/// units file was forty-odd "missing column" errors, one per metric, and not one word about
/// the file being the wrong one.
///
/// Only a header that is clearly one kind is named, by columns no other kind has: a units file
/// by its metrics (when the rules are known) or its category column; a roster by its own units,
/// role or conflicts column; a ballots file by a score column or the ballot standards'
/// columns beside its representative; a schedule by its time or place column beside a group.
/// A reader asks only when its own columns are missing, so a file of its kind with one column
/// misnamed is still told which column.
enum InputKind: Sendable, Equatable {
    case units, roster, ballots, schedule

    /// The file in Chinese and English: `单位文件` / `the units file`.
    var name: Localized { ReaderMessages.fileKind(self) }

    /// The command-line option that names this file.
    var option: String {
        switch self {
        case .units: "--units"
        case .roster: "--roster"
        case .ballots: "--ballots"
        case .schedule: "--schedule"
        }
    }

    /// The kind `header` clearly is, or `nil`. `rules`, when given, supplies the metrics (a
    /// units file's columns) and the ballot standards (a wide ballots file's).
    static func guess(_ header: [String], rules: Rules?) -> InputKind? {
        let has = { (names: [String]) in ColumnNames.find(names, in: header) != nil }
        let cells = Set(header)
        let metricColumns = rules.map { r in r.metrics.filter { cells.contains($0.id) || cells.contains($0.name) }.count } ?? 0
        let ballotColumns = rules.map { r in BallotItem.items(of: r).filter { cells.contains($0.key) }.count } ?? 0
        let representative = has(ColumnNames.representative)
        if representative && (has(ColumnNames.score) || ballotColumns > 0) { return .ballots }
        if metricColumns > 0 || (has(ColumnNames.category) && !representative) { return .units }
        // Columns only a roster has: its own units (less `unit`, `单位` and `单位编号`, also a
        // ballots file's unit column), role or conflicts.
        if has(ColumnNames.repUnits.filter { !ColumnNames.ballotUnit.contains($0) } + ColumnNames.role + ColumnNames.conflicts) { return .roster }
        if has(ScheduleReader.groupColumn) && has(ScheduleReader.timeColumn + ScheduleReader.placeColumn) { return .schedule }
        return nil
    }

    /// The one error for a file read as `expected` whose `header` looks like `actual`; `nil`
    /// when it does not look like another kind.
    static func wrongFile(_ header: [String], rules: Rules?, expected: InputKind, at location: SourceLocation) -> Diagnostic? {
        guard let actual = guess(header, rules: rules), actual != expected else { return nil }
        let shown = header.prefix(6).map { Echo.cell($0) }.joined(separator: ", ") + (header.count > 6 ? ", …" : "")
        return .error(.wrongFile, ReaderMessages.wrongFile(looksLike: actual.name, not: expected.name, header: shown),
                      at: location, hint: ReaderMessages.checkFileOptions(expected.option, actual.option))
    }
}
