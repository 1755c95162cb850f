import Foundation
import Testing
@testable import KaimenKit

@Suite("Session status: the chair's table and its JSON", .serialized)
struct StatusTests {
    @Test("the table counts sheets per group, shows blank cells, aligns Chinese by display width")
    func table() throws {
        let s = try SampleSession(); defer { s.remove() }
        // 第三组's X07 sheets: R15, R17, R18, R19, R21 left 互助保障 (insurance.ballot) blank; R16 and R20 scored it.
        let x07 = try s.file("x07.csv", SampleSession.typed("a") { $0.contains(",X07,") })
        s.run("enter", [x07, "--by", "甲"]); s.run("enter", [x07, "--by", "乙"])
        let out = s.run("status", []).out
        let lines = out.split(separator: "\n").map(String.init)
        let third = try #require(lines.first { $0.hasPrefix("第三组") && !$0.contains("R1") })
        // expected 14, confirmed 7 (X07), once 0, conflict 0, missing 7 (X06), void 0
        #expect(third.split(separator: " ").map(String.init) == ["第三组", "14", "7", "0", "0", "7", "0"])
        let header = try #require(lines.first { $0.hasPrefix("组别") && $0.contains("应收") })
        #expect(DisplayWidth.of(header) == DisplayWidth.of(third))  // right-aligned columns end together
        #expect(out.contains("空白单元格：5 个"))
        #expect(lines.contains { $0.contains("R15") && $0.contains("X07") && $0.contains("insurance.ballot") })
        #expect(out.contains("回避（不需要的评分表）：R03×X02, R12×X05, R24×X08, R26×X09"))
        #expect(out.contains("尚不能结束：50 张评分表未确认"))
    }

    @Test("a conflict is listed by the names of representative, unit and item, with the resolve that settles it, and no value")
    func conflicts() throws {
        let s = try SampleSession(); defer { s.remove() }
        // typed-a.csv and typed-b.csv differ on R05's X02 rights.ballot (4 / 3).
        let a = try s.file("a.csv", SampleSession.typed("a") { $0.hasPrefix("R05,X02,") })
        let b = try s.file("b.csv", SampleSession.typed("b") { $0.hasPrefix("R05,X02,") })
        s.run("enter", [a, "--by", "甲"]); s.run("enter", [b, "--by", "乙"])
        let out = s.run("status", []).out
        #expect(out.contains("不一致：1 项两次录入不同（核对纸质评分表后再录入一次，或用 `kaimen session resolve` 裁定）"))
        #expect(out.contains("  R05 刘志强 × X02 西城区德胜商贸集团有限公司工会 · 依法维权工作评价（职工代表评分）（rights.ballot）："
            + "kaimen session resolve \(s.dir.path) --rep R05 --unit X02 --standard rights.ballot --score 分数 --reason 理由 --by 姓名"))
        let conflictLines = out.split(separator: "\n").filter { $0.contains("· 依法维权工作评价") }
        #expect(conflictLines.count == 1 && !conflictLines[0].contains("4 /") && !conflictLines[0].contains("3 /"))
        let en = s.run("status", ["--lang", "en"]).out
        #expect(en.contains("Conflicts: 1 item entered differently"))
        #expect(en.contains("R05 刘志强 × X02 西城区德胜商贸集团有限公司工会 · 依法维权工作评价（职工代表评分）（rights.ballot）: kaimen session resolve "))
        // What the line suggests works as written.
        let settled = s.run("resolve", ["--rep", "R05", "--unit", "X02", "--standard", "rights.ballot", "--score", "4", "--reason", "原始评分表为 4 分", "--by", "王秘书"])
        #expect(settled.code == .success)
        #expect(!s.run("status", []).out.contains("不一致："))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(s.run("status", ["--format", "json"]).out.utf8)) as? [String: Any])
        #expect((object["itemNames"] as? [String: String])?["rights.ballot"] == "依法维权工作评价（职工代表评分）")
    }

    @Test("a folder named with a space or a quote is one shell word in the suggested command")
    func shellWord() {
        #expect(SessionMessages.shellWord("2014-mid") == "2014-mid")
        #expect(SessionMessages.shellWord("/tmp/西城 2014") == "'/tmp/西城 2014'")
        #expect(SessionMessages.shellWord("it's") == "'it'\\''s'")
        #expect(SessionMessages.shellWord("") == "''")
    }

    @Test("JSON for other tools, in English keys")
    func json() throws {
        let s = try SampleSession(); defer { s.remove() }
        let out = s.run("status", ["--format", "json"]).out
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(object["phase"] as? String == "open")
        #expect((object["totals"] as? [String: Any])?["missing"] as? Int == 57)
        #expect((object["sheets"] as? [Any])?.count == 57)
        #expect(object["canClose"] as? Bool == false)
    }
}

