import Foundation
import Testing
@testable import KaimenKit

/// Whom the papers name is decided once (``Publication``): the notice, the workbook's 代表评分
/// sheet and the workbook's 汇总 and 评分表 cells agree for every version, option and rules, or
/// differ exactly as the versions before 0.17.0 wrote them (their workbook named the
/// representatives in its cells even unpublished, without 代表评分, beside an anonymous notice).
@Suite("Publication: the notice and the workbook agree on naming the representatives")
struct PublicationTests {
    /// One combination and what each paper shows, worked out by hand from docs/papers.md
    /// (*Anonymity of the representatives*) and the workbooks of 0.16.0, not from `Publication`.
    struct Case: Sendable, CustomStringConvertible {
        let version: [Int]?, asked: Bool, rules: Bool
        let noticeNames: Bool, ballotSheet: Bool, cellsName: Bool
        var description: String { "\(version.map { $0.map(String.init).joined(separator: ".") } ?? "now") asked \(asked) rules \(rules)" }
    }

    static let cases: [Case] = [
        // Before 0.17.0: the workbook's cells always named them; 代表评分 and the notice only when published.
        .init(version: [0, 16, 0], asked: false, rules: false, noticeNames: false, ballotSheet: false, cellsName: true),
        .init(version: [0, 16, 0], asked: true, rules: false, noticeNames: true, ballotSheet: true, cellsName: true),
        .init(version: [0, 16, 0], asked: false, rules: true, noticeNames: true, ballotSheet: true, cellsName: true),
        .init(version: [0, 16, 0], asked: true, rules: true, noticeNames: true, ballotSheet: true, cellsName: true),
        // Since 0.17.0 all three follow the one decision: published by the option or the rules.
        .init(version: [0, 17, 0], asked: false, rules: false, noticeNames: false, ballotSheet: false, cellsName: false),
        .init(version: [0, 17, 0], asked: true, rules: false, noticeNames: true, ballotSheet: true, cellsName: true),
        .init(version: [0, 17, 0], asked: false, rules: true, noticeNames: true, ballotSheet: true, cellsName: true),
        .init(version: [0, 17, 0], asked: true, rules: true, noticeNames: true, ballotSheet: true, cellsName: true),
        .init(version: nil, asked: false, rules: false, noticeNames: false, ballotSheet: false, cellsName: false),
        .init(version: nil, asked: true, rules: false, noticeNames: true, ballotSheet: true, cellsName: true),
        .init(version: nil, asked: false, rules: true, noticeNames: true, ballotSheet: true, cellsName: true),
        .init(version: nil, asked: true, rules: true, noticeNames: true, ballotSheet: true, cellsName: true),
    ]

    static func xicheng(publishing: Bool, as version: [Int]?) throws -> ScoringSession {
        let inputs = PapersReview0292Tests.xicheng
        var rules = try RulesLoader().load(Fixtures.packageRoot.appendingPathComponent(inputs.rules).path).rules
        rules.publishRepresentatives = publishing
        var s = try ScoringSession.run(rules: rules, inputs)
        s.report.writtenAs = version
        return s
    }

    @Test("the files written for each version, option and rules name the representatives as decided", arguments: cases)
    func combinations(_ c: Case) throws {
        let s = try Self.xicheng(publishing: c.rules, as: c.version)
        let scratch = ScratchFolder()
        defer { scratch.cleanUp() }
        try OutputFiles.write(s, to: scratch.url, namesRepresentatives: c.asked)
        let notice = try String(decoding: Data(contentsOf: scratch.url.appendingPathComponent("公示.html")), as: UTF8.self)
        // The workbook is a stored (uncompressed) ZIP: its sheet names and texts are in its bytes.
        let book = try String(decoding: Data(contentsOf: scratch.url.appendingPathComponent("summary.xlsx")), as: UTF8.self)
        #expect(notice.contains("class=\"grid reps\"") == c.noticeNames, "\(c)")
        #expect(book.contains("<sheet name=\"代表评分\"") == c.ballotSheet, "\(c)")
        // R24 韩春燕 scored their own unit X08: named in 汇总's 说明 only when the cells name them.
        #expect(book.contains("回避：R24 韩春燕") == c.cellsName, "\(c)")
        #expect(book.contains("回避：1 名本单位代表") == !c.cellsName, "\(c)")
    }

    @Test("the papers' own entry points decide as the output folder does")
    func entryPoints() throws {
        let s = try Self.xicheng(publishing: true, as: nil)
        // Published by the rules, the notice names them without the option, as `--out` writes it.
        #expect(NoticeHTML.render(s).contains("class=\"grid reps\""))
        #expect(SummaryWorkbook.workbook(s.report, session: s).sheets.contains { $0.name == "代表评分" })
    }
}
