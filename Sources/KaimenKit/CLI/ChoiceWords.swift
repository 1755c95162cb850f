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
    static func choice(_ typed: String, choices: [String], words: Table) -> String? {
        if choices.contains(typed) { return typed }
        let folded = UnitMatcher.normalized(typed)
        if choices.contains(folded) { return folded }
        return words.first { $0.word == folded }?.choice
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
