import Foundation
import Testing
@testable import KaimenKit

/// What a tester playing a district's criteria tuner found on the command line (0.29.4): Chinese
/// and full-width choices refused, compare's help on --set, explain's 提示 after its own error,
/// compare's summary naming the wrong file, no "did you mean" for a mistyped path, an id split in
/// `rules show`, explain's `1.50/3`, and panel's group difference from unrounded figures.
@Suite("The criteria tuner's findings on the command line")
struct TunerFindings0294Tests {
    typealias E = EndToEndTests
    static let data = ["--units", "samples/xicheng-2014/units.csv", "--roster", "samples/xicheng-2014/roster.csv",
                       "--ballots", "samples/xicheng-2014/ballots.csv"]
    static let rules = ["--rules", "rules/xicheng-2014.jsonc"]

    // MARK: 1. choices in Chinese, full-width, lists split on ，and 、

    @Test("a list is split on ，and 、 as on a comma, empty items left out")
    func split() {
        #expect(ChoiceWords.split("weights，bootstrap、aggregation, leave-one-out,,") == ["weights", "bootstrap", "aggregation", "leave-one-out"])
    }

    @Test("a choice is taken as its Chinese word, or full-width; anything else is no choice")
    func choice() {
        let words = SensitivityCommand.varyWords, names = Scenario.Variation.names
        #expect(ChoiceWords.choice("权重", choices: names, words: words) == "weights")
        #expect(ChoiceWords.choice("重抽样", choices: names, words: words) == "bootstrap")
        #expect(ChoiceWords.choice("ｂｏｏｔｓｔｒａｐ", choices: names, words: words) == "bootstrap")
        #expect(ChoiceWords.choice("权中", choices: names, words: words) == nil)
        #expect(ChoiceWords.choice("复核", choices: PanelTables.Section.allCases.map(\.rawValue), words: PanelCommand.sectionWords) == "outliers")
    }

    @Test("--vary in Chinese and with Chinese separators varies what the English list varies", arguments: [Language.zh, .en])
    func varyInChinese(_ lang: Language) {
        let common = ["sensitivity"] + Self.rules + Self.data + ["--scenarios", "3", "--lang", lang.rawValue]
        let english = E.run(common + ["--vary", "weights,bootstrap"])
        for typed in ["权重、重抽样", "weights，bootstrap", "权重，ｂｏｏｔｓｔｒａｐ"] {
            let r = E.run(common + ["--vary", typed])
            #expect(r.code == .success, "\(typed): \(r.err)")
            #expect(r.out == english.out, "\(typed)")
        }
    }

    @Test("an unknown --vary item lists the items with their Chinese words and suggests across both languages", arguments: [
        ("zh", "权中", "`--vary` 没有 `权中` 这一项；可用 `weights`（权重）、`aggregation`（汇总方式）、`leave-one-out`（去掉一名代表）、`bootstrap`（重抽样），用逗号或顿号分隔；是不是 `权重`（`weights`）？"),
        ("en", "bootstrp", "`--vary` does not know `bootstrp`; use `weights`, `aggregation`, `leave-one-out`, `bootstrap`, separated by commas; did you mean `bootstrap`?"),
        ("en", "权中", "did you mean `权重` (`weights`)?"),
    ])
    func unknownVary(_ lang: String, _ typed: String, _ message: String) {
        let r = E.run(["sensitivity"] + Self.rules + Self.data + ["--vary", "weights，" + typed, "--lang", lang])
        #expect(r.code == .usage)
        #expect(r.err.contains(message), "\(r.err)")
    }

    @Test("--section in Chinese prints the section the English name does; a near miss is suggested with its choice", arguments: [Language.zh, .en])
    func sectionInChinese(_ lang: Language) {
        let common = ["panel"] + Self.rules + Self.data + ["--format", "csv", "--lang", lang.rawValue]
        let outliers = E.run(common + ["--section", "outliers"])
        for typed in ["复核", "复核清单", "ｏｕｔｌｉｅｒｓ"] {
            let r = E.run(common + ["--section", typed])
            #expect(r.code == .success, "\(typed): \(r.err)")
            #expect(r.out == outliers.out, "\(typed)")
        }
        #expect(E.run(common + ["--section", "分组"]).out == E.run(common + ["--section", "groups"]).out)
        let wrong = E.run(common + ["--section", "复合"])
        #expect(wrong.code == .usage)
        #expect(wrong.err.contains(lang == .zh ? "是不是 `复核`（`outliers`）？" : "did you mean `复核` (`outliers`)?"), "\(wrong.err)")
    }

    // MARK: 2. compare --help on --rules and --set

