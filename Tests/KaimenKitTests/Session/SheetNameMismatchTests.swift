import Foundation
import Testing
@testable import KaimenKit

/// The entry template carries each row's name (姓名) for the typist; the readers skip it. A
/// secretary's test typed `R01` over a row of 王秀兰 (R02) and it was recorded without a word:
/// the name that is not the id's is the best sign the id was mistyped. Now a warning at the cell.
@Suite("A typed row whose name is not its representative's")
struct SheetNameMismatchTests {
    /// The sample's typed rows of R01 with a name column, each row's name given by `name`.
    static func withNames(_ name: (String) -> String) throws -> String {
        let lines = try SampleSession.typed("a") { $0.hasPrefix("R01,") }.split(separator: "\n").map(String.init)
        let header = lines[0].replacingOccurrences(of: "代表编号,", with: "代表编号,姓名,")
        let rows = lines.dropFirst().map { row -> String in
            let cells = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return ([cells[0], name(cells[1])] + cells.dropFirst()).joined(separator: ",")
        }
        return ([header] + rows).joined(separator: "\n") + "\n"
    }

    @Test("another representative's name: a warning naming whose it is; the entry is recorded as the id says")
    func anotherRepresentative() throws {
        let s = try SampleSession(); defer { s.remove() }
        let file = try s.file("a.csv", Self.withNames { $0 == "X01" ? "王秀兰" : "顾尚礼" })
        let r = s.run("enter", [file, "--by", "甲"])
        #expect(r.code == .success, "\(r.err)")
        #expect(r.err.contains("a.csv 第 2 行 B 列（姓名）：警告：代表编号 `R01` 是 顾尚礼，这一行的姓名却写着 `王秀兰`（R02 的姓名）：编号和姓名有一处录错了；这一行按编号 `R01` 读；"
                               + "核对纸质评分表上是哪位代表：若是 R02 的，这次录入被拒绝时，改正这一行的编号后重新录入；已记录时，同一录入员不能再录一次，用 `kaimen session resolve` 按纸质表改正（双人录入时，等另一名录入员录入后再裁定）"), "\(r.err)")
        // One warning: the other rows carry R01's own name.
        #expect(r.err.components(separatedBy: "警告：").count == 2, "\(r.err)")
        #expect(try s.state().entries.keys.contains(.init(representative: "R01", unit: "X01")))
    }

    @Test("the right name written another way (spaces, case) is no mismatch; a name of no one is still said")
    func sameNameOtherwise() throws {
        let s = try SampleSession(); defer { s.remove() }
        let spaced = try s.file("a.csv", Self.withNames { _ in " 顾 尚礼 " })
        let r = s.run("enter", [spaced, "--by", "甲"])
        #expect(r.code == .success && !r.err.contains("警告"), "\(r.err)")
        let other = try s.file("b.csv", Self.withNames { $0 == "X02" ? "张三" : "" })
        let b = s.run("enter", [other, "--by", "乙", "--lang", "en"])
        #expect(b.err.contains("warning: the representative id `R01` is 顾尚礼, but this row's name reads `张三`: the id or the name was typed wrong; the row is read as `R01`'s; "
                               + "check whose paper sheet it is: if the id is wrong, and this entry was refused, correct this row's id and enter it again; "
                               + "if it was recorded, the same operator cannot enter it again: correct it from the paper with `kaimen session resolve`"), "\(b.err)")
    }
}
