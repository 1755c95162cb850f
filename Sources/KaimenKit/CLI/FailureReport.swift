import Foundation

/// What a command said went wrong, kept as it is printed, for the one place that decides how the
/// command ended (`Command.main`): a run asked for `--format json` that fails gets, on standard
/// output, one JSON object with the exit code and every error and warning (``failureJSON``), as a
/// web form or a script reads it; a run refused by a lock another kaimen command holds ends
/// ``ExitCode/busy``. Standard error is written as it always is.
final class FailureRecorder: Console {
    let inner: any Console
    private struct State {
        var wroteOut = false
        var noted: [Diagnostic] = []
        /// Standard error's lines that are errors (`错误：…`), for a failure said without a
        /// diagnostic behind it.
        var errorLines: [String] = []
        var pending = ""
    }
    private let state = Locked(State())
    private let errorLabels: [String]

    init(_ inner: any Console) {
        self.inner = inner
        errorLabels = Language.allCases.map { CommandMessages.errorLabel.text($0) }
    }

    func out(_ text: String) {
        state.withLock { $0.wroteOut = true }
        inner.out(text)
    }
    func err(_ text: String) {
        let labels = errorLabels
        state.withLock { s in
            s.pending += text
            while let end = s.pending.firstIndex(of: "\n") {
                let line = String(s.pending[..<end])
                s.pending.removeSubrange(...end)
                if labels.contains(where: line.hasPrefix) { s.errorLines.append(line) }
            }
        }
        inner.err(text)
    }
    var errIsTerminal: Bool { inner.errIsTerminal }
    var currentDirectory: String { inner.currentDirectory }
    var processEndsAfterCommand: Bool { inner.processEndsAfterCommand }
    var outWidth: Int? { inner.outWidth }
    var outIsFile: Bool { inner.outIsFile }

    /// A problem as it is printed (its file as the terminal names it).
    func note(_ d: Diagnostic) { state.withLock { $0.noted.append(d) } }

    /// Whether the command printed anything on standard output.
    var wroteOut: Bool { state.withLock { $0.wroteOut } }

    /// The codes that mean another kaimen command holds a lock: try again later, the data is not at fault.
    static let busyCodes: Set<String> = [DiagnosticCode.sessionLocked.rawValue, DiagnosticCode.outputLocked.rawValue]

    /// How the command ends: `code`, but a failure whose errors are all a lock held elsewhere is ``ExitCode/busy``.
    func exitCode(_ code: ExitCode) -> ExitCode {
        guard code == .failure else { return code }
        let errors = state.withLock { $0.noted }.filter { $0.severity == .error }
        return !errors.isEmpty && errors.allSatisfy({ Self.busyCodes.contains($0.code) }) ? .busy : code
    }

    /// The failure object (docs/diagnostics.md): `ok`, `exitCode`, `command`, `errors`, `warnings`
    /// and `diagnostics`, each a ``Diagnostic/json(_:)``. An error said without a diagnostic (most
    /// of the command line's) is given `usage-error` when the run ends 64, `run-failed` otherwise.
    func failureJSON(_ code: ExitCode, command: [String], lang: Language) -> String {
        let (noted, lines) = state.withLock { ($0.noted, $0.errorLines + ($0.pending.isEmpty ? [] : [$0.pending])) }
        let kind: DiagnosticCode = code == .usage ? .usageError : .runFailed
        var items = noted.filter { $0.severity != .note }.map { d in
            var d = d
            if d.code.isEmpty { d.code = kind.rawValue }
            return d
        }
        if !items.contains(where: { $0.severity == .error }) {
            let label = CommandMessages.errorLabel.text(lang)
            items += lines.filter { $0.hasPrefix(label) }.map { .error(kind.rawValue, String($0.dropFirst(label.count))) }
        }
        let count = { (s: Diagnostic.Severity) in items.reduce(0) { $1.severity == s ? $0 + max(1, $1.omitted) : $0 } }
        return JSONOut.object([
            "ok": .bool(false), "exitCode": .num(Int(code.rawValue)), "command": .string(command.joined(separator: " ")),
            "version": .string(CLI.version), "errors": .num(count(.error)), "warnings": .num(count(.warning)),
            "diagnostics": .array(items.map { $0.json(lang) }),
        ]).rendered()
    }

    /// Whether the command line asks for `--format json` (`--format=json`, `--format JSON`, a
    /// Chinese word for it): read from the words as typed, so that a command line that does not
    /// parse gets its failure as JSON too.
    static func wantsJSON(_ arguments: [String], options: [OptionSpec]) -> Bool {
        guard let format = options.first(where: { $0.name == "--format" }), format.choices?.contains("json") == true else { return false }
        let words = arguments.prefix { $0 != "--" }
        var values: [String] = []
        for (i, w) in words.enumerated() {
            if w == "--format", i + 1 < words.count { values.append(words[i + 1]) }
            if w.hasPrefix("--format=") { values.append(String(w.dropFirst(9))) }
        }
        guard let last = values.last else { return false }
        return last.lowercased() == "json" || format.words.contains { $0.word == last && $0.choice == "json" }
    }
}

extension Console {
    /// A problem on standard error as the terminal shows it (its file relative to where the
    /// command runs), kept for the failure object.
    func say(_ d: Diagnostic, _ lang: Language) {
        let shown = relativeDiagnostic(d, self)
        (self as? FailureRecorder)?.note(shown)
        errLine(relativeLine(shown, self, lang))
    }

    /// A problem already rendered for the terminal (`line`), kept for the failure object as `d`.
    func say(_ d: Diagnostic, line: String) {
        (self as? FailureRecorder)?.note(d)
        errLine(line)
    }
}

extension Console {
    /// Why an output (`--out`) was not written, as `OutputError.said` says it, kept for the failure object.
    func sayNotWritten(_ error: any Error, out: String, in here: String, lang: Language) {
        say(OutputError.diagnostic(error, out: out, in: here), line: OutputError.said(error, out: out, in: here, lang: lang))
    }
}
