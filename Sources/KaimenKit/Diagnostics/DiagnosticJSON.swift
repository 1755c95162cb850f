/// A diagnostic as JSON: the one form every `--format json` output gives a problem in
/// (`session verify`'s `problems`, the failure object of any command, docs/diagnostics.md).
/// Every key is always there, `null` where the problem has no such thing, so a script reads
/// each the same way; the message and hint are in the chosen language, shown as the terminal
/// shows them (control and invisible characters as escapes).
extension Diagnostic {
    public func json(_ lang: Language) -> JSONOut {
        func number(_ n: Int?) -> JSONOut { n.map { JSONOut.num($0) } ?? .null }
        func text(_ s: String?) -> JSONOut { JSONOut.str(s.flatMap { $0.isEmpty ? nil : $0 }) }
        // A place with a line (`rules.jsonc:3:7`), not a file as a whole (line 0) nor a CSV cell.
        let line: SourceLocation? = location.flatMap { $0.line > 0 && $0.cell == nil ? $0 : nil }
        // A cell of a CSV file or workbook; the header row as a whole has no column.
        let cell: CellPosition? = location?.cell
        let cellColumn: CellPosition? = cell.flatMap { $0.wholeHeader ? nil : $0 }
        var o: [String: JSONOut] = [:]
        o["code"] = .string(code)
        o["severity"] = .string(severity.rawValue)
        o["message"] = .string(Echo.shown(self.text.text(lang)))
        o["hint"] = text(hintText.map { Echo.shown($0.text(lang)) })
        o["file"] = .str(location?.file)
        o["line"] = number(line?.line)
        o["column"] = number(line?.column)
        o["row"] = number(cell?.row)
        o["columnLetter"] = text(cellColumn?.letter)
        o["header"] = text(cellColumn?.header)
        o["path"] = text(path)
        o["omitted"] = .num(omitted)
        return .object(o)
    }
}
