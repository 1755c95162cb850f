import Foundation

/// What the `session` subcommands share: the folder argument, `--by`, `--lang`, and printing
/// problems in the chosen language with paths a user can open.
enum SessionCommandSupport {
    static let lang = OptionSpec.language(.init(zh: "信息和表格的语言。", en: "Language of messages and tables."))
    static let by = OptionSpec.option("--by", "NAME", .init(zh: "操作人（记入日志）。", en: "Who is doing this (recorded in the journal)."))
    /// The sheet a command acts on, and why: shared by `resolve` and `void`.
    static let rep = OptionSpec.option("--rep", "ID", .init(zh: "评分表所属的代表。", en: "The representative whose sheet it is."))
    static let unit = OptionSpec.option("--unit", "ID", .init(zh: "评分表所评的单位。", en: "The unit the sheet scores."))
    static let reason = OptionSpec.option("--reason", "TEXT", .init(zh: "理由（记入日志）。", en: "Why (recorded)."))

    static func language(_ args: ParsedArguments) -> Language { Language(rawValue: args.value("--lang") ?? "zh") ?? .zh }

    /// The session folder: the one positional argument (or the first of several). A file given
    /// for it is no usage error: the command line is whole, the path names the wrong kind of
    /// thing, as a folder with no session does (since 0.29.7 both exit 1; a file exited 64): the
    /// session opened finds it (`SessionError.notAFolder`), `enter` before it reads its file.
    /// - Parameter count: how many positional arguments the command takes (`enter`: the folder
    ///   and the typed file); with the folder given and the file not, the file is what is missing.
    static func folder(_ args: ParsedArguments, usage: String, count: Int = 1, console: Console) -> (dir: String, url: URL)? {
        func isFile(_ path: String) -> Bool { SessionFolder.isFile(resolve(path, in: console.currentDirectory)) }
        guard args.positionals.count == count else {
            let lang = language(args)
            // One argument given: the file when it is one (`enter typed-a.csv`), else the folder.
            let missing = (args.positionals.first.map(isFile) ?? true) ? CommandMessages.missingSessionFolder : CommandMessages.missingTypedFile
            console.error(args.positionals.count < count ? missing : CommandMessages.unexpectedArgument(args.positionals[count]), lang)
            console.errLine(CommandMessages.usageLine(usage).text(lang))
            return nil
        }
        let dir = args.positionals[0]
        return (dir, URL(fileURLWithPath: resolve(dir, in: console.currentDirectory)))
    }

    /// A session folder given to `panel`, `compare` or `sensitivity` in place of the input files:
    /// its inputs and counted ballots, or `nil` with the problems printed.
    static func inputs(_ dir: String, lang: Language, console: Console) -> SessionInputs? {
        reading(dir, lang: lang, console: console).map(SessionInputs.init)
    }

    /// Opens a session for a command that only reads it and shows figures from it (`panel`,
    /// `compare`, `sensitivity`, `explain --session`), printing what opening found. A damaged
    /// journal (a record that does not chain or match its hash, one no command writes, or
    /// sealed ballots the journal no longer gives) gives no figures: replayed from it, they were
    /// never the session's, and were printed after the errors with exit 0 (a hostile test).
    /// It is said once, and `nil` returned (exit 1).
    static func reading(_ dir: String, lang: Language, console: Console) -> SessionFolder? {
        do {
            let folder = try SessionFolder.open(URL(fileURLWithPath: resolve(dir, in: console.currentDirectory)), shown: dir, writable: false,
                                                waiting: busyNotice(dir, lang: lang, console: console))
            let broken = folder.journal.diagnostics.contains { $0.severity == .error }
            let ballots = broken ? nil : Verifier.sealedBallotsChanged(folder)
            report(folder.journal.diagnostics + (ballots.map { [$0] } ?? []) + folder.changedInputWarnings, dir: dir, lang: lang, console: console)
            guard ballots == nil, !broken else {
                console.error(SessionMessages.damagedNoFigures(Echo.shown(dir)), lang)
                return nil
            }
            return folder
        } catch {
            report(error.diagnostics, dir: dir, lang: lang, console: console)
            return nil
        }
    }

    /// The session folder given to a command that takes either input files or a folder
    /// (`sheets`, `panel`): `--session DIR`, or `DIR` alone after the command; `problem` is the
    /// usage error for an argument beyond it.
    static func folderArgument(_ args: ParsedArguments) -> (dir: String?, problem: Localized?) {
        let session = args.value("--session")
        if args.positionals.count > (session == nil ? 1 : 0) {
            return (nil, CommandMessages.unexpectedArgument(args.positionals[session == nil ? 1 : 0]))
        }
        return (session ?? args.positionals.first, nil)
    }

    /// Input options a command given a session folder must not also be given.
    static func conflictingInputs(_ args: ParsedArguments, _ names: [String]) -> Localized? {
        let given = names.filter { args.value($0) != nil }
        return given.isEmpty ? nil : SessionMessages.folderBringsInputs(given)
    }

