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
