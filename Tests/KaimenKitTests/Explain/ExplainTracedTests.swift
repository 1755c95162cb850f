import Foundation
import Testing
@testable import KaimenKit

/// `explain` of a large session reads it with the byte-level readers and traces only the units
/// asked for; what it says must be exactly what the checked readers' run (every unit traced) says.
@Suite("explain through the byte-level readers says exactly what the checked run says")
struct ExplainTracedTests {
    func explain(_ args: [String]) -> (ExitCode, String, String) {
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        let code = CLI.run(["explain"] + args + ["--rules", "rules/xicheng-2014.jsonc", "--units", "samples/xicheng-2014/units.csv",
                                                 "--roster", "samples/xicheng-2014/roster.csv", "--ballots", "samples/xicheng-2014/ballots.csv"],
                           console: console)
        return (code, console.stdout, console.stderr)
    }

    @Test("every unit, in both languages: kept and dropped ballots by representative, recusals, tie notes", arguments: ["zh", "en"])
    func everyUnit(_ lang: String) {
        let checked = explain(["all", "--engine", "exact", "--lang", lang])
        let traced = explain(["all", "--engine", "fast", "--lang", lang])
        #expect(checked.0 == .success && traced.0 == .success)
        #expect(!checked.1.isEmpty)
        #expect(traced.1 == checked.1)
        // The sample has a recusal and trimmed ballots: the texts that need who cast each ballot.
        #expect(traced.1.contains(lang == "zh" ? "回避不计" : "recused, not counted"))
        #expect(traced.1.contains(lang == "zh" ? "去掉最高" : "dropped as highest"))
    }

    /// A few ids are found one by one, more than 16 through a table of all (`UnitIndex`). An
    /// id asked for twice stopped the byte-level run with a trap until 0.23.3 (the traced units
    /// were put in a table by unit, each once).
    @Test("a few units or many, some twice, and one unknown among them: the same as the checked run", arguments: [2, 19])
    func several(_ count: Int) {
        let ids = (0 ..< count).map { "X0\($0 % 9 + 1)" } + ["X10"]
        let checked = explain(ids + ["--engine", "exact"])
        let traced = explain(ids + ["--engine", "fast"])
        #expect(checked.0 == .failure && traced.0 == .failure)
        #expect(traced.1 == checked.1 && traced.2 == checked.2)
        #expect(traced.1.components(separatedBy: "总分 ").count == count + 1)
    }

    /// Since 0.23.4 the checked readers' run traces only the units asked for too (a large input
    /// handed over to them traced 100 000 units, 4 s and 1.6 GB, to explain one).
    @Test("on the checked path too, a unit asked for reads exactly as its part of `explain all`, which traces every unit",
          arguments: ["zh", "en"])
    func askedAloneChecked(_ lang: String) {
        let all = explain(["all", "--engine", "exact", "--lang", lang])
        let parts = all.1.components(separatedBy: String(repeating: "─", count: 40) + "\n")
        #expect(all.0 == .success && parts.count == 9)
        for id in ["X01", "X04", "X08", "X09"] {
            let one = explain([id, "--engine", "exact", "--lang", lang])
            #expect(one.0 == .success && !one.1.isEmpty && parts.contains(one.1), "\(id)")
        }
    }

    @Test("one unit traced alone reads like the same unit in the full run; an unknown id is an error with a suggestion")
    func oneUnit() {
        let checked = explain(["X04", "--engine", "exact"])
        let traced = explain(["X04", "--engine", "fast"])
        #expect(traced.1 == checked.1 && traced.0 == .success)
        let unknown = explain(["X99", "--engine", "fast"])
        #expect(unknown.0 == .failure)
        #expect(unknown.2.contains("X99") && unknown.2.contains("X09"))
    }
}
