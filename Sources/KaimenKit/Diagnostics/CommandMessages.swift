import Foundation

/// The command line's own texts: usage errors and the one-line summaries commands print,
/// in Chinese and English. Diagnostics about the data are in the other catalogue files.
enum CommandMessages {
    static let errorLabel = Localized(zh: "错误：", en: "error: ")

    // The stages the progress line names (`BulkRun`).
    static let readingMetrics = Localized(zh: "读取单位指标", en: "reading metrics")
    static let readingBallots = Localized(zh: "读取代表评分", en: "reading ballots")
    static let scoringUnits = Localized(zh: "评分", en: "scoring")

    static func unknownOption(_ name: String) -> Localized {
        Localized(zh: "没有选项 `\(name)`", en: "unknown option `\(name)`")
    }
    static let seeHelp = Localized(zh: "见 `--help`", en: "see `--help`")
    /// `--set` given to `score`: the commands that take it (at most three named).
    static func optionOf(_ name: String, _ commands: [String]) -> Localized {
        let shown = commands.prefix(3).map { "`\($0)`" }, more = commands.count > 3
        return Localized(zh: "`\(name)` 是 \(shown.joined(separator: "、"))\(more ? " 等" : "") 的选项，这个命令没有它；见 `--help`",
                         en: "`\(name)` is an option of \(shown.joined(separator: ", "))\(more ? " and others" : ""), not of this command; see `--help`")
    }
    /// `--规则`: the option a Chinese word means (`OptionWords`).
    static func optionInEnglish(_ typed: String, _ options: [String]) -> Localized {
        let list = options.map { "`\($0)`" }
        return Localized(zh: "选项名用英文书写：`\(typed)` 请写作 " + list.joined(separator: " 或 "),
                         en: "options are written in English: for `\(typed)` write " + list.joined(separator: " or "))
    }
    static let optionsAreEnglish = Localized(zh: "选项名用英文书写（如 `--rules`），可用的选项见 `--help`",
                                             en: "options are written in English (such as `--rules`); `--help` lists them")
    /// `--operator`: the options another English word means (`OptionWords`), one or several.
    static func didYouMean(_ options: [String]) -> Localized {
        let list = options.map { "`\($0)`" }
        return Localized(zh: "是不是 \(list.joined(separator: " 或 "))？", en: "did you mean \(list.joined(separator: " or "))?")
    }
    /// An argument taken for an option that names a file or folder where the command runs.
    static func pathTakenForOption(_ arg: String, folder: Bool) -> Localized {
        Localized(zh: "`\(arg)` 是这里的一个\(folder ? "文件夹" : "文件")：以 `-` 开头的参数会被当作选项；要给出它，写作 `./\(arg)`，或在它前面加 `--`（`-- \(arg)`：`--` 之后的参数都不当作选项）",
                  en: "`\(arg)` is a \(folder ? "folder" : "file") here: an argument beginning with `-` is taken for an option; to name it, write `./\(arg)`, or put `--` before it (`-- \(arg)`: nothing after `--` is taken for an option)")
    }
    static func givenTwice(_ name: String) -> Localized {
        Localized(zh: "`\(name)` 给了两次", en: "`\(name)` is given twice")
    }
    static let giveOnce = Localized(zh: "每个选项只给一次", en: "give each option once")
    static func takesNoValue(_ name: String) -> Localized {
        Localized(zh: "`\(name)` 不带值", en: "`\(name)` takes no value")
    }
    static func needsValue(_ name: String, _ placeholder: String) -> Localized {
        Localized(zh: "`\(name)` 需要一个值（\(placeholder)）", en: "`\(name)` needs a value (\(placeholder))")
    }
    /// `--rules --lang en`: the option's value is missing, and the next word is another option.
    static func valueIsAnOption(_ name: String, _ next: String) -> Localized {
        Localized(zh: "后面紧接着的 `\(next)` 是另一个选项；在 `\(name)` 后写上它的值（值以 `--` 开头时写成 `\(name)=值`）",
                  en: "the next word, `\(next)`, is another option; write the value right after `\(name)` (one starting with `--` as `\(name)=VALUE`)")
    }
    /// In Chinese each choice with its first Chinese word (`table`（表格）, since 0.29.6), as the
    /// help lists them and as `--vary`'s list does.
    static func invalidChoice(_ value: String, _ name: String, _ choices: [String], words: ChoiceWords.Table = []) -> Localized {
        // `、` in Chinese, as `--vary`'s list (since 0.29.2; `可用 `zh`, `en`` before).
        Localized(zh: "`\(value)` 不是 `\(name)` 的有效值；可用 \(listedChoices(choices, words: words, zh: true))",
                  en: "`\(value)` is not a valid value for `\(name)`; use one of \(listedChoices(choices, words: [], zh: false))")
    }
    /// `choices` quoted, each with its Chinese word in Chinese: `` `table`（表格）、`csv` ``.
    static func listedChoices(_ choices: [String], words: ChoiceWords.Table, zh: Bool) -> String {
        choices.map { c in zh ? ChoiceWords.word(for: c, in: words).map { "`\(c)`（\($0)）" } ?? "`\(c)`" : "`\(c)`" }
            .joined(separator: zh ? "、" : ", ")
    }
    static func usage(_ usage: String, help: String) -> Localized {
        Localized(zh: "用法：\(usage)（见 `\(help) --help`）", en: "usage: \(usage)  (see `\(help) --help`)")
    }
    /// The usage line after a usage error the command found itself, with the help to see, as
    /// the parser's errors have it (since 0.29.3: `kaimen sheets` without its options gave the
    /// line without `（见 …）`).
    static func usageLine(_ usage: String) -> Localized {
        self.usage(usage, help: usage.split(separator: " ").prefix { $0.allSatisfy { $0.isLowercase || $0 == "-" } }.joined(separator: " "))
    }
    static let missingSessionFolder = Localized(zh: "缺少会话文件夹 DIR", en: "missing the session folder DIR")
    static let missingTypedFile = Localized(zh: "缺少录入的文件 FILE：写在会话文件夹后面", en: "missing the typed file FILE: it comes after the session folder")
    /// A warning that one of `compare`'s two runs gives, after the rules file of that run.
    static func saidUnder(_ file: String, _ line: String) -> Localized {
        Localized(zh: "\(file)：\(line)", en: "\(file): \(line)")
    }
    static func unexpectedArgument(_ argument: String) -> Localized {
        Localized(zh: "多余的参数 `\(argument)`", en: "unexpected argument `\(argument)`")
    }
    static let byRequired = Localized(zh: "必须给出 `--by NAME`：日志要记录每一步是谁做的", en: "`--by NAME` is required: the journal records who did what")
    static let periodEmpty = Localized(zh: "`--period` 不能为空：写出考核期，如 `--period 2014年年中`；不给这个选项则印细则的有效期",
                                       en: "`--period` cannot be empty: write the assessment period, e.g. `--period \"mid-2014\"`; without the option the rules' effective dates are printed")
    static func periodTooLong(_ count: Int) -> Localized {
        Localized(zh: "`--period` 有 \(count) 个字，最多 \(RecordedText.periodLimit) 个：它印在报告和公示的一行里，写考核期本身即可，如 `2014年年中`",
                  en: "`--period` has \(count) characters, at most \(RecordedText.periodLimit): it is printed on one line of the report and the notice; give the period alone, e.g. `mid-2014`")
    }
    static func unknownCommand(_ words: String) -> Localized {
        Localized(zh: "没有命令 `\(words)`", en: "unknown command `\(words)`")
    }
    /// `kaimen session --by 王秘书 status`: options come after the subcommand.
    static func optionBeforeSubcommand(_ option: String, group: String) -> Localized {
        Localized(zh: "选项 `\(option)` 要写在子命令之后：`kaimen \(group) <子命令> … \(option) …`",
                  en: "the option `\(option)` goes after the subcommand: `kaimen \(group) <subcommand> … \(option) …`")
    }
    static func seeSubcommands(_ group: String) -> Localized {
        Localized(zh: "运行 `kaimen \(group) --help` 查看子命令。", en: "Run `kaimen \(group) --help` to see its subcommands.")
    }
    static let seeCommands = Localized(zh: "运行 `kaimen --help` 查看所有命令。", en: "Run `kaimen --help` to see the commands.")
    static func takesOnlyOptions(_ argument: String, _ command: String) -> Localized {
        Localized(zh: "多余的参数 `\(argument)`；`\(command)` 只接受选项",
                  en: "unexpected argument `\(argument)`; `\(command)` takes only options")
    }
    static func missingOptions(_ names: [String]) -> Localized {
        let list = names.map { "`\($0)`" }.joined(separator: ", ")
        return Localized(zh: "缺少 \(list)", en: "missing \(list)")
    }
    static func wholeNumberOption(_ option: String, atLeast least: Int, got: String) -> Localized {
        Localized(zh: "`\(option)` 要写不小于 \(least) 的整数，不能是 `\(got)`", en: "`\(option)` takes a whole number of at least \(least), not `\(got)`")
    }
    /// After a large session scored by the checked readers because the byte-level ones handed
    /// it over (`BulkHandOver`): what they met, in words, and how long the run took.
    static func handedOver(_ why: BulkHandOver, seconds: Double) -> Localized {
        let met: (zh: String, en: String) = switch why {
        case .rulesNotClean: ("细则文件有警告", "warnings in the rules file")
        case .fileUnreadable: ("无法直接读取的输入文件", "an input file they could not map")
        case .notCSV: ("不是 UTF-8 编码的 CSV 文件，比如 GB18030 或 UTF-16 编码的文件、JSON 单位文件", "a file that is not UTF-8 CSV, such as a GB18030, UTF-16 or JSON one")
        case .header: ("它不认的表头，比如按名称写的列或多余的列", "a header they do not take, such as a column by its name or an extra one")
        case .quotedCell: ("带双引号的单元格", "a cell in double quotes")
        case .notPlainText: ("含控制字符或首尾有特殊空白的单元格", "a cell with a control character or a special space at an end")
        case .lineEnd: ("只用 CR 换行的行", "a line ended by a lone CR")
        case .fieldCount: ("单元格数与表头不符的行", "a row with more or fewer cells than the header")
        case .unknownUnit: ("单位文件里没有的单位编号", "a unit id not in the units file")
        case .unknownRepresentative: ("名单里没有的代表编号", "a representative not on the roster")
        case .unknownStandard: ("按名称写的标准", "a standard given by its name")
        case .textInUnreadColumn: ("不读取的列里的文字", "text in a column no one reads")
        case .missingScore: ("空着的分数", "an empty score")
        case .badNumber: ("不是普通小数的分数", "a score that is not a plain decimal")
        case .tooManyDecimals: ("小数超过 4 位的分数", "a score with more than 4 decimals")
        case .scoreOutOfRange: ("超出范围的分数", "a score out of range")
        case .offStep: ("不合分数步长的分数", "a score off the score step")
        case .duplicateBallot: ("同一代表对同一单位同一标准的重复选票", "a representative's second ballot for the same unit and standard")
        case .noBallots: ("没有选票的选票文件", "a ballots file without ballots")
        case .tooLarge: ("超出其容量的选票数", "more ballots than they can count")
        case .unitsRow: ("它不直接读的单位行，比如带引号的单元格或空着的指标", "a units row they do not read themselves, such as one with a quoted cell or an empty metric")
        case .impossibleValue: ("不可能的指标值，比如满意度测评的参加人数多于总人数，或不能超过 100% 的比例超过了 100%", "an impossible value, such as more survey respondents than people, or a ratio above 100% where a rule forbids that")
        case .rosterRow: ("它不直接读的名单行，比如带引号的单元格或单位文件里没有的本单位", "a roster row they do not read themselves, such as one with a quoted cell or an own unit not in the units file")
        case .recusalUnderStrict: ("--strict 下的回避票", "recused ballots under --strict")
        case .vetoUncheckedUnderStrict: ("--strict 下无法判断的一票否决", "a veto that cannot be checked under --strict")
        }
        let time = String(format: "%.1f", seconds)
        return Localized(zh: "提示：快速读取器遇到\(met.zh)（\(why.rawValue)），改由逐项检查的读取器读取，共用 \(time) 秒；改掉这一处，大的输入可快得多，见 docs/bulk.md",
                         en: "note: the fast readers met \(met.en) (\(why.rawValue)), so the checked readers read the input, in \(time) s; without it a large input is read much faster (see docs/bulk.md)")
    }
    static func notScored(errors n: Int, wroteNothing: Bool) -> Localized {
        Localized(zh: "\(n) 个错误；未计分\(wroteNothing ? "，也未写入任何文件" : "")",
                  en: "\(n) error\(n == 1 ? "" : "s"); nothing was scored\(wroteNothing ? " and nothing written" : "")")
    }
    static func fileErrors(_ file: String, _ n: Int) -> Localized {
        let file = Echo.shown(file)
        return Localized(zh: "\(file)：\(n) 个错误", en: "\(file): \(n) error\(n == 1 ? "" : "s")")
    }
    static func lockWaitNotSeconds(_ variable: String, _ value: String) -> Localized {
        Localized(zh: "环境变量 \(variable) 的值 `\(value)` 不是秒数：写成等待另一个 kaimen 命令的秒数，如 \(variable)=30（不设时等 30 秒，0 为不等待），或去掉这个变量",
                  en: "the environment variable \(variable) is `\(value)`, not a number of seconds: give how long to wait for another kaimen command, e.g. \(variable)=30 (30 when it is not set, 0 for no wait), or unset it")
    }
    /// Standard output not written in full (a full disk, `ulimit -f`), said by the executable;
    /// closed (`>&-`, EBADF), it is said so, not blamed on the disk.
    static func outputFailed(_ cause: SystemError) -> Localized {
        if cause.code == EBADF {
            return Localized(zh: "标准输出已关闭（如 `>&-`），结果无处可写：把它重定向到文件（`> 结果.txt`）或 /dev/null，或用 --out 写到文件夹",
                             en: "standard output is closed (as by `>&-`): the results had nowhere to go; redirect it to a file (`> results.txt`) or /dev/null, or write to a folder with --out")
        }
        return Localized(zh: "标准输出没有写完：\(cause.text.zh)；输出不完整，请腾出空间（或放宽 `ulimit -f`）后重新运行，或用 --out 写到别的文件夹",
                         en: "standard output could not be written in full: \(cause.text.en); the output is incomplete: free some room (or raise `ulimit -f`) and run again, or write to another folder with --out")
    }
    /// `kaimen sheets` without `--schedule`, with several groups: every group hears every unit.
    /// - Parameter session: the session folder the sheets were printed from (its schedule, or
    ///   none, was given at `init`).
    static func sheetsWithoutSchedule(groups: Int, units: Int, pages: Int, session: String? = nil) -> Localized {
        guard let session else {
            return Localized(zh: "注意：没有给 --schedule，\(groups) 个组都按听取全部 \(units) 个单位的汇报打印，共 \(pages) 页；各组只听部分单位时，用 --schedule 给出日程表，只印各组听取的单位",
                             en: "note: no --schedule, so each of the \(groups) groups is taken to hear all \(units) units, \(pages) pages; if groups hear only some units, give the schedule with --schedule to print only theirs")
        }
        return Localized(zh: "注意：会话 `\(session)` 没有日程表（`kaimen session init` 时没有给 --schedule），\(groups) 个组都按听取全部 \(units) 个单位的汇报打印，共 \(pages) 页；各组只听部分单位时，日程表须在 `kaimen session init --schedule` 时给出",
                         en: "note: session `\(session)` has no schedule (`kaimen session init` was given no --schedule), so each of the \(groups) groups is taken to hear all \(units) units, \(pages) pages; if groups hear only some units, the schedule is given with `kaimen session init --schedule`")
    }
    static func nothingWritten(errors n: Int) -> Localized {
        Localized(zh: "\(n) 个错误；未写入任何文件", en: "\(n) error\(n == 1 ? "" : "s"); nothing written")
    }
    /// What `kaimen sheets` wrote.
    static func sheetsWritten(_ out: String, pages: Int, sheets: Int, recused: Int) -> Localized {
        Localized(zh: "已写入 \(out)：ballot-sheets.html（\(pages) 页，\(sheets) 张评分表，\(recused) 张回避）、entry-template.csv、entry-template.xlsx",
                  en: "wrote \(out): ballot-sheets.html (\(pages) pages, \(sheets) sheets to fill, \(recused) recused), entry-template.csv, entry-template.xlsx")
    }
    /// `kaimen sheets DIR`: printed from the session's copies, so the ids are those enter checks.
    static func sheetsFromSession(_ typed: String) -> Localized {
        let dir = Echo.shown(typed)
        return Localized(zh: "评分表按会话 `\(dir)` 的输入副本（\(dir)/inputs/）打印，表号与 `kaimen session enter` 核对的一致",
                  en: "the sheets are printed from the input copies of session `\(dir)` (\(dir)/inputs/), so their sheet ids are those `kaimen session enter` checks")
    }
    /// Why `kaimen sheets DIR` takes no input files.
    static let sheetsFromSessionCopies = Localized(zh: "评分表按会话的输入副本（DIR/inputs/）打印，表号才与 `kaimen session enter` 核对的一致",
                                                   en: "the sheets are printed from the session's input copies (DIR/inputs/), so that their ids are those `kaimen session enter` checks")
    /// `kaimen sheets rules.jsonc`: a file where the session folder goes.
    static func sheetsFileNotSession(_ typed: String) -> Localized {
        let path = Echo.shown(typed)
        return Localized(zh: "`\(path)` 是一个文件，不是会话文件夹：sheets 后面只能写会话文件夹；输入文件用 --rules、--units、--roster 和 --schedule 给出",
                  en: "`\(path)` is a file, not a session folder: only a session folder comes after sheets; give input files with --rules, --units, --roster and --schedule")
    }
    static func couldNotWrite(_ out: String, _ error: String) -> Localized {
        Localized(zh: "无法写入 `\(out)`：\(error)", en: "could not write to `\(out)`: \(error)")
    }
    /// An output folder that could not be written, with the cause in the chosen language when
    /// kaimen knows it (`OutputError`), else as the system said it.
    static func couldNotWrite(_ out: String, _ error: any Error) -> Localized {
        guard let e = error as? OutputError else { return couldNotWrite(out, "\(error)") }
        let cause = e.text.joined(hint: e.hint)
        return Localized(zh: "无法写入 `\(out)`：\(cause.zh)", en: "could not write to `\(out)`: \(cause.en)")
    }
    static let nameUnits = Localized(zh: "请写出要解释的单位编号，例如 `kaimen explain X03`",
                                     en: "name the unit(s) to explain, e.g. `kaimen explain X03`")
    static func noUnit(_ id: String) -> Localized {
        Localized(zh: "没有单位 `\(id)`", en: "no unit `\(id)`")
    }
    /// The unit whose id or name is close to what was typed, by both.
    static func nearUnit(_ id: String, name: String) -> Localized {
        Localized(zh: "是不是 `\(id)`（\(name)）？", en: "did you mean `\(id)` (\(name))?")
    }
    static let noRulesFiles = Localized(zh: "没有给出规则文件，这里也没有 rules/*.jsonc", en: "no rules files given, and no rules/*.jsonc here")
    static func showTakesOne(_ n: Int) -> Localized {
        Localized(zh: "`rules show` 只接受一个规则文件，收到 \(n) 个", en: "`rules show` takes one rules file; got \(n)")
    }
    static func diffTakesTwo(_ n: Int) -> Localized {
        Localized(zh: "`rules diff` 比较两个文件（旧、新），收到 \(n) 个", en: "`rules diff` compares two files, OLD and NEW; got \(n)")
    }
    static let generateUnits = Localized(zh: "`--units` 要写 1 到 50000000 之间的整数", en: "`--units` needs a whole number of units between 1 and 50000000")
    static let generateSeed = Localized(zh: "`--seed` 要写不小于 0 的整数", en: "`--seed` must be a whole number ≥ 0")
    static let generateOut = Localized(zh: "缺少 `--out DIR`", en: "missing `--out DIR`")
    static func generated(_ n: Int, _ out: String, _ mib: String) -> Localized {
        Localized(zh: "已写入 \(n) 个单位到 \(out)（units.csv、roster.csv、ballots.csv；\(mib) MiB）",
                  en: "wrote \(n) units to \(out) (units.csv, roster.csv, ballots.csv; \(mib) MiB)")
    }
    static func sampleMissing(_ first: String, _ dir: String) -> Localized {
        Localized(zh: "这里没有自带的样例（\(dir) 中没有 `\(first)`）；请在项目文件夹中运行 kaimen，或写出各个文件：见 `kaimen score --help`",
                  en: "the bundled sample is not here (no `\(first)` in \(dir)); run kaimen from its project folder, or name the files: see `kaimen score --help`")
    }
    /// `generate` without `--rules`, run outside the project folder.
    static func defaultRulesMissing(_ file: String, _ dir: String) -> Localized {
        Localized(zh: "没有给出 --rules，默认的规则文件 `\(file)` 不在 \(dir) 中（它在 kaimen 的项目文件夹里）；用 --rules 指定规则文件，或在项目文件夹中运行",
                  en: "no --rules given, and the default rules file `\(file)` is not in \(dir) (it is in kaimen's project folder); name a rules file with --rules, or run from the project folder")
    }
    static func didYouMean(_ word: String) -> Localized {
        Localized(zh: "是不是 `\(word)`？", en: "did you mean `\(word)`?")
    }

