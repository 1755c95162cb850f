import Foundation
import Testing
@testable import KaimenKit

/// A secretary's trial of 0.29.1: a units file headed `会员数` (for 会员总数) and `职工总数（人）`
/// (for 职工总数) was told only that the rules' columns were missing and that those columns were
/// not metrics; a wide ballots file's near header gets "是不是 …？". A units header now does too.
@Suite("A units header near a metric's id or Chinese name: did you mean, both ways")
struct MetricHeadersTests {
    /// The Xicheng sample's units with the header cells `from` renamed `to`.
    static func renamed(_ pairs: [(from: String, to: String)]) -> Data {
        var text = String(decoding: BulkFixtures.sample("xicheng-2014/units.csv"), as: UTF8.self)
        let end = text.firstIndex(of: "\n")!
        var header = text[..<end].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        for (from, to) in pairs { header[header.firstIndex(of: from)!] = to }
        text.replaceSubrange(..<end, with: header.joined(separator: ","))
        return Data(text.utf8)
    }

    @Test("`会员数` and `职工总数（人）`: each missing metric is asked about its column, each column about its metric")
    func renamedChinese() throws {
        let d = UnitsReader(rules: BulkFixtures.xicheng).read(Self.renamed([("workers", "职工总数（人）"), ("members", "会员数")]), fileName: "units.csv").diagnostics
        // workers is 职工总数 (the bracketed unit left out, they are the same); members is 会员总数 (one character more than 会员数).
        let missing = d.filter { $0.code == "missing-column" }
        #expect(missing.map(\.path) == ["workers", "members"])
        #expect(missing.map { $0.hintText?.zh ?? "" } == ["是不是 `职工总数（人）` 这一列？列名写指标的中文名“职工总数”或编号 `workers`，两者都认",
                                                         "是不是 `会员数` 这一列？列名写指标的中文名“会员总数”或编号 `members`，两者都认"])
        #expect(missing.first?.hintText?.en == "is it the column `职工总数（人）`? Head it with the metric's Chinese name 职工总数 or its id `workers`: either is read")
        let unknown = d.filter { $0.code == "unknown-column" }
        #expect(unknown.map { $0.hintText?.zh ?? "" } == ["是不是“职工总数”（`workers`）？列名写指标的中文名或编号都认",
                                                         "是不是“会员总数”（`members`）？列名写指标的中文名或编号都认"])
        #expect(unknown.last?.hintText?.en == "did you mean 会员总数 (`members`)? A column may be headed by the metric's Chinese name or its id")
    }

    @Test("an id misspelt (`member`), and a column near no metric (no question asked)")
    func misspeltID() throws {
        let d = UnitsReader(rules: BulkFixtures.xicheng).read(Self.renamed([("members", "member"), ("workers", "备注")]), fileName: "units.csv").diagnostics
        let missing = d.filter { $0.code == "missing-column" }
        #expect(missing.map { $0.hintText?.en ?? "" } == ["add a column named `workers`",
                                                         "is it the column `member`? Head it with the metric's Chinese name 会员总数 or its id `members`: either is read"])
        #expect(d.first { $0.code == "unknown-column" && $0.path == "备注" }?.hintText == nil)
    }

    @Test("a unit in brackets at a header's end is left out to compare; brackets inside, or nothing before them, are kept",
          arguments: [("职工总数（人）", "职工总数"), ("金额(万元)", "金额"), ("推荐获评区级以上先进人数（个数）", "推荐获评区级以上先进人数"),
                      (" 会员总数 （人） ", "会员总数"), ("职工（代表）大会", "职工（代表）大会"), ("（人）", "（人）"),
                      ("比率（按全年计算）", "比率（按全年计算）"), ("members", "members")])
    func stem(header: String, stem: String) {
        #expect(MetricHeaders.stem(header) == stem)
    }
}
