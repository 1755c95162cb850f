import Foundation
import Testing
@testable import KaimenKit

/// Every option with a fixed set of values takes them in Chinese, full-width or in capitals
/// (0.29.5): `--format`, `sheets --per`, `score --engine` and `panel --section cells` were the
/// ones left when `--vary`, `--section` and `--assume-missing` learned their words.
@Suite("Choices in Chinese for --format, --per, --engine and --section cells")
struct ChoiceWords0295Tests {
    typealias E = EndToEndTests

    static func parsed(_ options: [OptionSpec], _ args: [String]) -> String? {
        (try? ArgumentParser.parse(args, options: options))?.value(args[0])
    }

    @Test("--format of every command takes the Chinese word, full-width and capital forms", arguments: [
        ("表格", "table"), ("文本", "table"), ("ｔａｂｌｅ", "table"), ("JSON", "json"), ("ｊｓｏｎ", "json"),
        ("逗号分隔", "csv"), ("ＣＳＶ", "csv"), ("md", "markdown"), ("无", "none"), ("不打印", "none"),
    ])
    func scoreFormat(_ typed: String, _ meant: String) {
        #expect(Self.parsed(ScoreCommand.options, ["--format", typed]) == meant)
    }

    @Test("a word is taken only for a choice the command has: 网页 for compare, sensitivity and panel, not score")
    func wordsAmongChoices() {
        for options in [CompareCommand.options, SensitivityCommand.options, PanelCommand.options] {
            #expect(Self.parsed(options, ["--format", "网页"]) == "html")
        }
        #expect(Self.parsed(ScoreCommand.options, ["--format", "网页"]) == nil)
        #expect(Self.parsed(RulesShowCommand.options, ["--format", "无"]) == nil)
        #expect(Self.parsed(RulesShowCommand.options, ["--format", "表格"]) == "table")
        #expect(Self.parsed(RulesDiffCommand.options, ["--format", "Json"]) == "json")
        #expect(Self.parsed(SessionStatusCommand.options, ["--format", "ｊｓｏｎ"]) == "json")
    }

    @Test("sheets --per, score --engine and panel --section cells in Chinese and full-width", arguments: [
        ("sheets", "--per", "代表", "representative"), ("sheets", "--per", "每名代表", "representative"),
        ("sheets", "--per", "单位", "unit"), ("sheets", "--per", "ｒｅｐｒｅｓｅｎｔａｔｉｖｅ", "representative"),
        ("score", "--engine", "精确", "exact"), ("score", "--engine", "自动", "auto"),
        ("panel", "--section", "逐项统计", "cells"), ("panel", "--section", "ｃｅｌｌｓ", "cells"),
        ("panel", "--section", "Outliers", "outliers"),
    ])
    func otherChoices(_ command: String, _ name: String, _ typed: String, _ meant: String) {
        let options = ["sheets": SheetsCommand.options, "score": ScoreCommand.options, "panel": PanelCommand.options][command]!
        #expect(Self.parsed(options, [name, typed]) == meant)
    }

    @Test("rules show --format 表格 and ＪＳＯＮ print what table and json print", arguments: ["zh", "en"])
    func rulesShow(_ lang: String) {
        let show = ["rules", "show", "rules/xicheng-2014.jsonc", "--lang", lang]
        let json = E.run(show + ["--format", "json"]), table = E.run(show + ["--format", "table"])
        #expect(json.code == .success && table.code == .success)
        #expect(E.run(show + ["--format", "ＪＳＯＮ"]).out == json.out)
        #expect(E.run(show + ["--format", "表格"]).out == table.out)
    }

    @Test("score --format 无 prints no ranking, as none")
    func scoreNone() {
        let r = E.run(["score"] + TunerFindings0294Tests.rules + TunerFindings0294Tests.data + ["--format", "无"])
        #expect(r.code == .success)
        #expect(r.out.isEmpty)
    }

    @Test("a wrong word is a usage error with the usage and the near word with its choice", arguments: [
        ("zh", "代办", "是不是 `代表`（`representative`）？", "用法："),
        ("en", "代办", "did you mean `代表` (`representative`)?", "usage: kaimen sheets"),
        ("en", "representitive", "did you mean `representative`?", "usage: kaimen sheets"),
    ])
    func wrongWord(_ lang: String, _ typed: String, _ hint: String, _ usage: String) {
        let r = E.run(["sheets", "--per", typed, "--lang", lang])
        #expect(r.code == .usage)
        #expect(r.err.contains(hint), "\(r.err)")
        #expect(r.err.contains(usage), "\(r.err)")
    }

    @Test("a wrong --format is a usage error naming its choices", arguments: ["zh", "en"])
    func wrongFormat(_ lang: String) {
        let r = E.run(["rules", "show", "rules/xicheng-2014.jsonc", "--format", "网页", "--lang", lang])
        #expect(r.code == .usage)
        #expect(r.err.contains(lang == "zh" ? "`网页` 不是 `--format` 的有效值；可用 `table`（表格）、`json`" : "`网页` is not a valid value for `--format`; use one of `table`, `json`"), "\(r.err)")
    }

    @Test("the Chinese help lists each choice with its word; the English help lists the choices")
    func help() {
        let zh = E.run(["score", "--help"]).out, en = E.run(["score", "--help", "--lang", "en"]).out
        #expect(zh.contains("可选值：table（表格）|csv（逗号分隔）|json|markdown|none（无）。"))
        #expect(zh.contains("auto（自动）|fast（快速）|exact（精确）|bulk|checked"))
        #expect(en.contains("(table|csv|json|markdown|none)"))
        #expect(E.run(["panel", "--help"]).out.contains("cells（逐项统计）"))
        #expect(E.run(["sheets", "--help"]).out.contains("unit（单位）|representative（代表）"))
    }
}
