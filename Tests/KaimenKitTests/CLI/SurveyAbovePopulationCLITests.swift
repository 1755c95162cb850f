import Foundation
import Testing
@testable import KaimenKit

/// `survey-above-population` from the command line, on the Xicheng sample: X01 has 会员总数
/// 3175 and 1520 满意 + 520 基本满意 + 64 不满意 = 2104 respondents (the sample's cells, added
/// by hand). A secretary who typed 10 for 3175 is refused by `score` (either engine, the same
/// words), by `compare --set`, and by `session init`; a session opened by 0.29.5 with that
/// row still closes and verifies.
@Suite("A survey's respondents above its population, from the command line")
struct SurveyAbovePopulationCLITests {
    static let sample = "samples/xicheng-2014/"

    /// The sample's units file with X01's 会员总数 3175 made `members`.
    static func units(members: String) throws -> String {
        let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent(sample + "units.csv"), encoding: .utf8)
        let row = ",企业,14,14,3260,3175,"
        #expect(text.components(separatedBy: row).count == 2, "X01's cells, once")
        return text.replacingOccurrences(of: row, with: ",企业,14,14,3260,\(members),")
    }

    static let message = "单位 `X01`：满意、基本满意、不满意三项人数相加为 2104（X 列 survey_satisfied 1520 + Y 列 survey_basic 520 + Z 列 survey_dissatisfied 64），多于“会员总数”（10）；参加测评的人数不能超过总人数，参与率不能超过 100%"

    static func run(_ args: [String]) -> (code: ExitCode, out: String, err: String) {
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        let code = CLI.run(args, console: console)
        return (code, console.stdout, console.stderr)
    }

    @Test("score refuses 10 members for 2104 respondents with the same words on either engine; the byte reader hands over as impossibleValue")
    func score() throws {
        let dir = EngineRuns.temporaryFolder("survey-score")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let units = dir.appendingPathComponent("units.csv")
        try Data(Self.units(members: "10").utf8).write(to: units)
        var said: [String] = []
        for engine in ["fast", "exact"] {
            let r = Self.run(["score", "--rules", "rules/xicheng-2014.jsonc", "--units", units.path, "--roster", Self.sample + "roster.csv",
                              "--ballots", Self.sample + "ballots.csv", "--engine", engine, "--out", dir.appendingPathComponent("out").path])
            #expect(r.code == .failure)
            // Row 2 (X01), column G: the seventh, `members`.
            #expect(r.err.contains("units.csv 第 2 行 G 列（members）：错误：" + Self.message), "\(engine): \(r.err)")
            said.append(r.err)
        }
        #expect(said[0] == said[1])
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path), "nothing written")
        var inputs = ScoringSession.Inputs(rules: "rules/xicheng-2014.jsonc", units: units.path, roster: Self.sample + "roster.csv",
                                           ballots: Self.sample + "ballots.csv")
        inputs.baseDirectory = Fixtures.packageRoot.path
        guard case .failure(let why) = try BulkRun.attempt(inputs, threads: 1) else {
            Issue.record("the byte reader took the file")
            return
        }
        #expect(why == .impossibleValue)
    }

    @Test("compare --set refuses a value that makes it so, named at that option; respondents equal to the population are fine")
    func whatIf() {
        let base = ["compare", "--rules", "rules/xicheng-2014.jsonc", "--units", Self.sample + "units.csv", "--roster", Self.sample + "roster.csv",
                    "--ballots", Self.sample + "ballots.csv"]
        let low = Self.run(base + ["--set", "X01.members=10"])
        #expect(low.code == .failure)
        #expect(low.err.contains("错误：`--set X01.members=10`：单位 `X01`：满意、基本满意、不满意三项人数相加为 2104（`survey_satisfied` 1520 + `survey_basic` 520 + `survey_dissatisfied` 64），多于“会员总数”（10）"), "\(low.err)")
        #expect(Self.run(base + ["--set", "X01.members=2104"]).code == .success)
        // A count set: 1520 + 520 + 1136 = 3176 of 3175 is one too many; 1135 makes 3175, exactly all.
        let count = Self.run(base + ["--set", "X01.survey_dissatisfied=1136", "--lang", "en"])
        #expect(count.code == .failure)
        #expect(count.err.contains("error: `--set X01.survey_dissatisfied=1136`: unit `X01`: the satisfied, fairly satisfied and dissatisfied counts add up to 3176 (`survey_satisfied` 1520 + `survey_basic` 520 + `survey_dissatisfied` 1136), more than 会员总数 (3175)"), "\(count.err)")
        #expect(Self.run(base + ["--set", "X01.survey_dissatisfied=1135"]).code == .success)
    }

    /// The session is opened with the sample, then its units copy is given X01's 10 members as
    /// 0.29.5 would have taken them: the open record says 0.29.5 and the copy's hash, and the
    /// journal is chained anew (`SessionPathTests.forge`, as someone who read docs/session.md could).
    @Test("a session opened by 0.29.5 with 10 members for 2104 respondents closes and verifies; session init with them is refused")
    func sealedSession() throws {
        let s = try SampleSession(singleEntry: true); defer { s.remove() }
        let records = try s.journalLines.map { try JournalRecord.parse($0).get() }
        guard case .object(let open) = records[0].content, case .string(let copy)? = open["units"] else {
            Issue.record("no units copy in the open record")
            return
        }
        let edited = Data(try Self.units(members: "10").utf8)
        try edited.write(to: s.dir.appendingPathComponent(copy))
        try SessionPathTests.forge(s) { records in
            guard case .object(var o) = records[0].content, case .object(var inputs)? = o["inputs"] else { return }
            inputs[copy] = .string(SHA256.hex([UInt8](edited)))
            o["inputs"] = .object(inputs)
            o["kaimen"] = .string("0.29.5")
            records[0].content = .object(o)
        }
        let a = try s.file("a.csv", SampleSession.typed("a"))
        let entered = s.run("enter", [a, "--by", "甲"])
        #expect(entered.code == .success, "\(entered.err)")
        let closed = s.run("close", ["--by", "王秘书"])
        #expect(closed.code == .success, "\(closed.err)")
        #expect(!closed.err.contains("三项人数相加"))
        let verified = s.run("verify", [])
        #expect(verified.code == .success, "\(verified.err)")
        // `status` reads the copies too.
        #expect(s.run("status", []).code == .success)
        // A fresh session with the same units is refused, and not made.
        let fresh = s.files.appendingPathComponent("fresh")
        let units = try s.file("units.csv", Self.units(members: "10"))
        let refused = SampleSession.run(["session", "init", fresh.path, "--rules", "rules/xicheng-2014.jsonc", "--units", units,
                                         "--roster", Self.sample + "roster.csv", "--by", "王秘书"])
        #expect(refused.code != .success)
        #expect(refused.err.contains(Self.message), "\(refused.err)")
        #expect(!FileManager.default.fileExists(atPath: fresh.appendingPathComponent("journal.jsonl").path))
    }
}