    /// The same for `typed`, unless `candidate` differs from it only by letters of another
    /// script drawn alike (`Х03` with a Cyrillic `Х` for `X03`): "did you mean `Х03`?" would show
    /// the same thing twice, so the letter is named.
    static func didYouMean(_ candidate: String, for typed: String) -> Localized {
        let inCandidate = ScriptLookalikes.first(in: candidate)
        guard candidate != typed, ScriptLookalikes.latinized(candidate) == ScriptLookalikes.latinized(typed),
              let (letter, _) = inCandidate ?? ScriptLookalikes.first(in: typed) else { return didYouMean(candidate) }
        let named = ScriptLookalikes.named(letter)
        return inCandidate != nil
            ? Localized(zh: "与 `\(candidate)` 看起来一样，却不是同一个编号：`\(candidate)` 里的 `\(letter)` 是\(named.zh)；改正写错的那一处",
                        en: "it looks like `\(candidate)` but is another id: the `\(letter)` of `\(candidate)` is \(named.en); correct the one written wrong")
            : Localized(zh: "其中的 `\(letter)` 是\(named.zh)，不是拉丁字母：是不是 `\(candidate)`？",
                        en: "its `\(letter)` is \(named.en), not a Latin letter: did you mean `\(candidate)`?")
    }
}

