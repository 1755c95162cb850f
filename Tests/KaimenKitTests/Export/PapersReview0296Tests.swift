import Foundation
import Testing
@testable import KaimenKit

/// What 0.29.6 changed after the English papers and the LibreOffice prints were looked at page
/// by page: the English notice's closing and verification lines in sentences, every workbook
/// row of one line as high as LibreOffice's CJK line. A result sealed by 0.29.5 is written again
/// as it was (`ScoreReport.v0_29_6`); the blank sheets and the entry workbook, never sealed,
/// change for every version.
@Suite("Papers since 0.29.6: the English notice, rows high enough in LibreOffice, the sheets' ids")
struct PapersReview0296Tests {
    @Test("the English notice says where objections go in a sentence; as sealed by 0.29.5, as it was; the Chinese is unchanged")
    func noticeClosing() throws {
        let s = try PapersReview0295Tests.xicheng(), old = try PapersReview0295Tests.xicheng(as: ScoreReport.v0_29_5)
        #expect(NoticeHTML.render(s, lang: .en).contains(
            "Open for comment from ________ to ________; please raise any objection with the assessment committee within that period.</p>"))
        #expect(NoticeHTML.render(old, lang: .en).contains("Open for comment from ________ to ________; objections to the assessment committee.</p>"))
        #expect(NoticeHTML.render(s) == NoticeHTML.render(old))
    }

    @Test("a session's notice says how its verification code is checked, in English in a reader's words; as sealed by 0.29.5, as it was")
    func verificationCode() throws {
        let s = try SampleSession(); defer { s.remove() }
        let a = try s.file("a.csv", SampleSession.typed("a"))
        s.run("enter", [a, "--by", "甲"]); s.run("enter", [a, "--by", "乙", "--identical"])
        let folder = try SessionFolder.open(s.dir, writable: false)
        var session = try SessionFolder.score(SessionFolder.ballotsCSV(folder.state, setup: folder.setup), paths: folder.paths, in: s.dir,
                                              sheets: SessionSheets(recusals: SessionInputs.recusals(folder.setup)))
        #expect(NoticeHTML.render(session, lang: .en).contains("(the first 16 characters of the session journal&#39;s head hash, written in by the committee after closing. "
            + "Anyone can check these results against the session&#39;s record: kaimen session verify SESSION-FOLDER --head &quot;the 16 characters written here&quot;)</p>"))
        #expect(NoticeHTML.render(session).contains("结束会话后由考评委员会填写。核对本结果与会议记录一致：kaimen session verify 会话文件夹 --head &quot;此处所填的 16 位&quot;）</p>"))
        session.report.writtenAs = ScoreReport.v0_29_5
        #expect(NoticeHTML.render(session, lang: .en).contains("(the first 16 digits of the session journal&#39;s head hash, written in by the committee after closing; "
            + "kaimen session verify checks these results against the session&#39;s record with it)</p>"))
        #expect(NoticeHTML.render(session).contains("结束会话后由考评委员会填写；可用 kaimen session verify 核对本结果与会议记录一致）</p>"))
    }

    /// The `<row …>` elements of a sheet's XML, with their attributes.
    static func rows(_ xml: String) -> [String] {
        xml.components(separatedBy: "<row r=\"").dropFirst().map { "<row r=\"" + $0.prefix { $0 != ">" } + ">" }
    }

    @Test("every row of a 评分表 and of 提示 is given its height, a one-line row 17 points; as sealed by 0.29.5, only wrapped rows")
    func workbookRowHeights() throws {
        let s = try PapersReview0295Tests.xicheng(), old = try PapersReview0295Tests.xicheng(as: ScoreReport.v0_29_5)
        let book = SummaryWorkbook.workbook(s.report, session: s), before = SummaryWorkbook.workbook(old.report, session: old)
        let x08 = try #require(book.sheets.firstIndex { $0.name == "评分表 X08" }), notes = book.sheets.count - 1
        for n in [x08, notes] {
            let rows = Self.rows(try PapersReview0292Tests.sheetXML(book, n + 1))
            #expect(!rows.isEmpty && rows.allSatisfy { $0.contains(" customHeight=\"1\"") }, "\(rows.prefix(3))")
            // The unit's and the total's rows above the table and the header row, one line each.
            #expect(n != x08 || rows[1 ... 3] == ["<row r=\"2\" ht=\"17\" customHeight=\"1\">", "<row r=\"3\" ht=\"17\" customHeight=\"1\">",
                                                  "<row r=\"4\" ht=\"17\" customHeight=\"1\">"])
            let was = Self.rows(try PapersReview0292Tests.sheetXML(before, n + 1))
            #expect(was.contains { !$0.contains("ht=") })
        }
        #expect(Self.rows(try PapersReview0292Tests.sheetXML(before, x08 + 1))[1] == "<row r=\"2\">")
    }

    @Test("the entry workbook's every row is 17 points high or as its wrapped header needs")
    func entryRowHeights() throws {
        let book = try SheetsCommandTests.set(schedule: true).entryWorkbook(lang: .zh)
        let rows = Self.rows(try PapersReview0292Tests.sheetXML(book))
        #expect(rows.count == 1 + 57)
        // The header: 宣传教育工作总体评价（职工代表评分） is 36 columns wide, three lines of 12: 3 × 16 + 1.
        #expect(rows[0] == "<row r=\"1\" ht=\"49\" customHeight=\"1\">")
        #expect(rows.dropFirst().allSatisfy { $0.hasSuffix(" ht=\"17\" customHeight=\"1\">") })
    }

    @Test("the sheet by representative in English has English brackets and colons in its heads and criteria")
    func perRepresentativeEnglish() throws {
        let set = try SheetsCommandTests.set(schedule: true)
        let en = BallotSheetsHTML.render(set, layout: .representative, lang: .en)
        #expect(en.contains("<th>1 依法维权 (4)</th>") && !en.contains("（4）"))
        #expect(en.contains("<li><b>依法维权工作评价（职工代表评分）</b> <span class=\"id\">rights.ballot</span> (0–4 in steps of 0.5): 职工代表听取汇报后现场评分"))
        let zh = BallotSheetsHTML.render(set, layout: .representative)
        #expect(zh.contains("<th>1 依法维权（4）</th>"))
        #expect(zh.contains("<li><b>依法维权工作评价（职工代表评分）</b> <span class=\"id\">rights.ballot</span>（0–4 分，每档 0.5 分）：职工代表听取汇报后现场评分"))
    }
}
