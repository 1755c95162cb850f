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
        s.run("enter", [x07, "--by", "甲"]); s.run("enter", [x07, "--by", "乙", "--identical"])
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
        try s.enterConflictingX02()
        let out = s.run("status", []).out
        #expect(out.contains("不一致：1 项两次录入不同（由第三名录入员对照纸质评分表再录入一次，或用 `kaimen session resolve` 裁定）"))
        let prefix = "  R05 刘志强 × X02 西城区德胜商贸集团有限公司工会 · 依法维权工作评价（职工代表评分）（rights.ballot）："
        #expect(out.contains(prefix + "kaimen session resolve \(s.dir.path) --rep R05 --unit X02 --standard rights.ballot "
            + "--score 分数 --reason 理由 --by 姓名\n"))
        // The note on a blank cell is on a line of its own (since 0.29.3): copied with the command, it broke it.
        #expect(out.contains("\n  （纸质评分表上这一项空白的，把命令中的 `--score 分数` 换成 `--blank`；姓名处填裁定人的姓名，不带括号）\n"))
        let line = try #require(out.split(separator: "\n").map(String.init).first { $0.hasPrefix(prefix) })
        #expect(!line.contains("4 /") && !line.contains("3 /"))
        let en = s.run("status", ["--lang", "en"]).out
        #expect(en.contains("Conflicts: 1 item entered differently"))
        #expect(en.contains("R05 刘志强 × X02 西城区德胜商贸集团有限公司工会 · 依法维权工作评价（职工代表评分） (rights.ballot): kaimen session resolve "))
        // The command works as printed: its words, as a shell splits them, with the placeholders filled in.
        let printed = String(line.dropFirst(prefix.count))
        let command = try #require(printed.components(separatedBy: "（原表空白").first)
        var words = Self.shellWords(command.replacingOccurrences(of: "分数", with: "4")
            .replacingOccurrences(of: "理由", with: "原始评分表为4分").replacingOccurrences(of: "姓名", with: "王秘书"))
        #expect(Array(words.prefix(3)) == ["kaimen", "session", "resolve"])
        words.removeFirst()
        #expect(SampleSession.run(words).code == .success)
        #expect(!s.run("status", []).out.contains("不一致："))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(s.run("status", ["--format", "json"]).out.utf8)) as? [String: Any])
        #expect((object["itemNames"] as? [String: String])?["rights.ballot"] == "依法维权工作评价（职工代表评分）")
    }

    /// Splits a command line as a POSIX shell does for plain words, single quotes and a
    /// backslash outside quotes (all that `shellWord` writes).
    static func shellWords(_ line: String) -> [String] {
        var words: [String] = [], word = "", quoted = false, started = false, escaped = false
        for c in line {
            if escaped {
                word.append(c); escaped = false
            } else if quoted {
                if c == "'" { quoted = false } else { word.append(c) }
            } else if c == "\\" {
                escaped = true; started = true
            } else if c == "'" {
                quoted = true; started = true
            } else if c == " " {
                if started { words.append(word); word = ""; started = false }
            } else {
                word.append(c); started = true
            }
        }
        if started { words.append(word) }
        return words
    }

    @Test("ids a shell would read otherwise are quoted; a name's line break stays on the line; English brackets in English")
    func conflictLineWords() {
        let row = SessionStatus.Row(group: "第一组", representative: "R$05", name: "刘\n志强", unit: "X02(b)", state: .conflict, blanks: [],
                                    conflicts: ["rights.ballot"], entries: 2, corrected: false)
        let line = SessionMessages.conflictLine(row, item: "rights.ballot", itemName: "维权", unitName: "某\r\n工会", dir: "2014 中期")
        #expect(line.zh == "R$05 刘 志强 × X02(b) 某  工会 · 维权（rights.ballot）：kaimen session resolve '2014 中期' --rep 'R$05' --unit 'X02(b)' "
            + "--standard rights.ballot --score 分数 --reason 理由 --by 姓名")
        #expect(line.en.hasSuffix(" · 维权 (rights.ballot): kaimen session resolve '2014 中期' --rep 'R$05' --unit 'X02(b)' --standard rights.ballot "
            + "--score SCORE --reason REASON --by NAME --lang en"))
        #expect(Self.shellWords(line.zh.components(separatedBy: "：")[1]).prefix(9) ==
            ["kaimen", "session", "resolve", "2014 中期", "--rep", "R$05", "--unit", "X02(b)", "--standard"])
    }

    @Test("a folder named with a space or a quote is one shell word in the suggested command")
    func shellWord() {
        #expect(SessionMessages.shellWord("2014-mid") == "2014-mid")
        #expect(SessionMessages.shellWord("/tmp/西城 2014") == "'/tmp/西城 2014'")
        #expect(SessionMessages.shellWord("it's") == "'it'\\''s'")
        #expect(SessionMessages.shellWord("x^y") == "'x^y'")
        #expect(SessionMessages.shellWord("") == "''")
        #expect(Self.shellWords(SessionMessages.shellWord("it's a $b")) == ["it's a $b"])
    }

    @Test("text from data reaches the terminal without control or bidirectional-override characters")
    func cleanText() {
        #expect(SessionCommandSupport.clean("R05\u{1B}[31m\u{202E}gnp.exe\u{2066}x") == "R05\u{FFFD}[31m\u{FFFD}gnp.exe\u{FFFD}x")
        #expect(SessionCommandSupport.clean("第一行\n\t第二行") == "第一行\n\t第二行")
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
        s.run("enter", [x01, "--by", "甲"]); s.run("enter", [x01, "--by", "乙", "--identical"])
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

    /// Found by a secretary's trial: 122 marks were listed before whether the session could
    /// close, under "关闭前请核对", which reads as a must.
    @Test("above 20 marks the text lists the 20 farthest from the others, says where all are, and that they are for reference")
    func many() throws {
        let s = try SampleSession(); defer { s.remove() }
        let a = try s.file("a.csv", SampleSession.typed("a")), b = try s.file("b.csv", SampleSession.typed("b"))
        s.run("enter", [a, "--by", "甲"]); s.run("enter", [b, "--by", "乙"])
        let out = s.run("status", []).out
        let marks = try #require(try JSONSerialization.jsonObject(with: Data(s.run("status", ["--format", "json"]).out.utf8)) as? [String: Any])["recheck"] as? [[String: Any]]
        let all = try #require(marks)
        try #require(all.count > 20)
        #expect(out.contains("待复核：\(all.count) 个分数偏离其他代表的中位数，供参考（结束会话不要求核对；有疑问的，核对纸质评分表）\n下面列出相差最大的 20 个；`kaimen panel \(s.path) --format csv --section outliers` 列出全部\n"), "\(out)")
        let listed = out.components(separatedBy: "\n").filter { $0.hasPrefix("  X0") && $0.contains("其他代表中位数") }
        #expect(listed.count == 20)
        // The 20 are the farthest: none left out is farther than the nearest listed.
        func distance(_ m: [String: Any]) -> Double { abs(Double(m["score"] as! String)! - Double(m["medianOfOthers"] as! String)!) }
        let shown = all.filter { m in listed.contains("  " + ((m["text"] as! [String: Any])["zh"] as! String)) }
        #expect(shown.count == 20)
        let nearestShown = shown.map(distance).min() ?? 0
        #expect(all.map(distance).sorted(by: >).prefix(20).last == nearestShown)
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
