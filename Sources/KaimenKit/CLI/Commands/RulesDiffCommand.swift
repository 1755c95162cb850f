/// `kaimen rules diff OLD NEW`: what a tuned rules file changes.
public enum RulesDiffCommand: Command {
    typealias M = RulesDiffMessages
    public static let path = ["rules", "diff"]
    public static let abstract = Localized(zh: "列出一个规则文件相对另一个的改动。", en: "List what one rules file changes against another.")
    public static let usage = "kaimen rules diff OLD NEW [--format table|json]"
    public static let discussion = Localized(zh: """
        比较生效的评分标准（展开 extends 之后）：增加或删除的方面、标准、加分项、扣分项和
        一票否决项，分值调整的标准，移动的分档线，以及改动的文字、等级、排名和投票规则。
        """, en: """
        Compares the effective criteria (after `extends`): areas, standards, bonuses,
        deductions and vetoes added or removed, standards re-weighted, thresholds moved,
        texts, grades, ranking and ballot policy changed.
        """)
    public static let examples: [Localized] = [.init(same: "kaimen rules diff rules/xicheng-2014.jsonc rules/dongcheng-2019.jsonc"),
                                               .init(same: "kaimen rules diff rules/xicheng-2014.jsonc rules/dongcheng-2019.jsonc --format json")]
    /// `table` as `rules show`, `compare` and `sensitivity` call their text output; `text` is its older name.
    public static let options: [OptionSpec] = [.format(.init(zh: "输出格式（table 为文字列表；text 是它的旧名）。",
                                                                      en: "Output format (table: the text listing; text is its old name)."),
                                                                choices: ["table", "text", "json"]), .lang]

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

    public static func text(_ diff: RulesDiff, oldFile: String, newFile: String, lang: Language = .en) -> String {
        // `（…）` in Chinese, as the rest of the text (since 0.29.2).
        func named(_ file: String, _ r: RulesMetadata) -> String { Echo.shown(file) + lang.t("（\(r.id) \(r.version)）", " (\(r.id) \(r.version))") }
        var s = named(oldFile, diff.oldRules) + lang.t("→ ", " → ") + named(newFile, diff.newRules) + "\n"
        if diff.changes.isEmpty { return s + M.noDifferences.text(lang) }
        if diff.oldTotal != diff.newTotal { s += M.totalMoved(diff.oldTotal, diff.newTotal, gradeMins: diff.unchangedGradeMins).text(lang) }
        for (section, title) in M.sectionTitles {
            let changes = diff.changes.filter { $0.section == section }
            guard !changes.isEmpty else { continue }
            s += "\n\(title.text(lang))\n"
            for c in changes { s += "  " + line(c, lang: lang) + "\n" }
        }
        if !diff.staleCriteria.isEmpty { s += M.staleCriteria(diff.staleCriteria).text(lang) }
        let counts = RulesDiff.Kind.allCases.compactMap { k -> String? in
            let n = diff.count(k)
            return n == 0 ? nil : M.count(k, n).text(lang)
        }
        s += M.summaryLabel.text(lang) + counts.joined(separator: M.listSeparator.text(lang)) + "\n"
        return s
    }

    static func line(_ c: RulesDiff.Change, lang: Language = .en) -> String {
        let who = [c.id.map { "`\($0)`" }, c.name].compactMap { $0 }.joined(separator: " ")
        // Labels are padded to one display width so the entries line up in both languages.
        func label(_ k: RulesDiff.Kind) -> String {
            let text = M.kindName(k).text(lang)
            return text + String(repeating: " ", count: max(0, (lang == .zh ? 12 : 16) - DisplayWidth.of(text)))
        }
        let none = M.none.text(lang)
        // An entry's facts in the reader's language; a grade added or removed is shown as written.
        func facts(_ written: String?) -> String {
            let text = c.entry.map { M.entry($0).text(lang) } ?? written ?? ""
            return text.isEmpty ? "" : lang.t("（\(text)）", " (\(text))")
        }
        let colon = lang.t("：", ": ")
        switch c.kind {
        case .added: return "+ \(label(.added)) \(who)" + facts(c.new)
        case .removed: return "- \(label(.removed)) \(who)" + facts(c.old)
        default:
            let subject = who.isEmpty ? "" : who + colon
            let field = c.field.map { M.field($0, method: c.method).text(lang) } ?? ""
            var old = c.oldWords?.text(lang) ?? c.old ?? none, new = c.newWords?.text(lang) ?? c.new ?? none
            // The maximum as scored, where `combine` weights it: `12 → 14（按权重 15.5）`.
            if let w = c.oldWeighted, w != c.old { old += lang.t("（按权重 \(w)）", " (weighted \(w))") }
            if let w = c.newWeighted, w != c.new { new += lang.t("（按权重 \(w)）", " (weighted \(w))") }
            return "~ \(label(c.kind)) \(subject)\(field)\(colon)\(old) → \(new)"
        }
    }
}
