import Foundation

/// The command line, kept in the library so tests drive it in-process; `main.swift` only
/// calls `CLI.run` and exits with its code.
public enum CLI {
    public static var commands: [any Command.Type] { [
        ScoreCommand.self, ExplainCommand.self, RulesCheckCommand.self, RulesShowCommand.self, RulesDiffCommand.self,
        CompareCommand.self, SensitivityCommand.self, RulesTestCommand.self, RulesTemplateCommand.self,
        GenerateCommand.self, SheetsCommand.self, PanelCommand.self,
        SessionInitCommand.self, SessionEnterCommand.self, SessionResolveCommand.self, SessionVoidCommand.self,
        SessionStatusCommand.self, SessionCloseCommand.self, SessionVerifyCommand.self, SessionAppealCommand.self,
    ] }

    /// Raised whenever the bytes of what kaimen writes change (papers, summaries, sheets), so
    /// that a manifest or a seal says which version wrote the files it lists (`session verify`
    /// compares a seal's version with its own; `VersionGuardTests` fails when the samples'
    /// golden files change under an unchanged version). 0.13.0: recusal notes and rows naming
    /// items by their standards, summary.json's veto values, after 0.12.0 had been kept for them.
    /// 0.14.0: no file changed; the guard's golden files grew to the summary workbook, the score
    /// sheets' JSON and the blank sheets with their entry templates, so their hash is a new pair.
    /// 0.15.0: an expression standard's working shows its formula as its reader writes it.
    /// 0.16.0: a session's notice counts only the recusals its schedule made; the readers
    /// refuse bidirectional controls, and take a standard's name in a long ballots file.
    /// 0.17.0: the papers state void and uncounted sheets; the workbook is anonymous unless
    /// published, and prints. 0.18.0: a seal holds its manifest's hash; the workbook's score
    /// sheets have borders; a ballot chart's result reads as its table; the report and notice
    /// number their pages; a closed session's
    /// files joined the guard's golden files. 0.19.0: a tie note names what decided it in
    /// quotes (`按“依法维权”得分 11.00 对 9.20 排在前`); the report's summary page states a
    /// recusal in brief (its ballots under 提示), breaks headers between words and keeps an
    /// area's heading with its first row; a chart's equal ballots stack clear of its result.
    /// 0.20.0: a score sheet's subtotal, veto or total row never opens a page alone.
    /// 0.21.0: nor does the row of a veto that could not be checked (data missing), which had
    /// no class for the rule to hold it by. 0.22.0: a notice that names the representatives
    /// states a recusal in brief in 说明 (its ballots are in the representatives' table); a score
    /// sheet's note on its ballots is its table's last row, kept with the total. 0.23.0: the
    /// papers are as 0.22.0's; a session opened by it compares operators without punctuation
    /// or symbols (`录入员甲。` is `录入员甲`), and its journal is replayed so. 0.23.1: the papers
    /// are as 0.22.0's; inputs that are not files on disk, ids over 64 characters and names over
    /// 200 are refused (a session's copies are read without the limits), and `session enter`
    /// refuses an operator whose name holds another's of the same sheets. 0.23.2: the papers
    /// are as 0.22.0's; an entry made with `--different-person` names in its record
    /// (`differentFrom`) the entries of the operators it was told apart from; a rules file's
    /// names over 200 characters and criteria over 2 000 are refused (`text-too-long`), and so
    /// is an id with a Cyrillic or Greek letter drawn like a Latin one (`id-lookalike-letter`);
    /// a rules file's plain syntax mistakes (`：`, a missing comma, …) are all reported in one run.
    /// 0.23.3: the papers are as 0.22.0's; `explain` of a large session no longer traps on an id
    /// asked for twice, `session verify` of a session never opened says only that, and `score`
    /// says in a last line why a large input was read by the checked readers. 0.23.4: the
    /// papers are as 0.22.0's; `score` on the checked path traces no unit it writes no sheet
    /// for, and a `Ballot` no longer carries its place in the file (half the checked path's
    /// memory at 100 000 units); `session enter`'s refusals of an operator's name and of the
    /// same file are no longer placed at the file's line 1, column 1; `explain` on the checked
    /// path traces only the units asked for, and says as `score` does why a large input was
    /// read by the checked readers; a tie note of the fast form prints the exact values' digits
    /// where a key held a hair below a rounding point printed the lower (`14.8 对 14.7` for
    /// 14.79 and 14.75; found by a review, with ballots by mean and totals at whole points);
    /// `explain`'s English rank line joins its two notes with `; `, not `；`. 0.23.5: the papers
    /// are as 0.22.0's; the checked readers hold a metric value's place in eight bytes, a CSV
    /// cell's text only while it is read and a file's fields in one list (the peers' million
    /// units handed over to them now score, in 14 GB). 0.24.0: numbers on the papers a reader
    /// can check by hand (`ScoreReport.v0_24`): a weighted standard shows its raw points to
    /// two more places and its weight (`得 3.625 分…按权重 ×2 折算 7.25 分`), a subtotal whose
    /// rows as shown add up to another figure says both, the summary's note gives the table's
    /// largest rounding gap, the CSV sheets' subtotal note is the report's, the notice's
    /// table keeps its right border on paper, the panel tables' headers break between words,
    /// and the anonymous workbook's recusal rows give no score; `rules template --out` replaces a file only with
    /// `--force` and never the rules file; the session's readers open it read-only (an
    /// archived session verifies), and a journal write that fails is cut back. 0.25.0: the
    /// workbook's 汇总 prints with its grid, its headings wrapped and merged over both header
    /// rows, at about three quarters of its size, not half, and the notice isolates each unit
    /// it names in running text from a right-to-left name, and a ballot chart's result tick
    /// shows over a stack of dots, and the panel's points are at two places, so a column's
    /// decimals line up (`ScoreReport.v0_25`); messages
    /// name a typed sheet's standard by its column, and say a quote inside a rules string, a
    /// doubled comma in a formula and a misspelt key in an override for what they are. 0.26.0:
    /// a ballot chart's stack of equal ballots at either end of its scale fans inwards, not over
    /// the row's name or past the axis, and the notice under `score` counts each unit's own
    /// representatives among the scorers without saying they recused (`ScoreReport.v0_26`);
    /// `enter` lists the blank cells it recorded and who typed each value of a conflict, a
    /// command waiting for a busy session says so, and `rules check` warns of a metric nothing reads.
    /// 0.26.1: an input file that changes while a run has it stops the run with a message
    /// (`input-changed-during-run`) instead of ending the process (a mapped file cut short) or
    /// writing a manifest whose digest is not of the file scored; the papers are as 0.26.0's.
    /// 0.26.2: the files a rules file `extends` are pinned too, `score --out` writes its folder
    /// before it prints the table, so that a changed input shows no results, and the checked
    /// readers too stop at a file that changed while they read it; a fraction too wide for 64
    /// bits keeps up to 18 places (a total about 16–17), rounded to odd, where one whose
    /// numerator passed 10^36 kept one decimal and a total a hair below x.xx5 could round up (so the
    /// exact form, `explain` and the score sheets agree with the fast form on large metrics);
    /// a ballot's empty id cell, an id written full-width in the units file or the roster, and a
    /// metric's column twice get messages that say so; points are at most a million, and a formula
    /// value beyond ±9.2·10¹⁸ leaves its standard not assessed instead of going on clamped; the
    /// papers of the bundled samples are as 0.26.0's. 0.27.0: a unit whose exact arithmetic
    /// does not fit 64-bit fractions is scored in fractions of any size (`BigFraction`), where
    /// two roundings to odd in a row took 1.005 − 10⁻¹⁸ to 1.01, and tie-break keys beyond 64
    /// bits are compared exactly; −2⁶³ is no longer a value whose negation clamps to 2⁶³ − 1; a
    /// veto not checked says why (缺少数据, 除数为零, 数值超出范围); the total's line cuts a sum
    /// whose rounding at six places would read otherwise than the total; the papers of the
    /// bundled samples are as 0.26.0's. 0.27.1: an expression standard's working gives its
    /// value with `…` when cut short, at the points' places when more than four, as the raw
    /// points where weighted, and cut where rounding would read otherwise than the points beside
    /// it (`0.0049…`, not `0.005`, beside 0 points), and an area subtotal's exact sum is cut so
    /// too; a veto's cap is echoed as the rules write it (61.115, not 61.12); tie values that
    /// rounding at six places does not tell apart are cut there and, if still alike, the note
    /// says they differ beyond, and a rate's tie values are percentages; the fast form settles
    /// a tie key whose interval holds a whole 10⁻⁶; seals of 0.26 and 0.27.0 are rebuilt with
    /// their words (the 0.27.0 and 0.27.1 changes asked the version before, which they did
    /// not); Xicheng's papers are as 0.26.0's, Dongcheng's two sheets with expression values
    /// (and its report and workbook) read `2.6332…` where 0.27.0 wrote `2.6332`. Also 0.27.1,
    /// from a secretary's walkthrough: `verify` lays a ballot changed in the journal after the
    /// seal at the journal's door, not the results' (it said to restore the results), names a
    /// changed record by who entered what and a changed result CSV's cell, and a whole file as
    /// its place; `status` says when the journal or a result is not as sealed (exit 1), and
    /// `close` seals no new version over a changed one; `init` after an `init` cut short clears
    /// what it left, when that is only its own copies byte for byte; a long ballots file may be
    /// headed 评分项目; `kaimen help X`; no errno name after a missing path, no `[选项 --x]` after
    /// a message that names the option; a wide row typed twice names its standards as headed.
    /// 0.28.0: every CSV input may be an Excel workbook (`.xlsx`, its first visible worksheet
    /// read as Excel's CSV of it would read: rows and column letters kept, numbers to 15
    /// digits, percentages and dates as written, formulas as their values), with its own
    /// DEFLATE, ZIP and XML readers; a damaged workbook and other worksheets with values are
    /// said (`workbook-unreadable`, `workbook-sheets`); an old `.xls` is told how to save as
    /// `.xlsx`; a session keeps a workbook's copy as `.xlsx`. Results and papers are as 0.27.1's.
    /// 0.29.0: a workbook's formula stored without its value (openpyxl's) is refused with its
    /// place, where it read as an empty cell; `session enter` checks the entry workbook's 表号,
    /// 姓名 and 单位名称 against each row's ids (errors); the terminal ranking has the note on
    /// how its columns add up to the total; `explain --session` says who scored each unit and
    /// whose sheet did not count; `score --out` checks its folder before scoring; `rules check`
    /// and `rules test` refuse what `score` refuses; `compare` carries the ballots to NEW's
    /// ballot standards; `rules show`/`diff` give weighted maxima; the report's 评委分析 decides
    /// its flags exactly (reports sealed before 0.29.0 are written again as they were).
    /// 0.29.1: every command reading a ballots file checks its 姓名 and 单位名称 columns against
    /// each row's ids (`session enter` alone did); a ballot typed twice says whether the two
    /// scores are the same; `panel --format json` gives intervals, counts and lists as JSON values,
    /// and `compare --format json` carries its warnings; `verify` checks every field of a seal
    /// and replays the commands' argument checks; papers: a large session's 评分表 sheet one page
    /// wide, the re-check list's count of rows left out, the notice's closing kept with the text
    /// before it, 本单位 in a published notice (`ScoreReport.v0_29_1`; the notice's CSS changed
    /// the samples' golden files).
    /// 0.29.2: papers: the workbook's 汇总 printed with a page header (the issuer, the rules' title,
    /// a result's version; `ScoreReport.v0_29_2`); the entry workbook warns of a score outside
    /// 0 to its item's points as it is typed, its header row tall enough for the standards' long
    /// names, printed one page wide with its grid and titled; a standard that cannot be assessed
    /// is said so (无法考核, not 不予考核), and summary.csv's 提示 says what its rule gave it.
    /// 0.29.3: a rules file whose syntax errors were all read past is checked further in the same
    /// run; a seal is written again with only the input warnings its version gave; papers: a
    /// score sheet's signatures follow its table, and a later version's sheet says which it is
    /// (`ScoreReport.v0_29_3`); `explain` says 不考核 for a standard left out.
    /// 0.29.4: `session verify --head` takes the head hash's first 16 digits or more, as written
    /// by hand on a session's notice, which has a line for them (`ScoreReport.v0_29_4`), and
    /// `close` prints them grouped in fours; `--period` (score, session init) gives the papers'
    /// 考核期, which was the rules' `effective` dates only.
    /// 0.29.5: papers: the notice gives the grade lines and the 优秀 quota, keeps its closing on
    /// the page of its table and titles every further page; the workbook carries the 考核期; the
    /// report says how to read α and dates its signatures as the notice does
    /// (`ScoreReport.v0_29_5`); the blank ballot sheets print each row's standard id and shade a
    /// recused sheet. `session enter` says when two standards of one sheet look swapped;
    /// `status` shows the 考核期; every fixed-choice option takes Chinese words; `close` and
    /// `verify` of a large session make its score sheets as they write them.
    /// 0.29.6: `session verify` takes as the posted head only a seal's hash, names the version a
    /// posted notice is, reports files the journal does not vouch for anywhere in the folder, and
    /// ends without `--head` in a warning; the notice says how to check its code, summary.json
    /// gives `null` for a standard left out, the English papers read as a person wrote them and
    /// the workbooks' one-line rows are 17 points (`ScoreReport.v0_29_6`). A survey's respondents
    /// above its population are an error in the data (`survey-above-population`); `--lang` takes
    /// words as every fixed-choice option does; `session enter` names two swaps in one sheet;
    /// `close` warns of its open results as every `--out` does.
    /// 0.29.7: the papers' leftovers of a review (summary.xlsx's 评分表 title row measured across
    /// its merged cells, the English method words one family, the report's panel headings kept
    /// with their tables: `ScoreReport.v0_29_7`), the blank sheet by representative numbers its
    /// columns by the criteria list; a rules file's test units are bounded as data rows are;
    /// `session status` reports files the journal does not vouch for, and a file given for a
    /// session folder exits 1; the fast form takes the smaller of two intervals without falling
    /// back; the tuning tools' findings of a tester.
    /// 0.29.8: a tester's unattended scripts and an outside review: papers and summary.json name
    /// an input by its file name, not the path as typed (`ScoreReport.v0_29_8`); a failed run
    /// asked for `--format json` prints one failure object; a held lock exits 75; `session close
    /// --format json`; a read-only output folder is not replaced, and an old set moved aside by a
    /// swap without an exchange is put back; `sensitivity DIR --rules NEW`; docs/json.md.
    public static let version = "0.29.8"

