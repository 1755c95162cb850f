import Foundation
import Testing
@testable import KaimenKit

/// The entry template carries each row's sheet id (表号), representative's name (姓名) and
/// unit's name (单位名称) for the typist; the readers skip them. Secretaries' tests typed `R01`
/// over a row of 王秀兰 (R02), and `X02` over a row of X01's sheet `0001-8`, and both were
/// recorded as the ids said. Now a name that does not fit is an error at the cell, and nothing
/// is recorded; a sheet id that does not fit is a warning (sheet ids follow the print order,
/// which a schedule reordered after printing changes: a review found correct sheets refused).
///
/// The sheet ids are worked out by hand: R01 is the first representative of 第一组, which hears
/// X01, X02, X03 in that order (the sample's schedule), so R01's sheets are the first three
/// printed, 0001–0003. Their Luhn check digits: 0001 → the last digit doubled, 2, → 10 − 2 = 8;
/// 0002 → 4 → 6; 0003 → 6 → 4.
@Suite("A typed row whose sheet id, name or unit name is not its ids'")
struct SheetNameMismatchTests {
    static let unitNames = ["X01": "北京西城华宸建设集团有限公司工会", "X02": "西城区德胜商贸集团有限公司工会", "X03": "北京广安门物业管理集团有限公司工会"]
    static let sheetIDs = ["X01": "0001-8", "X02": "0002-6", "X03": "0003-4"]

    /// The sample's typed rows of R01 as the entry workbook lays them out (表号, 代表编号, 姓名,
    /// 单位编号, 单位名称, scores), each row's extra cells given by `cells` from its unit.
    static func rows(_ cells: (String) -> (sheet: String, name: String, unitName: String) = { unit in
        (sheetIDs[unit]!, "顾尚礼", unitNames[unit]!)
    }) throws -> String {
        let lines = try SampleSession.typed("a") { $0.hasPrefix("R01,") }.split(separator: "\n").map(String.init)
        let header = lines[0].replacingOccurrences(of: "代表编号,单位编号,", with: "表号,代表编号,姓名,单位编号,单位名称,")
        let rows = lines.dropFirst().map { row -> String in
            let c = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let extra = cells(c[1])
            return ([extra.sheet, c[0], extra.name, c[1], extra.unitName] + c.dropFirst(2)).joined(separator: ",")
        }
        return ([header] + rows).joined(separator: "\n") + "\n"
    }

    @Test("the template's own sheet ids and names, written another way (spaces, case, full-width digits): no problem")
    func asPrinted() throws {
        let s = try SampleSession(); defer { s.remove() }
        let r = s.run("enter", [try s.file("a.csv", Self.rows()), "--by", "甲"])
        #expect(r.code == .success && !r.err.contains("错误") && !r.err.contains("警告"), "\(r.err)")
        let spaced = try Self.rows { unit in
            (" " + Self.sheetIDs[unit]!.replacingOccurrences(of: "0", with: "０") + " ", " 顾 尚礼 ", Self.unitNames[unit]!.replacingOccurrences(of: "工会", with: " 工会 "))
        }
        let b = s.run("enter", [try s.file("b.csv", spaced), "--by", "乙"])
        #expect(b.code == .success && !b.err.contains("错误"), "\(b.err)")
        #expect(try s.state().entries.count == 3)
    }

