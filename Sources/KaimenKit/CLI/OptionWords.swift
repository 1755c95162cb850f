/// Options are written in English (`--rules`); a secretary who types the Chinese word for one
/// (`--规则`) is told which option it is, rather than offered the nearest English spelling,
/// which for a Chinese word is nonsense (`--规则` is as near to `--by` as to anything). So is one
/// who types another English word for it (`--operator` for `--by`, since 0.29.3), which no
/// spelling is near.
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
        // Other English words for an option (compared without case): what a user of other
        // tools types. An option's own near misses (`--rule`, `--ot`) are left to the spelling.
        ("operator", ["--by"]), ("user", ["--by"]), ("name", ["--by"]), ("who", ["--by"]), ("typist", ["--by"]),
        ("clerk", ["--by"]), ("author", ["--by"]), ("signer", ["--by"]), ("signed-by", ["--by"]), ("entered-by", ["--by"]),
        ("person", ["--by"]), ("secretary", ["--by"]), ("staff", ["--by"]),
        ("why", ["--reason", "--accept-missing"]), ("note", ["--reason"]), ("comment", ["--reason"]), ("remark", ["--reason"]),
        ("representative", ["--rep"]), ("voter", ["--rep"]), ("rater", ["--rep"]), ("judge", ["--rep"]),
        ("item", ["--standard"]), ("criterion", ["--standard"]), ("value", ["--score"]), ("points", ["--score"]), ("mark", ["--score"]),
        ("output", ["--out"]), ("output-dir", ["--out"]), ("dir", ["--out", "--session"]), ("folder", ["--out", "--session"]),
        ("language", ["--lang"]), ("locale", ["--lang"]), ("rulebook", ["--rules"]), ("criteria", ["--rules"]),
        ("metrics", ["--units"]), ("ballot", ["--ballots"]), ("votes", ["--ballots"]), ("scores", ["--ballots"]),
        ("groups", ["--schedule"]), ("timetable", ["--schedule"]), ("agenda", ["--schedule"]),
    ]

    /// The options among `known` that `typed` (`--规则`, `－－规则`, `-规则`, `--operator`) means,
    /// or `nil` when it is not a word kaimen knows (then it is no option at all).
    static func meaning(of typed: String, among known: [String]) -> [String]? {
        var word = Substring(typed)
        while let c = word.first, c == "-" || c == "－" || c == "—" { word = word.dropFirst() }
        let key = word.lowercased()
        let options = words.filter { $0.word == key }.flatMap(\.options).filter { known.contains($0) }
        return options.isEmpty ? nil : options.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    /// The hint for an option that is not one: the option a Chinese word means, that options
    /// are written in English, or the nearest English spelling.
    static func hint(for typed: String, among known: [String]) -> Localized {
        let chinese = typed.unicodeScalars.contains(where: { $0.value > 0x7F })
        if let options = meaning(of: typed, among: known) {
            return chinese ? CommandMessages.optionInEnglish(typed, options) : CommandMessages.didYouMean(options)
        }
        if chinese { return CommandMessages.optionsAreEnglish }
        return Localized.didYouMean(typed, among: known) ?? CommandMessages.seeHelp
    }
}