    /// `--by NAME`, required by every command that appends to the journal. The free text the
    /// journal keeps (`--by`, `--reason`, `--accept-missing`) may hold no control character
    /// (but a reason's line breaks and tabs) and nothing invisible (a bidi override, a
    /// zero-width space): in an audit record U+202E makes a name or a reason read otherwise
    /// than it was typed (a hostile test).
    /// - Parameter reason: the command records why (`resolve`, `void`, `appeal`): a missing or
    ///   empty `--reason` is a usage error too, said with a missing `--by` (it was found only
    ///   once the session was opened, and exited 1 where a missing `--by` exits 64).
    static func operatorName(_ args: ParsedArguments, usage: String, reason: Bool = false, console: Console) -> String? {
        let lang = language(args)
        let by = args.value("--by")?.trimmingSpaces() ?? ""
        // (The checks the replay of a journal applies to its records too: `RecordedText`.)
        let noBy = RecordedText.problem(by, option: "--by", invisible: false) != nil
        let noReason = reason && RecordedText.problem(args.value("--reason") ?? "", option: "--reason", invisible: false) != nil
        guard !noBy, !noReason else {
            if noBy { console.error(CommandMessages.byRequired, lang) }
            if noReason { console.error(SessionMessages.needReason, lang) }
            console.errLine(CommandMessages.usageLine(usage).text(lang))
            return nil
        }
        // The placeholders of the commands `status` and the hints print, copied as they are
        // (a secretary's trial recorded a resolve by “姓名” for the reason “理由”).
        let copied = SessionMessages.placeholders.filter { p in args.value(p.option).map { p.words.contains($0.trimmingSpaces()) } == true }
        if !copied.isEmpty {
            for p in copied { console.error(SessionMessages.placeholderCopied(p.option, word: args.value(p.option)!.trimmingSpaces()), lang) }
            console.errLine(CommandMessages.usageLine(usage).text(lang))
            return nil
        }
        for option in ["--by", "--reason", "--accept-missing"] {
            guard let text = args.value(option), let bad = RecordedText.forbiddenScalar(in: text, option: option) else { continue }
            console.error(SessionMessages.invisibleInText(option, text: Echo.shown(text), scalar: bad), lang)
            return nil
        }
        // A name with brackets or one that looks like an option (`operator-name`) is a bad option
        // value as the others are, and exits 64 as they do (it exited 1, found once the session
        // was opened). After the characters above, so that an escape's `[` is said as the escape.
        // The session's own check stays for the callers that record without this.
        if let problem = RecordedText.operatorNameProblem(by) {
            console.error(problem.joined(hint: SessionMessages.operatorNameHint), lang)
            console.errLine(CommandMessages.usageLine(usage).text(lang))
            return nil
        }
        return by
    }

    /// Prints problems (folder-relative paths prefixed with the folder) and returns the exit code.
    /// The messages name the folder as it was typed: the session's code makes them so
    /// (`FolderName`), given it by `SessionFolder.open`'s `shown`.
    @discardableResult
    static func report(_ diagnostics: [Diagnostic], dir: String, lang: Language, console: Console) -> ExitCode {
        for d in diagnostics { console.say(shown(d, dir: dir), line: rendered(d, dir: dir, lang: lang, console: console)) }
        return diagnostics.contains { $0.severity == .error } ? .failure : .success
    }

    /// One problem as `report` prints it.
    static func rendered(_ d: Diagnostic, dir: String, lang: Language, console: Console) -> String {
        clean(Echo.quotesCut(shown(d, dir: dir).rendered(lang)))
    }

    /// `d` with a path in the session folder named from where the command runs.
    static func shown(_ d: Diagnostic, dir: String) -> Diagnostic {
        var d = d
        if var loc = d.location, loc.file.hasPrefix("inputs/") || loc.file.hasPrefix("results") || loc.file.hasPrefix("journal") {
            loc.file = PathText.join(dir, loc.file)
            d.location = loc
        }
        return d
    }

    /// Opens the session to append to it, prints what opening found (a torn tail set aside),
    /// and runs `body`. On a refusal it prints the problems and a last line that says what was
    /// recorded: a torn tail is set aside on opening, before the command finds its own problems,
    /// so the journal did change then, and the last line must not deny it.
    static func writing(_ url: URL, dir: String, lang: Language, console: Console,
                        _ body: (SessionFolder) throws(SessionError) -> ExitCode) -> ExitCode {
        var tailSetAside = false
        do {
            let folder = try SessionFolder.open(url, shown: dir, waiting: busyNotice(dir, lang: lang, console: console))
            report(folder.journal.diagnostics, dir: dir, lang: lang, console: console)
            tailSetAside = folder.journal.tailSetAside != nil
            return try body(folder)
        } catch {
            // (A journal that does not open whole is only read: nothing was set aside then.)
            report(error.diagnostics, dir: dir, lang: lang, console: console)
            let n = error.diagnostics.filter { $0.severity == .error }.count
            console.errLine(SessionMessages.notRecorded(errors: n, tailSetAside: tailSetAside).text(lang))
            return .failure
        }
    }

    /// Says, once, that another command holds the session and this one waits for it
    /// (`SessionFolder.open`'s `waiting`), on the error stream, so that output stays clean.
    static func busyNotice(_ dir: String, lang: Language, console: Console) -> (Double) -> Void {
        { seconds in console.errLine(clean(SessionMessages.sessionBusy(dir, seconds: seconds).text(lang))) }
    }

    /// Text from data made safe for a terminal: control characters, and the bidirectional
    /// controls that would show a line's characters in another order than they are (U+202A–
    /// U+202E, U+2066–U+2069), shown as `�`.
    static func clean(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { u in
            (u.value < 0x20 && u != "\n" && u != "\t") || (0x7F...0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029
                || (0x202A...0x202E).contains(u.value) || (0x2066...0x2069).contains(u.value) ? "\u{FFFD}" : u
        }))
    }
}
