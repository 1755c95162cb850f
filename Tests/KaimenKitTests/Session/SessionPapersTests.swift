import Foundation
import Testing
@testable import KaimenKit

/// A session's papers state the sheets that did not count: R20's X07 sheet declared void, and
/// R07's X02 sheet never typed, closed with `--accept-missing`. Expected texts are written from
/// the sample by hand: X07 is 西城区商务局机关工会, R20 罗金宝, R07 杨卫东.
@Suite("Session papers: void and uncounted sheets")
struct SessionPapersTests {
    static let acceptReason = "代表临时请假，未交评分表"

    static func sessionWithDrops() throws -> SampleSession {
        let s = try SampleSession()
        let typed = try s.file("a.csv", SampleSession.typed("a") { !$0.hasPrefix("R20,X07,") && !$0.hasPrefix("R07,X02,") })
        s.run("enter", [typed, "--by", "甲"]); s.run("enter", [typed, "--by", "乙", "--identical"])
        #expect(s.run("void", ["--rep", "R20", "--unit", "X07", "--reason", "评分表污损", "--by", "王秘书"]).code == .success)
        let closed = s.run("close", ["--by", "王秘书", "--accept-missing", acceptReason])
        #expect(closed.code == .success, "\(closed.err)")
        return s
    }

    func text(_ s: SampleSession, _ path: String) throws -> String {
        try String(contentsOf: s.dir.appendingPathComponent("results/" + path), encoding: .utf8)
    }

    @Test("the unit's page in report.html states them, by whom and why, as its chart names who scored")
    func report() throws {
        let s = try Self.sessionWithDrops(); defer { s.remove() }
        let html = try text(s, "report.html")
        #expect(html.contains("作废评分表 1 张（R20：评分表污损）"))
        // A session's recusals (no sheet expected, so no ballot set aside) are stated too:
        // X08's own representative R24 hears it in the fourth group.
        #expect(html.contains("回避：1 名听取汇报的代表按规定回避（本单位或申报回避），不为该单位评分"))
        #expect(html.contains("1 张评分表结束时未确认，未确认的分数经同意不计入（R07：\(Self.acceptReason)）"))
        // The summary page's warnings leave out what the unit pages state, with names.
        #expect(!html.contains("评分表未计入："))
    }

    @Test("the public notice counts them by unit, without names or reasons")
    func notice() throws {
        let s = try Self.sessionWithDrops(); defer { s.remove() }
        let html = try text(s, "公示.html")
        #expect(html.contains("<h2>作废与未计入的评分表</h2>"))
        // The closing lines kept together, the issuer's seal beside its name.
        #expect(html.contains("<div class=\"end\"><p class=\"closing\">") && html.contains("西城区总工会（盖章）<br>"))
        #expect(html.contains("X07 <bdi>西城区商务局机关工会</bdi>：作废评分表 1 张"))
        #expect(html.contains("：1 张评分表结束时未确认，未确认的分数经同意不计入"))
        #expect(!html.contains("评分表污损") && !html.contains(Self.acceptReason) && !html.contains("R20") && !html.contains("罗金宝"))
    }

    @Test("the score sheets (CSV, JSON, workbook) have a row per dropped sheet; the warnings name who")
    func sheetsAndWarnings() throws {
        let s = try Self.sessionWithDrops(); defer { s.remove() }
        let x07 = try text(s, "sheets/X07.csv")
        #expect(x07.contains("作废,R20,罗金宝,评分表污损,,,,评分表已声明作废，不计入"))
        let x02 = try text(s, "sheets/X02.csv")
        #expect(x02.contains("未确认,R07,杨卫东,\(Self.acceptReason),,,,结束会话时评分表未确认，未确认的分数经同意不计入"))
        #expect(try text(s, "sheets/X07.json").contains("评分表已声明作废，不计入"))
        let summary = try text(s, "summary.json")
        #expect(summary.contains("评分表未计入：X07 西城区商务局机关工会——作废评分表 1 张（R20：评分表污损）"))
        #expect(summary.contains("评分表未计入：X02 "))
        #expect(summary.contains("1 张评分表结束时未确认，未确认的分数经同意不计入（R07：\(Self.acceptReason)）"))
    }

    @Test("the sealed set verifies, and the close's own warnings say the same")
    func verifies() throws {
        let s = try Self.sessionWithDrops(); defer { s.remove() }
        let r = try Verifier.verify(s.dir)
        #expect(r.ok, "\(r.problems.map(\.message))")
    }

