import Foundation
import Testing
@testable import KaimenKit

/// `compare --set UNIT.METRIC=VALUE`: a what-if value is read and checked as the units file's
/// cell would be, and every message names the option, never the units file.
@Suite("compare --set: what-if values checked like the units file")
struct CompareSetTests {
    static let sample = CompareCommandTests.sample
    static let one = ["compare", "--rules", "rules/xicheng-2014.jsonc"]

    func run(_ args: [String]) -> (code: ExitCode, out: String, err: String) {
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        let code = CLI.run(args, console: console)
        return (code, console.stdout, console.stderr)
    }

    @Test("an empty value for a metric that must be filled in is the units reader's error, at the option")
    func emptyRequired() {
        // `members` has no `missing` rule: an empty cell in units.csv is refused, so is `--set X03.members=`.
        let r = run(Self.one + ["--set", "X03.members="] + Self.sample)
        #expect(r.code == .failure)
        #expect(r.out.isEmpty)
        #expect(r.err.contains("错误：`--set X03.members=`：单位 `X03` 没有填“会员总数”（`members`）"), "\(r.err)")
        #expect(!r.err.contains("units.csv"))
    }

    @Test("an empty value for a metric that may be empty means what an empty cell means")
    func emptyAllowed() throws {
        // z: `missing: zero`; n: `missing: notAssessable`. U1 had z = 7 and n = 4.
        let text = RulesText.make(metrics: RulesText.metric("z", missing: "zero") + "," + RulesText.metric("n", missing: "notAssessable"),
                                  areas: RulesText.area("a", points: "10"),
                                  standards: RulesText.standard("s", area: "a", points: "5", #""method": "count", "metric": "z", "perUnit": 1"#) + ","
                                      + RulesText.standard("t", area: "a", points: "5", #""method": "count", "metric": "n", "perUnit": 1"#))
        let rules = try RulesLoader(readFile: { _ in text }).load("/mem/r.jsonc").rules
        var table = try #require(UnitsReader(rules: rules).read(Data("id,name,z,n\nU1,甲,7,4\n".utf8), fileName: "u.csv").table)
        let set = try MetricOverrides.parse(["U1.z=", "U1.n=-"]).get()
        #expect(set.apply(to: &table, rules: rules).isEmpty)
        #expect(table.values[0][0] == .zero)   // empty → 0, as `missing: zero` says
        #expect(table.values[1][0] == nil)     // `-` → no value: not assessable
    }

    @Test("a ratio above 100% made by --set names the option, not the units file's cell")
    func ratioNamesOption() {
        // X03 has 6 unionised enterprises: 999 signed contracts is a ratio of 999/6 > 1.
        let r = run(Self.one + ["--set", "X03.contracts_signed=999"] + Self.sample)
        #expect(r.code == .failure)
        #expect(r.err.contains("错误：`--set X03.contracts_signed=999`：单位 `X03`：“已签订集体合同企业数”（999）大于“已建会企业数”（6）"), "\(r.err)")
        #expect(!r.err.contains("units.csv"))
        // The denominator set below the file's numerator (6 signed > 1 unionised): the same, at the option that set it.
        let den = run(Self.one + ["--set", "X03.enterprises_unionised=1", "--lang", "en"] + Self.sample)
        #expect(den.code == .failure)
        #expect(den.err.contains("error: `--set X03.enterprises_unionised=1`: unit `X03`:"), "\(den.err)")
    }

    @Test("the same unit's metric set twice is refused, naming both options")
    func twice() {
        let r = run(Self.one + ["--set", "X03.legal_aid_cases=0", "--set", "X03.legal_aid_cases=9"] + Self.sample)
        #expect(r.code == .usage)
        #expect(r.err.contains("错误：`--set X03.legal_aid_cases=0` 和 `--set X03.legal_aid_cases=9` 改的是同一个单位的同一个指标"), "\(r.err)")
        #expect(r.err.contains("用法：kaimen compare"))
        // Written once half-width and once full-width, it is still the same cell.
        let wide = run(Self.one + ["--set", "X03.legal_aid_cases=0", "--set", "X０３。legal_aid_cases＝9"] + Self.sample)
        #expect(wide.code == .usage)
    }

    @Test("a unit id, dot and equals sign typed full-width are read as their half-width forms")
    func fullWidth() throws {
        // X03 reported 3 legal-aid cases: 3 × 0.5 = 1.5 points; with 9, min(4.5, 2) = 2: +0.5.
        let r = run(Self.one + ["--set", "X０３。legal_aid_cases＝９", "--format", "json"] + Self.sample)
        #expect(r.code == .success, "\(r.err)")
        let json = try JSONCParser.parse(r.out, file: "out.json").get()
        let x03 = try #require(json["units"]?.elements?.first { $0["unit"]?.stringValue == "X03" })
        #expect(x03["totalChange"]?.value == .number("0.5"))
    }

    @Test("a unit's name where its id belongs is answered with the id")
    func nameForID() {
        let r = run(Self.one + ["--set", "北京广安门物业管理集团有限公司工会.members=5"] + Self.sample)
        #expect(r.code == .failure)
        #expect(r.err.contains("`北京广安门物业管理集团有限公司工会` 是单位 `X03` 的名称，`--set` 请填单位编号 `X03`"), "\(r.err)")
    }

    @Test("an option with no unit or no metric is a usage error that says which is missing, in Chinese")
    func shape() {
        let noUnit = run(Self.one + ["--set", ".x=3"] + Self.sample)
        #expect(noUnit.code == .usage)
        #expect(noUnit.err.hasPrefix("错误：`--set .x=3`：点号前缺少单位编号"), "\(noUnit.err)")
        #expect(!noUnit.err.contains("``"))
        let noMetric = run(Self.one + ["--set", "X03.=3"] + Self.sample)
        #expect(noMetric.err.hasPrefix("错误：`--set X03.=3`：点号后缺少指标编号"), "\(noMetric.err)")
        let noValue = run(Self.one + ["--set", "X03.legal_aid_cases"] + Self.sample)
        #expect(noValue.code == .usage)
        #expect(noValue.err.hasPrefix("错误：`--set X03.legal_aid_cases` 不是 UNIT.METRIC=VALUE 的形式"), "\(noValue.err)")
        #expect(noValue.err.contains("\n用法：kaimen compare"))
        #expect(!noValue.err.contains("error:") && !noValue.err.contains("usage:"))
    }

    @Test("a metric the new rules file removed is named with that file, and says --set would change nothing")
    func removedMetric() {
        // dongcheng-2019.jsonc removes `station_stars`, which xicheng-2014.jsonc reads.
        let r = run(["compare", "--rules", "rules/xicheng-2014.jsonc", "--rules", "rules/dongcheng-2019.jsonc", "--assume-missing", "zero",
                     "--set", "X03.station_stars=5"] + Self.sample)
        #expect(r.code == .failure)
        #expect(r.err.contains("错误：`--set X03.station_stars=5`：`rules/dongcheng-2019.jsonc` 中没有指标 `station_stars`；原细则有这个指标"), "\(r.err)")
    }
}

/// Two findings of a criteria tuner's trial (0.29.4), through the command: a metric both rules
/// files need and the data heads otherwise (`Members` for `members`) is one line with the rename
/// first, counted once; a what-if with two rules files names NEW with `+ --set`.
@Suite("compare: a near-named column once, and + --set with two rules files")
struct CompareTunerCommandTests {
    func run(_ args: [String]) -> (code: ExitCode, out: String, err: String) { CompareSetTests().run(args) }

    @Test("Members for members: one metric missing, said once for both files, the column named before --assume-missing")
    func nearColumnOnce() throws {
        let units = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("samples/xicheng-2014/units.csv"), encoding: .utf8)
        var lines = units.components(separatedBy: "\n")
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        try #require(header.contains("members"))
        lines[0] = header.map { $0 == "members" ? "Members" : $0 }.joined(separator: ",")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-case-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        let r = run(["compare", "--rules", "rules/xicheng-2014.jsonc", "--rules", "rules/xicheng-2014.jsonc", "--units", file.path,
                     "--roster", "samples/xicheng-2014/roster.csv", "--ballots", "samples/xicheng-2014/ballots.csv"])
        #expect(r.code == .failure)
        #expect(r.err.contains("1 个指标缺少数据，未比较"), "\(r.err)")
        #expect(r.err.components(separatedBy: "需要指标").count == 2, "\(r.err)")
        let hint = try #require(r.err.range(of: "是不是 `Members` 这一列"))
        if let assume = r.err.range(of: "--assume-missing") { #expect(hint.lowerBound < assume.lowerBound) }
    }

    @Test("--set with two rules files: NEW is titled with + --set, as with one")
    func setWithTwo() {
        let r = run(["compare", "--rules", "rules/xicheng-2014.jsonc", "--rules", "rules/xicheng-2014.jsonc", "--set", "X03.legal_aid_cases=9"]
                    + CompareCommandTests.sample)
        #expect(r.code == .success, "\(r.err)")
        #expect(r.out.contains("rules/xicheng-2014.jsonc + --set"), "\(r.out)")
    }
}
