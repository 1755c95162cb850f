import Foundation
import Testing
@testable import KaimenKit

/// Numbers on the papers a committee member can check by hand (0.24.0), on the Dongcheng
/// sample, whose standards are weighted (ballots 40%, metrics 60%). The figures below were
/// worked out by hand from the sample's files, as each comment shows.
@Suite("Papers: weighted points, subtotals and the summary's rounding note add up by hand")
struct CheckableNumbersTests {
    static func session(writtenAs: [Int]? = nil) throws -> ScoringSession {
        var s = try ScoringSession.run(.init(rules: "rules/dongcheng-2019.jsonc", units: "samples/dongcheng-2019/units.csv",
                                             roster: "samples/dongcheng-2019/roster.csv", ballots: "samples/dongcheng-2019/ballots.csv",
                                             baseDirectory: Fixtures.packageRoot.path))
        s.report.writtenAs = writtenAs
        return s
    }

    static func unit(_ s: ScoringSession, _ id: String) throws -> Int { try #require(s.table.units.firstIndex { $0.id == id }) }

    /// The CSV lines of a unit's score sheet.
    static func sheet(_ s: ScoringSession, _ id: String) throws -> [String] {
        String(decoding: ScoreSheetExport.table(s, unit: try unit(s, id)).csv(), as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
    }

    @Test("a weighted standard says its raw points to two more places and its weight: raw × weight is what it shows")
    func weighted() throws {
        // D02's rights ballot (samples/dongcheng-2019/ballots.csv): six ballots 3.5, 3, 2.5, 4, 4,
        // 4; less one highest (4) and the lowest (2.5), the other four, 3.5 + 3 + 4 + 4, average
        // 14.5 / 4 = 3.625 of 4 points; ballots weigh 40%
        // against metrics' 60% of the area, so ×2: 7.25. Shown before as 得 3.63 … 折算 7.25
        // (3.63 × 2 = 7.26).
        let s = try Self.session()
        let line = try #require(try Self.sheet(s, "D02").first { $0.contains("去掉最高 4") })
        #expect(line.contains("其余 4 票平均 3.625：得 3.625 分（满分 4 分），按权重 ×2 折算 7.25 分"), "\(line)")
        // A metric standard at 60%: ×0.75 (3 points of 4 → 2.25).
        #expect(try Self.sheet(s, "D02").contains { $0.contains("：得 3 分（满分 3 分），按权重 ×0.75 折算 2.25 分") })
        // As 0.22.0 wrote it (a seal of then is rebuilt so).
        let old = try #require(try Self.sheet(Self.session(writtenAs: [0, 22, 0]), "D02").first { $0.contains("去掉最高 4") })
        #expect(old.contains("得 3.63 分（满分 4 分），按权重折算 7.25 分"), "\(old)")
        // explain says it the same way.
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        _ = CLI.run(["explain", "D02", "--rules", "rules/dongcheng-2019.jsonc", "--units", "samples/dongcheng-2019/units.csv",
                     "--roster", "samples/dongcheng-2019/roster.csv", "--ballots", "samples/dongcheng-2019/ballots.csv"], console: console)
        #expect(console.stdout.contains("得 3.625 分（满分 4 分），按权重 ×2 折算 7.25 分"), "\(console.stdout)")
    }

    @Test("a subtotal whose rows as shown add up to another figure says both")
    func subtotal() throws {
        // D09's 职工互助保险办理: rows 0.75, 2.25, 1.125 (shown 1.13) and 8/3 (shown 2.67): shown,
        // they add up to 6.80; unrounded, 0.75 + 2.25 + 1.125 + 2.666… = 6.791666…, shown 6.79.
        let s = try Self.session()
        let line = try #require(try Self.sheet(s, "D09").first { $0.hasPrefix("职工互助保险办理,,小计,") })
        #expect(line == "职工互助保险办理,,小计,,10.00,,6.79,各行得分相加为 6.80；小计用未经四舍五入的分数相加，为 6.791667…，记 6.79 分")
        let inReport = ReportHTML.render(s).contains("各行得分相加为 6.80；小计用未经四舍五入的分数相加，为 6.791667…，记 6.79 分")
        #expect(inReport)
        // An area whose rows add up as shown has no such clause (D09's 经费审查: 9.00).
        #expect(try Self.sheet(s, "D09").first { $0.hasPrefix("经费审查,,小计,") } == "经费审查,,小计,,10.00,,9.00,")
        // As 0.22.0 wrote them: no clause.
        let old = try Self.session(writtenAs: [0, 22, 0])
        #expect(try Self.sheet(old, "D09").first { $0.hasPrefix("职工互助保险办理,,小计,") } == "职工互助保险办理,,小计,,10.00,,6.79,")
        let oldReport = ReportHTML.render(old).contains("各行得分相加为")
        #expect(!oldReport)
    }

    @Test("the summary's note gives the largest gap between a total and its rounded columns, as summary.csv shows them")
    func summaryNote() throws {
        let s = try Self.session()
        // Worked out from summary.csv itself: per unit, the areas' columns plus the bonus less the total.
        let csv = String(decoding: SummaryWriter.csv(s.report), as: UTF8.self).split(whereSeparator: \.isNewline).map { Self.cells(String($0)) }
        let header = csv[0]
        let areaColumns = s.rules.areas.map { a in header.firstIndex { $0.hasPrefix(a.name) }! }
        let bonus = header.firstIndex { $0 == "加分" }!, total = header.firstIndex { $0 == "总分" }!
        var largest = 0
        var units = 0
        for row in csv.dropFirst() where row.count == header.count && Double(row[total]) != nil {   // not the names' row
            units += 1
            let cents = { (t: String) in Int(((Double(t) ?? 0) * 100).rounded()) }
            largest = max(largest, abs(areaColumns.map { cents(row[$0]) }.reduce(0, +) + cents(row[bonus]) - cents(row[total])))
        }
        #expect(units == 9)
        #expect(largest == 3)   // D05: ten rounded areas and the bonus, 0.03 from its total
        let html = ReportHTML.render(s)
        #expect(html.contains("因此可能与表中各列之和不同；本表中最多相差 0.03。"))
        #expect(ReportHTML.render(s, lang: .en).contains("so it may differ from the sum of the rounded columns; in this table by at most 0.03."))
        #expect(ReportHTML.render(try Self.session(writtenAs: [0, 22, 0])).contains("因此可能与表中各列之和相差 0.01 左右。"))
    }

    /// A CSV line's cells (quotes as RFC 4180 has them; no line breaks in these cells).
    static func cells(_ line: String) -> [String] {
        var cells: [String] = [], cell = "", quoted = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { cell.append("\""); chars.removeFirst() } else { quoted = false } } else { cell.append(c) }
            } else if c == "\"" { quoted = true } else if c == "," { cells.append(cell); cell = "" } else { cell.append(c) }
        }
        return cells + [cell]
    }

    @Test("the panel tables' headers break between words only; not as 0.22.0 wrote the report")
    func panelHeaders() throws {
        #expect(ReportHTML.render(try Self.session()).contains(".panel table.grid th { word-break: keep-all; }"))
        #expect(!ReportHTML.render(try Self.session(writtenAs: [0, 22, 0])).contains(PanelHTML.css024))
    }

    /// Found by a papers review: X08 of the Xicheng sample has one representative of its own on
    /// the panel, so the anonymous workbook's `本单位代表 … 4` said how that person scored.
    @Test("the anonymous score sheet's recusal rows give the standard but no score; the named ones, and 0.22.0's, give it")
    func anonymousRecusalRows() throws {
        let s = try ScoringSession.run(.init(rules: "rules/xicheng-2014.jsonc", units: "samples/xicheng-2014/units.csv",
                                             roster: "samples/xicheng-2014/roster.csv", ballots: "samples/xicheng-2014/ballots.csv",
                                             baseDirectory: Fixtures.packageRoot.path))
        let u = try Self.unit(s, "X08")
        func recusalRows(_ s: ScoringSession, naming: Bool) -> [[String]] {
            ScoreSheetExport.table(s, unit: u, lang: .zh, narration: nil, namesRepresentatives: naming).rows
                .filter { if case .text("回避") = $0.first { return true } else { return false } }
                .map { $0.map { if case .text(let t) = $0 { return t } else { return "" } } }
        }
        let anonymous = recusalRows(s, naming: false)
        try #require(!anonymous.isEmpty)
        for row in anonymous {
            #expect(row[1].isEmpty && row[2].isEmpty)
            #expect(!row[5].contains { $0.isNumber }, "\(row)")   // the standard's name only
        }
        #expect(recusalRows(s, naming: true).allSatisfy { $0[5].last?.isNumber == true })
        var old = s
        old.report.writtenAs = [0, 22, 0]
        #expect(recusalRows(old, naming: false).allSatisfy { $0[5].last?.isNumber == true })
    }

    /// Found by a review of the change: a deduction that passed what its area earned (so took
    /// it to 0, no further) was said to be a rounding difference (`各行得分相加为 -0.50；…为 0`).
    @Test("deductions above what the area earned are said as such, not as rounding")
    func deductionCapped() throws {
        // Area a (10): s counts m at 1 point each; d deducts 0.5 per x, at most 2. U1: m 0, x 1:
        // rows 0 and -0.5, the area 0 (a deduction takes at most what the area earned).
        let rules = RulesText.make(
            metrics: RulesText.metric("m") + "," + RulesText.metric("x"),
            areas: RulesText.area("a", points: "10"),
            standards: RulesText.standard("s", area: "a", points: "10", #""method": "count", "metric": "m", "perUnit": 1"#),
            more: #""deductions": [ { "id": "d", "area": "a", "name": "迟报", "criteria": "每次扣0.5分。", "points": 2, "method": "count", "metric": "x", "perUnit": 0.5 } ],"#)
        let s = try TestSession(rules: rules, units: "id,name,m,x\nU1,甲,0,1\nU2,乙,3,1\n").run()
        let u1 = try #require(try Self.sheet(s, "U1").first { $0.contains(",小计,") })
        #expect(u1.hasSuffix(",0.00,扣分不超过本方面的得分：扣分项共 0.5 分，实扣 0 分"), "\(u1)")
        // U2: 3 − 0.5 = 2.5, rows adding up as shown: no clause but the deduction's.
        let u2 = try #require(try Self.sheet(s, "U2").first { $0.contains(",小计,") })
        #expect(u2.hasSuffix(",2.50,扣 0.5 分"), "\(u2)")
    }

    /// Found by a review of the change: 4 places were too few there, 2.9933 × 0.75 = 2.244975
    /// beside 2.25. Raw 3 × (45 / 82) / 0.55 = 1350/451 = 2.993348…, weighted × 3/4 = 2.245011…
    @Test("a weighted standard's raw points get as many places as raw × weight needs to round to the points shown")
    func weightedPlaces() {
        let raw = Rational(1350, 451), weight = Rational(3, 4)
        let shown = Narrator.checkable(raw, weight, points: raw * weight, places: 2)
        #expect(shown.raw == "2.99335…" && shown.weight == "0.75", "\(shown)")   // 2.99335 × 0.75 = 2.2450125 → 2.25
        // Enough as it is: 3.625 × 2 = 7.25.
        #expect(Narrator.checkable(Rational(29, 8), Rational(2), points: Rational(29, 4), places: 2) == ("3.625", "2"))
        // A weight that does not end is marked cut: 2/3 → 0.6667…
        #expect(Narrator.checkable(Rational(3), Rational(2, 3), points: Rational(2), places: 2).weight == "0.6667…")
    }

    /// Found by a review of the change: a veto that only sets a grade left the unit out of the
    /// largest gap (X08: 96.20 against columns adding to 96.22).
    @Test("a unit with a veto that does not cap its total still counts in the summary's largest gap")
    func gapWithGradeVeto() throws {
        let root = Fixtures.packageRoot
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-gap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // serious_violations (column 56) set to 1 for X02, X05 and X08: veto.discipline sets the grade only.
        var lines = try String(contentsOf: root.appendingPathComponent("samples/xicheng-2014/units.csv"), encoding: .utf8).components(separatedBy: "\n")
        let column = try #require(Self.cells(lines[0]).firstIndex(of: "serious_violations"))
        for (i, line) in lines.enumerated() where ["X02,", "X05,", "X08,"].contains(where: { line.hasPrefix($0) }) {
            var cells = line.components(separatedBy: ",")
            cells[column] = "1"
            lines[i] = cells.joined(separator: ",")
        }
        try lines.joined(separator: "\n").write(to: dir.appendingPathComponent("units.csv"), atomically: true, encoding: .utf8)
        let s = try ScoringSession.run(.init(rules: "rules/xicheng-2014.jsonc", units: dir.appendingPathComponent("units.csv").path,
                                             roster: "samples/xicheng-2014/roster.csv", ballots: "samples/xicheng-2014/ballots.csv",
                                             baseDirectory: root.path))
        #expect(s.unit("X08").vetoes.isEmpty == false)
        #expect(ReportHTML.render(s).contains("本表中最多相差 0.02。"))
    }

    @Test("the notice's table is a hair narrower than the page, so that its right border prints; not as 0.22.0 wrote it")
    func noticeWidth() throws {
        #expect(NoticeHTML.render(try Self.session()).contains(NoticeHTML.css024))
        #expect(!NoticeHTML.render(try Self.session(writtenAs: [0, 22, 0])).contains("calc(100% - 1pt)"))
    }
}
