import Foundation
import Testing
@testable import KaimenKit

@Suite("kaimen sheets: blank ballot sheets and the entry template")
struct SheetsCommandTests {
    static let xicheng = ["--rules", "rules/xicheng-2014.jsonc", "--units", "samples/xicheng-2014/units.csv",
                          "--roster", "samples/xicheng-2014/roster.csv"]

    static func run(_ args: [String]) -> (code: ExitCode, out: String, err: String) {
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        let code = CLI.run(args, console: console)
        return (code, console.stdout, console.stderr)
    }

    static func set(schedule: Bool) throws -> BallotSheetSet {
        try BallotSheetSet.load(rules: "rules/xicheng-2014.jsonc", units: "samples/xicheng-2014/units.csv", roster: "samples/xicheng-2014/roster.csv",
                                schedule: schedule ? "samples/xicheng-2014/schedule.csv" : nil, baseDirectory: Fixtures.packageRoot.path)
    }

    @Test("the Luhn check digit matches the textbook example and catches a mistyped digit")
    func luhn() {
        #expect(BallotSheetSet.luhn("7992739871") == 3)  // the example in ISO/IEC 7812-1's description of the algorithm
        #expect(BallotSheetSet.sheetID(1) == "0001-8")   // 1 doubled is 2; 10 − 2 = 8
        #expect(BallotSheetSet.sheetID(12) == "0012-5")  // 2 doubled is 4, plus 1: 5; 10 − 5 = 5
        #expect(BallotSheetSet.luhn("0013") != BallotSheetSet.luhn("0012"))
        #expect(BallotSheetSet.sheetID(12345) == "12345-" + String(BallotSheetSet.luhn("12345")))
    }

    @Test("with the Xicheng schedule: 61 sheets in group order, 4 struck through for recusal")
    func schedule() throws {
        let set = try Self.set(schedule: true)
        // Groups of 7, 7, 7 and 6 hear 3, 2, 2 and 2 units: 21 + 14 + 14 + 12 = 61 sheets.
        #expect(set.sheets.count == 61)
        // R03 (X02, heard by 第一组), R12 (X05, 第二组), R24 (X08) and R26 (X09, both 第四组) are recused;
        // R10 (X03) and R18 (X01) are not, their groups do not hear their units.
        let recused = set.sheets.filter(\.recused).map { "\(set.representatives[$0.representative].id)/\(set.units[$0.unit].id)" }
        #expect(recused == ["R03/X02", "R12/X05", "R24/X08", "R26/X09"])
        #expect(set.sheets.first.map { "\(set.representatives[$0.representative].id)/\(set.units[$0.unit].id)/\($0.time)" } == "R01/X01/2014-07-08 09:00")
        #expect(Set(set.sheets.map(\.id)).count == 61)
    }

    @Test("without a schedule every representative gets a sheet for every unit")
    func noSchedule() throws {
        let set = try Self.set(schedule: false)
        #expect(set.sheets.count == 27 * 9)
        #expect(set.sheets.filter(\.recused).count == 6)
    }

    /// Reads `text` as the ballots file of the Xicheng sample, through the checked pipeline.
    static func readBallots(_ text: String) throws -> ScoringSession {
        let base = Fixtures.packageRoot.path
        return try ScoringSession.run(.init(rules: "rules/xicheng-2014.jsonc", units: "samples/xicheng-2014/units.csv",
                                            roster: "samples/xicheng-2014/roster.csv", ballots: "/mem/ballots.csv", baseDirectory: base),
                                      readFile: { path in
                                          if path == "/mem/ballots.csv" { return Data(text.utf8) }
                                          return try Data(contentsOf: URL(fileURLWithPath: PathText.resolve(path, in: base)))
                                      })
    }

