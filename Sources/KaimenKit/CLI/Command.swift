/// One subcommand: what it does in a line, how it is called, an example, its options, and
/// `run`. `--help` is generated from these.
public protocol Command {
    /// The words that select it: `["rules", "check"]`.
    static var path: [String] { get }
    static var abstract: String { get }
    /// `kaimen rules check FILE…`
    static var usage: String { get }
    static var discussion: String { get }
    static var examples: [String] { get }
    static var options: [OptionSpec] { get }
    static func run(_ args: ParsedArguments, console: Console) -> ExitCode
}

extension Command {
    public static var discussion: String { "" }

    public static var help: String {
        var s = "OVERVIEW: \(abstract)\n\nUSAGE: \(usage)\n"
        if !discussion.isEmpty { s += "\n\(discussion)\n" }
        let all = options + [.flag("--help", "Show this help.")]
        s += "\nOPTIONS:\n"
        let labels = all.map { o in o.value.map { "\(o.name) \($0)" } ?? o.name }
        let width = labels.map(\.count).max() ?? 0
        for (o, label) in zip(all, labels) {
            var line = "  " + label + String(repeating: " ", count: width - label.count + 2) + o.help
            if let c = o.choices { line += " (" + c.joined(separator: "|") + ")" }
            if let d = o.defaultValue { line += " Default: \(d)." }
            s += line + "\n"
        }
        s += "\nEXAMPLES:\n" + examples.map { "  \($0)" }.joined(separator: "\n") + "\n"
        return s
    }

    /// Parses, handles `--help`, reports usage errors with exit code 64, then runs.
    static func main(_ arguments: [String], console: Console) -> ExitCode {
        if arguments.contains("--help") || arguments.contains("-h") {
            console.out(help)
            return .success
        }
        let lang = Language.requested(in: arguments)
        do {
            let parsed = try ArgumentParser.parse(arguments, options: options)
            return run(parsed, console: console)
        } catch {
            console.errLine(CommandMessages.errorLabel.text(lang) + error.rendered(lang))
            console.errLine(CommandMessages.usage(usage, help: usage.split(separator: " ").prefix(1 + path.count).joined(separator: " ")).text(lang))
            return .usage
        }
    }

    /// Prints a usage error and the usage line; returns 64.
    static func usageError(_ text: Localized, console: Console, lang: Language, showUsage: Bool = true) -> ExitCode {
        console.errLine(CommandMessages.errorLabel.text(lang) + text.text(lang))
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
    static let lang = OptionSpec.option("--lang", "LANG", "Language of messages and headings.", choices: ["zh", "en"], default: "zh")
}

extension Console {
    /// An error about the command line or a file, in the chosen language.
    func error(_ text: Localized, _ lang: Language) {
        errLine(CommandMessages.errorLabel.text(lang) + text.text(lang))
    }
}
