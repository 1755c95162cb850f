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
            console.out(text(diff, oldFile: args.positionals[0], newFile: args.positionals[1], lang: lang))
        }
        return .success
    }

    static let sectionTitles: [(String, Localized)] = [
        ("metadata", Localized(zh: "基本信息", en: "Metadata")), ("metrics", Localized(zh: "指标", en: "Metrics")),
        ("areas", Localized(zh: "方面", en: "Areas")), ("standards", Localized(zh: "标准", en: "Standards")),
        ("bonuses", Localized(zh: "加分项", en: "Bonuses")), ("deductions", Localized(zh: "扣分项", en: "Deductions")),
        ("vetoes", Localized(zh: "一票否决", en: "Vetoes")), ("grades", Localized(zh: "等级", en: "Grades")),
        ("ranking", Localized(zh: "排名", en: "Ranking")), ("ballots", Localized(zh: "代表评分", en: "Ballot policy")),
        ("policies", Localized(zh: "其他规则", en: "Policies")),
    ]

    /// 新增 / added, …: how a kind of change is named.
    static func kindName(_ k: RulesDiff.Kind) -> Localized {
        switch k {
        case .added: Localized(zh: "新增", en: "added")
        case .removed: Localized(zh: "删除", en: "removed")
        case .reweighted: Localized(zh: "调整分值", en: "re-weighted")
        case .thresholds: Localized(zh: "调整门槛", en: "thresholds moved")
        case .moved: Localized(zh: "移到别的方面", en: "moved")
        case .changed: Localized(zh: "修改", en: "changed")
        }
    }

    public static func text(_ diff: RulesDiff, oldFile: String, newFile: String, lang: Language = .en) -> String {
        var s = "\(oldFile) (\(diff.oldRules.id) \(diff.oldRules.version)) → \(newFile) (\(diff.newRules.id) \(diff.newRules.version))\n"
        if diff.changes.isEmpty { return s + lang.t("\n没有差别。\n", "\nNo differences.\n") }
        for (section, title) in sectionTitles {
            let changes = diff.changes.filter { $0.section == section }
            guard !changes.isEmpty else { continue }
            s += "\n\(title.text(lang))\n"
            for c in changes { s += "  " + line(c, lang: lang) + "\n" }
        }
        let counts = RulesDiff.Kind.allCases.compactMap { k -> String? in
            let n = diff.count(k)
            return n == 0 ? nil : lang.t("\(kindName(k).zh) \(n) 处", "\(n) \(k.rawValue)")
        }
        s += lang.t("\n合计：", "\nSummary: ") + counts.joined(separator: lang.t("，", ", ")) + "\n"
        return s
    }

    static func line(_ c: RulesDiff.Change, lang: Language = .en) -> String {
        let who = [c.id.map { "`\($0)`" }, c.name].compactMap { $0 }.joined(separator: " ")
        // Labels are padded to one display width so the entries line up in both languages.
        func label(_ k: RulesDiff.Kind) -> String {
            let text = kindName(k).text(lang)
            return text + String(repeating: " ", count: max(0, (lang == .zh ? 12 : 16) - DisplayWidth.of(text)))
        }
        let none = lang.t("（无）", "(none)")
        switch c.kind {
        case .added: return "+ \(label(.added)) \(who)" + (c.new.map { $0.isEmpty ? "" : " (\($0))" } ?? "")
        case .removed: return "- \(label(.removed)) \(who)" + (c.old.map { $0.isEmpty ? "" : " (\($0))" } ?? "")
        default:
            let subject = who.isEmpty ? "" : who + ": "
            return "~ \(label(c.kind)) \(subject)\(c.field ?? ""): \(c.old ?? none) → \(c.new ?? none)"
        }
    }
}
