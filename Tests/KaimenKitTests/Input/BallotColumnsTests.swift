import Foundation
import Testing
@testable import KaimenKit

/// A ballots file's columns as a typist gets them wrong: a wide file without a standard's
/// column (an old template, a column deleted), half of the long form's pair, a note column.
/// Found by a new user whose wide file lacked 依法维权's column: no error, and grades changed.
@Suite("Ballots files with a column missing or extra")
struct BallotColumnsTests {
    typealias S = BulkBallotsReaderTests

    /// The sample's typed-a.csv without its `column`th column.
    static func typedWithout(column: Int) throws -> String {
        let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("samples/xicheng-2014/typed-a.csv"), encoding: .utf8)
        return text.split(separator: "\n").map { line in
            var cells = line.split(separator: ",", omittingEmptySubsequences: false)
            cells.remove(at: column)
            return cells.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }

    @Test("a wide file without a ballot standard's column is an error on its header, and the fast reader hands it over")
    func wideColumnMissing() throws {
        let bytes = Array(try Self.typedWithout(column: 2).utf8)
        // (typed-a.csv's five empty cells are warned of too: `blank-score`.)
        let problems = S.xicheng.checked(bytes).diagnostics.filter { $0.severity == .error }
        #expect(problems.map(\.code) == ["missing-column"])
        let d = try #require(problems.first)
        #expect(d.location?.line == 1)
        #expect(d.rendered(.zh).contains("错误：选票文件（宽表）缺少 1 条由代表打分的标准的列：`rights.ballot`（依法维权工作评价（职工代表评分））；没有这些列，它们会被当作谁都没打分；补上这些列（表头写标准编号或名称）；某位代表没有打的分，格子留空即可"))
        #expect(d.rendered(.en).contains("the ballots file (wide) has no column for 1 ballot standard: `rights.ballot` (依法维权工作评价（职工代表评分）); they would count as scored by no one"))
        #expect(S.xicheng.tryRead(bytes) == .header)
    }

    @Test("every standard missing is named, in the rules' order, in one message")
    func wideColumnsMissing() {
        let bytes = Array("representative,unit,publicity,audit.ballot\nR01,X01,1,1\n".utf8)
        let problems = S.xicheng.checked(bytes).diagnostics
        #expect(problems.count == 1)
        #expect(problems.first?.rendered(.zh).contains("缺少 6 条由代表打分的标准的列：`rights.ballot`（依法维权工作评价（职工代表评分））、`safety.ballot`（") == true)
        #expect(S.xicheng.tryRead(bytes) == .header)
    }

    @Test("a long file with `standard` and no `score` column (or the reverse) says which is missing, and what it may be headed")
    func longPairHalf() throws {
        for (text, expected) in [("representative,unit,standard\nR01,X01,rights.ballot\n",
                                  "选票文件有 `standard` 列（评分标准），却没有写分数的列（表头写 `score`、`分数`、`得分` 或 `评分`）"),
                                 ("代表,单位,得分\nR01,X01,3\n",
                                  "选票文件有 `得分` 列（分数），却没有写评分标准的列（表头写 `standard`、`标准` 或 `评分项目`）")] {
            let problems = S.xicheng.checked(Array(text.utf8)).diagnostics
            #expect(problems.map(\.code) == ["missing-column"], "\(text)")
            #expect(problems.first?.rendered(.zh).contains(expected + "；长表格式的选票文件需要 `standard` 和 `score` 两列") == true, "\(problems)")
            #expect(S.xicheng.tryRead(Array(text.utf8)) == .header)
        }
    }

    /// A secretary's Chinese headings, as the printed sheet words them (`评分项目`): refused before
    /// 0.27.1 (`选票文件有 `score` 列，却没有 `standard` 列`). `项目` and `评分标准` are not taken
    /// for the standard's column: a wide file may head a standard or a column of criteria so.
    @Test("a long file headed in Chinese is read", arguments: ["代表,单位,评分项目,得分", "代表编号,单位编号,评分项目,分数", "代表,单位,标准,评分"])
    func longChineseHeaders(_ header: String) throws {
        let text = header + "\nR01,X01,rights.ballot,3\nR02,X01,依法维权工作评价（职工代表评分）,2\n"
        let read = S.xicheng.checked(Array(text.utf8))
        #expect(read.diagnostics.filter { $0.severity == .error }.isEmpty, "\(read.diagnostics)")
        #expect(read.box?.ballots.count == 2)
    }

