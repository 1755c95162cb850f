import Foundation
import Testing
@testable import KaimenKit

/// Since 0.29.8 the files a run writes name an input by its file name: the same data typed with
/// relative or absolute paths gives the same summary.json and score sheets, and no server path.
@Suite("Outputs name input files by their names")
struct InputFileNameTests {
    func run(absolute: Bool, in scratch: ScratchFolder) -> String {
        let root = absolute ? Fixtures.packageRoot.path + "/" : ""
        let args = ["score", "--rules", root + "rules/xicheng-2014.jsonc"] + ["units", "roster", "ballots"].flatMap {
            ["--\($0)", root + "samples/xicheng-2014/\($0).csv"]
        }
        let out = scratch.url.appendingPathComponent(absolute ? "abs" : "rel").path
        #expect(EndToEndTests.run(args + ["--out", out, "--format", "none"]).code == .success)
        return out
    }

    @Test("relative and absolute paths give the same summary.json and sheets, naming ballots.csv")
    func sameBytes() throws {
        let scratch = ScratchFolder()
        defer { scratch.cleanUp() }
        _ = run(absolute: false, in: scratch)
        _ = run(absolute: true, in: scratch)
        for file in ["summary.json", "sheets/X08.csv", "sheets/X08.json", "report.html"] {
            let rel = try #require(scratch.read("rel/" + file)), abs = try #require(scratch.read("abs/" + file))
            #expect(rel == abs, "\(file) differs")
            #expect(!abs.contains(Fixtures.packageRoot.path), "\(file) names the server's path")
        }
        #expect(scratch.read("abs/sheets/X08.csv")?.contains("回避，不计入（ballots.csv 第 389 行）") == true)
    }

    @Test("a report an earlier version wrote keeps the path as typed")
    func oldSeal() throws {
        var s = try TestSession(rules: VetoNotCheckedTests.rules, units: VetoNotCheckedTests.units).run()
        #expect(s.report.inputFileShown("/srv/x/ballots.csv") == "ballots.csv")
        s.report.writtenAs = ScoreReport.v0_29_7
        #expect(s.report.inputFileShown("/srv/x/ballots.csv") == "/srv/x/ballots.csv")
    }
}
