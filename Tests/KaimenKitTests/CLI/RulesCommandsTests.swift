import Foundation
import Testing
@testable import KaimenKit

@Suite("rules check, show and diff on the command line")
struct RulesCommandsTests {
    static let dir = Fixtures.url("rules").path

    func run(_ args: [String]) -> (code: ExitCode, out: String, err: String) {
        let console = BufferConsole(currentDirectory: Self.dir)
        let code = CLI.run(args, console: console)
        return (code, console.stdout, console.stderr)
    }

    /// Found by a rules author's trial: `rules check` ends a bad file's problems with their
    /// count, `rules diff`, `show` and `compare` stopped after the last one.
    @Test("diff, show and compare end an invalid file's problems with their count, as check does")
    func countLine() {
        let bad = "broken/duplicate-id-undecoded.jsonc"
        for args in [["rules", "diff", "valid/small.jsonc", bad], ["rules", "show", bad],
                     ["compare", "--rules", "valid/small.jsonc", "--rules", bad, "--units", "u.csv", "--roster", "r.csv", "--ballots", "b.csv"]] {
            let r = run(args)
            #expect(r.code == .failure && r.err.hasSuffix("\n\(bad)：2 个错误\n"), "\(args): \(r.err)")
        }
        #expect(run(["rules", "show", bad, "--lang", "en"]).err.hasSuffix("\n\(bad): 2 errors\n"))
    }

    /// Found by a hostile tester: with Dongcheng's 40/60 `combine`, `rules show` listed 依法维权
    /// 14 and `rules diff` said `12 → 14`, while `explain` shows 满分 15.5.
    @Test("rules show and rules diff give the weighted maxima beside the points written")
    func weightedMaxima() throws {
        let root = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        #expect(CLI.run(["rules", "show", "rules/dongcheng-2019.jsonc"], console: root) == .success)
        // 40% of 100 over 20 ballot points: ×2; 60% over 80 metric points: ×0.75.
        // 依法维权: 3, 3, 2 and 2 from metrics (×0.75 = 7.5) and the 4-point ballot (×2 = 8): 15.5.
        let lines = root.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(root.stdout.contains("按权重满分"))
        #expect(lines.contains("rights 依法维权 14 15.5"), "\(root.stdout)")
        #expect(lines.contains("organization 自身建设 12 9"))
        #expect(lines.contains("publicity 宣传教育 6 7"))
        #expect(lines.contains { $0.hasPrefix("rights.ballot 依法维权工作评价（职工代表评分） 4 8 ") })
        #expect(lines.contains { $0.hasPrefix("rights.contracts 集体合同签订率 3 2.25 ") })
        // Xicheng sums: no such column.
        let xicheng = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        #expect(CLI.run(["rules", "show", "rules/xicheng-2014.jsonc"], console: xicheng) == .success)
        #expect(!xicheng.stdout.contains("按权重满分"))
        let diff = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        #expect(CLI.run(["rules", "diff", "rules/xicheng-2014.jsonc", "rules/dongcheng-2019.jsonc"], console: diff) == .success)
        #expect(diff.stdout.contains("`rights` 依法维权：分值（points）：12 → 14（按权重 15.5）"), "\(diff.stdout)")
        // Written 12 in both, 9 as scored: a change of its own.
        #expect(diff.stdout.contains("`organization` 自身建设：分值（points）：12 → 12（按权重 9）"))
        let json = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        #expect(CLI.run(["rules", "diff", "rules/xicheng-2014.jsonc", "rules/dongcheng-2019.jsonc", "--format", "json"], console: json) == .success)
        let changes = try #require(JSONCParser.parse(json.stdout, file: "d.json").get()["changes"]?.elements)
        let rights = try #require(changes.first { $0["id"]?.stringValue == "rights" && $0["field"]?.stringValue == "points" })
        #expect(rights["old"]?.stringValue == "12" && rights["new"]?.stringValue == "14" && rights["newWeighted"]?.stringValue == "15.5")
        #expect(rights["oldWeighted"]?.stringValue == "12")  // Xicheng sums: as written
    }