    @Test("compare's help says one --rules needs --set, not that --set takes one only", arguments: [
        ("zh", "只给一个时须有 --set", "与 --set 同用时只给一个"),
        ("en", "one alone needs --set", "once, with --set"),
    ])
    func compareHelp(_ lang: String, _ now: String, _ before: String) {
        let r = E.run(["compare", "--help", "--lang", lang])
        #expect(r.out.contains(now))
        #expect(!r.out.contains(before))
    }

    @Test("compare takes --set with two rules files: NEW's run changes, and a bad value is said under NEW")
    func setWithTwoRules() {
        let r = E.run(["compare", "--rules", "rules/xicheng-2014.jsonc", "--rules", "rules/dongcheng-2019.jsonc"] + Self.data
                      + ["--assume-missing", "zero", "--set", "X05.members=1000000"])
        #expect(r.code == .failure)
        #expect(r.err.hasSuffix("rules/dongcheng-2019.jsonc + --set：1 个错误，未比较\n"), "\(r.err)")
    }

    // MARK: 3. explain's 提示 only after an explanation

    @Test("explain of an unknown unit alone prints no 提示; with a unit explained, it does", arguments: [Language.zh, .en])
    func explainUnknownUnit(_ lang: Language) {
        let heading = lang == .zh ? "提示（" : "Warnings ("
        let alone = E.run(["explain", "X99"] + Self.rules + Self.data + ["--lang", lang.rawValue])
        #expect(alone.code == .failure)
        #expect(alone.err.contains("X09"))
        #expect(!alone.err.contains(heading), "\(alone.err)")
        #expect(alone.err.split(separator: "\n").count == 1, "\(alone.err)")
        let both = E.run(["explain", "X09", "X99"] + Self.rules + Self.data + ["--lang", lang.rawValue])
        #expect(both.code == .failure)
        #expect(both.err.contains(heading), "\(both.err)")
    }

    // MARK: 4 and 5. the file at fault, and the file near a mistyped path

    @Test("compare with a mistyped --units names that file, suggests the near one, and blames no rules file", arguments: [
        ("zh", "是不是 `samples/xicheng-2014/units.csv`？", "samples/xicheng-2014/unit.csv：1 个错误，未比较\n"),
        ("en", "did you mean `samples/xicheng-2014/units.csv`?", "samples/xicheng-2014/unit.csv: 1 error; nothing compared\n"),
    ])
    func compareTypo(_ lang: String, _ hint: String, _ summary: String) {
        var data = Self.data
        data[1] = "samples/xicheng-2014/unit.csv"
        let r = E.run(["compare", "--rules", "rules/xicheng-2014.jsonc", "--rules", "rules/dongcheng-2019.jsonc"] + data + ["--lang", lang])
        #expect(r.code == .failure)
        #expect(r.err.contains(hint), "\(r.err)")
        #expect(r.err.hasSuffix(summary), "\(r.err)")
        #expect(!r.err.contains("jsonc：") && !r.err.contains("jsonc:"), "\(r.err)")
    }

    @Test("every command's input paths get the near file name", arguments: [
        (["score", "--rules", "rules/dongchen-2019.jsonc"] + data, "`rules/dongcheng-2019.jsonc`"),
        (["explain", "X01", "--rules", "rules/xicheng-2014.jsonc", "--units", "samples/xicheng-2014/units.csv",
          "--roster", "samples/xicheng-2014/rostr.csv", "--ballots", "samples/xicheng-2014/ballots.csv"], "`samples/xicheng-2014/roster.csv`"),
        (["sensitivity", "--rules", "rules/xicheng-2014.jsonc", "--units", "samples/xicheng-2014/units.csv",
          "--roster", "samples/xicheng-2014/roster.csv", "--ballots", "samples/xicheng-2014/ballot.csv"], "`samples/xicheng-2014/ballots.csv`"),
        (["panel", "--rules", "rules/xicheng-2014.jsonc"] + data + ["--schedule", "samples/xicheng-2014/schedul.csv"], "`samples/xicheng-2014/schedule.csv`"),
        (["rules", "check", "rules/xicheng-2104.jsonc"], "`rules/xicheng-2014.jsonc`"),
        (["rules", "show", "rules/xicheng-2014.json"], "`rules/xicheng-2014.jsonc`"),
    ])
    func nearFile(_ args: [String], _ near: String) {
        for (lang, words) in [("zh", "是不是 \(near)？"), ("en", "did you mean \(near)?")] {
            let r = E.run(args + ["--lang", lang])
            #expect(r.code == .failure, "\(args)")
            #expect(r.err.contains(words), "\(args): \(r.err)")
        }
    }

