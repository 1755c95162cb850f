import Foundation
import Testing
@testable import KaimenKit

@Suite("kaimen compare on the shipped rules and the Xicheng sample")
struct CompareCommandTests {
    static let sample = ["--units", "samples/xicheng-2014/units.csv", "--roster", "samples/xicheng-2014/roster.csv",
                         "--ballots", "samples/xicheng-2014/ballots.csv"]
    static let both = ["compare", "--rules", "rules/xicheng-2014.jsonc", "--rules", "rules/dongcheng-2019.jsonc"] + sample

    func run(_ args: [String]) -> (code: ExitCode, out: String, err: String) {
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        let code = CLI.run(args, console: console)
        return (code, console.stdout, console.stderr)
    }

    @Test("without --assume-missing it stops with the six metrics the Dongcheng file needs")
    func stopsOnMissing() {
        let r = run(Self.both + ["--lang", "en"])
        #expect(r.code == .failure)
        #expect(r.out.isEmpty)
        let errors = r.err.split(separator: "\n").filter { $0.hasPrefix("error: ") }
        #expect(errors.count == 6)
        for m in ["new_members", "new_members_task", "wage_core4", "wage_welfare4", "wage_own_items", "wage_archive"] {
            #expect(errors.contains { $0.contains("(`\(m)`), which the data lacks for all 9 units") }, "\(m)")
        }
        #expect(r.err.contains("6 metrics missing from the data; nothing compared"))
    }

