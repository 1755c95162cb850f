import Foundation

/// The command line, kept in the library so tests drive it in-process; `main.swift` only
/// calls `CLI.run` and exits with its code.
public enum CLI {
    public static var commands: [any Command.Type] { [
        ScoreCommand.self, ExplainCommand.self, RulesCheckCommand.self, RulesShowCommand.self, RulesDiffCommand.self,
        CompareCommand.self, SensitivityCommand.self, RulesTestCommand.self, RulesTemplateCommand.self,
        GenerateCommand.self, SheetsCommand.self, PanelCommand.self,
    ] }

    public static let version = "0.1.0"

    public static func run(_ arguments: [String], console: Console) -> ExitCode {
        if arguments.isEmpty {
            return DefaultCommand.run(console: console)
        }
        if arguments == ["--help"] || arguments == ["-h"] || arguments == ["help"] {
            console.out(help)
            return .success
        }
        if arguments == ["--version"] {
            console.outLine("kaimen \(version)")
            return .success
        }
        // Longest matching command path wins.
        for command in commands.sorted(by: { $0.path.count > $1.path.count }) {
            if arguments.count >= command.path.count, Array(arguments.prefix(command.path.count)) == command.path {
                return command.main(Array(arguments.dropFirst(command.path.count)), console: console)
            }
        }
        // A group without a subcommand, e.g. `kaimen rules`: show what it holds.
        let group = commands.filter { $0.path.first == arguments[0] }
        if !group.isEmpty && (arguments.count == 1 || arguments[1] == "--help") {
            console.out(groupHelp(arguments[0], group))
            return arguments.count == 1 ? .usage : .success
        }
        let lang = Language.requested(in: arguments)
        let words = Set(commands.map { $0.path.joined(separator: " ") } + commands.map { $0.path[0] })
        let attempt = arguments.prefix(2).joined(separator: " ")
        console.error(CommandMessages.unknownCommand(arguments.prefix(group.isEmpty ? 1 : 2).joined(separator: " "))
                        .joined(hint: Localized.didYouMean(group.isEmpty ? arguments[0] : attempt, among: words.sorted())), lang)
        console.errLine(CommandMessages.seeCommands.text(lang))
        return .usage
    }

    static func groupHelp(_ name: String, _ group: [any Command.Type]) -> String {
        var s = "USAGE: kaimen \(name) <subcommand>\n\nSUBCOMMANDS:\n"
        let width = group.map { $0.path.joined(separator: " ").count }.max() ?? 0
        for c in group {
            let p = c.path.joined(separator: " ")
            s += "  " + p + String(repeating: " ", count: width - p.count + 2) + c.abstract + "\n"
        }
        return s + "\nSee `kaimen \(name) <subcommand> --help` for each.\n"
    }

    public static var help: String {
        var s = """
        kaimen (开门) — scores grassroots trade unions in an open scoring session (开门打分):
        criteria from a rules file, the units' metrics and the representatives' ballots in,
        explained points, totals, grades and a ranking out.

        USAGE: kaimen <command> [options]
               kaimen            (no arguments: \(DefaultCommand.abstract))

        COMMANDS:

        """
        let width = commands.map { $0.path.joined(separator: " ").count }.max() ?? 0
        for c in commands {
            let p = c.path.joined(separator: " ")
            s += "  " + p + String(repeating: " ", count: width - p.count + 2) + c.abstract + "\n"
        }
        s += "\nRun `kaimen <command> --help` for a command's options and an example.\n"
        return s
    }
}

/// What `kaimen` does with no arguments: the bundled default job, scoring the Xicheng sample.
enum DefaultCommand {
    static let abstract = "score the bundled Xicheng 2014 sample and print its ranking"
    static let sampleOptions = [
        "--rules": "rules/xicheng-2014.jsonc",
        "--units": "samples/xicheng-2014/units.csv",
        "--roster": "samples/xicheng-2014/roster.csv",
        "--ballots": "samples/xicheng-2014/ballots.csv",
    ]

    /// `nil` when the bundled files are here; else a message saying where to run from.
    static func missingSample(_ console: Console) -> Localized? {
        let missing = sampleOptions.values.sorted().filter {
            !FileManager.default.fileExists(atPath: PathText.resolve($0, in: console.currentDirectory))
        }
        guard let first = missing.first else { return nil }
        return CommandMessages.sampleMissing(first, console.currentDirectory)
    }

    static func run(console: Console) -> ExitCode {
        if let message = missingSample(console) {
            console.error(message, .zh)
            return .failure
        }
        let args = sampleOptions.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] }
        return ScoreCommand.main(args, console: console)
    }
}
