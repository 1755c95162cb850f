/// The warnings of a scoring run, as `score` prints them on standard error after its output:
/// the inputs' own (a ballot cell left blank, a workbook's hidden rows, a metric's column
/// missing, …), then the 提示 list (recusals, sheets not counted, standards not assessed,
/// vetoes held or not checked, quota moves). Above 1000 units the list names at most 20 units a
/// line and 20 lines a kind, as `score` shortens it.
///
/// `explain`, `compare` and `sensitivity` print them too (since 0.29.2: they printed none, and a
/// blank cell or a recusal that moved the figures they showed went unsaid). Standard output keeps
/// only the command's own output, so `--format csv` and `json` stay whole.
enum RunWarnings {
    /// How many units a line, and lines a kind, the 提示 list names for a run of `units` units.
    static func limit(units: Int) -> Int? { units > 1000 ? 20 : nil }

    /// The 提示 list of `report`, shortened as `score` shortens it.
    static func list(_ report: ScoreReport, lang: Language) -> [String] {
        SessionWarnings.collect(report, lang: lang, limit: limit(units: report.scores.unitCount))
    }

    /// Prints the warnings of a run of the files given on the command line (paths as typed).
    static func print(_ report: ScoreReport, console: Console, lang: Language) {
        for d in report.inputWarnings { console.say(d, lang) }
        console.warnings(list(report, lang: lang), lang: lang)
    }

    /// The lines `print` gives (for a session folder `dir`, as typed), for the page and the CSV
    /// that carry them (`Caveats`).
    static func caveats(_ report: ScoreReport, session dir: String?, console: Console, lang: Language) -> Caveats {
        let warnings = report.inputWarnings.map { d in dir.map { SessionCommandSupport.rendered(d, dir: $0, lang: lang, console: console) } ?? relative(d, console, lang) }
        let notes = list(report, lang: lang)
        return Caveats(warnings: warnings, notes: dir == nil ? notes : notes.map(SessionCommandSupport.clean))
    }

    /// Prints the warnings of a run on a session folder's input copies (`dir` as typed): the
    /// copies' own warnings under the words `session close` gives them (said at `init`; a copy
    /// sealed by its hash cannot be corrected), then the 提示 list.
    static func print(_ report: ScoreReport, session dir: String, console: Console, lang: Language) {
        if !report.inputWarnings.isEmpty { console.errLine(SessionMessages.inputWarningsAgain.text(lang)) }
        SessionCommandSupport.report(report.inputWarnings, dir: dir, lang: lang, console: console)
        console.warnings(list(report, lang: lang).map(SessionCommandSupport.clean), lang: lang)
    }
}
