import Foundation
import Testing
@testable import KaimenKit

/// The compare and sensitivity pages as they print on A4: ids and short cells never wrap, a
/// long rank chart is split into page-sized parts each with its axis, every unit labelled alike.
@Suite("compare and sensitivity HTML: printable on A4")
struct TuningHTMLTests {
    func run(_ args: [String]) -> (code: ExitCode, out: String, err: String) {
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        let code = CLI.run(args, console: console)
        return (code, console.stdout, console.stderr)
    }

    @Test("compare's page keeps ids, grades and numbers on one line, and breaks the drivers only between parts")
    func compareNowrap() {
        let r = run(["compare", "--rules", "rules/xicheng-2014.jsonc", "--set", "X03.members=800", "--format", "html"] + CompareCommandTests.sample)
        #expect(r.code == .success, "\(r.err)")
        #expect(r.out.contains("<td class=\"nowrap\">X03</td>"))
        #expect(r.out.contains("<td class=\"nowrap\">良好</td>"))
        // The driver's id and change are unbreakable; its name between them may wrap.
        #expect(r.out.contains("<span class=\"nw\">organization.membership</span>（职工入会率）<span class=\"nw\">-6.00</span>"))
        #expect(r.out.contains("span.nw { white-space: nowrap; }"))
    }

    @Test("a long chart is split into page-sized parts: 25 units, then 45 a page")
    func parts() {
        #expect(SensitivityExport.chartParts(9) == [0..<9])
        #expect(SensitivityExport.chartParts(25) == [0..<25])
        // 200 = 25 + 45 + 45 + 45 + 40.
        #expect(SensitivityExport.chartParts(200) == [0..<25, 25..<70, 70..<115, 115..<160, 160..<200])
    }

    @Test("every unit is labelled by its id and its name, a long name cut with …")
    func labels() {
        func unit(_ id: String, _ name: String) -> Sensitivity.UnitRange {
            Sensitivity.UnitRange(unit: id, name: name, category: "", actualRank: 1, actualGrade: "", rankLow: 1, rankHigh: 1, rankBest: 1,
                                  rankWorst: 1, gradeCounts: [], gradeChanges: 0, quotaChanges: nil, gradeFragile: false, quotaFragile: false)
        }
        // The label takes 28 columns: `X03` and a space leave 28 − 3 − 1 = 24 for the name. 金融街第2号集团有限公司工会
        // is 13 wide characters (2 columns each) and a digit: 27 > 24, so it is cut to at most 24 − 2 = 22 columns:
        // 金融街第2号集团有限公 is 10 × 2 + 1 = 21 (司 would make 23), then `…`.
        #expect(SensitivityExport.label(unit("X03", "金融街第2号集团有限公司工会")) == "X03 金融街第2号集团有限公…")
        #expect(SensitivityExport.label(unit("X03", "牛街工会")) == "X03 牛街工会")
    }

    @Test("sensitivity on 60 units prints two chart parts, each with its axis, and keeps short cells on one line")
    func longChart() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-html-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(run(["generate", "--units", "60", "--seed", "7", "--out", dir.path]).code == .success)
        let r = run(["sensitivity", "--rules", "rules/xicheng-2014.jsonc", "--units", dir.appendingPathComponent("units.csv").path,
                     "--roster", dir.appendingPathComponent("roster.csv").path, "--ballots", dir.appendingPathComponent("ballots.csv").path,
                     "--scenarios", "20", "--format", "html"])
        #expect(r.code == .success, "\(r.err)")
        // 60 = 25 + 35: two figures, each an svg with the rank axis's label.
        #expect(r.out.components(separatedBy: "<figure class=\"chart\"><svg").count - 1 == 2)
        #expect(r.out.components(separatedBy: "排名（1 为最好）").count - 1 == 2)
        #expect(r.out.contains("<figcaption>第 1–25 名（共 60 个单位）</figcaption>"))
        #expect(r.out.contains("<figcaption>第 26–60 名（共 60 个单位）</figcaption>"))
        #expect(r.out.contains("<td class=\"nowrap\">U0001</td>"))
    }
}
