/// One subcommand: what it does in a line, how it is called, an example, its options, and
/// `run`. `--help` is generated from these (`HelpText`), in Chinese or with `--lang en` in English.
public protocol Command {
    /// The words that select it: `["rules", "check"]`.
    static var path: [String] { get }
    static var abstract: Localized { get }
    /// `kaimen rules check FILE…`: option names and placeholders stay ASCII in both languages.
    static var usage: String { get }
    static var discussion: Localized { get }
    /// Command lines; `Localized(same:)` unless the line carries Chinese example data.
    static var examples: [Localized] { get }
    static var options: [OptionSpec] { get }
    static func run(_ args: ParsedArguments, console: Console) -> ExitCode
}

extension Command {
    public static var discussion: Localized { Localized(same: "") }

    /// `kaimen <command> --help` in `lang`.
    public static func help(_ lang: Language) -> String {
        HelpText.command(abstract: abstract, usage: usage, discussion: discussion, options: options, examples: examples, lang: lang)
    }

    /// How the command ended is decided here for all: a run refused by a lock another kaimen
    /// command holds ends 75 (``ExitCode/busy``), and a failed run asked for `--format json`
    /// that printed nothing on standard output prints its failure object there (`FailureRecorder`).
    static func main(_ arguments: [String], console: Console) -> ExitCode {
        let recorder = FailureRecorder(console)
        let code = recorder.exitCode(parseAndRun(arguments, console: recorder))
        if code != .success, !recorder.wroteOut, FailureRecorder.wantsJSON(arguments, options: options) {
            console.out(recorder.failureJSON(code, command: ["kaimen"] + path, lang: Language.requested(in: arguments)))
        }
        return code
    }

    /// Parses, handles `--help`, reports usage errors with exit code 64, then runs.
    static func parseAndRun(_ arguments: [String], console: Console) -> ExitCode {
        let lang = Language.requested(in: arguments)
        // Not after `--`, which ends the options: `-- --help` names a file or folder.
        let options = arguments.prefix { $0 != "--" }
        if options.contains("--help") || options.contains("-h") {
            console.out(help(lang))
            return .success
        }
        // (A value the environment gives every command: refused before anything is read.)
        if let problem = OutputOptions.lockWaitProblem() { return usageError(problem, console: console, lang: lang, showUsage: false) }
        do {
            // An argument taken for an option may be a file or folder named `-…`: looked up
            // where the command runs, for the error to say how to name it.
            // Each option of the other commands, with the commands that take it: an option given to
            // the wrong command is named with its own (`score --set` suggested `--out`).
            var elsewhere: [String: [String]] = [:]
            for c in CLI.commands where c.path != path {
                for o in c.options { elsewhere[o.name, default: []].append((["kaimen"] + c.path).joined(separator: " ")) }
            }
            let parsed = try ArgumentParser.parse(arguments, options: Self.options, elsewhere: elsewhere) { arg in
                switch FileSystem.kind(PathText.resolve(arg, in: console.currentDirectory)) {
                case .missing: nil
                case .folder: true
                case .other: false
                }
            }
            return run(parsed, console: console)
        } catch {
            console.say(.error(DiagnosticCode.usageError.rawValue, error.text, hint: error.hintText),
                        line: CommandMessages.errorLabel.text(lang) + error.rendered(lang))
            console.errLine(CommandMessages.usage(usage, help: usage.split(separator: " ").prefix(1 + path.count).joined(separator: " ")).text(lang))
            return .usage
        }
    }

    /// Prints a usage error and the usage line; returns 64.
    static func usageError(_ text: Localized, console: Console, lang: Language, showUsage: Bool = true) -> ExitCode {
        // What was typed is quoted: control and invisible characters in it are shown as escapes.
        console.say(.error(DiagnosticCode.usageError.rawValue, text), line: CommandMessages.errorLabel.text(lang) + Echo.shownLines(text.text(lang)))
        if showUsage { console.errLine(CommandMessages.usageLine(usage).text(lang)) }
        return .usage
    }
}

extension ParsedArguments {
    /// `--lang`: Chinese unless the command line asks for English.
    var language: Language { Language(rawValue: value("--lang") ?? "zh") ?? .zh }
}

extension OptionSpec {
    /// `--lang zh|en`, which every command takes.
    static let lang = OptionSpec.language(.init(zh: "信息和标题的语言。", en: "Language of messages and headings."))
    /// The four inputs of a scoring run, described once for every command that reads them.
    static let rulesFile = OptionSpec.option("--rules", "FILE", .init(zh: "规则文件（.jsonc）。", en: "The rules file (.jsonc)."))
    static let unitsFile = OptionSpec.option("--units", "FILE", .init(zh: "单位及其指标（.csv、.xlsx 或 .json）。", en: "Units and their metrics (.csv, .xlsx or .json)."))
    static let rosterFile = OptionSpec.option("--roster", "FILE", .init(zh: "职工代表名单（.csv 或 .xlsx）。", en: "The representatives (.csv or .xlsx)."))
    static let ballotsFile = OptionSpec.option("--ballots", "FILE", .init(zh: "评分票（.csv 或 .xlsx，长表或宽表）。", en: "The ballots (.csv or .xlsx, long or wide)."))
}

extension Console {
    /// An error about the command line or a file, in the chosen language.
    /// Kept for the failure object without a code: it takes the run's (`FailureRecorder.failureJSON`).
    func error(_ text: Localized, _ lang: Language) {
        say(.error("", text), line: CommandMessages.errorLabel.text(lang) + Echo.shownLines(text.text(lang)))
    }
}
