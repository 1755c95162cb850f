import Foundation

/// `kaimen panel`: is the panel fair? The representatives' leniency, trimming and
/// straight-lining, the marks to re-check, the groups, and the agreement figures.
public enum PanelCommand: Command {
    public static let path = ["panel"]
    public static let abstract = Localized(zh: "分析评分代表：宽严倾向、待复核的离群分、各组差异、Krippendorff's alpha 和 ICC。",
                                           en: "Analyse the representatives: leniency, outliers to re-check, groups, Krippendorff's alpha and ICC.")
    public static let usage = "kaimen panel [[--session] DIR | --rules FILE --units FILE --roster FILE --ballots FILE [--schedule FILE]] [--format table|json|csv|html] [--section S] [--lang zh|en]"
    public static let discussion = Localized(zh: """
        输入与 `kaimen score` 相同。对每名代表：票数、听取汇报的单位、回避的票、
        与其他代表共识相比的宽严（分数和占满分的比例，附按种子重抽样的 95% 区间）、
        其票被去极值的频率与随机情况的对比、一律打同分（straight-lining）；标记附有说明。
        超出规则所定区间（`ballots.corridor`，默认距其他代表中位数 1.5 分和满分的 25% 中较小者）的分数，
        在结束会话前列出待复核；各组与总均值的差异，以及各组居中后的假设排名（绝非正式结果）；
        总体和每条评议标准的 Krippendorff's alpha（区间型），附重抽样区间；
        设计允许时，每条评议标准和每组的 ICC(2,1) 和 ICC(2,k)。各项数字的定义见 docs/panel.md。
        不给输入选项时，分析自带的西城区样例。给出会话文件夹 DIR（`kaimen session init`；写在 panel
        后面，或用 --session DIR）时，分析其输入、日程表和已确认的票。分析之后在标准错误上打印输入的警告
        和提示（回避、一票否决、无法考核的标准等），与 `kaimen score` 相同。
        --format csv 打印一个部分（--section，默认 raters）；--format html 打印一页，
        附宽严区间图。
        """, en: """
        Same inputs as `kaimen score`. For every representative: ballots, units heard, recused
        ballots, leniency against the consensus of the others (points and share of the maximum,
        with a seeded 95% bootstrap interval), how often their ballot was trimmed against chance,
        straight-lining; flags with plain reasons. The marks outside the rules' corridor
        (`ballots.corridor`, by default the narrower of 1.5 points and 25% of the maximum from
        the median of the others) to re-check before closing; each group against the overall mean, and a what-if
        ranking with each group centred (never the official result); Krippendorff's alpha
        (interval) overall and per ballot standard with bootstrap intervals; ICC(2,1) and
        ICC(2,k) per ballot standard and group where the design allows. docs/panel.md defines
        every figure. With no input options, analyses the bundled Xicheng sample. Given a session
        folder DIR (`kaimen session init`; after panel, or as --session DIR), analyses its inputs,
        schedule and confirmed ballots. After the analysis, prints the inputs' warnings and the
        notes (recusals, vetoes, standards not assessed, …) on standard error, as `kaimen score` does.
        --format csv prints one section (--section, default raters); --format html a page
        with the chart of the leniency intervals.
        """)
    public static let examples: [Localized] = [
        .init(same: "kaimen panel"),
        .init(same: "kaimen panel --rules rules/xicheng-2014.jsonc --units samples/xicheng-2014/units.csv --roster samples/xicheng-2014/roster.csv --ballots samples/xicheng-2014/ballots.csv --format json"),
        .init(same: "kaimen panel --format csv --section outliers > recheck.csv"),
        .init(same: "kaimen panel 2014-mid"),
    ]
    public static let options: [OptionSpec] = ScoreCommand.options.filter { ["--rules", "--units", "--roster", "--ballots", "--lang", "--strict"].contains($0.name) } + [
        .option("--schedule", "FILE", .init(zh: "哪个组听取哪个单位的汇报（schedule.csv）：决定听取的单位和评分表的顺序。",
                                            en: "Which group heard which unit (schedule.csv): units heard, the order of the sheets.")),
        .option("--session", "DIR", .init(zh: "会话文件夹：分析其输入和已确认的票（也可直接写在 panel 后面）。",
                                          en: "A session folder: analyse its inputs and confirmed ballots (or give it right after panel).")),
        .format(.init(zh: "打印格式。", en: "How to print."), choices: ["table", "json", "csv", "html"]),
        .option("--section", "SECTION", .init(zh: "--format csv 打印的部分；也可写括号里的中文名称。",
                                              en: "The section --format csv prints."),
                choices: PanelTables.Section.allCases.map(\.rawValue), words: sectionWords, default: "raters"),
        .option("--seed", "S", .init(zh: "重抽样区间的种子。", en: "Seed of the bootstrap intervals."), default: "1"),
        .option("--resamples", "N", .init(zh: "每个区间的重抽样次数（100 到 100000）。", en: "Bootstrap resamples for each interval (100 to 100000)."), default: "1000"),
        .option("--top", "N", .init(zh: "表格中待复核和假设排名列表打印的行数。", en: "Rows of the re-check and what-if lists to print in the table."), default: "50"),
    ]

    /// The fewest bootstrap resamples: a 95% interval is the 2.5% and 97.5% quantiles of the
    /// resampled values, and with fewer than 100 of them those are one or two draws (with 1, the
    /// "interval" was that one draw, away from the estimate).
    public static let minimumResamples: UInt64 = 100