extension Language {
    /// The language a command line asks for (`--lang en`, `--lang=en`), read before parsing so
    /// that usage errors speak it too; Chinese when it asks for none or for something else.
    static func requested(in arguments: [String]) -> Language {
        for (i, a) in arguments.enumerated() {
            if a == "--" { break }
            if a == "--lang", i + 1 < arguments.count { return Language(rawValue: arguments[i + 1]) ?? .zh }
            if a.hasPrefix("--lang=") { return Language(rawValue: String(a.dropFirst(7))) ?? .zh }
        }
        return .zh
    }
}

extension Localized {
    /// `a; b` / `a；b`: a message and its hint on one line.
    func joined(hint: Localized?) -> Localized {
        guard let hint else { return self }
        return Localized(zh: zh + "；" + hint.zh, en: en + "; " + hint.en)
    }
}

// MARK: choices typed in Chinese (since 0.29.4)
extension CommandMessages {
    /// A Chinese word near what was typed, with the choice it stands for.
    static func didYouMeanChoice(_ choice: String, word: String) -> Localized {
        Localized(zh: "是不是 `\(word)`（`\(choice)`）？", en: "did you mean `\(word)` (`\(choice)`)?")
    }
    /// An item of a list option (`--vary`) that is none of its choices, listed with their Chinese words.
    static func unknownListItem(_ name: String, _ item: String, _ choices: [String], words: [(word: String, choice: String)]) -> Localized {
        Localized(zh: "`\(name)` 没有 `\(item)` 这一项；可用 \(listedChoices(choices, words: words, zh: true))，用逗号或顿号分隔",
                  en: "`\(name)` does not know `\(item)`; use \(listedChoices(choices, words: [], zh: false)), separated by commas")
    }
}
