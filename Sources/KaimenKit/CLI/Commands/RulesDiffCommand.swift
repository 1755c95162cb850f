/// `kaimen rules diff OLD NEW`: what a tuned rules file changes.
public enum RulesDiffCommand: Command {
    public static let path = ["rules", "diff"]
    public static let abstract = "List what one rules file changes against another."
    public static let usage = "kaimen rules diff OLD NEW [--format text|json]"
    public static let discussion = """
        Compares the effective criteria (after `extends`): areas, standards, bonuses,
        deductions and vetoes added or removed, standards re-weighted, thresholds moved,
        texts, grades, ranking and ballot policy changed.
        """
    public static let examples = ["kaimen rules diff rules/xicheng-2014.jsonc rules/dongcheng-2019.jsonc",
                                  "kaimen rules diff rules/xicheng-2014.jsonc rules/dongcheng-2019.jsonc --format json"]
    public static let options: [OptionSpec] = [.option("--format", "FORMAT", "Output format.", choices: ["text", "json"], default: "text"), .lang]

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = args.language
        guard args.positionals.count == 2 else {
            return usageError(CommandMessages.diffTakesTwo(args.positionals.count), console: console, lang: lang)
        }
        let old = loadRules(args.positionals[0], console: console, lang: lang)
        let new = loadRules(args.positionals[1], console: console, lang: lang)
        guard let old, let new else { return .failure }
        let diff = RulesDiff.compare(old, new)
        if args.value("--format") == "json" {
            console.out(diff.json.rendered())
        } else {
            console.out(text(diff, oldFile: args.positionals[0], newFile: args.positionals[1]))
        }
        return .success
    }

    static let sectionTitles: [(String, String)] = [
        ("metadata", "Metadata"), ("metrics", "Metrics"), ("areas", "Areas"), ("standards", "Standards"),
        ("bonuses", "Bonuses"), ("deductions", "Deductions"), ("vetoes", "Vetoes"), ("grades", "Grades"),
        ("ranking", "Ranking"), ("ballots", "Ballot policy"), ("policies", "Policies"),
    ]

    public static func text(_ diff: RulesDiff, oldFile: String, newFile: String) -> String {
        var s = "\(oldFile) (\(diff.oldRules.id) \(diff.oldRules.version)) → \(newFile) (\(diff.newRules.id) \(diff.newRules.version))\n"
        if diff.changes.isEmpty { return s + "\nNo differences.\n" }
        for (section, title) in sectionTitles {
            let changes = diff.changes.filter { $0.section == section }
            guard !changes.isEmpty else { continue }
            s += "\n\(title)\n"
            for c in changes { s += "  " + line(c) + "\n" }
        }
        let counts = RulesDiff.Kind.allCases.compactMap { k -> String? in
            let n = diff.count(k)
            return n == 0 ? nil : "\(n) \(k.rawValue)"
        }
        s += "\nSummary: " + counts.joined(separator: ", ") + "\n"
        return s
    }

    static func line(_ c: RulesDiff.Change) -> String {
        let who = [c.id.map { "`\($0)`" }, c.name].compactMap { $0 }.joined(separator: " ")
        switch c.kind {
        case .added: return "+ added            \(who)" + (c.new.map { $0.isEmpty ? "" : " (\($0))" } ?? "")
        case .removed: return "- removed          \(who)" + (c.old.map { $0.isEmpty ? "" : " (\($0))" } ?? "")
        default:
            let label = c.kind.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)
            let subject = who.isEmpty ? "" : who + ": "
            return "~ \(label) \(subject)\(c.field ?? ""): \(c.old ?? "(none)") → \(c.new ?? "(none)")"
        }
    }
}