    @Test("a missing file with no near name keeps the hint to check the path")
    func noNearFile() {
        let r = E.run(["score", "--rules", "rules/zzzzzz.jsonc"] + Self.data)
        #expect(r.code == .failure)
        #expect(!r.err.contains("是不是"), "\(r.err)")
        #expect(r.err.contains("请检查路径"), "\(r.err)")
    }

    // MARK: 6. an id is not split by a wrapped cell

    @Test("a wrapped line breaks before an ASCII id, then at its _ or ., never mid-word")
    func idWrap() {
        // 测评 is 4 columns; `survey_d` fills the first 12, so the break goes before the id;
        // `survey_dissa` fills the next 12, so after its `_`; `dissatisfied` is 12.
        #expect(DisplayWidth.wrap("测评survey_dissatisfied", to: 12) == ["测评", "survey_", "dissatisfied"])
        // No `_` or `.`: the id stays whole past the width.
        #expect(DisplayWidth.wrap("abcdefghij", to: 4) == ["abcdefghij"])
        // Chinese text still breaks between any two characters.
        #expect(DisplayWidth.wrap("一二三四五六", to: 4) == ["一二", "三四", "五六"])
    }

    @Test("rules show in a narrow terminal keeps every metric id whole", arguments: [Language.zh, .en])
    func rulesShowIDs(_ lang: Language) throws {
        let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc"), encoding: .utf8)
        let rules = try RulesLoader().load(Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path).rules
        let shown = RulesTable.render(rules, lang: lang, width: 100)
        #expect(text.contains("survey_dissatisfied"))
        for line in shown.split(separator: "\n") {
            #expect(!line.hasSuffix("survey_dissati") && !line.contains(" sfied"), "\(line)")
        }
        // Every metric id appears whole somewhere in the parameters or the metrics table.
        for m in rules.metrics { #expect(shown.contains(m.id), "\(m.id)") }
    }

    // MARK: 7. explain's points and maximum alike

    @Test("explain writes a standard's points and its maximum with the same decimals, as the score sheet does", arguments: [Language.zh, .en])
    func explainPoints(_ lang: Language) throws {
        let r = E.run(["explain", "X09"] + Self.rules + Self.data + ["--lang", lang.rawValue])
        #expect(r.code == .success)
        // rights.contracts is worth 3 points in the rules file; at its precision, 2, that is 3.00.
        #expect(r.out.contains(lang == .zh ? "rights.contracts 集体合同签订率  [分档计分] " : "rights.contracts 集体合同签订率  [bands] "), "\(r.out)")
        let regex = try Regex(#"\]\s(\S+)/(\S+)$"#)
        var lines = 0
        for line in r.out.split(separator: "\n") {
            guard let m = line.firstMatch(of: regex), let a = m.output[1].substring, let b = m.output[2].substring else { continue }
            lines += 1
            if a.contains(".") { #expect(a.split(separator: ".").last?.count == b.split(separator: ".").last?.count, "\(line)") }
            #expect(b.split(separator: ".").last?.count == 2, "\(line)")
        }
        #expect(lines >= 40)
        #expect(r.out.contains("rights.contracts") && r.out.contains("/3.00\n"))
    }

    // MARK: 8. panel's group difference

    @Test("panel's terminal groups table: a shown difference that is not the shown means' says it is worked out before rounding", arguments: [Language.zh, .en])
    func panelOffsets(_ lang: Language) throws {
        let r = E.run(["panel"] + Self.rules + Self.data + ["--lang", lang.rawValue])
        #expect(r.code == .success)
        let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let heading = try #require(lines.firstIndex { $0.hasPrefix(lang == .zh ? "三、分组" : "3. Groups") })
        // The overall mean from the heading (`75.9%`), each group's mean and difference from its row.
        let percent = try #require(lines[heading].firstMatch(of: try Regex(#"([0-9.]+)%"#))?.output[1].substring)
        let overall = try #require(Double(percent))
        var mismatch = false
        for line in lines[(heading + 3)...].prefix(while: { !$0.isEmpty && $0.first != "注" && !$0.hasPrefix("Note") }) {
            let cells = line.split(separator: " ")
            guard cells.count >= 6, let mean = Double(cells[4]), let offset = Double(cells[5]) else { continue }
            if ((mean - overall) * 10).rounded() != (offset * 10).rounded() { mismatch = true }
        }
        let note = lang == .zh ? "注：与全体之差由未舍入的平均算出" : "Note: the offset is worked out from the unrounded means"
        #expect(r.out.contains(note) == mismatch, "\(r.out)")
        // The sample's groups have one such row, so the note is shown; the CSV (as sealed) has none.
        #expect(mismatch)
        let csv = E.run(["panel"] + Self.rules + Self.data + ["--format", "csv", "--section", "groups", "--lang", lang.rawValue])
        #expect(!csv.out.contains(note))
    }
}