    @Test("another representative's name: an error naming whose it is; nothing is recorded")
    func anotherRepresentative() throws {
        let s = try SampleSession(); defer { s.remove() }
        let file = try s.file("a.csv", Self.rows { unit in (Self.sheetIDs[unit]!, unit == "X01" ? "王秀兰" : "顾尚礼", Self.unitNames[unit]!) })
        let r = s.run("enter", [file, "--by", "甲"])
        #expect(r.code != .success)
        #expect(r.err.contains("a.csv 第 2 行 C 列（姓名）：错误：代表编号 `R01` 是 顾尚礼，这一行的姓名却写着 `王秀兰`（R02 的姓名）：编号和姓名有一处录错了；"
                               + "核对纸质评分表上是哪位代表：若是 R02 的，把这一行的代表编号改为 `R02`；若编号没错，把姓名改回 顾尚礼（或清空这一格）；改好后重新录入这个文件"), "\(r.err)")
        // One error: the other rows carry R01's own name.
        #expect(r.err.components(separatedBy: "错误：").count == 2, "\(r.err)")
        #expect(try s.state().entries.isEmpty)
        // A name of no one, in English.
        let other = try s.file("b.csv", Self.rows { unit in (Self.sheetIDs[unit]!, unit == "X02" ? "张三" : "", Self.unitNames[unit]!) })
        let b = s.run("enter", [other, "--by", "乙", "--lang", "en"])
        #expect(b.err.contains("error: the representative id `R01` is 顾尚礼, but this row's name reads `张三`: the id or the name was typed wrong; "
                               + "check whose paper sheet it is: if the id is wrong, correct this row's representative id; if the id is right, change the name back to 顾尚礼 (or empty the cell); then enter the file again"),
                "\(b.err)")
    }

    @Test("a unit id typed over another unit's row: its name says so (an error), and its sheet id is not said again; nothing is recorded")
    func unitTypedOver() throws {
        let s = try SampleSession(); defer { s.remove() }
        // Row 3 is X02's sheet, but its extra cells are X01's (the row's scores and ids were typed over, or the id column sorted alone).
        let file = try s.file("a.csv", Self.rows { unit in unit == "X02" ? (Self.sheetIDs["X01"]!, "顾尚礼", Self.unitNames["X01"]!) : (Self.sheetIDs[unit]!, "顾尚礼", Self.unitNames[unit]!) })
        let r = s.run("enter", [file, "--by", "甲"])
        #expect(r.code != .success)
        #expect(r.err.contains("a.csv 第 3 行 E 列（单位名称）：错误：单位编号 `X02` 是 西城区德胜商贸集团有限公司工会，这一行的单位名称却写着 `北京西城华宸建设集团有限公司工会`（X01 的单位名称）：编号和名称有一处录错了；"
                               + "核对纸质评分表上是哪个单位：若是 X01 的，把这一行的单位编号改为 `X01`；若编号没错，把单位名称改回 西城区德胜商贸集团有限公司工会（或清空这一格）；改好后重新录入这个文件"), "\(r.err)")
        // Its sheet id (X01's) is the same slip, which the error explains: no warning beside it (since 0.29.3).
        #expect(!r.err.contains("警告"), "\(r.err)")
        #expect(r.err.components(separatedBy: "错误：").count == 2, "\(r.err)")
        #expect(try s.state().entries.isEmpty)
    }

    @Test("a sheet id with a wrong check digit, of no sheet printed, or no sheet id at all: a warning with the row's own id; the sheets are recorded", arguments: [
        ("0002-7", "表号 `0002-7` 的校验位不对，多半录错或颠倒了一位，这一行按编号录入；核对纸质评分表，改正或清空这一格（按本会话的输入，这一行的表号是 `0002-6`）"),
        // 9999: the first and third digits from the right doubled, 18 → 9 each, with the other
        // two 9s 36 → 4; a valid id, and no sheet of the sample's 61.
        ("9999-4", "本会话打印的评分表里没有表号 `9999-4`，这一行按编号录入；纸质表上印的代表和单位与这一行相同，就是打印后顺序改过，录入无误"),
        // What Excel makes of 0002-6 typed into a cell in the General format: a date.
        ("2002-06-01", "表号 `2002-06-01` 不是评分表上的表号（形如 `0012-5`），这一行按编号录入；核对纸质评分表，改正或清空这一格"),
    ])
    func badSheetIDs(_ typed: String, _ said: String) throws {
        let s = try SampleSession(); defer { s.remove() }
        let file = try s.file("a.csv", Self.rows { unit in (unit == "X02" ? typed : Self.sheetIDs[unit]!, "顾尚礼", Self.unitNames[unit]!) })
        let r = s.run("enter", [file, "--by", "甲"])
        #expect(r.code == .success && r.err.contains("a.csv 第 3 行 A 列（表号）：警告：" + said), "\(r.err)")
        #expect(try s.state().entries.count == 3)
    }

    /// Found by a review: sheets printed before X01's and X02's reports were swapped in the
    /// schedule carry 0001-8 for X01 and 0002-6 for X02, which the session's schedule now gives
    /// the other way round. The entry was refused, and told to swap the rows' unit ids.
    @Test("sheets printed before the schedule was reordered: recorded as their ids say, the sheet ids warned about, never an id change asked for")
    func reorderedSchedule() throws {
        let lines = try String(contentsOf: SampleSession.sample.appendingPathComponent("schedule.csv"), encoding: .utf8).components(separatedBy: "\n")
        let swapped = [lines[0], lines[2].replacingOccurrences(of: "10:00", with: "09:00"), lines[1].replacingOccurrences(of: "09:00", with: "10:00")] + lines.dropFirst(3)
        let scheduleFile = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-schedule-\(UUID().uuidString).csv")
        try swapped.joined(separator: "\n").write(to: scheduleFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: scheduleFile) }
        let s = try SampleSession(scheduleFile: scheduleFile.path); defer { s.remove() }
        let r = s.run("enter", [try s.file("a.csv", Self.rows()), "--by", "甲"])
        #expect(r.code == .success, "\(r.err)")
        #expect(r.err.contains("第 2 行 A 列（表号）：警告：表号 `0001-8` 是 R01 给 X02 的评分表，这一行却是 R01 给 X01 的，按编号录入"), "\(r.err)")
        #expect(!r.err.contains("改为"), "no id change is asked for: \(r.err)")
        #expect(try s.state().entries.keys.contains(.init(representative: "R01", unit: "X01")))
        #expect(try s.state().entries.count == 3)
    }

    /// More than five rows whose sheet ids do not fit: five said, the rest counted.
    @Test("many rows whose sheet ids do not fit: the first five said, then a count")
    func manySheetIDs() throws {
        let s = try SampleSession(); defer { s.remove() }
        let lines = try SampleSession.typed("a").split(separator: "\n").map(String.init)
        let header = lines[0].replacingOccurrences(of: "代表编号,", with: "表号,代表编号,")
        let rows = lines.dropFirst().prefix(8).map { "0002-7," + $0 }
        let r = s.run("enter", [try s.file("a.csv", ([header] + rows).joined(separator: "\n") + "\n"), "--by", "甲"])
        #expect(r.code == .success, "\(r.err)")
        #expect(r.err.components(separatedBy: "的校验位不对").count == 6, "\(r.err)")
        #expect(r.err.contains("a.csv: 警告：另有 3 行的表号也与编号对不上（共 8 行）：评分表多半是在日程、代表名单或单位的顺序改动之前打印的，或表号这一列被单独排序过；这些行都按编号录入"), "\(r.err)")
    }
}
