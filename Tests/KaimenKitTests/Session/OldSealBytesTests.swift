import Foundation
import Testing
@testable import KaimenKit

/// `session verify` rebuilds a seal as the kaimen that made it wrote its files
/// (`ScoreReport.writtenAs`). Tests that write the "old" files with this code and verify them
/// with this code cannot notice a change that was not gated: this one compares what this code
/// writes as an older version with what that version really wrote, byte for byte.
/// `Fixtures/golden-0.16.0/` holds the sample's files that changed since 0.16.0 (taken from git
/// at 5dd4289), `Fixtures/golden-0.17.0/` those that changed since 0.17.0 (from 37ec6b6),
/// `Fixtures/golden-0.18.0/` those that changed since 0.18.0 (from 474482a), `Fixtures/golden-0.19.0/`
/// those that changed since 0.19.0 (from e5c0b64), `Fixtures/golden-0.20.0/` those that changed
/// since 0.20.0 (from 7779511), `Fixtures/golden-0.22.0/` those that changed since 0.22.0, as
/// 0.22.0 to 0.23.5 wrote them (from 996717c), `Fixtures/golden-0.24.0/` those that changed since
/// 0.24.0 (from 1ec52a9), `Fixtures/golden-0.25.0/` those that changed since 0.25.0 (from 0cc106f),
/// `Fixtures/golden-0.29.1/` those that changed since 0.29.1 (from 0b3c452: 汇总's page header,
/// 无法考核 for 不予考核 in the hints and warnings), `Fixtures/golden-0.29.2/` those that changed
/// since 0.29.2 (from ad90743: a score sheet's signatures after its charts, and the workbook's
/// score sheets' rows above the table one text a cell), `Fixtures/golden-0.29.4/` those that
/// changed since 0.29.4 (from 3066bc1: the notice's grade line, spacing and running title, the
/// workbook's 考核期, the report's α reading and signature date), `Fixtures/golden-0.29.5/` those that
/// changed since 0.29.5 (from 53ecbbd: summary.json's `null` for a standard left out, the workbook's
/// 17-point rows), `Fixtures/golden-0.29.6/` those that changed since 0.29.6 (from 3c1f4fc: the
/// workbook's 评分表 title rows measured across their merged cells, the report's panel headings
/// kept with their tables), `Fixtures/golden-0.29.7/` those that changed since 0.29.7 (from
/// 0edf9e0: the recusal's input named by its path as typed in summary.json and the report's
/// 提示, where 0.29.8 gives its file name). A file a version's
/// folder does not hold was written as the next version's folder has it, or, if none has it,
/// as `Fixtures/golden/` has it.
@Suite("Old seals: written as an older version wrote them, byte for byte")
struct OldSealBytesTests {
    static let versions = ["0.16.0", "0.17.0", "0.18.0", "0.19.0", "0.20.0", "0.21.0", "0.22.0", "0.24.0", "0.25.0", "0.29.1", "0.29.2", "0.29.4", "0.29.5", "0.29.6", "0.29.7"]

    @Test("the Xicheng sample's --out, written as an older version, is that version's files", arguments: versions)
    func xicheng(_ version: String) throws {
        let root = Fixtures.packageRoot
        var session = try ScoringSession.run(.init(rules: "rules/xicheng-2014.jsonc", units: "samples/xicheng-2014/units.csv",
                                                   roster: "samples/xicheng-2014/roster.csv", ballots: "samples/xicheng-2014/ballots.csv",
                                                   baseDirectory: root.path))
        session.report.writtenAs = version.split(separator: ".").map { Int($0)! }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-old-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try OutputFiles.write(session, to: dir)
        // This version's folder, the later ones', then today's.
        let folders = Self.versions.drop { $0 != version }.map { Fixtures.url("golden-\($0)/xicheng-2014/out") } + [Fixtures.url("golden/xicheng-2014/out")]
        var compared = 0
        for name in ["report.html", "公示.html", "summary.xlsx", "summary.csv", "summary.json", "sheets/X01.csv", "sheets/X01.json",
                     "sheets/X06.csv", "sheets/X06.json"] {
            let expectedURL = folders.map { $0.appendingPathComponent(name) }.first { FileManager.default.fileExists(atPath: $0.path) }!
            let expected = try Data(contentsOf: expectedURL)
            var actual = try Data(contentsOf: dir.appendingPathComponent(name))
            // The golden CSV files are kept without the BOM the writer puts first.
            if name.hasSuffix(".csv"), actual.starts(with: [0xEF, 0xBB, 0xBF]) { actual = Data(actual.dropFirst(3)) }
            #expect(actual == expected, "\(name) as \(version) wrote it differs (\(actual.count) bytes written, \(expected.count) expected)")
            compared += 1
        }
        #expect(compared == 9)
    }

    /// `Fixtures/golden-0.27.0/dongcheng-2019/out/` holds the Dongcheng sample's files that
    /// changed since 0.27.0, as 0.27.0 wrote them (from 506fa4e; 0.26.x wrote them the same):
    /// an expression standard's value without `…` (`= 2.6332：得 2.6332… 分`), where 0.27.1
    /// writes `= 2.6332…：`. The Xicheng sample has no such value.
    @Test("the Dongcheng sample's --out, written as 0.26.0 or 0.27.0, is those versions' files", arguments: ["0.26.0", "0.27.0"])
    func dongcheng(_ version: String) throws {
        let root = Fixtures.packageRoot
        var session = try ScoringSession.run(.init(rules: "rules/dongcheng-2019.jsonc", units: "samples/dongcheng-2019/units.csv",
                                                   roster: "samples/dongcheng-2019/roster.csv", ballots: "samples/dongcheng-2019/ballots.csv",
                                                   baseDirectory: root.path))
        session.report.writtenAs = version.split(separator: ".").map { Int($0)! }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-old-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try OutputFiles.write(session, to: dir)
        let folder = Fixtures.url("golden-0.27.0/dongcheng-2019/out")
        for name in ["report.html", "summary.xlsx", "sheets/D03.csv", "sheets/D03.json", "sheets/D09.csv", "sheets/D09.json"] {
            let expected = try Data(contentsOf: folder.appendingPathComponent(name))
            var actual = try Data(contentsOf: dir.appendingPathComponent(name))
            if name.hasSuffix(".csv"), actual.starts(with: [0xEF, 0xBB, 0xBF]) { actual = Data(actual.dropFirst(3)) }
            #expect(actual == expected, "\(name) as \(version) wrote it differs (\(actual.count) bytes written, \(expected.count) expected)")
        }
        // And this version writes them otherwise: the files above are not today's.
        session.report.writtenAs = nil
        try? FileManager.default.removeItem(at: dir)
        try OutputFiles.write(session, to: dir)
        #expect(try Data(contentsOf: dir.appendingPathComponent("sheets/D03.json")) != Data(contentsOf: folder.appendingPathComponent("sheets/D03.json")))
    }

    @Test("a sheet name with a character Excel forbids is made as 0.16.0 made it, for its seals")
    func sheetNames() {
        #expect(XLSXWorkbook.validName("评分表 X01/2", before017: true) == "评分表 X012")
        #expect(XLSXWorkbook.validName("评分表 X01/2") == "评分表 X01_2")
        let long = "评分表 " + String(repeating: "😀", count: 30)
        #expect(XLSXWorkbook.validName(long, before017: true) == String(long.prefix(31)))
        #expect(XLSXWorkbook.validName(long).utf16.count <= 31)
    }
}
