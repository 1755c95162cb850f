import Foundation

/// `kaimen sheets`: the blank ballot sheets to print before the session, and the entry template
/// the typists fill from them.
public enum SheetsCommand: Command {
    public static let path = ["sheets"]
    public static let abstract = Localized(zh: "写出待打印的空白评分表（ballot-sheets.html）和对应的录入模板。",
                                           en: "Write the blank ballot sheets to print (ballot-sheets.html) and the matching entry template.")
    public static let usage = "kaimen sheets (--rules FILE --units FILE --roster FILE [--schedule FILE] | [--session] DIR) --out DIR [--per unit|representative] [--lang zh|en]"
    public static let discussion = Localized(zh: """
        写出 DIR/ballot-sheets.html（打印用：每名代表对其所在组听取汇报的每个单位一页 A4，
        加 --per representative 时每名代表一页）、DIR/entry-template.csv（宽表评分票文件，
        每张打印的评分表一行，顺序与打印相同，分数空白：填好后 `kaimen score --ballots` 可直接读取）
        和 DIR/entry-template.xlsx（内容相同，另有评分表编号和单位名称；填好后同样可直接读取和录入）。不给 --schedule 时，
        每组听取每个单位的汇报。代表所属（或声明有利害关系）的单位打印时划去，标“回避”。
        已用 `kaimen session init` 建立会话时，给出会话文件夹 DIR（写在 sheets 后面，或用 --session DIR）：
        按会话的输入副本（DIR/inputs/ 中的规则、单位、代表名单和日程表）打印，表号与
        `kaimen session enter` 核对的表号一致；这时不能再给 --rules、--units、--roster 或 --schedule。
        """, en: """
        Writes DIR/ballot-sheets.html (print it: one A4 page per representative and unit their
        group hears, or one per representative with --per representative), DIR/entry-template.csv
        (a wide ballots file, one row per printed sheet, in print order, scores blank: filled in,
        `kaimen score --ballots` reads it as it is) and DIR/entry-template.xlsx (the same, with sheet
        ids and unit names; filled in, it is read and entered as it is too). Without --schedule every group hears every unit. A unit a
        representative belongs to (or declared a conflict with) is printed struck through and
        marked as recused.
        Once `kaimen session init` has opened a session, give its folder DIR (after sheets, or
        as --session DIR): the sheets are printed from the session's own input copies (the rules,
        units, roster and schedule in DIR/inputs/), so their sheet ids are those
        `kaimen session enter` checks; --rules, --units, --roster and --schedule are then refused.
        """)
    public static let examples: [Localized] = [
        .init(same: "kaimen sheets --rules rules/xicheng-2014.jsonc --units samples/xicheng-2014/units.csv --roster samples/xicheng-2014/roster.csv --schedule samples/xicheng-2014/schedule.csv --out /tmp/sheets"),
        .init(same: "kaimen sheets --rules rules/xicheng-2014.jsonc --units samples/xicheng-2014/units.csv --roster samples/xicheng-2014/roster.csv --per representative --out /tmp/sheets"),
        .init(same: "kaimen sheets 2014-mid --out 2014-mid-sheets"),
    ]
    public static let options: [OptionSpec] = [
        .option("--rules", "FILE", .init(zh: "规则文件。", en: "The rules file.")),
        .option("--units", "FILE", .init(zh: "受考核的单位。", en: "The units being assessed.")),
        .option("--roster", "FILE", .init(zh: "职工代表名单，含分组。", en: "The representatives, with their groups.")),
        .option("--schedule", "FILE", .init(zh: "哪个组听取哪个单位的汇报（可选）。", en: "Which group hears which unit (optional).")),
        .option("--session", "DIR", .init(zh: "会话文件夹：按其输入副本打印（也可直接写在 sheets 后面）。",
                                          en: "A session folder: print from its input copies (or give it right after sheets).")),
        .option("--out", "DIR", .init(zh: "文件写到哪里。", en: "Where to write the files.")),
        .option("--per", "LAYOUT", .init(zh: "每名代表每个单位一页，或每名代表一页。", en: "One page per representative and unit, or per representative."),
                choices: ["unit", "representative"], words: ChoiceWords.per, default: "unit"),
        .language(.init(zh: "评分表的语言。", en: "Language of the sheets.")),
        .flag("--force", .init(zh: "替换没有 manifest.json 的非空文件夹（其中所有内容都会被删除）。",
                               en: "Replace a non-empty folder that has no manifest.json (everything in it is removed).")),
    ]