    /// `arguments` with each `--lang` value written another common way (`zh-CN`, `中文`, …)
    /// replaced by the language's id, and an option typed with a Chinese input method
    /// (`－－ｒｕｌｅｓ`, full-width) made half-width; the arguments after `--` are left alone.
    static func canonicalLanguage(_ arguments: [String]) -> [String] {
        var out = arguments
        // Only an option's name (up to `=` or `＝`), and only when it then reads as one:
        // `--reason －－污损（见附件）` keeps its value as typed.
        for k in out.indices {
            if out[k] == "--" { break }
            guard out[k].hasPrefix("－") else { continue }
            let end = out[k].firstIndex(where: { $0 == "=" || $0 == "＝" }) ?? out[k].endIndex
            let name = UnitMatcher.normalized(String(out[k][..<end]))
            guard name.hasPrefix("--"), name.count > 2, name.dropFirst(2).allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) else { continue }
            out[k] = name + (end < out[k].endIndex ? "=" + out[k][out[k].index(after: end)...] : "")
        }
        var i = 0
        while i < out.count, out[i] != "--" {
            if out[i] == "--lang", i + 1 < out.count, let l = Language.alias(out[i + 1]) {
                out[i + 1] = l.rawValue
                i += 1
            } else if out[i].hasPrefix("--lang="), let l = Language.alias(String(out[i].dropFirst(7))) {
                out[i] = "--lang=" + l.rawValue
            }
            i += 1
        }
        return out
    }

    public static func run(_ given: [String], console: Console) -> ExitCode {
        // `--lang zh-CN`, `--lang cn` or `--lang 中文` as `--lang zh` (`Language.alias`).
        var arguments = Self.canonicalLanguage(given)
        // `kaimen --lang en score …` as `kaimen score … --lang en`: the language may come first.
        if arguments.first == "--lang", arguments.count >= 2 {
            arguments = Array(arguments.dropFirst(2)) + Array(arguments.prefix(2))
        } else if let first = arguments.first, first.hasPrefix("--lang=") {
            arguments = Array(arguments.dropFirst()) + [first]
        }
        // `kaimen session --lang en status DIR` (since 0.29.3): the language between a group and
        // its subcommand goes after the subcommand (not to the end, where a `--` would make it a
        // file name); it read as the command `session --lang`.
        if let first = arguments.first, commands.contains(where: { $0.path.count > 1 && $0.path[0] == first }) {
            var moved: [String] = []
            while arguments.count > 1 {
                if arguments[1] == "--lang", arguments.count > 2 {
                    moved += arguments[1...2]
                    arguments.removeSubrange(1...2)
                } else if arguments[1].hasPrefix("--lang=") {
                    moved.append(arguments.remove(at: 1))
                } else {
                    break
                }
            }
            arguments.insert(contentsOf: moved, at: min(2, arguments.count))
        }
        // `kaimen --help`, also with `--lang en` before or after it.
        let lang = Language.requested(in: arguments)
        let bare = withoutLanguage(arguments)
        if bare.isEmpty {
            return DefaultCommand.run(console: console, lang: lang)
        }
        if bare == ["--help"] || bare == ["-h"] || bare == ["help"] {
            console.out(help(lang))
            return .success
        }
        // `kaimen help session enter` is `kaimen session enter --help` (a secretary typed it so).
        if bare.count > 1 && bare[0] == "help" {
            let rest = Array(arguments.drop { $0 != "help" }.dropFirst())
            return run(rest.filter { $0 != "--help" && $0 != "-h" } + ["--help"], console: console)
        }
        if bare == ["--version"] || bare == ["version"] || bare == ["-V"] {
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
        if !group.isEmpty && (bare.count == 1 || bare.count == 2 && (bare[1] == "--help" || bare[1] == "-h")) {
            console.out(HelpText.group(arguments[0], group, lang: lang))
            return bare.count == 1 ? .usage : .success
        }
        // `kaimen session --by 王秘书 status …`: an option before the subcommand is no command.
        if !group.isEmpty, arguments.count > 1, arguments[1].hasPrefix("-") {
            let option = String(arguments[1].prefix { $0 != "=" })
            console.error(CommandMessages.optionBeforeSubcommand(option, group: arguments[0]), lang)
            console.errLine(CommandMessages.seeSubcommands(arguments[0]).text(lang))
            return .usage
        }
        let words = Set(commands.map { $0.path.joined(separator: " ") } + commands.map { $0.path[0] })
        let attempt = arguments.prefix(2).joined(separator: " ")
        console.error(CommandMessages.unknownCommand(arguments.prefix(group.isEmpty ? 1 : 2).joined(separator: " "))
                        .joined(hint: Localized.didYouMean(group.isEmpty ? arguments[0] : attempt, among: words.sorted())), lang)
        console.errLine(CommandMessages.seeCommands.text(lang))
        return .usage
    }

    /// What the executable says when standard output could not be written, in the language the
    /// command line asks for: the output is incomplete, why, and what to do.
    public static func outputFailed(_ cause: SystemError, arguments: [String]) -> String {
        let lang = Language.requested(in: canonicalLanguage(arguments))
        return CommandMessages.errorLabel.text(lang) + CommandMessages.outputFailed(cause).text(lang)
    }

    /// `kaimen --help` in `lang`.
    public static func help(_ lang: Language) -> String {
        HelpText.top(commands, defaultAbstract: DefaultCommand.abstract, lang: lang)
    }

    /// The arguments without `--lang X` / `--lang=X`, to recognise `kaimen --lang en --help`.
    static func withoutLanguage(_ arguments: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < arguments.count {
            if arguments[i] == "--lang" { i += 2; continue }
            if !arguments[i].hasPrefix("--lang=") { out.append(arguments[i]) }
            i += 1
        }
        return out
    }
}

/// What `kaimen` does with no arguments: the bundled default job, scoring the Xicheng sample.
enum DefaultCommand {
    static let abstract = Localized(zh: "为自带的西城区 2014 年样例评分并打印排名", en: "score the bundled Xicheng 2014 sample and print its ranking")
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

    static func run(console: Console, lang: Language = .zh) -> ExitCode {
        if let message = missingSample(console) {
            console.error(message, lang)
            return .failure
        }
        let args = sampleOptions.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] } + (lang == .en ? ["--lang", "en"] : [])
        return ScoreCommand.main(args, console: console)
    }
}
