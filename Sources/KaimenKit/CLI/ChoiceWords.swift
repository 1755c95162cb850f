import Foundation

/// A choice typed the way the help and the papers show it: the Chinese word beside it
/// (`--section 复核清单` for `outliers`, `--vary 权重` for `weights`), or written full-width by a
/// Chinese input method (`ｏｕｔｌｉｅｒｓ`); a list split on `，` and `、` as on `,`. Since 0.29.4:
/// `--vary 权重` was `没有 权重 这一项`, and `weights，bootstrap` a single unknown item, while
/// the rules file took `中位数` and `--set` took `＝`. Each option keeps its table of words next
/// to its choices (`OptionSpec.words`).
enum ChoiceWords {
    typealias Table = [(word: String, choice: String)]

    /// The choice `typed` means among `choices`, or `nil`.
    /// Letters are compared without case (`JSON`, `ＣＳＶ`, `Representative`), since 0.29.5.
    static func choice(_ typed: String, choices: [String], words: Table) -> String? {
        if choices.contains(typed) { return typed }
        let folded = UnitMatcher.normalized(typed).lowercased()
        if let c = choices.first(where: { $0.lowercased() == folded }) { return c }
        return words.first { $0.word.lowercased() == folded && choices.contains($0.choice) }?.choice
    }

    /// The words of `table` for the choices an option has (`--format` of `rules show` has no `csv`).
    static func among(_ choices: [String], _ table: Table) -> Table { table.filter { choices.contains($0.choice) } }

    /// `--format`, of every command that has it: the words a secretary types for a way to print
    /// (`表格`, `网页`, `无`), each the first for its choice as the help lists them. Since 0.29.5:
    /// `--format 表格` was an unknown choice, while `--section 复核清单` was taken.
    static let formats: Table = [
        ("表格", "table"), ("表", "table"), ("文本", "table"), ("文字", "table"), ("列表", "table"),
        ("逗号分隔", "csv"), ("逗号分隔值", "csv"),
        ("网页", "html"), ("页面", "html"), ("htm", "html"),
        ("md", "markdown"),
        ("无", "none"), ("不打印", "none"), ("不显示", "none"), ("不输出", "none"),
    ]

    /// `sheets --per`: a page per representative and unit, or per representative (since 0.29.5).
    static let per: Table = [
        ("单位", "unit"), ("按单位", "unit"), ("每单位", "unit"), ("每个单位", "unit"), ("每个单位一页", "unit"),
        ("代表", "representative"), ("按代表", "representative"), ("每代表", "representative"), ("每名代表", "representative"),
        ("每名代表一页", "representative"), ("rep", "representative"),
    ]

    /// `--lang`, of every command (since 0.29.6): `Language.words`, which `CLI.canonicalLanguage`
    /// takes before the options are read; here so that a wrong value is answered as any choice's
    /// (`englsh`: `是不是 `English`（`en`）？`), and its line lists `zh（中文）` and `en（英文）`.
    static let languages: Table = Language.words.map { (word: $0.word, choice: $0.language.rawValue) }

    /// `score --engine` (since 0.29.5).
    static let engines: Table = [("自动", "auto"), ("快速", "fast"), ("精确", "exact"), ("逐项检查", "exact")]

    /// The first word for each choice that has one, as the Chinese help lists them: `table（表格）`.
    static func listed(_ choices: [String], words: Table) -> String {
        choices.map { c in word(for: c, in: words).map { "\(c)（\($0)）" } ?? c }.joined(separator: "|")
    }

    /// The first Chinese word of `words` for `choice` (`表格` for `table`), as the help, the
    /// "not a valid value" line and a list option's unknown item show it beside the choice.
    static func word(for choice: String, in words: Table) -> String? {
        words.first { $0.choice == choice && $0.word.unicodeScalars.contains { $0.value > 0x7F } }?.word
    }

    /// The items of a list (`weights，bootstrap`, `权重、重抽样`), empty ones left out.
    static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The nearest choice or word to `typed`, in either language, said with its choice
    /// (`是不是 `复核清单`（outliers）？`); `nil` when none is near.
    static func hint(_ typed: String, choices: [String], words: Table) -> Localized? {
        let folded = UnitMatcher.normalized(typed)
        let candidates = choices + words.map(\.word)
        // A Chinese word typed short or long (`复核` for `复核清单`, `代表重抽样方式`): the word it is part of, or holds.
        let near = Suggestion.only(to: folded, among: candidates)
            ?? words.map(\.word).first { w in !folded.isEmpty && folded.unicodeScalars.contains { $0.value > 0x7F } && (w.contains(folded) || folded.contains(w)) }
        guard let near else { return nil }
        guard let choice = words.first(where: { $0.word == near })?.choice else { return CommandMessages.didYouMean(near) }
        return CommandMessages.didYouMeanChoice(choice, word: near)
    }
}

extension OptionSpec {
    /// A command's `--format`: its choices, taken in Chinese too (`ChoiceWords.formats`), `table` by default.
    static func format(_ help: Localized, choices: [String]) -> OptionSpec {
        .option("--format", "FORMAT", help, choices: choices, words: ChoiceWords.among(choices, ChoiceWords.formats), default: "table")
    }

    /// A command's `--lang`: `zh` or `en`, taken in the other ways of writing them too
    /// (`ChoiceWords.languages`), `zh` by default.
    static func language(_ help: Localized) -> OptionSpec {
        .option("--lang", "LANG", help, choices: ["zh", "en"], words: ChoiceWords.languages, default: "zh")
    }
}
