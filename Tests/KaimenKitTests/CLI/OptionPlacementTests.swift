import Foundation
import Testing
@testable import KaimenKit

/// Found by a tester playing a committee secretary with 0.29.2: `kaimen session --lang en status
/// DIR` said `没有命令 session --lang；是不是 session？`, and `--operator 王秘书` was offered no
/// `--by`. Since 0.29.3 the language may come between a group and its subcommand, another option
/// there is said to go after the subcommand, and an unknown option that is another word for one
/// (`--operator`, `--user`, `--name` for `--by`) is told which.
@Suite("Options where a secretary puts them, and the words she uses for them")
struct OptionPlacementTests {
    @Test("--lang between session and its subcommand is taken as after it", arguments: [
        ["--lang", "en"], ["--lang=en"], ["--lang", "English"],
    ])
    func langBeforeSubcommand(_ lang: [String]) throws {
        let s = try SampleSession(); defer { s.remove() }
        let after = SampleSession.run(["session", "status", s.path, "--lang", "en"])
        let between = SampleSession.run(["session"] + lang + ["status", s.path])
        #expect(between.code == after.code && between.out == after.out && between.err == after.err, "\(between.err)")
        #expect(!between.out.isEmpty)
        let help = SampleSession.run(["rules"] + lang + ["show", "--help"])
        #expect(help.code == .success && help.out.hasPrefix("OVERVIEW: "), "\(help.err)")
    }

    @Test("another option between session and its subcommand: said to go after it, not taken for a command")
    func optionBeforeSubcommand() {
        let r = SampleSession.run(["session", "--by", "王秘书", "close", "2014-mid"])
        #expect(r.code == .usage)
        #expect(r.err == "错误：选项 `--by` 要写在子命令之后：`kaimen session <子命令> … --by …`\n运行 `kaimen session --help` 查看子命令。\n", "\(r.err)")
        #expect(!r.err.contains("没有命令"))
        let en = SampleSession.run(["session", "--by=王秘书", "close", "--lang", "en"])
        #expect(en.err.hasPrefix("error: the option `--by` goes after the subcommand: `kaimen session <subcommand> … --by …`"), "\(en.err)")
    }

    @Test("another English word for an option is told the option", arguments: [
        ("--operator", "是不是 `--by`？"), ("--user", "是不是 `--by`？"), ("--name", "是不是 `--by`？"), ("--Operator", "是不是 `--by`？"),
        ("--why", "是不是 `--reason`？"), ("--language", "是不是 `--lang`？"),
    ])
    func synonyms(_ typed: String, _ said: String) throws {
        let s = try SampleSession(); defer { s.remove() }
        let r = s.run("void", ["--rep", "R20", "--unit", "X07", "--reason", "评分表污损", typed, "王秘书"])
        #expect(r.code == .usage && r.err.hasPrefix("错误：没有选项 `\(typed)`；\(said)"), "\(r.err)")
        #expect(try s.state().voids.isEmpty)
    }

    @Test("a word that means two options the command has names both; one it lacks falls back to the spelling")
    func synonymsAmongKnown() {
        #expect(OptionWords.hint(for: "--why", among: ["--reason", "--accept-missing", "--by"]).zh == "是不是 `--reason` 或 `--accept-missing`？")
        #expect(OptionWords.hint(for: "--operator", among: ["--by"]).en == "did you mean `--by`?")
        // `score` has no `--by`: `--name` is no word for any of its options.
        #expect(OptionWords.hint(for: "--name", among: ScoreCommand.options.map(\.name)).zh != "是不是 `--by`？")
        // The Chinese words keep their own hint.
        #expect(OptionWords.hint(for: "--操作人", among: ["--by"]).zh == "选项名用英文书写：`--操作人` 请写作 `--by`")
        // A near spelling is still the spelling's.
        #expect(OptionWords.hint(for: "--bye", among: ["--by", "--reason"]).zh == "是不是 `--by`？")
    }
}
