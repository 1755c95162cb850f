import Foundation
import Testing
@testable import KaimenKit

/// A tester tuning the 2027 criteria: compare carried ballots cast on 0–4 to NEW's 0–5 (X05
/// 92.36 优秀) while `score`, `explain` and `sensitivity` with NEW read them as cast (90.61 良好),
/// in silence and with no way to explain compare's total; and `rules test --inherited` failed
/// the base's full-marks test at 98.57 for the same reason.
///
/// The rules are `BallotCarryTests.old`: area `a1` (10): `s1` count of `m` (6), `s2` ballot (4);
/// area `a2` (10): `s3` ballot (10); ballots averaged. The data are BallotCarryTests' too:
/// U1: m 3, s2 2 and 4, s3 6 and 8; U2: m 5, s2 4 and 4, s3 10 and 10.
@Suite("Ballots carried to NEW's points: compare --explain, sensitivity with two files, inherited tests")
struct CarriedBallotsTests {
    /// NEW: `a1` 12 points, `s2` 6 (the ballots carried ×6/4 = ×1.5).
    /// U1: s1 3; s2 2, 4 → 3, 6, mean 4.5; s3 mean 7: 3 + 4.5 + 7 = 14.5 (as cast: 3 + 3 + 7 = 13).
    /// U2: s1 5; s2 4, 4 → 6, 6, mean 6; s3 10: 5 + 6 + 10 = 21 (as cast: 5 + 4 + 10 = 19).
    static let new = BallotCarryTests.tuned(#""override": { "areas": [ { "id": "a1", "points": 12 } ], "standards": [ { "id": "s2", "points": 6 } ] }"#)

    static let data = [
        "units.csv": "id,name,category,m\nU1,单位一,企业,3\nU2,单位二,企业,5\n",
        "roster.csv": "id,name,units\nR1,代表一,\nR2,代表二,\n",
        "ballots.csv": "representative,unit,standard,score\nR1,U1,s2,2\nR2,U1,s2,4\nR1,U1,s3,6\nR2,U1,s3,8\nR1,U2,s2,4\nR2,U2,s2,4\nR1,U2,s3,10\nR2,U2,s3,10\n",
    ]
    static let inputs = ["--units", "units.csv", "--roster", "roster.csv", "--ballots", "ballots.csv"]

    func run(_ args: [String], files: [String: String]) throws -> (code: ExitCode, out: String, err: String) {
        let folder = ScratchFolder()
        defer { folder.cleanUp() }
        for (name, text) in files { try Data(text.utf8).write(to: folder.url.appendingPathComponent(name)) }
        let console = BufferConsole(currentDirectory: folder.url.path)
        let code = CLI.run(args, console: console)
        return (code, console.stdout, console.stderr)
    }

    func compare(_ more: [String]) throws -> (code: ExitCode, out: String, err: String) {
        try run(["compare", "--rules", "old.jsonc", "--rules", "new.jsonc"] + Self.inputs + more,
                files: Self.data.merging(["old.jsonc": BallotCarryTests.old, "new.jsonc": Self.new]) { a, _ in a })
    }

    @Test("compare --explain: the unit under OLD and under NEW on the carried ballots, as explain prints it, with compare's totals")
    func explainBothSides() throws {
        let en = try compare(["--explain", "U1", "--lang", "en"])
        #expect(en.code == .success, "\(en.err)")
        let parts = en.out.components(separatedBy: "U1 under NEW `new.jsonc`")
        #expect(parts.count == 2, "\(en.out)")
        #expect(parts[0].hasPrefix("U1 under OLD `old.jsonc`:\n"), "\(en.out)")
        #expect(parts[1].hasPrefix(" (ballots rescaled to the new points: `s2` (s2名) 0–4 → 0–6; the totals compare gives, not those of `kaimen score`, which reads them as cast):\n"), "\(en.out)")
        // OLD: 13; NEW: 14.5, with s2's carried mean 4.5 (3 and 6).
        #expect(parts[0].contains("13.00") && !parts[0].contains("14.50"), "\(parts[0])")
        #expect(parts[1].contains("14.50") && parts[1].contains("4.50"), "\(parts[1])")
        // Exactly what `explain` prints of the same session.
        #expect(!en.out.contains("U2 under"))
        // The note after the rescale warning: the one-file tools read these ballots as cast.
        #expect(en.err.contains("note: `kaimen score`, `explain` and `sensitivity` know one rules file: scoring these ballots with `new.jsonc` they read them as cast (`s2` (s2名) on 0–4, not rescaled), and give other totals"), "\(en.err)")
        #expect(en.err.contains("add `--explain UNIT` to this command; to analyse sensitivity on the rescaled ballots: `kaimen sensitivity --rules old.jsonc --rules new.jsonc …`"), "\(en.err)")

        let zh = try compare(["--explain", "U1"])
        #expect(zh.code == .success, "\(zh.err)")
        #expect(zh.out.hasPrefix("U1 按原细则 `old.jsonc` 计算：\n"), "\(zh.out)")
        #expect(zh.out.contains("U1 按新细则 `new.jsonc` 计算（选票按新分值折算：`s2`（s2名） 0–4 → 0–6 分；与 compare 的总分相同，与 `kaimen score` 按原样读票不同）：\n"), "\(zh.out)")
        #expect(zh.err.contains("提示：`kaimen score`、`explain` 和 `sensitivity` 只读一个细则文件：用 `new.jsonc` 为这些票评分时按原样读"), "\(zh.err)")
    }

    @Test("compare --explain: the NEW side equals `explain` on the carried session, line for line")
    func sameExplanation() throws {
        let folder = ScratchFolder()
        defer { folder.cleanUp() }
        for (name, text) in Self.data.merging(["old.jsonc": BallotCarryTests.old, "new.jsonc": Self.new], uniquingKeysWith: { a, _ in a }) {
            try Data(text.utf8).write(to: folder.url.appendingPathComponent(name))
        }
        let inputs = ScoringSession.Inputs(rules: "new.jsonc", units: "units.csv", roster: "roster.csv", ballots: "ballots.csv",
                                           strict: false, baseDirectory: folder.url.path)
        let old = try RulesLoader().load(folder.url.appendingPathComponent("old.jsonc").path).rules
        let new = try RulesLoader().load(folder.url.appendingPathComponent("new.jsonc").path)
        let (session, carry) = try BallotCarry.session(old: old, new: new, inputs)
        // 14.5 and 21, worked out above; read as cast they would be 13 and 19.
        #expect(session.results.map(\.total) == [Rational(29, 2), Rational(21)])
        #expect(carry.rescaled.map(\.key) == ["s2"])
        let explained = UnitExplanation(source: ExplainSource(session: session), lang: .zh).render(unit: 0)
        let r = try compare(["--explain", "U1"])
        #expect(r.out.hasSuffix(explained), "\(r.out)")
    }

    @Test("compare --explain: an unknown unit as explain says it (exit 1); with --format json a usage error (exit 64)")
    func explainMistakes() throws {
        let unknown = try compare(["--explain", "U9"])
        #expect(unknown.code == .failure)
        #expect(unknown.err.contains("U9"), "\(unknown.err)")
        let json = try compare(["--explain", "U1", "--format", "json"])
        #expect(json.code == .usage)
        #expect(json.err.contains("错误：`--explain` 打印单位的逐项说明，不能与 `--format` 的 csv、json、html 同用"), "\(json.err)")
        let jsonEN = try compare(["--explain", "U1", "--format", "json", "--lang", "en"])
        #expect(jsonEN.err.contains("error: `--explain` prints a unit's explanation, and goes with no `--format` but table"), "\(jsonEN.err)")
    }

    @Test("sensitivity with two rules files analyses NEW on the carried ballots, and says so; three is a usage error")
    func sensitivityCarries() throws {
        let files = Self.data.merging(["old.jsonc": BallotCarryTests.old, "new.jsonc": Self.new]) { a, _ in a }
        let two = try run(["sensitivity", "--rules", "old.jsonc", "--rules", "new.jsonc"] + Self.inputs + ["--scenarios", "4", "--format", "json"], files: files)
        #expect(two.code == .success, "\(two.err)")
        #expect(two.err.contains("警告：`new.jsonc` 把 `s2`（s2名）改为 6 分，选票是按 0–4 分打的"), "\(two.err)")
        let three = try run(["sensitivity", "--rules", "old.jsonc", "--rules", "new.jsonc", "--rules", "old.jsonc"] + Self.inputs, files: files)
        #expect(three.code == .usage)
        #expect(three.err.contains("（给了 3 个）"), "\(three.err)")
        // One file: as cast, nothing carried, nothing said of it.
        let one = try run(["sensitivity", "--rules", "new.jsonc"] + Self.inputs + ["--scenarios", "4"], files: files)
        #expect(one.code == .success, "\(one.err)")
        #expect(!one.err.contains("折算"))
    }

    // MARK: rules test --inherited

    /// The base carries a test at full ballots: m 6 → s1 6; s2 4, 4 → 4; s3 10, 10 → 10; total 20.
    static let base = BallotCarryTests.old.replacingOccurrences(of: #""grades":"#, with: #"""
        "tests": [ { "name": "满分", "metrics": { "m": 6 }, "ballots": { "s2": [4, 4], "s3": [10, 10] },
                     "expect": { "standards": { "s1": 6, "s2": 4 }, "total": 20 } } ],
        "grades":
        """#)

    @Test("rules test --inherited carries the base's ballots: full marks stay 20, a changed standard's expectation says why")
    func inheritedCarried() throws {
        // NEW: s1 6 → 4 points, s2 4 → 6, a1 still 10. Carried: s1 min(6, 4) = 4; s2 4, 4 → 6, 6 → 6; s3 10:
        // total 4 + 6 + 10 = 20, as the base expects (as cast: 4 + 4 + 10 = 18, the bug's 98.57).
        let new = BallotCarryTests.tuned(#""override": { "standards": [ { "id": "s1", "points": 4 }, { "id": "s2", "points": 6 } ] }"#)
        let files = ["old.jsonc": Self.base, "new.jsonc": new]
        let zh = try run(["rules", "test", "new.jsonc", "--inherited"], files: files)
        // s1 and s2 expectations were written for the base's points: they still fail (exit 1)…
        #expect(zh.code == .failure)
        #expect(!zh.err.contains("总分应为"), "\(zh.err)")
        #expect(zh.err.contains("提示：继承自 `old.jsonc` 的测试的选票按该文件的分值写；本文件改了 `s2`（s2名）4 → 6 分：这些票按同样的比例折算，与 `kaimen compare` 相同"), "\(zh.err)")
        // …each saying the file changed that standard's points, so it is expected.
        #expect(zh.err.contains("测试“满分”（继承）：标准 `s2` 得分应为 4，实际为 6"), "\(zh.err)")
        #expect(zh.err.contains("本文件把 `s2`（s2名）的分值从 4 分改为 6 分，这个期望不成立在意料之中"), "\(zh.err)")
        #expect(zh.err.contains("测试“满分”（继承）：标准 `s1` 得分应为 6，实际为 4"), "\(zh.err)")
        #expect(zh.err.contains("本文件把 `s1`（s1名）的分值从 6 分改为 4 分"), "\(zh.err)")
        #expect(zh.err.components(separatedBy: "继承自 `old.jsonc`").count == 2, "said once: \(zh.err)")
        let en = try run(["rules", "test", "new.jsonc", "--inherited", "--lang", "en"], files: files)
        #expect(en.err.contains("note: the tests inherited from `old.jsonc` give ballots on that file's points; this file changes `s2` (s2名) 4 → 6: they are taken as the same share of the new points, as `kaimen compare` takes them"), "\(en.err)")
        #expect(en.err.contains("this file makes `s2` (s2名) worth 6 points instead of 4, so this expectation is expected not to hold"), "\(en.err)")
    }

    @Test("rules test --inherited: a total the new rules really change still fails, saying it was written for the base")
    func inheritedBroken() throws {
        // NEW: s3 10 → 6 points, a2 6: total 6 + 4 + 6 = 16, not 20; s3 is a ballot standard, carried 10 → 6.
        let new = BallotCarryTests.tuned(#""override": { "areas": [ { "id": "a2", "points": 6 } ], "standards": [ { "id": "s3", "points": 6 } ] }"#)
        let r = try run(["rules", "test", "new.jsonc", "--inherited"], files: ["old.jsonc": Self.base, "new.jsonc": new])
        #expect(r.code == .failure)
        #expect(r.err.contains("测试“满分”（继承）：总分应为 20，实际为 16"), "\(r.err)")
        #expect(r.err.contains("这个期望按基础文件 `old.jsonc` 的细则写"), "\(r.err)")
        // The base's own run of its own test passes.
        let own = try run(["rules", "test", "old.jsonc"], files: ["old.jsonc": Self.base])
        #expect(own.code == .success, "\(own.err)")
    }
}
