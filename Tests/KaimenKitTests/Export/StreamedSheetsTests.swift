import Foundation
import Testing
@testable import KaimenKit

/// Above ``OutputFiles/papersLimit`` units no paper needs every score sheet at once: each unit's
/// CSV and JSON are made as they are written (`OutputBatch.add(together:make:)`), which is how a
/// large session's `close` and `verify` write them. Those files must be, byte for byte, the ones
/// a small run makes all at once for its papers: here the Xicheng sample is written both ways
/// (the second as if the papers' limit were 0) and every sheet compared.
@Suite("Score sheets made one at a time")
struct StreamedSheetsTests {
    @Test("the sheets made as they are written are the sheets made all at once", arguments: [Language.zh, .en])
    func sameBytes(_ lang: Language) throws {
        let root = Fixtures.packageRoot
        let session = try ScoringSession.run(.init(rules: "rules/xicheng-2014.jsonc", units: "samples/xicheng-2014/units.csv",
                                                   roster: "samples/xicheng-2014/roster.csv", ballots: "samples/xicheng-2014/ballots.csv",
                                                   baseDirectory: root.path))
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let whole = try OutputFiles.write(session, to: s.url.appendingPathComponent("whole"), lang: lang).files
        let streamed = try OutputFiles.write(session.report, sheets: session, to: s.url.appendingPathComponent("streamed"), lang: lang, threads: 1,
                                             summaryOnly: false, namesRepresentatives: false, options: .init(), papersUpTo: 0).files
        let sheets = whole.map(\.lastPathComponent).filter { $0.hasSuffix(".csv") && $0 != "summary.csv" || $0.hasSuffix(".json") && $0 != "summary.json" }
        // The sample's 9 units (X01 to X09), a CSV and a JSON file each.
        #expect(sheets.count == 18)
        // The papers are left out; the summary and the sheets are written in the same order.
        #expect(streamed.map(\.lastPathComponent) == whole.map(\.lastPathComponent).filter { !["report.html", "summary.xlsx", "公示.html", "notice.html"].contains($0) })
        for name in sheets {
            let a = try Data(contentsOf: s.url.appendingPathComponent("whole/sheets/" + name))
            let b = try Data(contentsOf: s.url.appendingPathComponent("streamed/sheets/" + name))
            #expect(a == b, "sheets/\(name)")
        }
        // Each manifest lists the sheets with the same hashes.
        func listed(_ folder: String) throws -> [String: String] {
            let data = try Data(contentsOf: s.url.appendingPathComponent(folder + "/" + Manifest.fileName))
            let outputs = try #require(Manifest.listed(in: data)).outputs
            return Dictionary(uniqueKeysWithValues: outputs.filter { $0.path.hasPrefix("sheets/") }.map { ($0.path, $0.sha256) })
        }
        #expect(try listed("whole") == listed("streamed"))
    }
}
