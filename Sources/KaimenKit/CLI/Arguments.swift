/// A command's options, declared once: parsing, `--help` and error messages all read them.
public struct OptionSpec: Sendable {
    public var name: String
    /// The value's placeholder (`FILE`), or `nil` for a flag that takes no value.
    public var value: String?
    /// What it does, in both languages (`--help` shows one).
    public var help: Localized
    /// Allowed values, checked while parsing.
    public var choices: [String]?
    public var defaultValue: String?
    /// May be given more than once (`--rules OLD --rules NEW`); every value is in `values(name)`.
    public var repeatable = false
    /// The Chinese words the help and the papers show the choices with (`复核清单` for
    /// `outliers`), each taken for its choice (`ChoiceWords`).
    var words: [(word: String, choice: String)] = []

    public static func option(_ name: String, _ value: String, _ help: Localized, choices: [String]? = nil, default d: String? = nil) -> OptionSpec {
        OptionSpec(name: name, value: value, help: help, choices: choices, defaultValue: d)
    }

    /// An option whose choices may be typed as the Chinese words in `words` too.
    static func option(_ name: String, _ value: String, _ help: Localized, choices: [String], words: [(word: String, choice: String)],
                       default d: String? = nil) -> OptionSpec {
        var spec = OptionSpec(name: name, value: value, help: help, choices: choices, defaultValue: d)
        spec.words = words
        return spec
    }

    /// An option that may be given more than once.
    public static func repeated(_ name: String, _ value: String, _ help: Localized) -> OptionSpec {
        OptionSpec(name: name, value: value, help: help, choices: nil, defaultValue: nil, repeatable: true)
    }

    public static func flag(_ name: String, _ help: Localized) -> OptionSpec {
        OptionSpec(name: name, value: nil, help: help, choices: nil, defaultValue: nil)
    }
}

/// What the command line said, after checking it against the command's options.
public struct ParsedArguments: Sendable {
    public var positionals: [String] = []
    public var options: [String: String] = [:]
    public var flags: Set<String> = []
    /// Every value of a repeatable option, in order.
    public var lists: [String: [String]] = [:]

    public func value(_ name: String) -> String? { options[name] }
    public func values(_ name: String) -> [String] { lists[name] ?? options[name].map { [$0] } ?? [] }
    public func has(_ flag: String) -> Bool { flags.contains(flag) }
}

public struct UsageError: Error, Sendable, CustomStringConvertible {
    public var text: Localized
    public var hintText: Localized?
    public init(_ text: Localized, hint: Localized? = nil) { self.text = text; self.hintText = hint }
    public init(_ message: String, hint: String? = nil) { self.init(Localized(same: message), hint: hint.map { Localized(same: $0) }) }
    public var message: String { text.en }
    public var hint: String? { hintText?.en }
    /// What was typed is quoted in it: control and invisible characters are shown as escapes.
    public func rendered(_ language: Language) -> String { Echo.shownLines(text.joined(hint: hintText).text(language)) }
    public var description: String { rendered(.en) }
}

public enum ArgumentParser {
    /// Parses `--name value`, `--name=value`, flags, and positionals; `--` ends options.
    /// - Parameter isFolder: whether an argument names a folder (`true`), a file (`false`) or
    ///   nothing (`nil`) where the command runs, asked of one taken for an unknown option: a
    ///   folder named `-dash` is a path, and the error says how to give it (`./-dash`, or `--`
    ///   before it).
    /// - Parameter elsewhere: the options other commands take, each with those commands
    ///   (`--set`: `kaimen compare`): an option unknown here but known there is named with them.
    public static func parse(_ args: [String], options: [OptionSpec], elsewhere: [String: [String]] = [:],
                             isFolder: (String) -> Bool? = { _ in nil }) throws(UsageError) -> ParsedArguments {
        var result = ParsedArguments()
        var i = 0
        var onlyPositionals = false
        while i < args.count {
            let arg = args[i]
            i += 1
            if onlyPositionals || !arg.hasPrefix("-") || arg == "-" {
                result.positionals.append(arg)
                continue
            }
            if arg == "--" { onlyPositionals = true; continue }
            var name = arg
            var inline: String?
            if let eq = arg.firstIndex(of: "=") {
                name = String(arg[..<eq])
                inline = String(arg[arg.index(after: eq)...])
            }
            guard let spec = options.first(where: { $0.name == name }) else {
                let names = options.map(\.name)
                if let folder = isFolder(arg) { throw UsageError(CommandMessages.unknownOption(name), hint: CommandMessages.pathTakenForOption(arg, folder: folder)) }
                if let commands = elsewhere[name] { throw UsageError(CommandMessages.unknownOption(name), hint: CommandMessages.optionOf(name, commands)) }
                throw UsageError(CommandMessages.unknownOption(name), hint: OptionWords.hint(for: name, among: names))
            }
            if (result.options[name] != nil && !spec.repeatable) || result.flags.contains(name) {
                throw UsageError(CommandMessages.givenTwice(name), hint: CommandMessages.giveOnce)
            }
            if spec.value == nil {
                if inline != nil { throw UsageError(CommandMessages.takesNoValue(name)) }
                result.flags.insert(name)
                continue
            }
            var value: String
            if let inline {
                value = inline
            } else {
                guard i < args.count else { throw UsageError(CommandMessages.needsValue(name, spec.value!)) }
                // `--rules --lang en`: the value was left out and the next option taken for it (a
                // tester got 多余的参数 `en`). A value that is one of this command's options, as
                // written, is taken for that option; any other, `--污损` too, is a value.
                let next = args[i]
                if next.hasPrefix("--"), options.contains(where: { next == $0.name || next.hasPrefix($0.name + "=") }) {
                    throw UsageError(CommandMessages.needsValue(name, spec.value!),
                                     hint: CommandMessages.valueIsAnOption(name, String(next.prefix { $0 != "=" })))
                }
                value = args[i]
                i += 1
            }
            if let choices = spec.choices, !choices.contains(value) {
                guard let meant = ChoiceWords.choice(value, choices: choices, words: spec.words) else {
                    throw UsageError(CommandMessages.invalidChoice(value, name, choices, words: spec.words),
                                     hint: ChoiceWords.hint(value, choices: choices, words: spec.words))
                }
                value = meant
            }
            if spec.repeatable { result.lists[name, default: []].append(value) }
            if result.options[name] == nil { result.options[name] = value }
        }
        for spec in options where spec.value != nil && result.options[spec.name] == nil {
            if let d = spec.defaultValue { result.options[spec.name] = d }
        }
        return result
    }
}