    /// In Chinese the template's headers are the names a typist reads (the standards' names, as
    /// the sample's `typed-a.csv` has them); in English, the ids. Either way, filled in, it is
    /// read back as a ballots file.
    @Test("the entry template, filled in, is read back as a ballots file, with Chinese headers or English ids",
          arguments: [(Language.zh, "\u{FEFF}代表编号,姓名,组别,单位编号,依法维权工作评价（职工代表评分）,宣传教育工作总体评价（职工代表评分）,安全生产工作评价（职工代表评分）,民主管理工作评价（职工代表评分）,劳模工作评价（职工代表评分）,温暖工程评价（职工代表评分）,互助保障工作评价（职工代表评分）,经费使用公开评价（职工代表评分）"),
                      (.en, "\u{FEFF}representative,name,group,unit,rights.ballot,publicity.ballot,safety.ballot,democracy.ballot,models.ballot,warmth.ballot,insurance.ballot,audit.ballot")])
    func entryTemplate(_ lang: Language, _ header: String) throws {
        let set = try Self.set(schedule: true)
        let template = String(decoding: set.entryTemplate(lang: lang).csv(), as: UTF8.self)
        var lines = template.components(separatedBy: "\r\n").filter { !$0.isEmpty }  // CSV rows end in CRLF
        #expect(lines.count == 1 + 57)
        #expect(lines[0] == header)
        #expect(!lines.contains { $0.hasPrefix("R03,李建国,第一组,X02,") })
        // The sample's typed sheets name the standards the same way.
        if lang == .zh {
            let typed = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("samples/xicheng-2014/typed-a.csv"), encoding: .utf8)
            let firstLine: Substring = typed.split(separator: "\n")[0]
            let typedItems: [String] = firstLine.split(separator: ",").dropFirst(2).map { (cell: Substring) -> String in String(cell).trimmingCharacters(in: .whitespacesAndNewlines) }
            #expect(Array(lines[0].split(separator: ",").dropFirst(4).map(String.init)) == typedItems)
        }
        for i in 1..<lines.count { lines[i] = lines[i].replacingOccurrences(of: ",,,,,,,,", with: ",1,1,1,1,1,1,1,1") }
        let s = try Self.readBallots(lines.joined(separator: "\r\n"))
        #expect(s.ballots.ballots.count == 57 * 8)
        #expect(s.ballots.recusals.isEmpty)
    }

    /// The English template heads an area's item by its standard's id, as the blank sheet prints
    /// it (`publicity.ballot`); a template of before, headed by the item's key (`publicity`), the
    /// area's id, reads the same.
    @Test("an area's item headed by its standard's id or by the area's id reads the same ballots")
    func areaItemBothSpellings() throws {
        let set = try Self.set(schedule: true)
        let template = String(decoding: set.entryTemplate(lang: .en).csv(), as: UTF8.self)
        #expect(template.contains(",publicity.ballot,") && !template.contains(",publicity,"))
        let filled = template.components(separatedBy: "\r\n").filter { !$0.isEmpty }.enumerated().map { i, line in
            // Each item a different score, so a column read as another item would show.
            i == 0 ? line : line.replacingOccurrences(of: ",,,,,,,,", with: ",1,2,1.5,0.5,1,2.5,1,1.5")
        }.joined(separator: "\r\n")
        let byID = try Self.readBallots(filled)
        let byKey = try Self.readBallots(filled.replacingOccurrences(of: ",publicity.ballot,", with: ",publicity,"))
        #expect(byID.ballots.ballots.count == 57 * 8)
        #expect(byID.ballots.ballots == byKey.ballots.ballots)
        let publicity = try #require(byID.ballots.items.firstIndex { byID.rules.standards[$0.standard].id == "publicity.ballot" })
        #expect(byID.ballots.ballots.filter { $0.item == publicity }.allSatisfy { $0.score == Rational(2, 1) })
    }

    /// The workbook's rows carry the sheet id and the unit's name beside the template's columns:
    /// saved as CSV from Excel or WPS, it reads back too (the readers skip those two columns).
    @Test("the entry workbook, saved as CSV and filled in, is read back as a ballots file", arguments: [Language.zh, .en])
    func entryWorkbook(_ lang: Language) throws {
        let set = try Self.set(schedule: true)
        let rows = set.entryWorkbook(lang: lang).sheets[0].rows
        #expect(rows.count == 1 + 57)
        func text(_ cell: XLSXSheet.Cell) -> String {
            switch cell {
            case .header(let t), .text(let t): return t.contains(",") ? "\"\(t)\"" : t
            default: return ""
            }
        }
        // The long standards' names wrap over narrow score columns (12 characters and padding);
        // the unit's name keeps its width.
        let widths = set.entryWorkbook(lang: lang).sheets[0].columnWidths()
        #expect(widths.count == 6 + 8 && widths.suffix(8).allSatisfy { $0 <= 14 }, "\(widths)")
        #expect(widths[5] > 30, "\(widths)")
        let header = rows[0].map(text)
        #expect(header.first == (lang == .zh ? "表号" : "sheet") && header[5] == (lang == .zh ? "单位名称" : "unit_name"))
        let csv = ([header.joined(separator: ",")] + rows.dropFirst().map { row in
            (row.map(text) + Array(repeating: "2", count: header.count - row.count)).joined(separator: ",")
        }).joined(separator: "\n")
        let s = try Self.readBallots(csv)
        #expect(s.ballots.ballots.count == 57 * 8)
        #expect(s.ballots.ballots.allSatisfy { $0.score == Rational(2, 1) })
    }

    @Test("the HTML has one page per sheet, escapes names, and strikes through recused units")
    func html() throws {
        let set = try Self.set(schedule: true)
        let html = BallotSheetsHTML.render(set)
        #expect(html.components(separatedBy: "<section class=\"page ballot").count - 1 == 61)
        #expect(html.components(separatedBy: "<section class=\"page ballot recused\"").count - 1 == 4)
        #expect(html.contains("表号 0001-8"))
        // An item that scores a whole area (`publicity`, target: area) is titled by its
        // standard's name, which says what is scored; the area's name alone did not (a first
        // user's trial finding), and beside it the standard's id, as every other row (since
        // 0.29.5; it printed the area's id, `publicity`, among standard ids).
        #expect(html.contains("<b>宣传教育工作总体评价（职工代表评分）</b> <span class=\"small\">publicity.ballot</span>"))
        #expect(!html.contains("<span class=\"small\">publicity</span>"))
        let per = BallotSheetsHTML.render(set, layout: .representative)
        #expect(per.components(separatedBy: "<section class=\"page landscape ballot per-rep\"").count - 1 == 27)
        let hostile = BallotSheetSet(rules: set.rules, units: [Unit(id: "U1", name: "<script>x</script>", category: "&", location: set.units[0].location)],
                                     representatives: [Representative(id: "R1", name: "<img src=x>", group: "g", units: [], role: "", location: set.units[0].location)],
                                     items: set.items, schedule: nil)
        for layout in BallotSheetsHTML.Layout.allCases {
            let h = BallotSheetsHTML.render(hostile, layout: layout)
            #expect(!h.contains("<script>") && !h.contains("<img"))
            #expect(h.contains("&lt;script&gt;x&lt;/script&gt;"))
        }
    }

    @Test("by representative, as many units a page as fit, each page a whole sheet: the sample's 9 on one, 12 on two (10 + 2)")
    func perRepresentativePages() throws {
        let nine = try Self.set(schedule: false)
        #expect(BallotSheetsHTML.pageCount(nine, layout: .representative) == 27 && BallotSheetsHTML.pageCount(nine, layout: .unit) == 243)
        #expect(!BallotSheetsHTML.render(nine, layout: .representative).contains("第 1 / "))
        // Twelve units heard by one representative, each on one line (8 mm): 10 fill the 80 mm.
        let units = (1...12).map { Unit(id: String(format: "U%02d", $0), name: "单位\($0)", category: "企业", location: nine.units[0].location) }
        let one = BallotSheetSet(rules: nine.rules, units: units,
                                 representatives: [Representative(id: "R1", name: "代表一", group: "一组", units: [], role: "", location: nine.units[0].location)],
                                 items: nine.items, schedule: nil)
        #expect(BallotSheetsHTML.pageCount(one, layout: .representative) == 2)
        let html = BallotSheetsHTML.render(one, layout: .representative)
        let pages = html.components(separatedBy: "<section class=\"page landscape ballot per-rep\">").dropFirst()
        #expect(pages.count == 2)
        // Each page names the representative, its sheet ids and page, and ends with the signature line.
        for (k, page) in pages.enumerated() {
            #expect(page.contains("代表一（R1）") && page.contains("第 \(k + 1) / 2 页") && page.contains("评分代表签字"))
        }
        #expect(pages.first!.contains("U10 单位10") && !pages.first!.contains("U11 单位11") && pages.last!.contains("U12 单位12"))
        // A long name takes two lines (10 mm): eight such rows fill a page.
        #expect(BallotSheetsHTML.height(lines: 1) == 8 && BallotSheetsHTML.height(lines: 2) == 10)
        let long = units.map { Unit(id: $0.id, name: String(repeating: "长", count: 20), category: $0.category, location: $0.location) }
        let wide = BallotSheetSet(rules: nine.rules, units: long, representatives: one.representatives, items: nine.items, schedule: nil)
        #expect(BallotSheetsHTML.chunks(wide, wide.sheets).map(\.count) == [8, 4])
        // The schedule's time and place are under each unit, as the sheets by unit carry them.
        let scheduled = BallotSheetsHTML.render(try Self.set(schedule: true), layout: .representative)
        #expect(scheduled.contains("<br><span class=\"small\">2014-07-08 09:00"), "time and place on the representative's sheet")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-sheets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = Self.run(["sheets"] + Self.xicheng + ["--per", "representative", "--out", out.path])
        #expect(r.err.contains("ballot-sheets.html（27 页，"), "\(r.err)")
    }

    @Test("the command writes the three files, and reports bad input with exit 1 and a missing --out with 64")
    func command() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-sheets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = Self.run(["sheets"] + Self.xicheng + ["--schedule", "samples/xicheng-2014/schedule.csv", "--out", dir.path])
        #expect(r.code == .success)
        #expect(r.err.contains("61 页，57 张评分表，4 张回避"))
        for f in ["ballot-sheets.html", "entry-template.csv", "entry-template.xlsx"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(f).path))
        }
        #expect(Self.run(["sheets"] + Self.xicheng).code == .usage)
        let bad = Self.run(["sheets"] + Self.xicheng + ["--schedule", "samples/xicheng-2014/nope.csv", "--out", dir.path + "-bad"])
        #expect(bad.code == .failure)
        #expect(bad.err.contains("nope.csv"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "-bad"))
    }

    /// Without a schedule every group hears every unit: 300 units made 12 600 pages, unsaid.
    @Test("without --schedule, several groups are told every one hears every unit, and how many pages that makes")
    func noScheduleNote() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-sheets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        // The sample's 27 representatives in 4 groups, each sheet per unit a page: 27 × 9 = 243
        // pages (a representative's own unit printed struck through).
        let r = Self.run(["sheets"] + Self.xicheng + ["--out", dir.path])
        #expect(r.code == .success)
        #expect(r.err.contains("注意：没有给 --schedule，4 个组都按听取全部 9 个单位的汇报打印，共 243 页；各组只听部分单位时，用 --schedule 给出日程表，只印各组听取的单位"), "\(r.err)")
        let en = Self.run(["sheets"] + Self.xicheng + ["--out", dir.path, "--lang", "en"])
        #expect(en.err.contains("note: no --schedule, so each of the 4 groups is taken to hear all 9 units, 243 pages;"), "\(en.err)")
        // With the schedule, nothing to say.
        let scheduled = Self.run(["sheets"] + Self.xicheng + ["--schedule", "samples/xicheng-2014/schedule.csv", "--out", dir.path])
        #expect(scheduled.code == .success && !scheduled.err.contains("--schedule"), "\(scheduled.err)")
    }

    @Test("rules without ballot standards are an error: there is nothing to print")
    func noBallots() throws {
        let rules = RulesText.single(points: "5", metrics: RulesText.metric("x"), method: #""method": "count", "metric": "x", "perUnit": 1"#)
        let files = ["r.jsonc": rules, "u.csv": "id,name,x\nU1,甲,1\n", "p.csv": "id,name,group,units\nR1,代表,一组,\n"]
        #expect(throws: DiagnosticsError.self) {
            try BallotSheetSet.load(rules: "r.jsonc", units: "u.csv", roster: "p.csv", schedule: nil,
                                    readFile: { Data(files[$0]!.utf8) })
        }
        do {
            _ = try BallotSheetSet.load(rules: "r.jsonc", units: "u.csv", roster: "p.csv", schedule: nil, readFile: { Data(files[$0]!.utf8) })
        } catch {
            #expect(error.diagnostics.map(\.code) == ["no-ballot-standards"])
        }
    }
}
