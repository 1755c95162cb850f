import Foundation

/// `kaimen rules check FILE…`: validates rules files and prints a one-line summary of each.
public enum RulesCheckCommand: Command {
    public static let path = ["rules", "check"]
    public static let abstract = Localized(zh: "检查规则文件，每个文件用一行概括。", en: "Validate rules files and summarise each in one line.")
    public static let usage = "kaimen rules check [FILE…]"
    public static let discussion = Localized(zh: """
        读取每个规则文件（及其 extends 的文件），以 `文件:行:列: 错误：信息` 的形式报告每个问题，
        有任何问题时退出码为 1。不给 FILE 时，检查 rules/ 中的每个 .jsonc 文件。
        """, en: """
        Reads each rules file (and the files it extends), reports every problem as
        `file:line:column: error: message`, and exits 1 if there was any. With no FILE,
        checks every .jsonc file in rules/.
        """)
    public static let examples: [Localized] = [.init(same: "kaimen rules check rules/xicheng-2014.jsonc rules/dongcheng-2019.jsonc"), .init(same: "kaimen rules check")]
    public static let options: [OptionSpec] = [.lang]

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = args.language
        var files = args.positionals
        if files.isEmpty {
            files = defaultRulesFiles(in: console.currentDirectory)
            if files.isEmpty { return usageError(CommandMessages.noRulesFiles, console: console, lang: lang) }
        }
        var failed = false
        for file in files {
            do {
                let loaded = try RulesLoader().load(resolve(file, in: console.currentDirectory))
                // The file it extends directly, for the criteria texts its changes left behind.
                let base = loaded.rules.sourceFiles.dropFirst().first.flatMap { try? RulesLoader().load($0).rules }
                // At most `Diagnostics.limitPerKind` of a kind, the rest counted, as errors are (a
                // tester's 120 000 unused metrics printed 120 002 lines).
                let warnings = Diagnostics(loaded.warnings + QuotaCheck.rulesWarnings(loaded.rules) + GradeReachCheck.rulesWarnings(loaded.rules)
                                           + UnreadMetricCheck.rulesWarnings(loaded.rules) + IneffectiveSettingCheck.rulesWarnings(loaded.rules)
                                           + StaleCriteriaCheck.rulesWarnings(loaded.rules, base: base))
                for w in warnings.items { console.say(w, lang) }
                console.outLine(lang == .zh ? "\(Echo.shown(file))：通过 — \(summary(loaded.rules, lang: .zh))" : "\(Echo.shown(file)): ok — \(summary(loaded.rules))")
            } catch {
                failed = true
                reportRulesErrors(error, file: file, console: console, lang: lang)
            }
        }
        return failed ? .failure : .success
    }

    /// `西城区…细则 2014.1: 10 areas, 40 standards, 100 points; 3 bonuses (cap 5), 2 deductions, 1 veto; methods: …`
    public static func summary(_ rules: Rules, lang: Language = .en) -> String {
        if lang == .zh { return summaryZh(rules) }
        func n(_ count: Int, _ word: String, _ plural: String? = nil) -> String { "\(count) \(count == 1 ? word : plural ?? word + "s")" }
        var s = "\(rules.metadata.title) \(rules.metadata.version): "
        s += "\(n(rules.areas.count, "area")), \(n(rules.standards.count, "standard")), \(rules.totalPoints.plainText()) points"
        var extras: [String] = []
        if !rules.bonuses.isEmpty { extras.append(n(rules.bonuses.count, "bonus", "bonuses") + (rules.bonusCap.map { " (cap \($0.plainText()))" } ?? "")) }
        if !rules.deductions.isEmpty { extras.append(n(rules.deductions.count, "deduction")) }
        if !rules.vetoes.isEmpty { extras.append(n(rules.vetoes.count, "veto", "vetoes")) }
        if !extras.isEmpty { s += "; " + extras.joined(separator: ", ") }
        s += "; methods: " + rules.methodsUsed.joined(separator: ", ")
        let own = rules.tests.filter { $0.isOwn(in: rules) }.count, inherited = rules.tests.count - own
        s += "; " + n(own, "test") + (inherited > 0 ? " (+\(inherited) inherited)" : "")
        if rules.sourceFiles.count > 1 { s += "; extends " + rules.sourceFiles.dropFirst().map { Echo.shown(URL(fileURLWithPath: $0).lastPathComponent) }.joined(separator: " → ") }
        return s
    }

    /// `西城区…细则 2014.1：10 个方面，40 条标准，共 100 分；加分 3 项（上限 5），扣分 2 项，否决 1 项；方法：…`
    static func summaryZh(_ rules: Rules) -> String {
        var s = "\(rules.metadata.title) \(rules.metadata.version)："
        s += "\(rules.areas.count) 个方面，\(rules.standards.count) 条标准，共 \(rules.totalPoints.plainText()) 分"
        var extras: [String] = []
        if !rules.bonuses.isEmpty { extras.append("加分 \(rules.bonuses.count) 项" + (rules.bonusCap.map { "（上限 \($0.plainText())）" } ?? "")) }
        if !rules.deductions.isEmpty { extras.append("扣分 \(rules.deductions.count) 项") }
        if !rules.vetoes.isEmpty { extras.append("否决 \(rules.vetoes.count) 项") }
        if !extras.isEmpty { s += "；" + extras.joined(separator: "，") }
        s += "；方法：" + rules.methodsUsed.map { ScoringMethod.Kind(rawValue: $0)?.words.zh ?? $0 }.joined(separator: "、")
        let own = rules.tests.filter { $0.isOwn(in: rules) }.count, inherited = rules.tests.count - own
        s += "；测试 \(own) 个" + (inherited > 0 ? "（另继承 \(inherited) 个）" : "")
        if rules.sourceFiles.count > 1 { s += "；继承 " + rules.sourceFiles.dropFirst().map { Echo.shown(URL(fileURLWithPath: $0).lastPathComponent) }.joined(separator: " → ") }
        return s
    }

    static func defaultRulesFiles(in dir: String) -> [String] {
        let rulesDir = URL(fileURLWithPath: dir).appendingPathComponent("rules")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: rulesDir.path)) ?? []
        return names.filter { $0.hasSuffix(".jsonc") }.sorted().map { "rules/\($0)" }
    }
}