    /// A wide file with a column headed `项目` or `评分标准` (notes, the criteria) is a wide file
    /// with a column that is no standard, not half of a long file (a hostile test of 0.27.1's
    /// first headings, session 43).
    @Test("a wide file's column headed 项目 or 评分标准 is not taken for the long form's", arguments: ["项目", "评分标准"])
    func wideExtraHeading(_ heading: String) {
        let text = "representative,unit,rights.ballot,publicity,safety.ballot,democracy.ballot,models.ballot,warmth.ballot,insurance.ballot,audit.ballot,\(heading)\nR01,X01,3,1,1,1,1,1,1,1,x\n"
        let problems = S.xicheng.checked(Array(text.utf8)).diagnostics
        #expect(problems.map(\.code) == ["unknown-standard"], "\(problems.map { $0.rendered(.zh) })")
    }

    /// Part of a wide row typed again: the standards repeated as the file heads them (in
    /// Chinese here), not by ids the typist does not see (a secretary's walkthrough, session 43).
    @Test("a wide row repeating two standards names them as the file heads them")
    func repeatedHeaders() {
        let header = "代表编号,单位编号,依法维权工作评价（职工代表评分）,宣传教育工作总体评价（职工代表评分）,安全生产工作评价（职工代表评分）,民主管理工作评价（职工代表评分）,劳模工作评价（职工代表评分）,温暖工程评价（职工代表评分）,互助保障工作评价（职工代表评分）,经费使用公开评价（职工代表评分）"
        let text = header + "\nR01,X01,3.5,1.5,1,2,1.5,3,1,1.5\nR01,X01,3,1,,,,,,\n"
        let problems = S.xicheng.checked(Array(text.utf8)).diagnostics.filter { $0.code == "duplicate-ballot" }
        #expect(problems.count == 1)
        #expect(problems.first?.rendered(.zh).contains("与第 2 行重复：2 条标准都打了两次分（`依法维权工作评价（职工代表评分）`、`宣传教育工作总体评价（职工代表评分）`）") == true,
                "\(problems.map { $0.rendered(.zh) })")
    }

    @Test("a wide file's unknown column: the hint names what a wide file's columns may be, not the long form's")
    func wideUnknownColumn() {
        let text = "representative,unit,rights.ballot,publicity,safety.ballot,democracy.ballot,models.ballot,warmth.ballot,insurance.ballot,audit.ballot,备注\nR01,X01,3,1,1,1,1,1,1,1,改为4分\n"
        let problems = S.xicheng.checked(Array(text.utf8)).diagnostics
        #expect(problems.map(\.code) == ["unknown-standard"])
        #expect(problems.first?.rendered(.zh).contains("`备注` 列不是这套规则中由代表打分的标准；宽表的每一列是一条由代表打分的标准（表头写编号或名称），或供录入员核对的列：代表姓名、组别、表号、单位名称；删去这一列或改正表头") == true)
    }

    @Test("a long file's column that no one reads, with text in it: one warning at its first filled cell, counting the rest")
    func longRemarks() throws {
        let text = "representative,unit,standard,score,备注,姓名\nR01,X01,rights.ballot,3,,顾尚礼\nR02,X01,rights.ballot,3,改为4分,王秀兰\nR04,X01,rights.ballot,2,字迹不清,\n"
        let read = S.xicheng.checked(Array(text.utf8))
        #expect(read.diagnostics.map(\.code) == ["unknown-column"])
        let w = try #require(read.diagnostics.first)
        #expect(w.severity == .warning)
        #expect(w.location?.cell?.row == 3 && w.location?.cell?.column == 4)
        #expect(w.rendered(.zh).contains("`备注` 列不是选票文件读的列，已忽略：本行写有 `改为4分`，另有 1 行也写了内容，这些内容不改变任何分数"), "\(w.rendered(.zh))")
        #expect(w.rendered(.zh).contains("要改分，请改该行 `score` 列的分数"))
        // The hint names the score column as the file heads it.
        let chinese = S.xicheng.checked(Array("代表编号,单位编号,标准,分数,备注\nR01,X01,rights.ballot,3,改为4分\n".utf8)).diagnostics
        #expect(chinese.first?.rendered(.zh).contains("要改分，请改该行 `分数` 列的分数") == true, "\(chinese)")
        #expect(w.rendered(.en).contains("this row holds `改为4分`, as does 1 other row; no score changes for it"))
        // Read as without it: the remark changes nothing.
        let plain = S.xicheng.checked(Array("representative,unit,standard,score\nR01,X01,rights.ballot,3\nR02,X01,rights.ballot,3\nR04,X01,rights.ballot,2\n".utf8))
        #expect(read.box?.ballots.map(\.score) == plain.box?.ballots.map(\.score))
        // Empty, or a typist's column (姓名) with text: nothing to say.
        #expect(S.xicheng.checked(Array("representative,unit,standard,score,备注\nR01,X01,rights.ballot,3,\n".utf8)).diagnostics.isEmpty)
    }

    @Test("in a session, a typed file without a standard's column is refused and nothing is recorded")
    func sessionEnter() throws {
        let s = try SampleSession(); defer { s.remove() }
        let file = try s.file("a.csv", try Self.typedWithout(column: 2))
        let before = s.journal
        let r = s.run("enter", [file, "--by", "甲"])
        #expect(r.code == .failure)
        #expect(r.err.contains("缺少 1 条由代表打分的标准的列：`rights.ballot`"))
        #expect(r.err.contains("未做任何记录"))
        #expect(s.journal == before)
    }
}

