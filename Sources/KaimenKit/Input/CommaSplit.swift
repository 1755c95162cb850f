/// A CSV row one cell longer than the header (empty cells after it left out), where one comma split a value in two, so that
/// every cell after it stands under the next header: the place, found by joining each pair of
/// neighbouring cells and keeping the one join after which every value of the row is one its
/// column allows. Two kinds:
/// - a wide ballots row's score with a comma typed for a point (`1,5` for 1.5: the keys sit
///   side by side), joined with a point;
/// - a units file's number with a thousands separator Excel wrote without quotes (`1,280`),
///   joined without one.
struct CommaSplit: Equatable {
    enum Kind: Equatable {
        /// `1,5`: a score, its point typed as a comma.
        case point
        /// `1,280`: a number with a thousands separator.
        case thousands

        /// The text the two cells make together, when they fit the kind's pattern.
        func join(_ a: String, _ b: String) -> String? {
            func digits(_ t: Substring, _ n: ClosedRange<Int>) -> Bool { n.contains(t.utf8.count) && t.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
            switch self {
            case .point:
                return digits(a[...], 1 ... 3) && digits(b[...], 1 ... 3) ? a + "." + b : nil
            case .thousands:
                // `1,280` or `1,280.5`: one to three digits, then three (and perhaps decimals).
                let whole = b.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
                guard digits(a[...], 1 ... 3), let first = whole.first, digits(first, 3 ... 3),
                      whole.count == 1 || digits(whole[1], 1 ... 12) else { return nil }
                return a + b
            }
        }
    }

    let kind: Kind
    /// The first of the two cells (0-based column), and the value they make together.
    let column: Int
    let joined: String
    let typed: String
    /// The first cell's place, where the error is said.
    let at: SourceLocation

    /// The split in row `r` of `csv`, if exactly one join mends the row. `columns` are the
    /// columns whose values are checked, each with what `valid` needs to check it; `valid`
    /// says whether a text is a value its column allows.
    static func find<Key>(_ kind: Kind, _ csv: CSVTable, row r: Int, columns: [(Int, Key)], valid: (String, Key) -> Bool) -> CommaSplit? {
        // Empty cells after the row's last filled one (an export's `,,`) are no part of it.
        let count = csv.filledCount(r)
        guard count == csv.header.count + 1 else { return nil }
        let texts = csv.records[r].fields.prefix(count).map { csv.buffer.string($0).trimmingSpaces() }
        guard let first = columns.map(\.0).min(), let last = columns.map(\.0).max() else { return nil }
        var found: CommaSplit?
        // Only a join that ends within the checked columns: one after them (a sheet number
        // `12,3`) mends no value. Each join is tried by index, not on a copy of the row.
        for j in first ... last {
            guard let joined = kind.join(texts[j], texts[j + 1]) else { continue }
            func cell(_ c: Int) -> String { c < j ? texts[c] : c == j ? joined : texts[c + 1] }
            guard columns.allSatisfy({ cell($0.0).isEmpty || valid(cell($0.0), $0.1) }) else { continue }
            // Two joins that both mend the row: which one was typed cannot be told.
            if found != nil { return nil }
            found = CommaSplit(kind: kind, column: j, joined: joined, typed: texts[j] + "," + texts[j + 1], at: csv.location(row: r, column: j))
        }
        return found
    }

    /// `diagnostics` with each split's ragged-row error placed at its first cell and told what
    /// to write there.
    static func said(_ splits: [Int: CommaSplit], in diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard !splits.isEmpty else { return diagnostics }
        return diagnostics.map { d in
            // Not the line that counts the rows left unlisted, which stands at the first of them.
            guard d.code == DiagnosticCode.csvRaggedRow.rawValue, d.omitted == 0, let cell = d.location?.cell,
                  let split = splits[cell.row] else { return d }
            var d = d
            d.location = split.at
            let letters = (CellPosition.letter(split.column), CellPosition.letter(split.column + 1))
            switch split.kind {
            case .point:
                d.hintText = Localized(
                    zh: "\(letters.0)、\(letters.1) 两格的 `\(split.typed)` 多半是 \(split.joined)（逗号和句点在键盘上挨着）：改成 \(split.joined)，本行的分数就都对上了",
                    en: "`\(split.typed)` in columns \(letters.0) and \(letters.1) is most likely \(split.joined) (the comma sits beside the point on the keyboard): write \(split.joined), and every score of the row falls in place")
            case .thousands:
                d.hintText = Localized(
                    zh: "\(letters.0)、\(letters.1) 两格的 `\(split.typed)` 多半是 \(split.joined)（千位分隔符的逗号把一个数分成了两格）：改成 \(split.joined)，或加英文双引号写成 `\"\(split.typed)\"`，本行的数就都对上了",
                    en: "`\(split.typed)` in columns \(letters.0) and \(letters.1) is most likely \(split.joined) (a thousands separator split one number into two cells): write \(split.joined), or quote it as `\"\(split.typed)\"`, and every value of the row falls in place")
            }
            return d
        }
    }
}
