import Foundation
import Testing
@testable import KaimenKit

/// `--help` is Chinese by default and English with `--lang en`, for kaimen itself, every
/// group and every registered command: no untranslated line in the Chinese help, no Chinese
/// in the English one, and the option column aligned by display width.
@Suite("Help in Chinese and English")
struct HelpTests {
    static func run(_ args: [String]) -> (code: ExitCode, out: String, err: String) {
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        let code = CLI.run(args, console: console)
        return (code, console.stdout, console.stderr)
    }

    /// CJK ideographs, CJK punctuation and fullwidth forms.
    static func isCJK(_ u: Unicode.Scalar) -> Bool {
        (0x3000...0x303F).contains(u.value) || (0x3400...0x4DBF).contains(u.value) || (0x4E00...0x9FFF).contains(u.value)
            || (0xFF00...0xFFEF).contains(u.value)
    }
    static func hasCJK(_ s: some StringProtocol) -> Bool { s.unicodeScalars.contains(where: isCJK) }
    /// A Latin word of two letters or more: text a person reads, unless it is a command line.
    static func hasWords(_ s: some StringProtocol) -> Bool { s.range(of: "[A-Za-z]{2,}", options: .regularExpression) != nil }

    /// Lines of the Chinese help with English words and no Chinese: untranslated text. Command
    /// lines (usage continuations and examples, starting with `kaimen `) are the same in both.
    static func untranslated(_ help: String) -> [String] {
        help.split(separator: "\n").map(String.init).filter { line in
            let t = line.trimmingCharacters(in: .whitespaces)
            return hasWords(t) && !hasCJK(t) && !t.hasPrefix("kaimen ")
        }
    }

    static let commands: [[String]] = CLI.commands.map { $0.path }

    /// `kaimen help session` said `没有命令 help` (a secretary's walkthrough, session 43).
    @Test("`kaimen help X` is `kaimen X --help`, for a group and a command, in either language", arguments: [["session"], ["session", "enter"], ["score"]])
    func helpWord(_ path: [String]) {
        let asked = Self.run(["help"] + path), direct = Self.run(path + ["--help"])
        #expect(asked.code == .success && asked.out == direct.out && !asked.out.isEmpty, "\(asked.err)")
        #expect(Self.run(["--lang", "en", "help"] + path).out == Self.run(path + ["--help", "--lang", "en"]).out)
        #expect(Self.run(["help", "nosuch"]).err.contains("没有命令 `nosuch`"))
    }

    @Test("every command's help is Chinese by default: no line of English words alone", arguments: commands)
    func chineseHelp(_ path: [String]) {
        let r = Self.run(path + ["--help"])
        #expect(r.code == .success)
        #expect(r.out.hasPrefix("概述："), "\(r.out.prefix(80))")
        for key in ["用法：kaimen \(path.joined(separator: " "))", "\n选项：\n", "\n示例：\n", "  --help"] {
            #expect(r.out.contains(key), "`\(key)` in the help of \(path)")
        }
        #expect(Self.untranslated(r.out).isEmpty, "untranslated in `\(path.joined(separator: " ")) --help`: \(Self.untranslated(r.out))")
    }

    @Test("every command's help is English with --lang en, before or after --help, with no Chinese", arguments: commands)
    func englishHelp(_ path: [String]) {
        let after = Self.run(path + ["--help", "--lang", "en"])
        let before = Self.run(path + ["--lang", "en", "--help"])
        let first = Self.run(["--lang", "en"] + path + ["--help"])
        #expect(after.code == .success)
        #expect(after.out == before.out && after.out == first.out)
        #expect(after.out.hasPrefix("OVERVIEW: "))
        #expect(after.out.contains("USAGE: kaimen \(path.joined(separator: " "))") && after.out.contains("\nOPTIONS:\n") && after.out.contains("\nEXAMPLES:\n"))
        let chinese = after.out.split(separator: "\n").filter { Self.hasCJK($0) }
        #expect(chinese.isEmpty, "Chinese in `\(path.joined(separator: " ")) --help --lang en`: \(chinese)")
    }

    @Test("every option and overview text is given in both languages", arguments: commands)
    func specsInBothLanguages(_ path: [String]) throws {
        let command = try #require(CLI.commands.first { $0.path == path })
        var texts: [(String, Localized)] = [("abstract", command.abstract), ("discussion", command.discussion)]
        texts += command.options.map { ($0.name, $0.help) }
        for (name, text) in texts where !text.en.isEmpty {
            #expect(Self.hasCJK(text.zh), "\(path) \(name): the Chinese text is not Chinese: \(text.zh)")
            #expect(!Self.hasCJK(text.en), "\(path) \(name): the English text has Chinese: \(text.en)")
        }
        for o in command.options {
            #expect(o.name.allSatisfy(\.isASCII) && (o.value ?? "").allSatisfy(\.isASCII) && (o.choices ?? []).joined().allSatisfy(\.isASCII))
        }
    }