/// A score beyond what any score can be, said as such, not as "not a number" (a hostile test).
@Suite("Ballot scores beyond kaimen's limits")
struct BallotScoreLimitsTests {
    typealias S = BulkBallotsReaderTests

    @Test("too many decimals, too many digits, as written or with an exponent: a limits message or out of range, not \"not a number\"", arguments: [
        ("0.0000000000000000000000000000001", "分数 `0.0000000000000000000000000000001` 小数位数太多（最多 6 位）；请四舍五入到 6 位小数以内"),
        ("1111111111111111111111111111111", "分数 1111111111111111111111111111111 不在 0–4 之间"),
        ("1e-31", "分数 `1e-31` 小数位数太多（最多 6 位）"),
        ("1e31", "分数 1e31 不在 0–4 之间；这条标准满分 4 分"),
        ("3x", "分数 `3x` 不是数字"),
        // Two digits for d.d, the point left out (a secretary's test): asked when the tenth is a score.
        ("35", "分数 35 不在 0–4 之间；这条标准满分 4 分；是不是 3.5（漏了小数点）？"),
        ("45", "分数 45 不在 0–4 之间；这条标准满分 4 分"),
        ("3.5.", "分数 `3.5.` 不是数字"),
    ])
    func limits(_ score: String, _ message: String) {
        let bytes = Array("representative,unit,standard,score\nR01,X01,rights.ballot,\(score)\n".utf8)
        let problems = S.xicheng.checked(bytes).diagnostics
        #expect(problems.count == 1)
        #expect(problems.first?.rendered(.zh).contains(message) == true, "\(problems.map { $0.rendered(.zh) })")
        if score == "45" { #expect(problems.first?.rendered(.zh).contains("是不是") == false) }
        #expect(S.xicheng.bulk(bytes) == nil)
    }
}

/// `1,5` typed for 1.5 in a wide row (the keys sit side by side): the row has a cell too many,
/// and every cell after the comma stood under the next header. The errors of those shifted
/// cells were listed first (a 5 not in 0–2 …), the ragged row last (a secretary's test). Now
/// only the ragged row is said, at the split, with the score it most likely was.
@Suite("A comma typed for a point in a wide ballots row")
struct WideCommaSplitTests {
    typealias S = BulkBallotsReaderTests
    static let header = "representative,unit,rights.ballot,publicity,safety.ballot,democracy.ballot,models.ballot,warmth.ballot,insurance.ballot,audit.ballot\n"

    @Test("the split is found, said at its first cell, and the shifted cells say nothing")
    func found() throws {
        // safety.ballot is worth 2, publicity 2 (step 0.5): 1.5 typed as `1,5` in column E.
        let text = Self.header + "R01,X01,3,1,1,5,2,1,3,1.5,1\nR02,X01,3,1,1.5,2,1,3,1.5,1\n"
        let problems = S.xicheng.checked(Array(text.utf8)).diagnostics
        #expect(problems.map(\.code) == ["csv-ragged-row"], "\(problems.map { $0.rendered(.zh) })")
        let d = try #require(problems.first)
        #expect(d.rendered(.zh) == "ballots.csv 第 2 行 E 列（safety.ballot）：错误：第 2 行有 11 个单元格，但表头有 10 列；E、F 两格的 `1,5` 多半是 1.5（逗号和句点在键盘上挨着）：改成 1.5，本行的分数就都对上了", "\(d.rendered(.zh))")
        #expect(d.rendered(.en).hasSuffix("`1,5` in columns E and F is most likely 1.5 (the comma sits beside the point on the keyboard): write 1.5, and every score of the row falls in place"))
        // The byte reader hands the file over (at the first shifted score it cannot take).
        #expect(S.xicheng.tryRead(Array(text.utf8)) != nil)
    }

