/// The warnings and the 提示 list a what-if command (`compare`, `sensitivity`) prints on standard
/// error beside its output, carried into the outputs a committee prints or files: the HTML page
/// (a section above the table) and the CSV (rows above the header). Before 0.29.7 those outputs
/// dropped them, and a page printed for a meeting said nothing of rescaled ballots, recusals or
/// vetoes that the terminal had said.
public struct Caveats: Sendable, Equatable {
    /// The warnings, each line as printed (`警告：…`, a line one rules file alone gives with that
    /// file before it).
    public var warnings: [String]
    /// The 提示 list, each line as printed.
    public var notes: [String]

    public init(warnings: [String] = [], notes: [String] = []) {
        self.warnings = warnings
        self.notes = notes
    }

    public var isEmpty: Bool { warnings.isEmpty && notes.isEmpty }

    /// Rows for the CSV above the table's header: `警告` or `提示` and the line, one row each,
    /// then an empty row. Leading rows, not a second file: CSV goes to standard output, one
    /// file, and a sheet opened in Excel or WPS keeps them in view above the table; the empty
    /// row ends them, so that a filter or sort set on the header row leaves them alone. None
    /// when there is nothing to say, so the header is then the first row, as before.
    public func csvPreamble(lang: Language) -> [[ExportCell]] {
        guard !isEmpty else { return [] }
        let warning = lang.t("警告", "warning"), note = lang.t("提示", "note")
        return warnings.map { [.text(warning), .text($0)] } + notes.map { [.text(note), .text($0)] } + [[.empty]]
    }

    /// A section of the page: the warnings, then the 提示 list, each a list under its heading.
    public func html(lang: Language) -> HTMLText {
        guard !isEmpty else { return HTMLText(markup: "") }
        func list(_ heading: String, _ lines: [String]) -> HTMLText {
            guard !lines.isEmpty else { return HTMLText(markup: "") }
            var out = HTMLText(markup: "<h2>") + HTMLText(heading) + HTMLText(markup: "</h2><ul class=\"caveats\">")
            for line in lines { out = out + HTMLText(markup: "<li>") + HTMLText(line) + HTMLText(markup: "</li>") }
            return out + HTMLText(markup: "</ul>")
        }
        return HTMLText(markup: "<section class=\"caveats\">")
            + list(lang.t("警告（\(warnings.count) 条）", "Warnings (\(warnings.count))"), warnings)
            + list(lang.t("提示（\(notes.count) 条）", "Notes (\(notes.count))"), notes)
            + HTMLText(markup: "</section>")
    }
}