    @Test("a seal made by 0.16.0, whose papers did not state them, is re-derived as it wrote them and still verifies")
    func sealedBy016() throws {
        #expect(Verifier.sealed(by: "0.17.0", since: [0, 17, 0]) && !Verifier.sealed(by: "0.16.0", since: [0, 17, 0]))
        let s = try Self.sessionWithDrops(); defer { s.remove() }
        // The set as 0.16.0 wrote it: the session's recusals only.
        var old = try { () throws -> ScoringSession in
            let folder = try SessionFolder.open(s.dir, writable: false)
            return try SessionFolder.score(SessionFolder.ballotsCSV(folder.state, setup: folder.setup), paths: folder.paths, in: s.dir,
                                           sheets: SessionSheets(recusals: SessionInputs.recusals(folder.setup)))
        }()
        // And the score sheets' totals as text in the workbook, as 0.16.0 stored them.
        old.report.writtenAs = [0, 16, 0]
        let temp = s.files.appendingPathComponent("old")
        let written = try OutputFiles.write(old, to: temp).files
        var hashes: [String: String] = [:]
        for url in written {
            let path = "results/" + String(url.standardizedFileURL.path.dropFirst(temp.standardizedFileURL.path.count + 1))
            let data = try Data(contentsOf: url)
            hashes[path] = SHA256.hex([UInt8](data))
            try data.write(to: s.dir.appendingPathComponent(path))
        }
        // With the manifest that set was written with (a seal before 0.18.0 holds no hash of it).
        let manifest = try Data(contentsOf: temp.appendingPathComponent(Manifest.fileName))
        try manifest.write(to: s.dir.appendingPathComponent("results/" + Manifest.fileName))
        #expect(!(try text(s, "公示.html")).contains("作废与未计入的评分表"))
        func seal(by version: String) throws {
            try VerifierTests.rewrite(s) { lines in
                let i = lines.firstIndex { $0.contains("\"kind\":\"seal\"") }!
                var r = try! JournalRecord.parse(lines[i]).get()
                if case .object(var c) = r.content {
                    c["outputs"] = .object(hashes.mapValues { .string($0) })
                    c["kaimen"] = .string(version)
                    c["manifest"] = version == "0.16.0" ? nil : .string(SHA256.hex([UInt8](manifest)))
                    r.content = .object(c)
                }
                lines[i] = JournalRecord(seq: r.seq, time: r.time, by: r.by, kind: r.kind, content: r.content, prev: r.prev).line
            }
        }
        try seal(by: "0.16.0")
        let r = try Verifier.verify(s.dir)
        #expect(r.ok, "\(r.problems.map(\.message))")
        // Sealed as this version, the same files are not what it writes.
        try seal(by: CLI.version)
        #expect(try VerifierTests.problems(s).contains { $0.code == "seal-mismatch" && $0.message.contains("公示.html") })
    }

    @Test("a session whose every sheet counted says nothing of it", arguments: [Language.zh, .en])
    func nothingDropped(_ lang: Language) throws {
        let s = try VerifierTests.closedSession(); defer { s.remove() }
        let notice = try text(s, "公示.html")
        #expect(!notice.contains("作废与未计入的评分表") && !notice.contains("Sheets void or not counted"))
        #expect(!(try text(s, "report.html")).contains("作废评分表"))
        let sheets = SessionSheets(recusals: ["X01": 1])
        #expect(!sheets.dropsAny && sheets.droppedText("X01", naming: true, lang: lang) == nil)
    }

    @Test("the words in English, and a shared reason said once")
    func english() {
        let sheets = SessionSheets(recusals: [:], voids: ["X07": [.init(representative: "R20", reason: "torn")]],
                                   uncounted: ["X02": [.init(representative: "R07", reason: "ill"), .init(representative: "R08", reason: "ill")]])
        #expect(sheets.droppedText("X07", naming: false, lang: .en) == "1 sheet declared void (torn)")
        #expect(sheets.droppedText("X02", naming: false, lang: .en) == "2 sheets not confirmed at close, unconfirmed scores left out by consent (ill)")
        #expect(sheets.droppedText("X02", naming: true, lang: .zh) == "2 张评分表结束时未确认，未确认的分数经同意不计入（R07、R08：ill）")
        #expect(sheets.droppedText("X02", naming: false, reasons: false, lang: .zh) == "2 张评分表结束时未确认，未确认的分数经同意不计入")
        #expect(sheets.droppedText("X09", naming: true, lang: .zh) == nil)
    }
}