@Suite("Session status: the marks to re-check before close", .serialized)
struct StatusRecheckTests {
    /// Only X01's sheets (第一组, R01–R07), entered by both operators: confirmed.
    static func x01() throws -> SampleSession {
        let s = try SampleSession()
        let x01 = try s.file("x01.csv", SampleSession.typed("a") { $0.contains(",X01,") })
        s.run("enter", [x01, "--by", "甲"]); s.run("enter", [x01, "--by", "乙"])
        return s
    }

    // X01 rights.ballot (max 4, so w = min(1.5, 0.25 × 4) = 1): R01..R07 gave 3.5, 4, 3, 2.5, 2, 1, 3.
    //   R06 (1): others 2, 2.5, 3, 3, 3.5, 4 → median 3; |1 − 3| = 2 > 1 → listed.
    //   R02 (4): others 1, 2, 2.5, 3, 3, 3.5 → median 2.75; |4 − 2.75| = 1.25 > 1 → listed.
    //   R05 (2): others 1, 2.5, 3, 3, 3.5, 4 → median 3; |2 − 3| = 1, not > 1 → not listed.
    //   R01 (3.5): others 1, 2, 2.5, 3, 3, 4 → median 2.75; 0.75 → not listed.
    @Test("status lists the corridor outliers of the confirmed sheets as 待复核, with a sentence")
    func table() throws {
        let s = try Self.x01(); defer { s.remove() }
        let out = s.run("status", []).out
        #expect(out.contains("待复核："))
        let x01 = "X01 北京西城华宸建设集团有限公司工会 · 依法维权工作评价（职工代表评分）"
        #expect(out.contains(x01 + "：R06 陈淑芬 评 1 分，其他代表中位数 3 分，相差 2 分（超出 ±1 分）"))
        #expect(out.contains(x01 + "：R02 王秀兰 评 4 分，其他代表中位数 2.75 分，相差 1.25 分（超出 ±1 分）"))
        #expect(!out.contains(x01 + "：R05 "))
        #expect(!out.contains(x01 + "：R01 "))
        let en = s.run("status", ["--lang", "en"]).out
        #expect(en.contains("To re-check: "))
        #expect(en.contains("X01 北京西城华宸建设集团有限公司工会 · 依法维权工作评价（职工代表评分）: R06 陈淑芬 gave 1, the others' median is 3, 2 apart (beyond ±1)"))
    }

    @Test("the JSON has the same marks under recheck")
    func json() throws {
        let s = try Self.x01(); defer { s.remove() }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(s.run("status", ["--format", "json"]).out.utf8)) as? [String: Any])
        let marks = try #require(object["recheck"] as? [[String: Any]])
        let rights = marks.filter { $0["item"] as? String == "rights.ballot" }
        #expect(rights.map { $0["representative"] as? String } == ["R02", "R06"])
        #expect(rights.map { $0["medianOfOthers"] as? String } == ["2.75", "3"])
        #expect(marks.allSatisfy { $0["unit"] as? String == "X01" })
    }

    @Test("nothing to re-check is listed while no sheet is confirmed")
    func notYet() throws {
        let s = try SampleSession(); defer { s.remove() }
        let x01 = try s.file("x01.csv", SampleSession.typed("a") { $0.contains(",X01,") })
        s.run("enter", [x01, "--by", "甲"])  // entered once: nothing confirmed, nothing can be scored
        #expect(!s.run("status", []).out.contains("待复核"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(s.run("status", ["--format", "json"]).out.utf8)) as? [String: Any])
        #expect(object["recheck"] == nil)
    }
}
