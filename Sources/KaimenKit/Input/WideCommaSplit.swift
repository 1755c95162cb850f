/// A wide ballots row one cell longer than the header, where one comma typed for a point
/// (`1,5` for 1.5: the keys sit side by side) split a score in two: the place, found by
/// joining each pair of neighbouring cells with a point and keeping the one join after which
/// every score of the row is one its standard allows.
struct WideCommaSplit: Equatable {
    /// The first of the two cells (0-based column), and the score they make together.
    let column: Int
    let joined: String
    let typed: String
    /// The first cell's place, where the error is said.
    let at: SourceLocation

    /// The split in row `r` of `csv`, if exactly one join mends the row. `itemCols` are the
    /// wide file's score columns and their items; `valid` says whether a text is a score the
    /// item allows.
    static func find(_ csv: CSVTable, row r: Int, itemCols: [(Int, String)], valid: (String, String) -> Bool) -> WideCommaSplit? {
        let fields = csv.records[r].fields
        guard fields.count == csv.header.count + 1 else { return nil }
        let texts = fields.map { csv.buffer.string($0).trimmingSpaces() }
        func digits(_ t: String) -> Bool { !t.isEmpty && t.utf8.count <= 3 && t.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        let scoreColumns = itemCols.map(\.0)
        guard let first = scoreColumns.min(), let last = scoreColumns.max() else { return nil }
        var found: WideCommaSplit?
        // Only a join that ends within the score columns: one after them (a sheet number
        // `12,3`) mends no score. Each join is tried by index, not on a copy of the row.
        for j in first ... last where digits(texts[j]) && digits(texts[j + 1]) {
            let joined = texts[j] + "." + texts[j + 1]
            func cell(_ c: Int) -> String { c < j ? texts[c] : c == j ? joined : texts[c + 1] }
            guard itemCols.allSatisfy({ cell($0.0).isEmpty || valid(cell($0.0), $0.1) }) else { continue }
            // Two joins that both mend the row: which one was typed cannot be told.
            if found != nil { return nil }
            found = WideCommaSplit(column: j, joined: joined, typed: texts[j] + "," + texts[j + 1], at: csv.location(row: r, column: j))
        }
        return found
    }

    /// `diagnostics` with each split's ragged-row error placed at its first cell and told what
    /// to write there.
    static func said(_ splits: [Int: WideCommaSplit], in diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard !splits.isEmpty else { return diagnostics }
        return diagnostics.map { d in
            // Not the line that counts the rows left unlisted, which stands at the first of them.
            guard d.code == DiagnosticCode.csvRaggedRow.rawValue, d.omitted == 0, let cell = d.location?.cell,
                  let split = splits[cell.row] else { return d }
            var d = d
            d.location = split.at
            let letters = (CellPosition.letter(split.column), CellPosition.letter(split.column + 1))
            d.hintText = Localized(
                zh: "\(letters.0)、\(letters.1) 两格的 `\(split.typed)` 多半是 \(split.joined)（逗号和句点在键盘上挨着）：改成 \(split.joined)，本行的分数就都对上了",
                en: "`\(split.typed)` in columns \(letters.0) and \(letters.1) is most likely \(split.joined) (the comma sits beside the point on the keyboard): write \(split.joined), and every score of the row falls in place")
            return d
        }
    }
}
