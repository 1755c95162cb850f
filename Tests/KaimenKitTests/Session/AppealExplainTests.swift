import Foundation
import Testing
@testable import KaimenKit

@Suite("explain --session: a unit of a session's sealed result, and what an appeal changed", .serialized)
struct AppealExplainTests {
    /// Found by a secretary's test: X07's 6 ballots of the 7 representatives who heard it were
    /// not explained; its score sheet said R20's sheet was void, `explain` did not.
    @Test("explain --session says who scored the unit and whose sheet was declared void, as its score sheet does")
    func voidSheetExplained() throws {
        let s = try SampleSession(); defer { s.remove() }
        let a = try s.file("a.csv", SampleSession.typed("a") { !$0.hasPrefix("R20,X07,") })
        s.run("enter", [a, "--by", "甲"]); s.run("enter", [a, "--by", "乙", "--identical"])
        #expect(s.run("void", ["--rep", "R20", "--unit", "X07", "--reason", "评分表污损", "--by", "王秘书"]).code == .success)
        #expect(s.run("close", ["--by", "王秘书"]).code == .success)
        // 第三组 (R15–R21) hears X07, and none of them belongs to it: 7, less R20's void sheet.
        let r = SampleSession.run(["explain", "X07", "--session", s.path])
        #expect(r.code == .success)
        #expect(r.out.contains("评分票：6 名代表为该单位打分"), "\(r.out)")
        #expect(r.out.contains("作废评分表 1 张（R20：评分表污损）"), "\(r.out)")
        // Without a seal, the hint is a command to run, with the folder named.
        let t = try SampleSession(); defer { t.remove() }
        let early = SampleSession.run(["explain", "X07", "--session", t.path])
        #expect(early.err.contains("先运行 `kaimen session close \(t.path) --by 姓名`"), "\(early.err)")
    }

    @Test("after the appeal that breaks the X03/X04 tie, explain names the corrected ballot and the moved total and rank")
    func explainAfterAppeal() throws {
        let s = try SampleSession(); defer { s.remove() }
        let a = try s.file("a.csv", SampleSession.typed("a"))
        s.run("enter", [a, "--by", "甲"]); s.run("enter", [a, "--by", "乙", "--identical"])
        // Before any seal, there is nothing to explain.
        let early = SampleSession.run(["explain", "X04", "--session", s.path])
        #expect(early.code == .failure)
        #expect(early.err.contains("还没有封存的结果"))
        #expect(s.run("close", ["--by", "王秘书"]).code == .success)
        // One sealed version: the derivation only, no appeal paragraph.
        let first = SampleSession.run(["explain", "X04", "--session", s.path])
        #expect(first.code == .success)
        #expect(!first.out.contains("申诉复核"))
        #expect(first.out.contains("X04"))

        #expect(s.run("appeal", ["--unit", "X04", "--reason", "恒泰餐饮申诉：R13 的依法维权评分录入有误", "--by", "王秘书"]).code == .success)
        let fix = try s.file("fix.csv", SampleSession.typed("a") { $0.hasPrefix("R13,X04,") }.replacingOccurrences(of: "R13,X04,3,", with: "R13,X04,4,"))
        #expect(s.run("enter", [fix, "--by", "甲"]).code == .success)
        #expect(s.run("enter", [fix, "--by", "乙", "--identical"]).code == .success)
        #expect(s.run("close", ["--by", "王秘书"]).code == .success)

        // R13's X04 rights.ballot went 3 → 4; X04 rights.ballot mean 3.4 → 3.6 (see AppealTests), total 86.10 → 86.30,
        // which breaks the tie with X03 (86.10): X04 keeps rank 4, X03 goes from 4 to 5.
        let zh = SampleSession.run(["explain", "X04", "X03", "--session", s.path])
        #expect(zh.code == .success)
        #expect(zh.out.contains("申诉复核：X04 第 1 版 → 第 2 版\n"))
        #expect(zh.out.contains("  申诉：恒泰餐饮申诉：R13 的依法维权评分录入有误（王秘书 登记）\n"))
        #expect(zh.out.contains("    代表 R13，标准 rights.ballot：3 → 4\n"))
        #expect(zh.out.contains("  第 1 版：总分 86.10，等级 "))
        #expect(zh.out.contains("  第 2 版：总分 86.30，等级 "))
        // X03 was not appealed and none of its ballots changed, but its rank moved.
        #expect(zh.out.contains("申诉复核：X03 第 1 版 → 第 2 版\n  这一版没有为本单位登记申诉\n  本单位的评分没有更正\n"))
        #expect(zh.out.contains("，第 4 名\n  第 2 版：总分 86.10，"))
        #expect(zh.out.contains("，第 5 名\n"))
        // The paragraph comes before the derivation of the unit.
        let x04 = try #require(zh.out.range(of: "申诉复核：X04"))
        let x03 = try #require(zh.out.range(of: "申诉复核：X03"))
        #expect(x04.lowerBound < x03.lowerBound)

        let en = SampleSession.run(["explain", "X04", "--session", s.path, "--lang", "en"])
        #expect(en.out.contains("Appeal review: X04, version 1 → version 2\n"))
        #expect(en.out.contains("    representative R13, standard rights.ballot: 3 → 4\n"))
        #expect(en.out.contains("  Version 2: total 86.30, grade "))

        // --session does not mix with input files.
        let mixed = SampleSession.run(["explain", "X04", "--session", s.path, "--rules", "rules/xicheng-2014.jsonc"])
        #expect(mixed.code == .usage)
        #expect(mixed.err.contains("`--session` 从会话文件夹读取"))
    }
}