/// A path from the command line, relative to the console's directory.
func resolve(_ path: String, in dir: String) -> String {
    path.hasPrefix("/") ? path : URL(fileURLWithPath: dir).appendingPathComponent(path).standardizedFileURL.path
}

/// `d` as the terminal names it: its file relative to the current directory, a path with a
/// typo hinted with the file near it in name (`NearInput`), on every command.
func relativeDiagnostic(_ d: Diagnostic, _ console: Console) -> Diagnostic {
    var d = NearInput.hinted(d, base: console.currentDirectory)
    let prefix = URL(fileURLWithPath: console.currentDirectory).standardizedFileURL.path + "/"
    if var loc = d.location {
        if loc.file.hasPrefix(prefix) { loc.file.removeFirst(prefix.count) }
        d.location = loc
    }
    // The paths in its words too, as `relativeLine` prints them, so that the failure object's
    // message (`--format json`) is the line's.
    func relative(_ t: Localized) -> Localized {
        Localized(zh: t.zh.replacingOccurrences(of: prefix, with: ""), en: t.en.replacingOccurrences(of: prefix, with: ""))
    }
    d.text = relative(d.text)
    d.hintText = d.hintText.map(relative)
    return d
}

/// A diagnostic with its file shown relative to the current directory, as the user typed it.
func relative(_ d: Diagnostic, _ console: Console, _ lang: Language = .zh) -> String {
    relativeLine(relativeDiagnostic(d, console), console, lang)
}

/// A diagnostic already relative (`relativeDiagnostic`) as the terminal prints it.
func relativeLine(_ d: Diagnostic, _ console: Console, _ lang: Language) -> String {
    // On the terminal, no quoted span runs to thousands of characters (the papers keep theirs,
    // as a sealed session's verify reproduces them).
    var s = Echo.quotesCut(d.rendered(lang))
    let prefix = URL(fileURLWithPath: console.currentDirectory).standardizedFileURL.path + "/"
    s = s.replacingOccurrences(of: prefix, with: "")
    return s
}

/// The rules files of a what-if command (`compare`, `sensitivity`: OLD, then NEW), each loaded,
/// every problem of each printed; `nil` when either has errors. With `sessionCopyFirst` the
/// first is a session folder's copy of its rules, read as the version that opened it accepted it.
func loadRulesSides(_ files: [String], sessionCopyFirst: Bool, console: Console, lang: Language) -> [RulesLoader.Loaded]? {
    var loaded: [RulesLoader.Loaded] = []
    for (i, file) in files.enumerated() {
        var loader = RulesLoader()
        loader.readsSessionCopy = sessionCopyFirst && i == 0
        do { loaded.append(try loader.load(resolve(file, in: console.currentDirectory))) } catch {
            reportRulesErrors(error, file: file, console: console, lang: lang)
        }
    }
    return loaded.count == files.count ? loaded : nil
}

/// Loads a rules file for a command, printing every problem and then, as `rules check` does,
/// how many errors the file has; `nil` when it has errors.
func loadRules(_ file: String, console: Console, lang: Language = .zh) -> Rules? {
    do {
        let loaded = try RulesLoader().load(resolve(file, in: console.currentDirectory))
        for w in Diagnostics(loaded.warnings).items { console.say(w, lang) }
        return loaded.rules
    } catch {
        reportRulesErrors(error, file: file, console: console, lang: lang)
        return nil
    }
}

/// A rules file's problems, each at its place, then how many errors the file has.
func reportRulesErrors(_ error: DiagnosticsError, file: String, console: Console, lang: Language) {
    for d in error.diagnostics { console.say(d, lang) }
    console.errLine(CommandMessages.fileErrors(file, error.errorCount).text(lang))
}
