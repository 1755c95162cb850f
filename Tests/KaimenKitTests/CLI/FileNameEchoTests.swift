import Foundation
import Testing
@testable import KaimenKit

/// A hostile tester's finding: a rules file named `esc\e[31mred\a.jsonc` put ESC and BEL on
/// the terminal in the summary lines of `rules check`, `rules test`, `rules diff` and
/// `compare`, while diagnostics showed the same name as `esc\u{1B}[31mred\u{7}.jsonc`.
@Suite("file names printed by the rules commands and compare are escaped")
struct FileNameEchoTests {
    static let name = "esc\u{1B}[31mred\u{7}.jsonc"
    static let shown = #"esc\u{1B}[31mred\u{7}.jsonc"#

    static let rules = RulesText.make(
        metrics: RulesText.metric("m"),
        areas: RulesText.area("a", points: "10"),
        standards: RulesText.standard("s1", area: "a", points: "6", #""method": "count", "metric": "m", "perUnit": 1"#)
            + "," + RulesText.standard("s2", area: "a", points: "4", #""method": "ballot""#),
        more: #"""
        "ballots": { "aggregate": "mean", "minBallots": 1 },
        "tests": [ { "name": "t", "metrics": { "m": 2 }, "expect": { "standards": { "s1": 2 } } } ],
        """#)

    @Test("no control character reaches standard output or error")
    func escaped() throws {
        let folder = ScratchFolder()
        defer { folder.cleanUp() }
        // (An `extends` naming such a file is refused: a rules file holds no control character.)
        let child = #"{ "extends": "base.jsonc", "id": "c", "title": "调整", "issuer": "测试", "version": "2", "effective": { "from": "2025-01-01" } }"#
        for (file, text) in [(Self.name, Self.rules), ("base.jsonc", Self.rules), ("child.jsonc", child), ("units.csv", "id,name,category,m\nU1,单位一,企业,3\n"),
                             ("roster.csv", "id,name,units\nR1,代表一,\n"), ("ballots.csv", "representative,unit,standard,score\nR1,U1,s2,3\n")] {
            try Data(text.utf8).write(to: folder.url.appendingPathComponent(file))
        }
        let runs: [[String]] = [
            ["rules", "check", Self.name, "child.jsonc"], ["rules", "test", Self.name], ["rules", "diff", Self.name, "child.jsonc"],
            ["compare", "--rules", Self.name, "--rules", "child.jsonc", "--units", "units.csv", "--roster", "roster.csv", "--ballots", "ballots.csv"],
            ["compare", "--rules", Self.name, "--rules", "child.jsonc", "--units", "units.csv", "--roster", "roster.csv", "--ballots", "ballots.csv",
             "--format", "markdown"],
        ]
        for args in runs {
            for lang in ["zh", "en"] {
                let console = BufferConsole(currentDirectory: folder.url.path)
                let code = CLI.run(args + ["--lang", lang], console: console)
                #expect(code == .success, "\(args): \(console.stderr)")
                let all = console.stdout + console.stderr
                #expect(!all.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7}" }, "\(args) \(lang)")
                #expect(all.contains(Self.shown), "\(args) \(lang)")
            }
        }
    }
}
