/// Options are written in English (`--rules`); a secretary who types the Chinese word for one
/// (`--规则`) is told which option it is, rather than offered the nearest English spelling,
/// which for a Chinese word is nonsense (`--规则` is as near to `--by` as to anything).
enum OptionWords {
    /// Chinese words a user may type for an option, each to the option it means. A word may
    /// mean several options (`单位`: `--units` for a file, `--unit` for one unit); the ones the
    /// command has are offered.
    static let words: [(word: String, options: [String])] = [
        ("规则", ["--rules"]), ("细则", ["--rules"]), ("考核细则", ["--rules"]), ("评分细则", ["--rules"]),
        ("单位", ["--units", "--unit"]), ("单位文件", ["--units"]), ("指标", ["--units"]), ("单位编号", ["--unit"]),
        ("名单", ["--roster"]), ("代表名单", ["--roster"]), ("代表", ["--rep", "--roster"]), ("代表编号", ["--rep"]),
        ("评分票", ["--ballots"]), ("选票", ["--ballots"]), ("评分", ["--ballots", "--score"]), ("票", ["--ballots"]),
        ("分数", ["--score"]), ("得分", ["--score"]),
        ("日程", ["--schedule"]), ("分组", ["--schedule"]), ("安排", ["--schedule"]),
        ("输出", ["--out"]), ("输出目录", ["--out"]), ("目录", ["--out"]), ("文件夹", ["--out"]),
        ("语言", ["--lang"]), ("中文", ["--lang"]), ("英文", ["--lang"]),
        ("格式", ["--format"]), ("帮助", ["--help"]), ("版本", ["--version"]),
        ("操作人", ["--by"]), ("录入人", ["--by"]), ("录入员", ["--by"]), ("经办人", ["--by"]), ("签名", ["--by"]), ("姓名", ["--by"]),
        ("理由", ["--reason", "--accept-missing"]), ("原因", ["--reason", "--accept-missing"]),
        ("标准", ["--standard"]), ("评分项", ["--standard"]), ("强制", ["--force", "--override"]), ("种子", ["--seed"]),
        ("严格", ["--strict"]), ("会话", ["--session"]), ("线程", ["--threads"]),
    ]

    /// The options among `known` that `typed` (`--规则`, `－－规则`, `-规则`) means, or `nil`
    /// when it is not a Chinese word kaimen knows (then it is no option at all).
    static func meaning(of typed: String, among known: [String]) -> [String]? {
        var word = Substring(typed)
        while let c = word.first, c == "-" || c == "－" || c == "—" { word = word.dropFirst() }
        guard word.unicodeScalars.contains(where: { $0.value > 0x7F }) else { return nil }
        let options = words.filter { $0.word == word }.flatMap(\.options).filter { known.contains($0) }
        return options.isEmpty ? nil : options.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    /// The hint for an option that is not one: the option a Chinese word means, that options
    /// are written in English, or the nearest English spelling.
    static func hint(for typed: String, among known: [String]) -> Localized {
        if let options = meaning(of: typed, among: known) {
            let list = options.map { "`\($0)`" }
            return Localized(zh: "选项名用英文书写：`\(typed)` 请写作 " + list.joined(separator: " 或 "),
                             en: "options are written in English: for `\(typed)` write " + list.joined(separator: " or "))
        }
        if typed.unicodeScalars.contains(where: { $0.value > 0x7F }) {
            return Localized(zh: "选项名用英文书写（如 `--rules`），可用的选项见 `--help`",
                             en: "options are written in English (such as `--rules`); `--help` lists them")
        }
        return Localized.didYouMean(typed, among: known) ?? CommandMessages.seeHelp
    }
}
