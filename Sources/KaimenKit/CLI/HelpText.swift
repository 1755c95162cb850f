/// `--help`, built from the commands' declarations, in Chinese by default and in English with
/// `--lang en`. Option names, placeholders, choices and ids stay ASCII in both; columns are
/// aligned by display width, so Chinese text (two columns a character) lines up too.
enum HelpText {
    typealias L = Localized

    static let overview = L(zh: "概述：", en: "OVERVIEW: ")
    static let usage = L(zh: "用法：", en: "USAGE: ")
    static let options = L(zh: "选项：", en: "OPTIONS:")
    static let examples = L(zh: "示例：", en: "EXAMPLES:")
    static let subcommands = L(zh: "子命令：", en: "SUBCOMMANDS:")
    static let commands = L(zh: "命令：", en: "COMMANDS:")
    /// The placeholders of the usage lines kaimen writes itself, in the help's language (since
    /// 0.29.3: `用法：kaimen <command> [options]` read as English in the Chinese help).
    static let subcommandPlaceholder = L(zh: "<子命令>", en: "<subcommand>")
    static let helpOption = OptionSpec.flag("--help", L(zh: "显示本帮助。", en: "Show this help."))

    /// The choices; in Chinese each with the first Chinese word taken for it (`table（表格）`).
    static func choices(_ c: [String], words: ChoiceWords.Table = []) -> L {
        L(zh: "可选值：\(ChoiceWords.listed(c, words: words))。", en: " (\(c.joined(separator: "|")))")
    }
    static func defaultValue(_ d: String) -> L { L(zh: "默认：\(d)。", en: " Default: \(d).") }

    /// `kaimen <command> --help`.
    static func command(abstract: L, usage: String, discussion: L, options: [OptionSpec], examples: [L], lang: Language) -> String {
        var s = overview.text(lang) + abstract.text(lang) + "\n\n" + self.usage.text(lang) + usage + "\n"
        let text = discussion.text(lang)
        if !text.isEmpty { s += "\n\(text)\n" }
        s += "\n" + self.options.text(lang) + "\n"
        let all = options + [helpOption]
        let rows = all.map { o -> (String, String) in
            var help = o.help.text(lang)
            if let c = o.choices { help += choices(c, words: o.words).text(lang) }
            if let d = o.defaultValue { help += defaultValue(d).text(lang) }
            return (o.value.map { "\(o.name) \($0)" } ?? o.name, help)
        }
        s += columns(rows)
        s += "\n" + self.examples.text(lang) + "\n" + examples.map { "  " + $0.text(lang) }.joined(separator: "\n") + "\n"
        return s
    }

    /// `kaimen rules --help`: the subcommands of a group.
    static func group(_ name: String, _ group: [any Command.Type], lang: Language) -> String {
        var s = usage.text(lang) + "kaimen \(name) " + subcommandPlaceholder.text(lang) + "\n\n" + subcommands.text(lang) + "\n"
        s += columns(group.map { ($0.path.joined(separator: " "), $0.abstract.text(lang)) })
        return s + "\n" + L(zh: "每个子命令的说明见 `kaimen \(name) <子命令> --help`。",
                            en: "See `kaimen \(name) <subcommand> --help` for each.").text(lang) + "\n"
    }

    /// `kaimen --help`: what kaimen is and every command.
    static func top(_ all: [any Command.Type], defaultAbstract: L, lang: Language) -> String {
        var s = L(zh: """
            kaimen（开门）——为基层工会“开门打分”评分：读入规则文件中的评分标准、各单位的指标
            和职工代表的评分票，给出有说明的得分、总分、等级和排名。

            用法：kaimen <命令> [选项]
                  kaimen            （不带参数：\(defaultAbstract.zh)）

            命令：

            """, en: """
            kaimen scores grassroots trade unions in an open scoring session: criteria from a
            rules file, the units' metrics and the representatives' ballots in, explained
            points, totals, grades and a ranking out.

            USAGE: kaimen <command> [options]
                   kaimen            (no arguments: \(defaultAbstract.en))

            COMMANDS:

            """).text(lang)
        s += columns(all.map { ($0.path.joined(separator: " "), $0.abstract.text(lang)) })
        s += "\n" + L(zh: "运行 `kaimen <命令> --help` 查看命令的选项和示例；加 `--lang en` 显示英文。",
                      en: "Run `kaimen <command> --help` for a command's options and an example.").text(lang) + "\n"
        return s
    }

    /// Two columns, the first padded by display width: `  label  text`.
    static func columns(_ rows: [(String, String)]) -> String {
        let width = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
        return rows.map { "  " + DisplayWidth.padRight($0.0, to: width + 2) + $0.1 + "\n" }.joined()
    }
}
