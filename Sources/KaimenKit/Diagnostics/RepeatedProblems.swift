/// The same problem, met in many cells, reported once with how many cells it affects.
///
/// An unknown unit id in a wide ballots row would otherwise print one identical line per
/// standard column, and a misspelt representative id in a long file one per ballot. Problems
/// with the same code, severity, file and text are merged into the first one, whose text
/// then says in how many more cells, and in which rows, it recurs.
enum RepeatedProblems {
    static func merged(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        struct Key: Hashable { var code: String; var severity: Diagnostic.Severity; var file: String?; var text: Localized; var hint: Localized? }
        var first: [Key: Int] = [:]
        var repeats: [Int: [SourceLocation?]] = [:]
        var out: [Diagnostic] = []
        for d in diagnostics {
            let key = Key(code: d.code, severity: d.severity, file: d.location?.file, text: d.text, hint: d.hintText)
            if let i = first[key] {
                repeats[i, default: []].append(d.location)
            } else {
                first[key] = out.count
                out.append(d)
            }
        }
        for (i, more) in repeats {
            out[i].text = out[i].text.appending(note(more.count, rows: more.map { $0.map(row) }, firstRow: out[i].location.map(row)))
        }
        return out
    }

    private static func row(_ l: SourceLocation) -> Int { l.cell?.row ?? l.line }

    /// `（同样的问题另有 7 处：第 3、4 行）` / ` (and 7 more cells: rows 3, 4)`; with cells in the
    /// message's own row among them, `（同样的问题另有 55 处，在本行和第 3、4 行）`.
    static func note(_ n: Int, rows: [Int?], firstRow: Int?) -> Localized {
        var seen = Set<Int>()
        let distinct = rows.compactMap { $0 }.filter { seen.insert($0).inserted }
        // The rows listed are the others: the message's own row is said as `本行` (a wide row
        // repeats a bad unit id in every standard's cell), never listed as if it were another.
        let others = distinct.filter { $0 != firstRow }
        let shown = others.prefix(5).map(String.init)
        let more = others.count > 5 ? "…" : ""
        let plural = n == 1 ? "" : "s"
        if others.isEmpty {
            return Localized(zh: "（同一行另有 \(n) 个单元格相同）", en: " (and \(n) more cell\(plural) in the same row)")
        }
        let rowsEN = "row\(others.count == 1 ? "" : "s") \(shown.joined(separator: ", "))\(more)"
        if others.count < distinct.count {
            return Localized(zh: "（同样的问题另有 \(n) 处，在本行和第 \(shown.joined(separator: "、"))\(more) 行）",
                             en: " (and \(n) more cell\(plural), in this row and \(rowsEN))")
        }
        return Localized(zh: "（同样的问题另有 \(n) 处：第 \(shown.joined(separator: "、"))\(more) 行）",
                         en: " (and \(n) more cell\(plural): \(rowsEN))")
    }
}

extension Localized {
    func appending(_ other: Localized) -> Localized { Localized(zh: zh + other.zh, en: en + other.en) }
}
