import Foundation
import Testing
@testable import KaimenKit

/// `kaimen panel` on the bundled Xicheng sample, driven in-process.
@Suite("kaimen panel: the command line")
struct PanelCommandTests {
    static func run(_ args: [String]) -> (code: ExitCode, out: String, err: String) {
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        let code = CLI.run(["panel"] + args, console: console)
        return (code, console.stdout, console.stderr)
    }

    @Test("on the Xicheng sample: every representative, alpha with its interval, the ICC and the re-check list, in Chinese")
    func xichengTable() {
        let r = Self.run(["--resamples", "200"])
        #expect(r.code == .success)
        for i in 1...27 { #expect(r.out.contains(String(format: "R%02d", i))) }
        #expect(r.out.contains("Krippendorff α"))
        #expect(r.out.contains("全部（按占满分比例）"))
        #expect(r.out.contains("ICC(2,1)") && r.out.contains("ICC(2,k)"))
        #expect(r.out.contains("二、复核清单"))
        #expect(r.out.contains("仅为假设"))
        // R24 scored her own unit: 8 ballots set aside, shown as recused.
        let r24 = r.out.split(separator: "\n").first { $0.hasPrefix("R24") }
        #expect(r24?.contains(" 8 ") == true)
    }

    @Test("--lang en prints the same report in English")
    func english() {
        let r = Self.run(["--resamples", "100", "--lang", "en"])
        #expect(r.code == .success)
        #expect(r.out.contains("1. Representatives") && r.out.contains("4. Agreement"))
        #expect(!r.out.contains("代表 27 名"))
    }

    @Test("--format json holds every section and parses as JSON")
    func json() throws {
        let r = Self.run(["--resamples", "100", "--format", "json"])
        #expect(r.code == .success)
        let object = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
        for key in PanelTables.Section.allCases.map(\.rawValue) + ["flags", "seed", "resamples"] { #expect(object?[key] != nil, "\(key)") }
        #expect((object?["raters"] as? [Any])?.count == 27)
    }

    /// A script reading the JSON had to parse `"[-0.43, 0.09]"`, `"1.5 (3.6)"`, `"0/3"` and
    /// `"R01=3.5 R02=4"` back out of display strings.
    @Test("--format json gives intervals, counts and lists as JSON values, each what the CSV shows as text")
    func jsonValues() throws {
        let r = Self.run(["--resamples", "100", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let csv = Self.run(["--resamples", "100", "--format", "csv", "--section", "raters", "--lang", "en"]).out
        let raters = try #require(object["raters"] as? [[String: Any]])
        #expect(raters.count == 27)
        for rater in raters {
            let id = try #require(rater["id"] as? String)
            let line = try #require(csv.split(separator: "\r\n").first { $0.hasPrefix(id + ",") })
            // Each structured value, written back as the table writes it, is in the rater's CSV row.
            if let points = rater["leniencyPointsInterval"] as? [Double], let share = rater["leniencyPercentInterval"] as? [Double] {
                #expect(points.count == 2 && points[0] <= points[1] && share.count == 2 && share[0] <= share[1])
                #expect(line.contains(String(format: ",\"[%.2f, %.2f]\",", points[0], points[1])), "\(line)")
                #expect(line.contains(String(format: ",\"[%.1f, %.1f]\",", share[0], share[1])), "\(line)")
            }
            for key in ["droppedLow", "droppedHigh"] {
                let d = try #require(rater[key] as? [String: Double])
                #expect(Set(d.keys) == ["dropped", "chance"])
                #expect(line.contains(String(format: ",%.1f (%.1f),", d["dropped"]!, d["chance"]!)), "\(line)")
            }
            let straight = try #require(rater["straightSheets"] as? [String: Int])
            #expect(line.contains(",\(straight["straight"]!)/\(straight["sheets"]!),"), "\(line)")
            let notScored = try #require(rater["notScored"] as? [String])
            #expect(line.contains("," + notScored.joined(separator: " ") + ","), "\(line)")
            // Its flags are the kinds the `flags` section gives it.
            let flagged = (object["flags"] as? [[String: String]] ?? []).filter { $0["representative"] == id }.compactMap { $0["kind"] }
            #expect((rater["flags"] as? [String] ?? []).filter { $0 != "tooFewBallots" } == flagged)
        }
        #expect(raters.contains { !($0["flags"] as? [String] ?? []).isEmpty })
        // X01's rights.ballot ballots, as samples/xicheng-2014/ballots.csv has them.
        let cells = try #require(object["cells"] as? [[String: Any]])
        let x01 = try #require(cells.first { $0["unit"] as? String == "X01" && $0["standard"] as? String == "rights.ballot" })
        let scores = try #require(x01["scores"] as? [[String: Any]])
        #expect(scores.map { "\($0["representative"]!)=\($0["score"]!)" } == ["R01=3.5", "R02=4", "R03=3", "R04=2.5", "R05=2", "R06=1", "R07=3"])
        // Alpha's interval is two numbers; a group's flag a kind or null.
        for a in try #require(object["alpha"] as? [[String: Any]]) { #expect((a["interval"] as? [Double])?.count == 2) }
        for g in try #require(object["groups"] as? [[String: Any]]) { #expect(g["flag"] is NSNull || g["flag"] as? String == "groupOffset") }
    }

    @Test("--format csv prints one section, with its header (after a BOM when redirected to a file: CSVOnStandardOutputTests)")
    func csv() {
        let r = Self.run(["--resamples", "100", "--format", "csv", "--section", "outliers"])
        #expect(r.code == .success)
        #expect(r.out.hasPrefix("单位,单位名称,评分项,代表,评分,其他代表中位数,差,区间\r\n"))
        // Points at two places, as the report prints them since 0.25.0 (a papers trial read
        // `-2` beside `0.75` in one column).
        #expect(r.out.contains("X01,北京西城华宸建设集团有限公司工会,rights.ballot,R06,1.00,3.00,-2.00,1.00\r\n"))
    }

    @Test("a bad option value is a usage error (64); a bad input file is a data problem (1)")
    func errors() {
        #expect(Self.run(["--resamples", "0"]).code == .usage)
        // Each bad value is named with its option and what was given.
        let cases: [([String], String, String)] = [
            (["--resamples", "0"], "`--resamples` 要写 100 到 100000 之间的整数，收到 `0`", "`--resamples` takes a whole number from 100 to 100000; got `0`"),
            (["--resamples", "1"], "`--resamples` 要写 100 到 100000 之间的整数，收到 `1`", "`--resamples` takes a whole number from 100 to 100000; got `1`"),
            (["--top", "-1"], "`--top` 要写不小于 0 的整数，收到 `-1`", "`--top` takes a whole number ≥ 0; got `-1`"),
            (["--seed", "x"], "`--seed` 要写不小于 0 的整数，收到 `x`", "`--seed` takes a whole number ≥ 0; got `x`"),
        ]
        for (args, zh, en) in cases {
            let r = Self.run(args)
            #expect(r.code == .usage && r.err.contains(zh), "\(r.err)")
            #expect(Self.run(args + ["--lang", "en"]).err.contains(en))
        }
        #expect(Self.run(["--section", "nope"]).code == .usage)
        let missing = Self.run(["--rules", "rules/xicheng-2014.jsonc", "--units", "nope.csv", "--roster", "samples/xicheng-2014/roster.csv",
                                "--ballots", "samples/xicheng-2014/ballots.csv"])
        #expect(missing.code == .failure)
        #expect(missing.err.contains("nope.csv"))
    }
}

@Suite("kaimen panel --schedule")
struct PanelCommandScheduleTests {
    @Test("the Xicheng schedule is read; a file that is not a schedule is reported and nothing analysed")
    func schedule() {
        let ok = PanelCommandTests.run(["--resamples", "100", "--schedule", "samples/xicheng-2014/schedule.csv"])
        #expect(ok.code == .success)
        let bad = PanelCommandTests.run(["--resamples", "100", "--schedule", "samples/xicheng-2014/roster.csv"])
        #expect(bad.code == .failure)
        // The roster given as the schedule is named for what it is (`wrong-file`).
        #expect(bad.err.contains("wrong-file") || bad.err.contains("这个文件看起来是代表名单，不是日程表"), "\(bad.err)")
        #expect(bad.out.isEmpty)
    }
}

@Suite("kaimen panel: JSON")
struct PanelJSONTests {
    @Test("the fast row writer prints exactly what a JSONOut tree would")
    func sameAsTree() throws {
        let p = try AgreementTests.xicheng()
        let fast = PanelRender.json(p, title: "西城", lang: .zh)
        var o: [String: JSONOut] = ["title": .string("西城"), "seed": .number("1"), "resamples": .num(p.options.resamples),
                                    "overallMeanShare": .number(PanelMessages.number(p.overallShare, places: 6))]
        for section in PanelTables.Section.allCases { o[section.rawValue] = PanelTables.table(section, p, lang: .zh).jsonRows() }
        o["flags"] = .array(p.raters.flatMap { r in r.flags.map { f in
            JSONOut.object(["representative": .string(p.data.representatives[r.index].id), "kind": .string(f.kind.rawValue), "reason": .string(f.reason.zh)])
        } })
        #expect(p.groupFlags.isEmpty)
        #expect(fast == JSONOut.object(o).rendered())
    }
}