    @Test("past the listed rows, the line counting the rest is not taken for a split row's")
    func countingLine() {
        // 250 rows with `1,5` typed: 200 listed with their split, then one line counting 50.
        let rows = (0 ..< 250).map { _ in "R01,X01,3,1,1,5,2,1,3,1.5,1\n" }.joined()
        let problems = S.xicheng.checked(Array((Self.header + rows).utf8)).diagnostics
        let counting = problems.filter { $0.omitted > 0 }
        #expect(counting.count == 1 && counting.first?.omitted == 50, "\(problems.count)")
        #expect(counting.first?.rendered(.zh).contains("多半是") == false, "\(counting.map { $0.rendered(.zh) })")
        #expect(problems.filter { $0.omitted == 0 }.allSatisfy { $0.rendered(.zh).contains("`1,5` 多半是 1.5") })
    }

    @Test("when two joins would both mend the row, or none would, the hint stays the general one; the shifted cells still say nothing")
    func notFound() {
        // `1,1,1` : joining either pair gives 1.1 (off the 0.5 step) — none mends; `2,0,2`: none.
        for row in ["R01,X01,3,1,1,1,1,2,1,3,1.5,1\n", "R01,X01,3,1,1,5,2,1,3,1.5,1,备注\n", "R01,X01,3,1,1,5,2,1,3,1.5,1,1\n"] {
            let problems = S.xicheng.checked(Array((Self.header + row).utf8)).diagnostics
            #expect(problems.map(\.code) == ["csv-ragged-row"], "\(row): \(problems.map { $0.rendered(.zh) })")
            #expect(problems.first?.rendered(.zh).contains("含逗号的值要放在英文双引号里") == true, "\(row)")
        }
        // A comma in a column after the scores (the sheet number `12,3`): no score to mend.
        let sheet = S.xicheng.checked(Array((Self.header.replacingOccurrences(of: "\n", with: ",表号\n") + "R01,X01,3,1,1.5,2,1,3,1.5,1,12,3\n").utf8)).diagnostics
        #expect(sheet.map(\.code) == ["csv-ragged-row"] && sheet.first?.rendered(.zh).contains("含逗号的值要放在英文双引号里") == true,
                "\(sheet.map { $0.rendered(.zh) })")
        // Two places either of which mends it: 1,0 → 1.0 in E–F, or 0,0 → 0.0 in F–G.
        let both = S.xicheng.checked(Array((Self.header + "R01,X01,3,1,1,0,0,1,1,1,1\n").utf8)).diagnostics
        #expect(both.map(\.code) == ["csv-ragged-row"] && both.first?.rendered(.zh).contains("含逗号的值要放在英文双引号里") == true,
                "\(both.map { $0.rendered(.zh) })")
    }
}

/// `1,280` from Excel without quotes in a units file: the row has a cell too many and every
/// cell after it stood under the next column. Seven errors of the shifted cells came before the
/// ragged row (a secretary's test); now only the ragged row is said, at the split, with the
/// number it most likely was.
@Suite("A thousands separator that split a units file's number")
struct UnitsCommaSplitTests {
    @Test("the split is found and said at its first cell, the shifted cells say nothing, by either engine")
    func found() throws {
        let folder = ScratchFolder(); defer { folder.cleanUp() }
        let args = try TextLimitsTests.files(in: folder, units: {
            $0.replacingOccurrences(of: "X04,北京西城恒泰餐饮连锁有限公司工会,企业,11,11,1280,", with: "X04,北京西城恒泰餐饮连锁有限公司工会,企业,11,11,1,280,")
        })
        for engine in ["exact", "fast"] {
            let r = EndToEndTests.run(["score"] + args + ["--engine", engine])
            #expect(r.code == .failure)
            #expect(r.err.contains("units.csv 第 5 行 F 列（workers）：错误：第 5 行有 61 个单元格，但表头有 60 列；"
                                   + "F、G 两格的 `1,280` 多半是 1280（千位分隔符的逗号把一个数分成了两格）：改成 1280，或加英文双引号写成 `\"1,280\"`，本行的数就都对上了"), "\(r.err)")
            #expect(r.err.hasSuffix("1 个错误；未计分\n"), "\(r.err)")
        }
    }

    @Test("a row one cell too long that no join mends: the ragged row alone, its cells unread")
    func notFound() throws {
        let folder = ScratchFolder(); defer { folder.cleanUp() }
        let args = try TextLimitsTests.files(in: folder, units: {
            $0.replacingOccurrences(of: "X04,北京西城恒泰餐饮连锁有限公司工会,企业,11,11,1280,", with: "X04,北京西城恒泰餐饮连锁有限公司工会,企业,11,x,11,1280,")
        })
        let r = EndToEndTests.run(["score"] + args)
        #expect(r.err.contains("第 5 行有 61 个单元格，但表头有 60 列；含逗号的值要放在英文双引号里"), "\(r.err)")
        #expect(r.err.hasSuffix("1 个错误；未计分\n"), "\(r.err)")
    }
}