    /// `--seed`, `--resamples` and `--top`, each with the whole numbers it takes.
    static let numberOptions: [(String, ClosedRange<UInt64>)] = [
        ("--seed", 0...UInt64.max), ("--resamples", minimumResamples...100_000), ("--top", 0...UInt64.max),
    ]

    /// `--section` in Chinese, as the terminal's and the report's headings name each part
    /// (`一、代表`, `二、复核清单`, `三、分组`, `四、一致性`) and the help lists them; `cells`, which
    /// the report does not print, by what its rows are (逐项统计: one row per unit and standard; since 0.29.5).
    static let sectionWords: ChoiceWords.Table = [
        ("代表", "raters"), ("复核清单", "outliers"), ("复核", "outliers"), ("待复核", "outliers"),
        ("逐项统计", "cells"), ("逐项", "cells"), ("评分明细", "cells"),
        ("分组", "groups"), ("假设排名", "whatif"), ("一致性", "alpha"), ("组内相关系数", "icc"),
    ]

    public static func run(_ args: ParsedArguments, console: Console) -> ExitCode {
        let lang = args.language
        let (given, problem) = SessionCommandSupport.folderArgument(args)
        if let problem { return usageError(problem, console: console, lang: lang) }
        // Each number option on its own: the message names the option, what it was given and the
        // whole numbers it takes (as `sensitivity` does).
        var numbers: [String: UInt64] = [:]
        for (name, range) in numberOptions {
            let text = args.value(name) ?? ""
            guard let n = UInt64(text), range.contains(n) else {
                return usageError(TuningMessages.wholeNumberOption(name, Echo.visible(text), range: range), console: console, lang: lang)
            }
            numbers[name] = n
        }
        let seed = numbers["--seed"]!, resamples = Int(numbers["--resamples"]!), top = Int(min(numbers["--top"]!, UInt64(Int.max)))
        let session: ScoringSession
        var schedule: Schedule?
        if let dir = given {
            if let message = SessionCommandSupport.conflictingInputs(args, ["--rules", "--units", "--roster", "--ballots", "--schedule"]) {
                return usageError(message, console: console, lang: lang)
            }
            guard let inputs = SessionCommandSupport.inputs(dir, lang: lang, console: console) else { return .failure }
            do {
                session = try inputs.score(strict: args.has("--strict"))
            } catch {
                SessionCommandSupport.report(error.diagnostics, dir: dir, lang: lang, console: console)
                console.errLine(PanelMessages.notAnalysed(errors: error.diagnostics.filter { $0.severity == .error }.count).text(lang))
                return .failure
            }
            schedule = inputs.schedule
        } else {
            var code = ExitCode.failure
            guard let files = filesSession(args, console: console, lang: lang, code: &code) else { return code }
            (session, schedule) = files
        }
        let report = PanelReport.analyse(session, schedule: schedule, options: .init(seed: seed, resamples: resamples))
        let title = "\(session.rules.metadata.title)（\(session.rules.metadata.version)）"
        switch args.value("--format") {
        case "json": console.out(PanelRender.json(report, title: title, lang: lang))
        case "html": console.out(PanelHTML.document(report, title: title, lang: lang))
        case "csv":
            let section = PanelTables.Section(rawValue: args.value("--section") ?? "raters") ?? .raters
            // With the BOM when redirected to a file (`> 复核清单.csv`), for Excel and WPS.
            console.outCSV(PanelTables.table(section, report, lang: lang).csv())
        default: console.out(PanelRender.text(report, title: title, lang: lang, limit: top))
        }
        // The run's warnings and 提示, as `score` prints them after its output (since 0.29.4: only
        // the inputs' warnings were said, and a session folder's not at all): a recusal or a
        // veto behind the figures went unsaid.
        if let dir = given {
            RunWarnings.print(session.report, session: dir, console: console, lang: lang)
        } else {
            RunWarnings.print(session.report, console: console, lang: lang)
        }
        return .success
    }

    /// The session and schedule read from --rules/--units/--roster/--ballots (--schedule), or the sample.
    /// `code` says how it failed (usage or data) when it returns `nil`.
    static func filesSession(_ args: ParsedArguments, console: Console, lang: Language, code: inout ExitCode) -> (ScoringSession, Schedule?)? {
        var args = args
        if ["--rules", "--units", "--roster", "--ballots"].allSatisfy({ args.value($0) == nil }) {
            if let message = DefaultCommand.missingSample(console) {
                console.error(message, lang)
                return nil
            }
            for (k, v) in DefaultCommand.sampleOptions { args.options[k] = v }
        }
        guard let inputs = ScoreCommand.inputs(args, console: console) else {
            code = .usage
            return nil
        }
        let session: ScoringSession
        do {
            session = try ScoringSession.run(inputs)
        } catch {
            for d in error.diagnostics { console.say(d, lang) }
            console.errLine(PanelMessages.notAnalysed(errors: error.diagnostics.filter { $0.severity == .error }.count).text(lang))
            return nil
        }
        var schedule: Schedule?
        if let path = args.value("--schedule") {
            let data: Data
            do { data = try InputFile.read(resolve(path, in: console.currentDirectory)) } catch {
                console.say(UnreadableFile.diagnostic(path, error), lang)
                return nil
            }
            let read = ScheduleReader.read(data, fileName: path, units: session.table.units, representatives: session.representatives)
            for d in read.diagnostics { console.say(d, lang) }
            let errors = read.diagnostics.filter { $0.severity == .error }.count
            guard let s = read.schedule, errors == 0 else {
                console.errLine(PanelMessages.notAnalysed(errors: errors).text(lang))
                return nil
            }
            schedule = s
        }
        return (session, schedule)
    }
}
