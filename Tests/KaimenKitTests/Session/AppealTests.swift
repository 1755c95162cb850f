import Foundation
import Testing
@testable import KaimenKit

@Suite("Appeals (申诉复核): reopen for a unit, correct, seal a second version", .serialized)
struct AppealTests {
    @Test("an appeal that changes a rank keeps the original result and writes results/v2")
    func appealChangesRank() throws {
        let s = try SampleSession(); defer { s.remove() }
        let a = try s.file("a.csv", SampleSession.typed("a"))
        s.run("enter", [a, "--by", "甲"]); s.run("enter", [a, "--by", "乙", "--identical"])
        #expect(s.run("close", ["--by", "王秘书"]).code == .success)
        let v1 = try Data(contentsOf: s.dir.appendingPathComponent("results/summary.csv"))

        // Only a closed session can be appealed, only for a real unit, only with a reason.
        #expect(s.run("appeal", ["--unit", "X99", "--reason", "r", "--by", "王秘书"]).code == .failure)
        // Without a reason: a usage error, as without --by (since 0.25.0; it was found only inside the session).
        #expect(s.run("appeal", ["--unit", "X04", "--by", "王秘书"]).code == .usage)
        #expect(s.run("appeal", ["--unit", "X04", "--reason", "恒泰餐饮申诉：R13 的依法维权评分录入有误", "--by", "王秘书"]).code == .success)
        #expect(try s.state().phase == .reopened)
        // The same unit again in the same round: refused, nothing recorded (it said "reopened" again).
        let lines = s.journalLines.count
        let again = s.run("appeal", ["--unit", "X04", "--reason", "再次申诉", "--by", "王秘书"])
        #expect(again.code == .failure)
        #expect(again.err.contains("`X04` 已在本轮申诉中重新开放（记录 \(lines)），无需再次申诉"), "\(again.err)")
        #expect(s.journalLines.count == lines)

        // A correction for another unit is refused; R13's corrected X04 sheet is entered twice.
        let other = try s.file("x03.csv", SampleSession.typed("a") { $0.hasPrefix("R01,X03,") })
        #expect(s.run("enter", [other, "--by", "甲"]).code == .failure)
        let fix = try s.file("fix.csv", SampleSession.typed("a") { $0.hasPrefix("R13,X04,") }.replacingOccurrences(of: "R13,X04,3,", with: "R13,X04,4,"))
        #expect(s.run("enter", [fix, "--by", "甲"]).code == .success)
        #expect(try s.state().decision(.init(representative: "R13", unit: "X04"), items: ExpectedBallotsTests.xichengItems).state == .once)
        #expect(s.run("close", ["--by", "王秘书"]).code == .failure)  // the correction is not confirmed yet
        #expect(s.run("enter", [fix, "--by", "乙", "--identical"]).code == .success)
        // A first result changed meanwhile: no second version is sealed over it (a hostile test,
        // session 43: close sealed v2 over a changed v1 without a word, and status said it could).
        let v1URL = s.dir.appendingPathComponent("results/summary.csv")
        try Data(v1.dropLast()).write(to: v1URL)
        let over = s.run("close", ["--by", "王秘书"])
        #expect(over.code == .failure && over.err.contains("已封存的结果文件与封存时不同，不能在其上封存新的结果"), "\(over.err)")
        let reopened = s.run("status", []).out
        #expect(!reopened.contains("可以结束会话") && reopened.contains("尚不能结束：有 1 个结果文件与封存时不同"), "\(reopened)")
        try v1.write(to: v1URL)
        let correction = try JournalRecord.parse(s.journalLines.last!).get()
        let corrects = correction.content["sheets"]?.arrayValue?.first?["corrects"]?.arrayValue?.compactMap(\.intValue)
        #expect(corrects == [2, 3])  // the two original entries of R13's X04 sheet, which stay in the journal
        let closed = s.run("close", ["--by", "王秘书"])
        #expect(closed.code == .success && !closed.out.contains("维持原结果"), "\(closed.out)")

        // X04 rights.ballot, 7 ballots, highest and lowest dropped:
        //   before 3.5, 4, 3.5, 4, 2.5, 3, 3 → (3.5 + 3.5 + 4 + 3 + 3) / 5 = 3.4
        //   after  3.5, 4, 3.5, 4, 2.5, 4, 3 → (3.5 + 3.5 + 4 + 4 + 3) / 5 = 3.6, so X04 86.10 + 0.20 = 86.30,
        // which breaks its tie with X03 (86.10): X04 stays 4th, X03 moves from 4th to 5th.
        #expect(try Data(contentsOf: s.dir.appendingPathComponent("results/summary.csv")) == v1)
        let v2 = try String(contentsOf: s.dir.appendingPathComponent("results/v2/summary.csv"), encoding: .utf8)
        #expect(v2.contains("4,2,X04,北京西城恒泰餐饮连锁有限公司工会,企业,86.30,"))
        #expect(v2.contains("5,3,X03,北京广安门物业管理集团有限公司工会,企业,86.10,"))
        let status = s.run("status", ["--format", "json"]).out
        #expect(status.contains("\"unit\": \"X03\"") && status.contains("\"unit\": \"X04\""))
        let table = s.run("status", []).out
        #expect(table.contains("申诉复核改变的结果"))
        #expect(table.contains("86.10→86.30"))
        // The second result's notice and report say which they are; the first's say nothing.
        let notice2 = try String(contentsOf: s.dir.appendingPathComponent("results/v2/公示.html"), encoding: .utf8)
        #expect(notice2.contains("<p class=\"subtitle\">（申诉复核后第 2 版，替代此前公布的结果）</p>"))
        let report2 = try String(contentsOf: s.dir.appendingPathComponent("results/v2/report.html"), encoding: .utf8)
        #expect(report2.contains("申诉复核后第 2 版"))
        // So does each of its score sheets (since 0.29.3: a tester found them unmarked), each
        // signed right after its table, kept with its total, not after its charts.
        let sheets2 = report2.components(separatedBy: "<section class=\"page landscape sheet\"").dropFirst()
        #expect(sheets2.count == 9 && sheets2.allSatisfy { $0.contains("<p class=\"subtitle\">（申诉复核后第 2 版，替代此前公布的结果）</p>") })
        #expect(sheets2.allSatisfy { sheet in
            guard let sign = sheet.range(of: "<tr class=\"signatures\">"), let charts = sheet.range(of: "<div class=\"charts\">") else { return false }
            return sign.lowerBound < charts.lowerBound
        })
        let report1 = try String(contentsOf: s.dir.appendingPathComponent("results/report.html"), encoding: .utf8)
        #expect(!report1.contains("申诉复核"))
        #expect(!(try String(contentsOf: s.dir.appendingPathComponent("results/公示.html"), encoding: .utf8)).contains("申诉复核"))
        #expect(s.run("verify", []).code == .success)
    }

    /// Found by a secretary's test: an appeal closed with no correction sealed v3, a copy of v2,
    /// without a word, and its notice said it replaced the results posted before.
    @Test("an appeal round closed without a correction says the result stands")
    func appealChangesNothing() throws {
        let s = try SampleSession(); defer { s.remove() }
        try s.closeThenAppealX04()
        let r = s.run("close", ["--by", "王秘书"])
        #expect(r.code == .success)
        #expect(r.out.contains("第 2 版与第 1 版的名次、总分和等级完全相同：本轮申诉复核没有改变任何单位的结果（维持原结果）"), "\(r.out)")
        #expect(try Data(contentsOf: s.dir.appendingPathComponent("results/v2/summary.csv"))
                == Data(contentsOf: s.dir.appendingPathComponent("results/summary.csv")))
    }
}