    @Test("with --assume-missing it prints every unit's move and the summary")
    func assumeMissing() throws {
        let r = run(Self.both + ["--assume-missing", "notAssessable", "--format", "json"])
        #expect(r.code == .success)
        let json = try JSONCParser.parse(r.out, file: "out.json").get()
        let units = try #require(json["units"]?.elements)
        #expect(units.count == 9)
        #expect(json["assumeMissing"]?.stringValue == "notAssessable")
        #expect(json["missingMetrics"]?.elements?.count == 6)
        let table = run(Self.both + ["--assume-missing", "zero"])
        #expect(table.code == .success)
        for id in ["X01", "X02", "X03", "X04", "X05", "X06", "X07", "X08", "X09"] { #expect(table.out.contains("\n\(id) ")) }
        #expect(table.out.contains("等级变化："))
        let html = run(Self.both + ["--assume-missing", "zero", "--format", "html"])
        #expect(html.code == .success)
        #expect(html.out.hasPrefix("<!DOCTYPE html>"))
        #expect(html.out.components(separatedBy: "<tr").count == 1 + 1 + 9)  // header row and 9 units
    }

    /// Found by a tuner: a new standard reading a new `missing: zero` metric, compared against
    /// last year's units file, "changed nothing", because every unit scored 0 on it in silence.
    @Test("a NEW file's `missing: zero` metric the data has no column for: compare says so on standard error")
    func absentOptionalMetric() throws {
        var text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc"), encoding: .utf8)
        let metric = #"    { "id": "signature_activities","#
        #expect(text.contains(metric))
        text = text.replacingOccurrences(of: metric, with: #"    { "id": "wechat_account", "name": "开通工会微信公众号", "kind": "flag", "missing": "zero" },"# + "\n" + metric)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-compare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let tuned = dir.appendingPathComponent("tuned.jsonc")
        try Data(text.utf8).write(to: tuned)
        let r = run(["compare", "--rules", "rules/xicheng-2014.jsonc", "--rules", tuned.path] + Self.sample)
        #expect(r.code == .success, "\(r.err)")
        #expect(r.err.contains("单位文件没有 开通工会微信公众号（`wechat_account`）这一列：按规则（空值按“否”计），每个单位的这项指标都按“否”计"), "\(r.err)")
        #expect(r.err.components(separatedBy: "wechat_account`）这一列").count == 2)
        // In the JSON too, naming the file that reads it.
        let json = run(["compare", "--rules", "rules/xicheng-2014.jsonc", "--rules", tuned.path, "--format", "json"] + Self.sample)
        let warnings = try #require(try JSONCParser.parse(json.out, file: "out.json").get()["warnings"]?.elements)
        #expect(warnings.map { $0["code"]?.stringValue } == ["metric-column-absent"])
        #expect(warnings.first?["file"]?.stringValue == tuned.path)
        #expect(warnings.first?["text"]?.stringValue?.contains("单位文件没有 开通工会微信公众号（`wechat_account`）这一列") == true)
        // Both files read it: still once. Given by --set: not at all (a review).
        let both = run(["compare", "--rules", tuned.path, "--rules", tuned.path, "--set", "X01.signature_activities=3"] + Self.sample)
        #expect(both.err.components(separatedBy: "wechat_account`）这一列").count == 2, "\(both.err)")
        let set = run(["compare", "--rules", "rules/xicheng-2014.jsonc", "--rules", tuned.path, "--set", "X01.wechat_account=是"] + Self.sample)
        #expect(!set.err.contains("wechat_account`）这一列"), "\(set.err)")
    }

    @Test("--assume-missing speaks for the metrics it assumes: no column warning for them, only for the NEW file's own optional ones")
    func assumedNotWarned() {
        let r = run(Self.both + ["--assume-missing", "zero", "--lang", "en"])
        #expect(r.code == .success)
        let absent = r.err.split(separator: "\n").filter { $0.contains("the units file has no column for") }
        #expect(absent.count == 1, "\(r.err)")
        #expect(absent.first?.hasPrefix("rules/dongcheng-2019.jsonc: ") == true)
        #expect(absent.first?.contains("`new_heart_stations`") == true)
    }

    /// Found by a tuner: X01, capped at 59 by its veto under both files, listed the veto as
    /// `+5.72` among the standards that "moved it most", though its total did not move.
    @Test("a unit a veto caps under both files: the veto named as the reason, no drivers")
    func vetoCappedBoth() throws {
        let r = run(Self.both + ["--assume-missing", "notAssessable", "--format", "json"])
        #expect(r.code == .success)
        let json = try JSONCParser.parse(r.out, file: "out.json").get()
        let x01 = try #require(json["units"]?.elements?.first { $0["unit"]?.stringValue == "X01" })
        #expect(x01["drivers"]?.elements?.isEmpty == true)
        #expect(x01["vetoCapped"]?["id"]?.stringValue == "veto.safety")
        #expect(x01["vetoCapped"]?["newCap"]?.value == .number("59"))
        let x08 = try #require(json["units"]?.elements?.first { $0["unit"]?.stringValue == "X08" })
        #expect(x08["vetoCapped"]?.value == .null)
        #expect(x08["drivers"]?.elements?.count == 3)
        let table = run(Self.both + ["--assume-missing", "notAssessable"])
        let row = try #require(table.out.split(separator: "\n").first { $0.hasPrefix("X01 ") })
        #expect(row.hasSuffix("否决封顶：veto.safety（重大安全生产责任事故）两版都为 59 分，各标准的变化不改变总分"), "\(row)")
    }

    @Test("--set with one rules file shows what the what-if value alone changes")
    func whatIf() throws {
        // X03 reported 3 legal-aid cases: 3 × 0.5 = 1.5 points; with 9 it gets min(4.5, 2) = 2, +0.5.
        let r = run(["compare", "--rules", "rules/xicheng-2014.jsonc", "--set", "X03.legal_aid_cases=9", "--format", "json"] + Self.sample)
        #expect(r.code == .success, "\(r.err)")
        let json = try JSONCParser.parse(r.out, file: "out.json").get()
        let x03 = try #require(json["units"]?.elements?.first { $0["unit"]?.stringValue == "X03" })
        #expect(x03["totalChange"] == JSONNode(.number("0.5"), at: x03["totalChange"]!.location))
        #expect(x03["drivers"]?.elements?.first?["id"]?.stringValue == "rights.legal_aid")
        let others = json["units"]!.elements!.filter { $0["unit"]?.stringValue != "X03" }
        #expect(others.allSatisfy { $0["totalChange"]?.value == .number("0") })
    }

    @Test("a --set naming an unknown unit or metric is an error with a suggestion")
    func badSet() {
        let unit = run(["compare", "--rules", "rules/xicheng-2014.jsonc", "--set", "X99.members=1", "--lang", "en"] + Self.sample)
        #expect(unit.code == .failure)
        #expect(unit.err.contains("error: `--set X99.members=1`: the units file has no unit `X99`"))
        // X0 is as near to each of X01–X09: no one of them is named, but what the ids are
        // (before, 是不是 `X01`？); X0l is X01 to the eye.
        let tied = run(["compare", "--rules", "rules/xicheng-2014.jsonc", "--set", "X0.members=1"] + Self.sample)
        #expect(tied.err.contains("错误：`--set X0.members=1`：单位文件中没有单位 `X0`；单位编号从 `X01` 到 `X09`"), "\(tied.err)")
        let alike = run(["compare", "--rules", "rules/xicheng-2014.jsonc", "--set", "X0l.members=1"] + Self.sample)
        #expect(alike.err.contains("单位文件中没有单位 `X0l`；是不是 `X01`？"), "\(alike.err)")
        let metric = run(["compare", "--rules", "rules/xicheng-2014.jsonc", "--set", "X05.menbers=1", "--lang", "en"] + Self.sample)
        #expect(metric.code == .failure)
        #expect(metric.err.contains("`rules/xicheng-2014.jsonc` has no metric `menbers`; did you mean `members`?"))
        let value = run(["compare", "--rules", "rules/xicheng-2014.jsonc", "--set", "X05.members=many"] + Self.sample)
        #expect(value.code == .failure)
        #expect(value.err.contains("`--set X05.members=many`"))
        // X05 has 1184 workers: 19000 members would put the membership ratio above 100%.
        let ratio = run(["compare", "--rules", "rules/xicheng-2014.jsonc", "--set", "X05.members=19000", "--lang", "en"] + Self.sample)
        #expect(ratio.code == .failure)
        #expect(ratio.err.contains("is larger than 职工总数 (1184)"))
        let shape = run(["compare", "--rules", "rules/xicheng-2014.jsonc", "--set", "members=1"] + Self.sample)
        #expect(shape.code == .usage)
    }

    @Test("one --rules without --set is a usage error")
    func oneRules() {
        #expect(run(["compare", "--rules", "rules/xicheng-2014.jsonc"] + Self.sample).code == .usage)
    }

    @Test("English output uses English punctuation: no （ ） ， ； ： around the numbers")
    func englishPunctuation() {
        // X03 falls from 4th to 5th; X02's total 91.59 → 89.29 crosses the 优秀 line at 90.
        let r = run(Self.both + ["--assume-missing", "zero", "--lang", "en"])
        #expect(r.code == .success)
        let summary = r.out.components(separatedBy: "\n\n").last ?? ""
        #expect(summary.contains("largest rank moves: X03 4→5 (-1)"), "\(summary)")
        #expect(summary.contains("(X02 91.59→89.29, 优秀→良好 (the total crossed a bound))"), "\(summary)")
        #expect(!summary.contains { "（），；：".contains($0) }, "\(summary)")
        let sensitivity = run(["sensitivity", "--rules", "rules/xicheng-2014.jsonc", "--scenarios", "20", "--lang", "en"] + Self.sample)
        #expect(sensitivity.out.hasPrefix("西城区总工会直属基层工会工作目标管理考核细则（2014年） (2014.1)\n"), "\(sensitivity.out.prefix(80))")
    }
}