    /// The display column where an option's text starts: after `  --name VALUE` and two spaces or more.
    static func textColumns(_ help: String, from start: String, to end: String) -> [Int] {
        guard let a = help.range(of: start), let b = help.range(of: end, range: a.upperBound..<help.endIndex) else { return [] }
        return help[a.upperBound..<b.lowerBound].split(separator: "\n").compactMap { line -> Int? in
            guard line.hasPrefix("  "), let gap = line.dropFirst(2).range(of: "  ") else { return nil }
            let rest = line[gap.upperBound...].drop { $0 == " " }
            return DisplayWidth.of(line[..<rest.startIndex])
        }
    }

    @Test("the option column lines up in both languages", arguments: commands)
    func aligned(_ path: [String]) {
        for (lang, start, end) in [("zh", "选项：\n", "\n示例："), ("en", "OPTIONS:\n", "\nEXAMPLES:")] {
            let help = Self.run(path + ["--help", "--lang", lang]).out
            let columns = Self.textColumns(help, from: start, to: end)
            #expect(columns.count >= 2 && Set(columns).count == 1, "\(path) \(lang): \(columns)")
        }
    }

    @Test("kaimen --help: Chinese by default, English with --lang en before or after, and `help`")
    func topLevel() {
        let zh = Self.run(["--help"])
        #expect(zh.code == .success && Self.run(["help"]).out == zh.out && Self.run(["-h"]).out == zh.out)
        #expect(zh.out.contains("\n命令：\n") && Self.untranslated(zh.out).isEmpty, "\(Self.untranslated(zh.out))")
        for path in Self.commands { #expect(zh.out.contains("  " + path.joined(separator: " ") + " ")) }
        let en = Self.run(["--lang", "en", "--help"])
        #expect(en.code == .success && Self.run(["--help", "--lang", "en"]).out == en.out && Self.run(["--help", "--lang=en"]).out == en.out)
        #expect(en.out.contains("\nCOMMANDS:\n") && !Self.hasCJK(en.out))
        // The command column lines up by display width: every abstract starts at the same column.
        let zhColumns = Self.textColumns(zh.out, from: "命令：\n", to: "\n运行")
        #expect(zhColumns.count == Self.commands.count && Set(zhColumns).count == 1, "\(zhColumns)")
    }

    @Test("a group's help follows --lang too")
    func groupHelp() {
        let zh = Self.run(["session", "--help"])
        #expect(zh.code == .success && zh.out.hasPrefix("用法：kaimen session <子命令>") && Self.untranslated(zh.out).isEmpty)
        let en = Self.run(["session", "--lang", "en", "--help"])
        #expect(en.code == .success && en.out.hasPrefix("USAGE: kaimen session <subcommand>") && !Self.hasCJK(en.out))
        #expect(Self.run(["session"]).code == .usage)
    }

    /// A secretary's walkthrough of 0.29.2: the Chinese help's usage line read
    /// `kaimen <command> [options]`; `status --help` named panel's 区间 a 走廊 (a word for word
    /// "corridor"), and `panel --help` gave its default as 1.5 分或满分的 25% (it is the narrower).
    @Test("the help's own words: Chinese placeholders, 区间, the narrower of the corridor's two bounds")
    func wording() {
        let top = Self.run(["--help"]).out
        #expect(top.contains("用法：kaimen <命令> [选项]") && top.contains("`kaimen <命令> --help`") && !top.contains("<command>"), "\(top)")
        #expect(Self.run(["--help", "--lang", "en"]).out.contains("USAGE: kaimen <command> [options]"))
        #expect(Self.run(["session", "--help"]).out.contains("`kaimen session <子命令> --help`"))
        for path in Self.commands {
            let zh = Self.run(path + ["--help"]).out
            #expect(!zh.contains("走廊") && !zh.contains("<command>") && !zh.contains("<subcommand>"), "\(path)")
        }
        #expect(Self.run(["score", "--help"]).out.contains("sheets/<单位编号>.csv"))
        #expect(Self.run(["session", "status", "--help"]).out.contains("（即 `kaimen panel` 复核清单的区间）"))
        let panel = Self.run(["panel", "--help"]).out
        #expect(panel.contains("超出规则所定区间（`ballots.corridor`，默认距其他代表中位数 1.5 分和满分的 25% 中较小者）"), "\(panel)")
        #expect(Self.run(["panel", "--help", "--lang", "en"]).out.contains("by default the narrower of 1.5 points and 25% of the maximum"))
    }

    /// `kaimen sheets` alone gave its usage line without `（见 `kaimen sheets --help`）`, which
    /// the parser's own errors have: every command's usage errors end so now.
    @Test("a usage error a command finds itself ends with the help to see, as the parser's do", arguments: [
        ["sheets"], ["rules", "template", "a.jsonc", "b.jsonc"], ["session", "close"],
    ])
    func usageTail(_ args: [String]) {
        let r = Self.run(args)
        let words = args.prefix { !$0.contains(".") }.joined(separator: " ")
        #expect(r.code == .usage && r.err.hasSuffix("（见 `kaimen \(words) --help`）\n"), "\(r.err)")
    }

    @Test("the untranslated-line check catches an English line in the Chinese help")
    func checkCanFail() {
        let help = HelpText.command(abstract: Localized(zh: "中文。", en: "English."), usage: "kaimen x",
                                    discussion: Localized(zh: "Forgot to translate this.", en: "Forgot to translate this."),
                                    options: [.flag("--y", Localized(same: "Untranslated option."))], examples: [Localized(same: "kaimen x --y")], lang: .zh)
        #expect(Self.untranslated(help) == ["Forgot to translate this.", "  --y     Untranslated option."])
    }
}

/// A secretary types the language as she would elsewhere: `--lang cn` was refused with "did
/// you mean `en`?", the opposite of what she wanted.
@Suite("--lang takes the usual ways of writing Chinese and English")
struct LanguageAliasTests {
    @Test("zh-CN, cn, 中文 and the like are Chinese; en-US, English and 英文 are English", arguments: [
        ("cn", Language.zh), ("zh-CN", .zh), ("zh_cn", .zh), ("ZH-Hans", .zh), ("中文", .zh), ("简体中文", .zh),
        ("en-US", .en), ("English", .en), ("英文", .en), ("EN", .en),
    ])
    func aliases(_ written: String, _ language: Language) {
        #expect(Language.alias(written) == language)
        let r = HelpTests.run(["rules", "check", "rules/xicheng-2014.jsonc", "--lang", written])
        #expect(r.code == .success, "\(r.err)")
        let inline = HelpTests.run(["rules", "check", "rules/xicheng-2014.jsonc", "--lang=\(written)"])
        #expect(inline.out == r.out)
        let canonical = HelpTests.run(["rules", "check", "rules/xicheng-2014.jsonc", "--lang", language.rawValue])
        #expect(r.out == canonical.out)
        let first = HelpTests.run(["--lang", written, "rules", "check", "rules/xicheng-2014.jsonc"])
        #expect(first.out == canonical.out)
    }

