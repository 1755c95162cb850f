import Foundation
import Testing
@testable import KaimenKit

/// What a district staff member tuning the 2027 criteria found (0.29.6): an extending file's
/// `grades` replacing the base's list with errors in the base file, `rules diff` saying `median`
/// in Chinese, `score --set` answered with `--out`, and generated names `…总工会工会`.
/// (The ballots carried or read as cast: `CarriedBallotsTests`.)
@Suite("The 2027 tuner's findings: grades replaced, diff words, an option of another command, generated names")
struct TunerFindings0297Tests {
    /// `rules/xicheng-2014.jsonc` copied beside `child` as `base.jsonc`, and `args` run there.
    func run(_ child: String, _ args: [String]) throws -> (code: ExitCode, out: String, err: String) {
        let folder = ScratchFolder()
        defer { folder.cleanUp() }
        let base = try Data(contentsOf: Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc"))
        try base.write(to: folder.url.appendingPathComponent("base.jsonc"))
        try Data(child.utf8).write(to: folder.url.appendingPathComponent("child.jsonc"))
        let console = BufferConsole(currentDirectory: folder.url.path)
        let code = CLI.run(args, console: console)
        return (code, console.stdout, console.stderr)
    }

    static func child(_ body: String) -> String {
        "{\n  \"extends\": \"base.jsonc\", \"id\": \"c\", \"title\": \"调整\", \"issuer\": \"测试\", \"version\": \"2\", \"effective\": { \"from\": \"2027-01-01\" },\n\(body)\n}\n"
    }

    /// The base's grades as the hint lists them, worked out from xicheng-2014.jsonc's `grades`.
    static let baseGrades = #"{"name": "优秀", "min": 90, "quota": 30}, {"name": "良好", "min": 80}, {"name": "合格", "min": 60}, {"name": "不合格"}"#

    @Test("an extending file's one-grade list: the errors at its `grades`, saying it replaces the base's whole list, and listing the base's")
    func oneGrade() throws {
        // Line 3 of child.jsonc, column 3: `"grades"`.
        let child = Self.child(#"  "grades": [ { "name": "优秀", "min": 92, "quota": 30 } ],"#)
        let zh = try run(child, ["rules", "check", "child.jsonc"])
        #expect(zh.code == .failure)
        let lines = zh.err.split(separator: "\n").map(String.init).filter { $0.contains("错误") && !$0.hasPrefix("child.jsonc：") }
        #expect(!lines.isEmpty && lines.allSatisfy { $0.hasPrefix("child.jsonc:3:") }, "\(zh.err)")
        #expect(!zh.err.contains("base.jsonc:"), "\(zh.err)")
        #expect(zh.err.contains("基础文件的否决项 `veto.safety` 规定的等级 `不合格` 不在 `child.jsonc` 的 `grades` 里"), "\(zh.err)")
        #expect(zh.err.contains("`child.jsonc` 的 `grades` 替换基础文件 `base.jsonc` 的整个等级列表，不是逐个修改；要保留的等级都要写出来。基础文件的等级：" + Self.baseGrades), "\(zh.err)")
        #expect(!zh.err.contains("删掉最后一个等级的"), "\(zh.err)")
        let en = try run(child, ["rules", "check", "child.jsonc", "--lang", "en"])
        #expect(en.err.contains("`child.jsonc`'s `grades` replaces the whole list of the base file `base.jsonc`, not grade by grade; write every grade to keep. The base's grades: " + Self.baseGrades), "\(en.err)")
        // The whole list written again: no error.
        let whole = Self.child(#"  "grades": [ { "name": "优秀", "min": 92, "quota": 30 }, { "name": "良好", "min": 80 }, { "name": "合格", "min": 60 }, { "name": "不合格" } ],"#)
        #expect(try run(whole, ["rules", "check", "child.jsonc"]).code == .success)
    }

    @Test("override.grades: an unknown key whose hint says to write the whole list at the top level")
    func overrideGrades() throws {
        let child = Self.child(#"  "override": { "grades": [ { "name": "优秀", "min": 92 } ] },"#)
        let zh = try run(child, ["rules", "check", "child.jsonc"])
        #expect(zh.code == .failure)
        #expect(zh.err.contains("child.jsonc:3:17: 错误：`override` 里没有键 `grades`"), "\(zh.err)")
        #expect(zh.err.contains("等级没有编号，不能逐个 override：在文件顶层写完整的 \"grades\": [ … ]，它替换基础文件的整个列表；基础文件的等级：" + Self.baseGrades), "\(zh.err)")
        #expect(zh.err.components(separatedBy: "没有键 `grades`").count == 2, "said once: \(zh.err)")
        let en = try run(child, ["rules", "check", "child.jsonc", "--lang", "en"])
        #expect(en.err.contains("grades have no ids to override one by one: write the whole \"grades\": [ … ] at the top level"), "\(en.err)")
    }

    @Test("rules diff words a standard's own aggregate as the rest of the output does: 中位数, not median")
    func diffAggregate() throws {
        let child = Self.child(#"  "override": { "standards": [ { "id": "rights.ballot", "aggregate": "median" } ] },"#)
        let zh = try run(child, ["rules", "diff", "base.jsonc", "child.jsonc"])
        #expect(zh.code == .success, "\(zh.err)")
        // The base's file-wide aggregate: trimmed mean, k 1 from 5 ballots (xicheng-2014.jsonc's `ballots`).
        #expect(zh.out.contains("汇总方式（aggregate）：沿用全文件的汇总方式（满 5 票去掉最高、最低各 1 票后取平均） → 中位数"), "\(zh.out)")
        #expect(!zh.out.contains("median"), "\(zh.out)")
        let en = try run(child, ["rules", "diff", "base.jsonc", "child.jsonc", "--lang", "en"])
        #expect(en.out.contains("the file's aggregate (from 5 ballots, the mean without the 1 highest and 1 lowest) → median"), "\(en.out)")
    }

    @Test("an option of another command is named with it: score --set is compare's, not --out")
    func optionOfAnotherCommand() {
        let zh = EndToEndTests.run(["score", "--set", "X05.members=1"])
        #expect(zh.code == .usage)
        #expect(zh.err.contains("错误：没有选项 `--set`；`--set` 是 `kaimen compare` 的选项，这个命令没有它；见 `--help`"), "\(zh.err)")
        let en = EndToEndTests.run(["score", "--set", "X05.members=1", "--lang", "en"])
        #expect(en.err.contains("error: unknown option `--set`; `--set` is an option of `kaimen compare`, not of this command; see `--help`"), "\(en.err)")
        // A typo of the command's own option keeps its did-you-mean.
        #expect(EndToEndTests.run(["score", "--ot", "x"]).err.contains("是不是 `--out`？"))
    }

    @Test("generated unit names are a union's of their category, never `…工会工会`")
    func generatedNames() throws {
        let rules = try RulesLoader().load(Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path).rules
        let csv = String(decoding: DataGenerator(rules: rules, units: 300, seed: 7).generate().units, as: UTF8.self)
        let rows = csv.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == 300)
        for row in rows {
            let (name, category) = (row[1], row[2])
            #expect(!name.contains("工会工会") && (name.hasSuffix("工会") || name.hasSuffix("工会联合会")), "\(name)")
            #expect(DataGenerator.sectors[category]?.contains { name.hasSuffix($0) } == true, "\(name) \(category)")
        }
    }
}
