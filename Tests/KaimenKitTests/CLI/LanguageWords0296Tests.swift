import Foundation
import Testing
@testable import KaimenKit

/// Since 0.29.6 `--lang` is a choice like `--format`: its other ways of writing (`Language.words`)
/// are its words, so a wrong value is answered with the nearest, and the "not a valid value" line
/// of every fixed-value option lists each value's Chinese word beside it in Chinese mode.
@Suite("--lang takes its words as any choice does; the not-a-valid-value line lists the Chinese words")
struct LanguageWords0296Tests {
    typealias E = EndToEndTests

    @Test("every command's --lang takes the Chinese and English words, full-width and capitals, read as the options are", arguments: [
        ("中文", "zh"), ("简体中文", "zh"), ("zh", "zh"), ("zh-CN", "zh"), ("ZH-cn", "zh"), ("ｚｈ", "zh"),
        ("英文", "en"), ("英语", "en"), ("en", "en"), ("English", "en"), ("ENGLISH", "en"), ("ＥＮ", "en"),
    ])
    func taken(_ typed: String, _ meant: String) {
        // The parser alone, without `CLI.canonicalLanguage` before it.
        for options in [ScoreCommand.options, SheetsCommand.options, SessionCloseCommand.options, RulesTemplateCommand.options] {
            #expect(ChoiceWords0295Tests.parsed(options, ["--lang", typed]) == meant)
        }
        #expect(Language.alias(typed)?.rawValue == meant)
        let r = E.run(["rules", "check", "rules/xicheng-2014.jsonc", "--lang", typed])
        #expect(r.code == .success, "\(r.err)")
    }

    @Test("a wrong --lang exits 64 listing 中文 and 英文 beside the values, with the nearest where one is near", arguments: [
        ("法语", nil), ("fr", nil), ("englsh", "是不是 `English`（`en`）？"), ("英文字", "是不是 `英文`（`en`）？"), ("zh-CM", "是不是 `zh-CN`（`zh`）？"),
    ] as [(String, String?)])
    func refused(_ typed: String, _ hint: String?) {
        let r = E.run(["rules", "template", "rules/xicheng-2014.jsonc", "--lang", typed])
        #expect(r.code == .usage)
        #expect(r.err.contains("错误：`\(typed)` 不是 `--lang` 的有效值；可用 `zh`（中文）、`en`（英文）"), "\(r.err)")
        if let hint { #expect(r.err.contains(hint), "\(r.err)") } else { #expect(!r.err.contains("是不是"), "\(r.err)") }
    }

    @Test("every fixed-value option's line lists its Chinese words in Chinese, the values alone in English")
    func listed() {
        let format = E.run(["score", "--format", "表哥"])
        #expect(format.code == .usage)
        #expect(format.err.contains("`表哥` 不是 `--format` 的有效值；可用 `table`（表格）、`csv`（逗号分隔）、`json`、`markdown`、`none`（无）"), "\(format.err)")
        let per = E.run(["sheets", "--per", "页"])
        #expect(per.err.contains("`页` 不是 `--per` 的有效值；可用 `unit`（单位）、`representative`（代表）"), "\(per.err)")
        let engine = E.run(["score", "--engine", "慢", "--lang", "en"])
        #expect(engine.err.contains("`慢` is not a valid value for `--engine`; use one of `auto`, `fast`, `exact`, `bulk`, `checked`"), "\(engine.err)")
        #expect(!engine.err.contains("（"), "\(engine.err)")
    }

    @Test("the Chinese help lists --lang's values with their words")
    func help() {
        let zh = E.run(["session", "close", "--help"]).out
        #expect(zh.contains("zh（中文）|en（英文）"), "\(zh)")
    }
}