    @Test("rules check exits 0 for valid files and summarises each")
    func checkValid() {
        let r = run(["rules", "check", "valid/small.jsonc", "valid/tuned.jsonc", "--lang", "en"])
        #expect(r.code == .success)
        // Only the note that the 30% quota lets nobody through in sessions of fewer than 4 units,
        // that tuned.jsonc removed the standard that read aid_cases and not the metric, and (since
        // 0.29.7) that it moved two standards' thresholds under small.jsonc's criteria texts.
        #expect(r.err.split(separator: "\n").allSatisfy {
            $0.contains("warning: grade `优秀` has a quota of 30%") || $0.contains("warning: metric `aid_cases` (法律援助案件) is read by no standard")
                || $0.contains("which this file extends, but its criteria text is still the old one")
        }, "\(r.err)")
        // At the bands tuned.jsonc writes: six spaces, then `{ "id": "rights.contracts", "points": 5, "bands": ` (50 characters).
        #expect(r.err.contains("valid/tuned.jsonc:12:57: warning: `rights.contracts` (集体合同签订率) has other points, thresholds or a formula than in small.jsonc"), "\(r.err)")
        #expect(r.err.contains("valid/small.jsonc:15:5: warning: metric `aid_cases` (法律援助案件) is read by no standard, bonus, deduction, veto "
            + "or tie-break, yet the units file must still have its column [at metrics[aid_cases]]; if what read it was removed or now reads "
            + "another metric, remove `aid_cases` too, under `remove.metrics` in tuned.jsonc"), "\(r.err)")
        let lines = r.out.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("valid/small.jsonc: ok — 测试细则 1: 2 areas, 8 standards, 20 points"))
        #expect(lines[1].hasPrefix("valid/tuned.jsonc: ok — 调整后细则 2: 2 areas, 7 standards, 20 points"))
        #expect(lines[1].hasSuffix("; extends small.jsonc"))
        // Chinese by default.
        let zh = run(["rules", "check", "valid/small.jsonc", "valid/tuned.jsonc"]).out.split(separator: "\n")
        #expect(zh[0].hasPrefix("valid/small.jsonc：通过 — 测试细则 1：2 个方面，8 条标准，共 20 分"))
        #expect(zh[1].hasSuffix("；继承 small.jsonc"))
    }

    @Test("rules check exits 1 and prints file:line:col: error: for every problem, relative to the current directory")
    func checkBroken() {
        let r = run(["rules", "check", "broken/many-problems.jsonc", "valid/small.jsonc", "--lang", "en"])
        #expect(r.code == .failure)
        let errors = r.err.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 9)
        #expect(errors.allSatisfy { $0.hasPrefix("broken/many-problems.jsonc:") })
        #expect(errors.first == "broken/many-problems.jsonc:12:80: error: `version` must be text in double quotes, not a number [at version]")
        #expect(r.err.contains("broken/many-problems.jsonc: 9 errors\n"))
        // The valid file is still checked.
        #expect(r.out.hasPrefix("valid/small.jsonc: ok"))
        // The same problems in Chinese by default.
        let zh = run(["rules", "check", "broken/many-problems.jsonc", "valid/small.jsonc"])
        let zhErrors = zh.err.split(separator: "\n").filter { $0.contains(": 错误：") }
        #expect(zhErrors.count == 9)
        #expect(zhErrors.first == "broken/many-problems.jsonc:12:80: 错误：`version` 必须是双引号里的文字，不能是数字 [位置 version]")
        #expect(zh.err.contains("broken/many-problems.jsonc：9 个错误\n"))  // then valid/small.jsonc's quota warning
    }

    @Test("rules show prints a table whose columns line up by display width")
    func showTable() throws {
        let r = run(["rules", "show", "valid/small.jsonc"])
        #expect(r.code == .success)
        let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The area and standard rows: the points column (分值) ends at the same display column.
        let rows = lines.filter { $0.hasPrefix("rights ") || $0.hasPrefix("  rights.") || $0.hasPrefix("org ") || $0.hasPrefix("  org.") }
        #expect(rows.count == 10)
        func width(upTo marker: String, in line: String) -> Int? {
            line.range(of: marker).map { DisplayWidth.of(line[..<$0.lowerBound]) }
        }
        // The method column starts at the same display column on every standard row; in
        // Chinese, the method as the papers name it (分档计分), not its rules key.
        // (Searched from the right: a standard may be named as its method is, 满意度测评.)
        let methodColumns = rows.compactMap { row in
            ScoringMethod.Kind.allCases.map(\.words.zh)
                .compactMap { m in row.range(of: " \(m) ", options: .backwards).map { DisplayWidth.of(row[..<$0.lowerBound]) } }.min()
        }
        #expect(!rows.contains { $0.contains(" bands ") || $0.contains(" linear ") })
        #expect(methodColumns.count == 8)
        #expect(Set(methodColumns).count == 1, "\(methodColumns)")
        let header = try #require(lines.first { $0.contains("编号 id") })
        // `width(upTo: " bands ")` stops at the space before the method; the header's `方法` starts one later.
        #expect(width(upTo: "方法", in: header) == methodColumns.first.map { $0 + 1 })
    }

    /// A rules author's trial read `方面依法维权` in `rules show` and `“依法维权”得分` in `rules diff`.
    @Test("rules show words the tie-break keys as rules diff and the tie notes do")
    func showTieBreakWords() {
        let path = Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path
        let zh = run(["rules", "show", path]).out
        #expect(zh.contains("；同分比较：代表评分（高者优先） → “依法维权”得分（高者优先） → 指标“会员总数”（高者优先）；仍相同则并列"), "\(zh)")
        let en = run(["rules", "show", path, "--lang", "en"]).out
        #expect(en.contains("; ties compared by representatives' points (higher first) → area 依法维权 (higher first) → metric 会员总数 (higher first);"), "\(en)")
    }

    @Test("rules show --format json prints the effective rules with sorted keys")
    func showJSON() throws {
        let r = run(["rules", "show", "valid/tuned.jsonc", "--format", "json"])
        #expect(r.code == .success)
        let node = try JSONCParser.parse(r.out, file: "out.json").get()
        #expect(node["id"]?.stringValue == "tuned")
        #expect(node["$schema"]?.stringValue == "./schema.json")
        #expect(node["extends"] == nil)
        #expect(node["standards"]?.elements?.count == 7)
        #expect(node["ballots"]?["aggregate"]?.stringValue == "median")
        let keys = node.members?.map(\.key) ?? []
        #expect(keys == keys.sorted())
    }

    @Test("rules diff lists the changes, as text and as JSON")
    func diff() throws {
        let text = run(["rules", "diff", "valid/small.jsonc", "valid/tuned.jsonc", "--lang", "en"])
        #expect(text.code == .success)
        #expect(text.out.hasPrefix("valid/small.jsonc (small 1) → valid/tuned.jsonc (tuned 2)\n"))
        #expect(text.out.contains("- removed          `rights.aid` 法律援助 (area rights, 2 points, count)"))
        #expect(text.out.contains("~ re-weighted      `rights.contracts` 集体合同签订率: points: 3 → 5"))
        #expect(text.out.hasSuffix("Summary: 1 removed, 1 re-weighted, 2 thresholds moved, 6 changed\n"))
        let zh = run(["rules", "diff", "valid/small.jsonc", "valid/tuned.jsonc"])
        #expect(zh.out.contains("\n标准\n"))
        #expect(zh.out.contains("~ 调整分值     `rights.contracts` 集体合同签订率：分值（points）：3 → 5"))
        #expect(zh.out.contains("- 删除         `rights.aid` 法律援助（方面 rights，2 分，按数量计分（count））"))
        #expect(zh.out.contains("~ 修改         截止日期（effective.to）：2014-12-31 → （无）"))
        #expect(zh.out.contains("~ 修改         汇总方式（aggregate）：满 5 票去掉最高、最低各 1 票后取平均 → 中位数"))
        #expect(text.out.contains("aggregate: from 5 ballots, the mean without the 1 highest and 1 lowest → median"))
        #expect(!zh.out.contains("points,") && !zh.out.contains("area ") && !zh.out.contains("(none)"))
        #expect(zh.out.hasSuffix("合计：删除 1 处，调整分值 1 处，调整门槛 2 处，修改 6 处\n"))
        let json = run(["rules", "diff", "valid/small.jsonc", "valid/tuned.jsonc", "--format", "json"])
        let node = try JSONCParser.parse(json.out, file: "out.json").get()
        #expect(node["changes"]?.elements?.count == 10)
        #expect(node["summary"]?["re-weighted"]?.value == .number("1"))
    }

    @Test("rules diff with one file is a usage error")
    func diffUsage() {
        let r = run(["rules", "diff", "valid/small.jsonc", "--lang", "en"])
        #expect(r.code == .usage)
        #expect(r.err.contains("compares two files"))
        #expect(run(["rules", "diff", "valid/small.jsonc"]).err.hasPrefix("错误：`rules diff` 比较两个文件"))
    }

    @Test("each rules command's --help shows its usage and an example", arguments: ["check", "show", "diff"])
    func help(_ sub: String) {
        let r = run(["rules", sub, "--help"])
        #expect(r.code == .success)
        #expect(r.out.contains("用法：kaimen rules \(sub)"))
        #expect(r.out.contains("示例：\n  kaimen rules \(sub) "))
        let en = run(["rules", sub, "--help", "--lang", "en"])
        #expect(en.out.contains("USAGE: kaimen rules \(sub)"))
        #expect(en.out.contains("EXAMPLES:\n  kaimen rules \(sub) "))
    }

    @Test("an unknown option is a usage error (64) with a suggestion")
    func unknownOption() {
        let r = run(["rules", "show", "valid/small.jsonc", "--fromat", "json", "--lang", "en"])
        #expect(r.code == .usage)
        #expect(r.err.hasPrefix("error: unknown option `--fromat`; did you mean `--format`?\n"))
        let zh = run(["rules", "show", "valid/small.jsonc", "--fromat", "json"])
        #expect(zh.code == .usage)
        #expect(zh.err.hasPrefix("错误：没有选项 `--fromat`；是不是 `--format`？\n用法：kaimen rules show"))
    }

    @Test("an option typed as its Chinese word is answered with the option, never a spelling-near English one")
    func chineseOptionWord() {
        let zh = run(["score", "--规则", "valid/small.jsonc"])
        #expect(zh.code == .usage)
        #expect(zh.err.hasPrefix("错误：没有选项 `--规则`；选项名用英文书写：`--规则` 请写作 `--rules`\n"))
        // A word meaning two options offers those the command has.
        #expect(run(["session", "resolve", "x", "--单位", "X01"]).err.contains("`--单位` 请写作 `--unit`\n"))
        #expect(run(["score", "--单位", "u.csv"]).err.contains("`--单位` 请写作 `--units`\n"))
        let en = run(["score", "--规则", "valid/small.jsonc", "--lang", "en"])
        #expect(en.err.hasPrefix("error: unknown option `--规则`; options are written in English: for `--规则` write `--rules`\n"))
        // A Chinese word kaimen does not know is told that options are English, not `--by`.
        let unknown = run(["score", "--规格"])
        #expect(unknown.err.hasPrefix("错误：没有选项 `--规格`；选项名用英文书写（如 `--rules`），可用的选项见 `--help`\n"))
        #expect(!unknown.err.contains("--by"))
        #expect(OptionWords.meaning(of: "-—规则", among: ["--rules"]) == ["--rules"])
        #expect(OptionWords.meaning(of: "--rules", among: ["--rules"]) == nil)
    }

    @Test("rules template with two files says so in Chinese, with its own usage line")
    func templateTwoFiles() {
        let r = run(["rules", "template", "valid/small.jsonc", "valid/small.jsonc"])
        #expect(r.code == .usage)
        #expect(r.err == "错误：`rules template` 只接受一个规则文件，收到 2 个\n用法：kaimen rules template FILE [--out units-template.csv] [--force] [--lang zh|en]（见 `kaimen rules template --help`）\n",
                "\(r.err)")
    }

    @Test("an invalid option value is a usage error with a suggestion")
    func invalidChoice() {
        let r = run(["rules", "show", "valid/small.jsonc", "--format", "jsn", "--lang=en"])
        #expect(r.code == .usage)
        #expect(r.err.contains("did you mean `json`?"))
        #expect(run(["rules", "show", "valid/small.jsonc", "--format", "jsn"]).err.contains("是不是 `json`？"))
    }

    @Test("`kaimen rules` alone lists its subcommands")
    func group() {
        let r = run(["rules"])
        #expect(r.code == .usage)
        #expect(r.out.hasPrefix("用法：kaimen rules <子命令>"))
        for sub in ["rules check", "rules show", "rules diff"] { #expect(r.out.contains("  \(sub)")) }
    }
}
