import Foundation
import Testing
@testable import KaimenKit

/// The Xicheng sample's inputs kept in Excel (`Fixtures/reference/workbook/make_workbooks.py`:
/// openpyxl, then LibreOffice for the units and the typed sheets) score, open a session and are
/// entered as their CSV files are.
@Suite("Workbook inputs: the sample as .xlsx scores, opens a session and is entered as its CSV does")
struct WorkbookInputTests {
    static let folder = "Tests/KaimenKitTests/Fixtures/reference/workbook"

    static func score(_ files: [String: String], format: String = "csv") -> (code: ExitCode, out: String, err: String) {
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        var args = ["score", "--rules", "rules/xicheng-2014.jsonc", "--format", format]
        for kind in ["units", "roster", "ballots"] {
            args += ["--\(kind)", files[kind] ?? "samples/xicheng-2014/\(kind).csv"]
        }
        let code = CLI.run(args, console: console)
        return (code, console.stdout, console.stderr)
    }

    @Test("units, roster and ballots as workbooks: the same ranking, and the notes name the workbook's rows")
    func score() {
        let csv = Self.score([:])
        let xlsx = Self.score(["units": "\(Self.folder)/xicheng-units.xlsx", "roster": "\(Self.folder)/xicheng-roster.xlsx",
                               "ballots": "\(Self.folder)/xicheng-ballots.xlsx"])
        #expect(csv.code == .success && xlsx.code == .success, "\(xlsx.err)")
        #expect(xlsx.out == csv.out)
        // R24's recused ballots are rows 389–396 of the sheet, as they are lines of the CSV file.
        // The file by its name since 0.29.8, as the papers name it.
        #expect(xlsx.err.contains("均不计入（xicheng-ballots.xlsx:389–396）"), "\(xlsx.err)")
        #expect(xlsx.err.replacingOccurrences(of: "xicheng-ballots.xlsx", with: "ballots.csv") == csv.err)
    }

    @Test("a cell typed in words is placed by its row, column letter and header; a second sheet with values is said")
    func brokenCell() {
        let r = Self.score(["units": "\(Self.folder)/xicheng-units-broken.xlsx"], format: "table")
        #expect(r.code != .success)
        let file = "\(Self.folder)/xicheng-units-broken.xlsx"
        #expect(r.err.contains("\(file) 第 3 行 G 列（members）：错误：单位 `X02` 的“会员总数”（`members`）：`两千零九十六` 不是数字"), "\(r.err)")
        #expect(r.err.contains("\(file): 警告：`\(file)` 有 2 个工作表，只读取了第一个「单位」；工作表「备注」里也有内容，没有读取；要读的内容请放在第一个工作表里（把它拖到最前面），或删去其他工作表"), "\(r.err)")
    }

    @Test("units worked out by formulas that openpyxl saved without values: an error at each cell, with its header and how to fix it")
    func uncomputedFormulas() {
        let r = Self.score(["units": "\(Self.folder)/xicheng-units-formula.xlsx"], format: "table")
        #expect(r.code != .success && r.out.isEmpty)
        let file = "\(Self.folder)/xicheng-units-formula.xlsx"
        // G3 `=F3*2` (X02's members) and G6 `=SUM(F6:F6)` (X05's): each said once, not also as `=F3*2` being no number.
        for (row, formula) in [(3, "F3*2"), (6, "SUM(F6:F6)")] {
            #expect(r.err.contains("\(file) 第 \(row) 行 G 列（members）：错误：这一格是公式 `=\(formula)`，文件里却没有存它算出的值：这个文件多半是由程序生成、还没有在 Excel 或 WPS 中打开保存过"
                                   + "；用 Excel、WPS 或 LibreOffice 打开它再保存一次（保存时会算出每个公式的值），或让生成它的程序写入数值而不是公式"), "\(r.err)")
        }
        #expect(!r.err.contains("不是数字"), "\(r.err)")
        #expect(r.err.contains("2 个错误；未计分"), "\(r.err)")
    }

    @Test("a session opened on workbooks keeps them as .xlsx copies, takes typed sheets from a workbook, and verifies")
    func session() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-workbook-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        func open(_ name: String, units: String, roster: String, schedule: String) throws -> URL {
            let dir = root.appendingPathComponent(name)
            let r = SampleSession.run(["session", "init", dir.path, "--rules", "rules/xicheng-2014.jsonc", "--units", units, "--roster", roster,
                                       "--schedule", schedule, "--by", "王秘书"])
            try #require(r.code == .success, "\(r.err)")
            return dir
        }
        let book = try open("book", units: "\(Self.folder)/xicheng-units.xlsx", roster: "\(Self.folder)/xicheng-roster.xlsx",
                            schedule: "\(Self.folder)/xicheng-schedule.xlsx")
        let text = try open("text", units: "samples/xicheng-2014/units.csv", roster: "samples/xicheng-2014/roster.csv",
                            schedule: "samples/xicheng-2014/schedule.csv")
        for name in ["units.xlsx", "roster.xlsx", "schedule.xlsx"] {
            #expect(FileManager.default.fileExists(atPath: book.appendingPathComponent("inputs/\(name)").path), "\(name)")
        }
        let typedBook = SampleSession.run(["session", "enter", book.path, "\(Self.folder)/xicheng-typed-a.xlsx", "--by", "录入员甲"])
        let typedText = SampleSession.run(["session", "enter", text.path, "samples/xicheng-2014/typed-a.csv", "--by", "录入员甲"])
        #expect(typedBook.code == .success && typedText.code == .success, "\(typedBook.err)")
        // Both sessions now hold the same 57 sheets with the same scores.
        let a = try SessionFolder.open(book, writable: false).state, b = try SessionFolder.open(text, writable: false).state
        #expect(a.entries.count == 57 && a.entries.count == b.entries.count)
        #expect(a.entries.keys.allSatisfy { a.entries[$0]?.map(\.scores) == b.entries[$0]?.map(\.scores) })
        // The CSV file of the same sheets entered by a second operator is the same text: one typing, refused.
        let twin = SampleSession.run(["session", "enter", book.path, "samples/xicheng-2014/typed-a.csv", "--by", "录入员乙"])
        #expect(twin.code != .success && twin.err.contains("same-file") == false && twin.err.contains("内容完全相同"), "\(twin.err)")
        #expect(SampleSession.run(["session", "verify", book.path]).code == .success)
    }
}
