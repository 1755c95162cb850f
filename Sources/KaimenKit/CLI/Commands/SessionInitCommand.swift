import Foundation

/// `kaimen session init`: creates a session folder from checked inputs.
public enum SessionInitCommand: Command {
    public static let path = ["session", "init"]
    public static let abstract = Localized(zh: "开始评分会话：建立一个文件夹，内有输入文件的副本和空的日志。",
                                           en: "Open a scoring session: a folder with the inputs' copies and an empty journal.")
    public static let usage = "kaimen session init DIR --rules FILE --units FILE --roster FILE [--schedule FILE] [--single-entry] --by NAME"
    public static let discussion = Localized(zh: """
        像 `score` 一样检查每个输入（一次报告所有问题；有错误时什么都不建立），
        把它们（规则文件连同其 extends 链）复制到 DIR/inputs/，并开始 DIR/journal.jsonl。
        给了 --schedule 时，每组只为其听取汇报的单位评分；没给时，每名代表都应为每个单位评分。
        除非加 --single-entry，否则采用双人录入。之后的状态：进行中。
        下一步：用 `kaimen sheets DIR --out …` 按会话的输入副本打印空白评分表和录入模板
        （表号与 `kaimen session enter` 核对的一致）。
        """, en: """
        Checks every input as `score` does (every problem at once; nothing is created on error),
        copies them (the rules with their `extends` chain) into DIR/inputs/, and starts
        DIR/journal.jsonl. With --schedule, each group scores only the units it hears; without,
        every representative is expected to score every unit. Double entry is on unless
        --single-entry. State after: open.
        Next: `kaimen sheets DIR --out …` prints the blank ballot sheets and the entry template
        from the session's input copies (their sheet ids are those `kaimen session enter` checks).
        """)
    public static let examples: [Localized] = [
        .init(zh: "kaimen session init 2014-mid --rules rules/xicheng-2014.jsonc --units samples/xicheng-2014/units.csv --roster samples/xicheng-2014/roster.csv --schedule samples/xicheng-2014/schedule.csv --by 王秘书",
              en: "kaimen session init 2014-mid --rules rules/xicheng-2014.jsonc --units samples/xicheng-2014/units.csv --roster samples/xicheng-2014/roster.csv --schedule samples/xicheng-2014/schedule.csv --by Wang"),
    ]
    public static let options: [OptionSpec] = [
        .rulesFile, .unitsFile, .rosterFile,
        .option("--schedule", "FILE", .init(zh: "哪个组听取哪个单位的汇报（.csv 或 .xlsx）。", en: "Which group hears which unit (.csv or .xlsx).")),
        PeriodOption.spec,
        .flag("--single-entry", .init(zh: "录入一次即计入评分表（默认双人录入）。", en: "Count a sheet after one entry (double entry is the default).")),
        SessionCommandSupport.by, SessionCommandSupport.lang,
    ]

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = SessionCommandSupport.language(args)
        guard let (dir, url) = SessionCommandSupport.folder(args, usage: usage, console: console),
              let by = SessionCommandSupport.operatorName(args, usage: usage, console: console) else { return .usage }
        let missing = ["--rules", "--units", "--roster"].filter { args.value($0) == nil }
        guard missing.isEmpty else {
            return usageError(CommandMessages.missingOptions(missing), console: console, lang: lang)
        }
        let period: String?
        switch PeriodOption.read(args) {
        case .success(let given): period = given
        case .failure(let refused): return usageError(refused.text, console: console, lang: lang)
        }
        let paths = SessionSetup.Paths(rules: args.value("--rules")!, units: args.value("--units")!, roster: args.value("--roster")!,
                                       schedule: args.value("--schedule"))
        do {
            let folder = try SessionFolder.create(url, shown: dir, from: paths, base: console.currentDirectory, doubleEntry: !args.has("--single-entry"),
                                                  by: by, period: period)
            // Warnings about the inputs name the files as given, not the session's copies of them
            // (since 0.26.0 in their text too: a GB18030 roster was said as `inputs/roster.csv`).
            let warnings = folder.givenInputWarnings
            SessionCommandSupport.report(warnings, dir: "", lang: lang, console: console)
            if folder.clearedEmptyJournal {
                console.outLine(lang.t("上次建立会话时中断，留下了输入文件的副本和空的日志（第一条记录尚未写入）：已清理，重新建立",
                                       "an earlier init was cut short and left the inputs' copies and an empty journal (its first record not yet written): cleared, and the session opened afresh"))
            } else if folder.clearedInterruptedInit {
                console.outLine(lang.t("上次建立会话时中断，留下了复制了一部分的输入文件：已清理，重新建立", "an earlier init was cut short and left part of the inputs copied: cleared, and the session opened afresh"))
            }
            let e = folder.setup.expected
            console.outLine(lang.t("已建立会话 \(dir)：\(folder.setup.representatives.count) 名代表、\(folder.setup.units.count) 个单位，应收评分表 \(e.sheets.count) 张（共 \(e.count) 票），回避 \(e.recused.count) 张",
                                   "session \(dir) opened: \(folder.setup.representatives.count) representatives, \(folder.setup.units.count) units, \(e.sheets.count) sheets expected (\(e.count) ballots), \(e.recused.count) recused"))
            if paths.schedule == nil {
                console.outLine(lang.t("未给出日程表（--schedule）：每名代表都要为每个单位打分", "no schedule (--schedule): every representative is expected to score every unit"))
            }
            console.outLine(folder.doubleEntry ? lang.t("双人录入：每张评分表须由两名不同录入员各录入一次", "double entry: every sheet must be entered by two different operators")
                                               : lang.t("单人录入（--single-entry），已记入日志", "single entry (--single-entry), as recorded in the journal"))
            return .success
        } catch {
            // Named as the folder was typed (`FolderName`); the inputs as given.
            SessionCommandSupport.report(error.diagnostics, dir: "", lang: lang, console: console)
            console.errLine(lang.t("未建立会话", "no session was created"))
            return .failure
        }
    }
}
