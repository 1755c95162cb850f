import Foundation
import Testing
@testable import KaimenKit

/// A hostile tester's finding: a tuned file that dropped, added or rescaled a ballot standard
/// blamed correct ballots (`ballots.csv 第 2 行 C 列（standard）：错误：…；是不是 s3？`), or
/// scored ballots cast on 0–4 on 0–6 in silence.
@Suite("compare carries OLD's ballots to the NEW ballot standards")
struct BallotCarryTests {
    /// Area `a1` (10): `s1` count of `m` (6), `s2` ballot (4); area `a2` (10): `s3` ballot (10).
    /// Ballots averaged (`mean`), at least 2.
    static let old = RulesText.make(
        metrics: RulesText.metric("m"),
        areas: RulesText.area("a1", points: "10") + "," + RulesText.area("a2", points: "10"),
        standards: RulesText.standard("s1", area: "a1", points: "6", #""method": "count", "metric": "m", "perUnit": 1"#)
            + "," + RulesText.standard("s2", area: "a1", points: "4", #""method": "ballot""#)
            + "," + RulesText.standard("s3", area: "a2", points: "10", #""method": "ballot""#),
        more: #""ballots": { "aggregate": "mean", "minBallots": 2 },"#)

    static func tuned(_ body: String) -> String {
        #"{ "extends": "old.jsonc", "id": "new", "title": "调整", "issuer": "测试", "version": "2", "effective": { "from": "2025-01-01" }, \#(body) }"#
    }

    /// U1: m 3, s2 2 and 4 (mean 3), s3 6 and 8 (mean 7): 3 + 3 + 7 = 13.
    /// U2: m 5, s2 4 and 4 (4), s3 10 and 10 (10): 5 + 4 + 10 = 19.
    func compare(_ new: String, format: String = "csv") throws -> (code: ExitCode, out: String, err: String) {
        let folder = ScratchFolder()
        defer { folder.cleanUp() }
        let files = [
            "old.jsonc": Self.old, "new.jsonc": new,
            "units.csv": "id,name,category,m\nU1,单位一,企业,3\nU2,单位二,企业,5\n",
            "roster.csv": "id,name,units\nR1,代表一,\nR2,代表二,\n",
            "ballots.csv": "representative,unit,standard,score\nR1,U1,s2,2\nR2,U1,s2,4\nR1,U1,s3,6\nR2,U1,s3,8\nR1,U2,s2,4\nR2,U2,s2,4\nR1,U2,s3,10\nR2,U2,s3,10\n",
        ]
        for (name, text) in files { try Data(text.utf8).write(to: folder.url.appendingPathComponent(name)) }
        let console = BufferConsole(currentDirectory: folder.url.path)
        let code = CLI.run(["compare", "--rules", "old.jsonc", "--rules", "new.jsonc", "--units", "units.csv", "--roster", "roster.csv",
                            "--ballots", "ballots.csv", "--format", format, "--lang", "en"], console: console)
        return (code, console.stdout, console.stderr)
    }

    /// `unit → (old total, new total)` from the CSV table (below its header: since 0.29.7 the
    /// warnings come first, one row each).
    func totals(_ csv: String) -> [String: (String, String)] {
        var out: [String: (String, String)] = [:]
        let lines = csv.split(whereSeparator: \.isNewline)
        for line in lines.drop(while: { !$0.hasPrefix("id,") }).dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            out[cells[0]] = (cells[3], cells[4])
        }
        return out
    }

    @Test("a ballot standard NEW removes: its ballots are left out with a warning, never an error of the ballots file")
    func dropped() throws {
        // NEW: s2 removed, s1 worth 10. U1 3 + 7 = 10; U2 5 + 10 = 15.
        let r = try compare(Self.tuned(#""remove": { "standards": ["s2"] }, "override": { "standards": [ { "id": "s1", "points": 10 } ] }"#))
        #expect(r.code == .success, "\(r.err)")
        #expect(totals(r.out)["U1"] ?? ("", "") == ("13.00", "10.00"))
        #expect(totals(r.out)["U2"] ?? ("", "") == ("19.00", "15.00"))
        #expect(r.err.contains("warning: `new.jsonc` no longer has representatives score `s2` (s2名): its 4 ballots are left out of the new scoring"), "\(r.err)")
        #expect(!r.err.contains("ballots.csv"))
        #expect(!r.err.contains("error"))
    }

    /// A tool reading `--format json` saw none of the warnings, which went to standard error only.
    @Test("--format json carries the ballots' warnings, with their codes, as standard error says them")
    func jsonWarnings() throws {
        let r = try compare(Self.tuned(#""remove": { "standards": ["s2"] }, "override": { "standards": [ { "id": "s1", "points": 10 } ] }"#),
                            format: "json")
        #expect(r.code == .success, "\(r.err)")
        let json = try JSONCParser.parse(r.out, file: "out.json").get()
        let warnings = try #require(json["warnings"]?.elements)
        #expect(warnings.count == 1)
        #expect(warnings.first?["code"]?.stringValue == "compare-ballots-dropped")
        #expect(warnings.first?["file"]?.value == .null)
        let text = try #require(warnings.first?["text"]?.stringValue)
        #expect(text.hasPrefix("warning: `new.jsonc` no longer has representatives score `s2` (s2名): its 4 ballots are left out"), "\(text)")
        #expect(r.err.contains(text))
        // Nothing to say: an empty list, not a missing key.
        let same = try compare(Self.old, format: "json")
        #expect(try JSONCParser.parse(same.out, file: "out.json").get()["warnings"]?.elements?.isEmpty == true)
    }

    @Test("a ballot standard NEW gives other points: each ballot counts as the same share of the new maximum")
    func rescaled() throws {
        // NEW: s3 and a2 worth 5. U1 s3 7 of 10 → 3.5: 3 + 3 + 3.5 = 9.5; U2 10 of 10 → 5: 5 + 4 + 5 = 14.
        let r = try compare(Self.tuned(#""override": { "areas": [ { "id": "a2", "points": 5 } ], "standards": [ { "id": "s3", "points": 5 } ] }"#))
        #expect(r.code == .success, "\(r.err)")
        #expect(totals(r.out)["U1"] ?? ("", "") == ("13.00", "9.50"))
        #expect(totals(r.out)["U2"] ?? ("", "") == ("19.00", "14.00"))
        #expect(r.err.contains("warning: `new.jsonc` makes `s3` (s3名) worth 5 points, and the ballots were cast on 0–10: each is taken as the same share of 0–5"), "\(r.err)")
        #expect(!r.err.contains("ballots.csv"))
        // Raised: s2 worth 6 (a1 12). U1 s2 3 of 4 → 4.5: 3 + 4.5 + 7 = 14.5; U2 4 of 4 → 6: 5 + 6 + 10 = 21.
        let up = try compare(Self.tuned(#""override": { "areas": [ { "id": "a1", "points": 12 } ], "standards": [ { "id": "s2", "points": 6 } ] }"#))
        #expect(up.code == .success, "\(up.err)")
        #expect(totals(up.out)["U1"] ?? ("", "") == ("13.00", "14.50"))
        #expect(totals(up.out)["U2"] ?? ("", "") == ("19.00", "21.00"))
        #expect(up.err.contains("the ballots were cast on 0–4: each is taken as the same share of 0–6"))
    }

    @Test("a ballot standard NEW adds has no ballots: warned, scored as insufficient")
    func added() throws {
        // NEW: s4 (4, ballot) in a2, now 14. No ballots → not assessable → 0 (the file's default): totals unchanged.
        let r = try compare(Self.tuned(#""override": { "areas": [ { "id": "a2", "points": 14 } ] }, "standards": [ { "id": "s4", "area": "a2", "name": "新项", "criteria": "代表打分", "points": 4, "method": "ballot" } ]"#))
        #expect(r.code == .success, "\(r.err)")
        #expect(totals(r.out)["U1"] ?? ("", "") == ("13.00", "13.00"))
        #expect(r.err.contains("warning: `new.jsonc` adds `s4` (新项) (4 points), scored by ballot, which no ballot cast has scored: it counts as insufficient ballots"), "\(r.err)")
    }

    /// Found by a review: a NEW step of 1 over ballots of 0.5 compared in silence.
    @Test("NEW's score step that some ballots are off: counted as cast, and how many said")
    func offStep() throws {
        // Step 4: s2's 2 (U1) is off, its 4s on; s3's 6 and both 10s are off, the 8 on: 4 ballots.
        let new = RulesText.make(
            metrics: RulesText.metric("m"),
            areas: RulesText.area("a1", points: "10") + "," + RulesText.area("a2", points: "10"),
            standards: RulesText.standard("s1", area: "a1", points: "6", #""method": "count", "metric": "m", "perUnit": 1"#)
                + "," + RulesText.standard("s2", area: "a1", points: "4", #""method": "ballot""#)
                + "," + RulesText.standard("s3", area: "a2", points: "10", #""method": "ballot""#),
            more: #""ballots": { "aggregate": "mean", "minBallots": 2, "scoreStep": 4 },"#)
        let r = try compare(new)
        #expect(r.code == .success, "\(r.err)")
        #expect(totals(r.out)["U1"] ?? ("", "") == ("13.00", "13.00"))
        #expect(r.err.contains("warning: `new.jsonc` scores in steps of 4, and 4 ballots cast (as cast, or as a share taken over) are off that step: counted as they are"), "\(r.err)")
    }

    @Test("the same ballot standards: nothing to say")
    func unchanged() throws {
        let r = try compare(Self.tuned(#""override": { "standards": [ { "id": "s1", "perUnit": 2 } ] }"#))
        #expect(r.code == .success)
        #expect(!r.err.contains("warning"))
        // U1 s1 min(6, 3 × 2) = 6: 6 + 3 + 7 = 16.
        #expect(totals(r.out)["U1"] ?? ("", "") == ("13.00", "16.00"))
    }
}