    @Test("--version answers with --lang before or after it, and as `version` or -V")
    func version() {
        for args in [["--version"], ["--lang", "en", "--version"], ["--version", "--lang", "中文"], ["version"], ["-V"]] {
            let r = HelpTests.run(args)
            #expect(r.code == .success && r.out == "kaimen \(CLI.version)\n", "\(args): \(r.err)")
        }
    }

    @Test("an option typed in full-width characters (－－ｌａｎｇ) is the option")
    func fullWidthOptions() {
        let r = HelpTests.run(["rules", "check", "rules/xicheng-2014.jsonc", "－－ｌａｎｇ", "ｅｎ"])
        #expect(r.code == .success, "\(r.err)")
        #expect(r.out == HelpTests.run(["rules", "check", "rules/xicheng-2014.jsonc", "--lang", "en"]).out)
        // A value is left as typed: only an option's name is folded, and only when it reads as one.
        #expect(CLI.canonicalLanguage(["--by", "Ｒ０５"]) == ["--by", "Ｒ０５"])
        #expect(CLI.canonicalLanguage(["--reason", "－－污损（见附件）", "--by", "－－王"]) == ["--reason", "－－污损（见附件）", "--by", "－－王"])
        #expect(CLI.canonicalLanguage(["－－ｒｅａｓｏｎ＝污损（见附件）"]) == ["--reason=污损（见附件）"])
    }

    @Test("anything else is still refused, with the values to use")
    func others() {
        #expect(Language.alias("fr") == nil && Language.alias("c") == nil)
        let r = HelpTests.run(["rules", "check", "rules/xicheng-2014.jsonc", "--lang", "fr"])
        #expect(r.code != .success)
        #expect(r.err.contains("`fr` 不是 `--lang` 的有效值；可用 `zh`（中文）、`en`（英文）"), "\(r.err)")
    }
}