    /// The four input options, which a session folder brings itself.
    static let inputOptions = ["--rules", "--units", "--roster", "--schedule"]

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = args.language
        // Since 0.29.3 a session folder, given after `sheets` or as `--session DIR`: its input
        // copies print the sheet ids `session enter` checks. Printing from the original files
        // could give other ids (a file edited since `init`), which enter then warned of.
        let (given, problem) = SessionCommandSupport.folderArgument(args)
        if let problem { return usageError(problem, console: console, lang: lang) }
        if let dir = given {
            if let message = SessionCommandSupport.conflictingInputs(args, inputOptions) {
                return usageError(message.joined(hint: CommandMessages.sheetsFromSessionCopies), console: console, lang: lang)
            }
            if FileSystem.kind(resolve(dir, in: console.currentDirectory)) == .other {
                return usageError(CommandMessages.sheetsFileNotSession(Echo.visible(dir)), console: console, lang: lang)
            }
            guard args.value("--out") != nil else {
                return usageError(CommandMessages.missingOptions(["--out"]), console: console, lang: lang)
            }
            guard let folder = SessionCommandSupport.reading(dir, lang: lang, console: console) else { return .failure }
            let setup = folder.setup
            // As `session enter` makes the sheets whose ids it checks (`TypedSheetChecks`).
            let set = BallotSheetSet(rules: setup.rules, units: setup.units, representatives: setup.representatives, items: setup.items,
                                     schedule: setup.schedule)
            let code = write(set, args: args, inputs: setup.files.map { PathText.join(dir, $0) }, console: console, lang: lang)
            if code == .success {
                console.errLine(CommandMessages.sheetsFromSession(Echo.shown(dir)).text(lang))
                if setup.schedule == nil { withoutSchedule(set, args: args, session: dir, console: console, lang: lang) }
            }
            return code
        }
        let missing = ["--rules", "--units", "--roster", "--out"].filter { args.value($0) == nil }
        if !missing.isEmpty {
            return usageError(CommandMessages.missingOptions(missing), console: console, lang: lang)
        }
        let set: BallotSheetSet
        do {
            set = try BallotSheetSet.load(rules: args.value("--rules")!, units: args.value("--units")!, roster: args.value("--roster")!,
                                          schedule: args.value("--schedule"), baseDirectory: console.currentDirectory)
        } catch {
            for d in error.diagnostics { console.say(d, lang) }
            let n = error.diagnostics.filter { $0.severity == .error }.count
            console.errLine(CommandMessages.nothingWritten(errors: n).text(lang))
            return .failure
        }
        let inputs = [args.value("--rules")!, args.value("--units")!, args.value("--roster")!] + (args.value("--schedule").map { [$0] } ?? [])
        let code = write(set, args: args, inputs: inputs, console: console, lang: lang)
        if code == .success && args.value("--schedule") == nil { withoutSchedule(set, args: args, session: nil, console: console, lang: lang) }
        return code
    }

    /// Without a schedule every group hears every unit: with several groups that is rarely what
    /// happens, and 300 units made 12 600 pages without a word. Said for a session folder without
    /// one too (since 0.29.4: `init` said so, but the sheets printed from it did not), naming the
    /// session, whose schedule is given at `init`. For sheets printed without a schedule.
    static func withoutSchedule(_ set: BallotSheetSet, args: ParsedArguments, session dir: String?, console: Console, lang: Language) {
        let groups = Set(set.representatives.map(\.group)).count
        guard groups > 1 else { return }
        let pages = BallotSheetsHTML.pageCount(set, layout: layout(args))
        console.errLine(CommandMessages.sheetsWithoutSchedule(groups: groups, units: set.units.count, pages: pages,
                                                              session: dir.map(Echo.shown)).text(lang))
    }

    static func layout(_ args: ParsedArguments) -> BallotSheetsHTML.Layout {
        BallotSheetsHTML.Layout(rawValue: args.value("--per") ?? "unit") ?? .unit
    }

    /// Writes the sheets, the entry template and its workbook into `--out`, with `inputs` in the
    /// manifest (and never replaced), and says what it wrote.
    static func write(_ set: BallotSheetSet, args: ParsedArguments, inputs: [String], console: Console, lang: Language) -> ExitCode {
        let layout = layout(args)
        let out = args.value("--out")!
        var batch = OutputBatch()
        batch.add(Data(BallotSheetsHTML.render(set, layout: layout, lang: lang).utf8), at: "ballot-sheets.html")
        batch.add(Data(set.entryTemplate(lang: lang).csv()), at: "entry-template.csv")
        if let xlsx = set.entryWorkbook(lang: lang).bytes() { batch.add(Data(xlsx), at: "entry-template.xlsx") }
        let dir = URL(fileURLWithPath: resolve(out, in: console.currentDirectory))
        let committed: OutputBatch.Committed
        do {
            committed = try batch.commit(into: dir, options: OutputOptions.commitOptions(args, console: console, inputs: inputs))
        } catch {
            console.sayNotWritten(error, out: out, in: console.currentDirectory, lang: lang)
            return .failure
        }
        let (recused, pages) = (set.sheets.count - set.fillable.count, BallotSheetsHTML.pageCount(set, layout: layout))
        console.errLine(CommandMessages.sheetsWritten(Echo.shown(out), pages: pages, sheets: set.fillable.count, recused: recused).text(lang))
        committed.say(in: out, console: console, lang: lang)
        return .success
    }
}
