import Foundation
import Testing
@testable import KaimenKit

@Suite("The streaming summary writers match the exporters byte for byte")
struct SummaryWriterTests {
    static func sample(_ name: String) throws -> ScoringSession {
        try ScoringSession.run(.init(rules: "rules/\(name).jsonc", units: "samples/\(name)/units.csv", roster: "samples/\(name)/roster.csv",
                                     ballots: "samples/\(name)/ballots.csv", baseDirectory: Fixtures.packageRoot.path))
    }

    @Test("CSV and JSON, one thread and two, both samples", arguments: ["xicheng-2014", "dongcheng-2019"])
    func samples(_ name: String) throws {
        let s = try Self.sample(name)
        let csv = SummaryExport.table(s.report, standardColumns: true).csv()
        let json = Array(SummaryExport.json(s.report).rendered().utf8)
        for threads in [1, 2] {
            #expect(SummaryWriter.csv(s.report, threads: threads) == csv)
            #expect(SummaryWriter.json(s.report, threads: threads) == json)
        }
        #expect(SummaryWriter.csv(s.report, lang: .en) == SummaryExport.table(s.report, lang: .en, standardColumns: true).csv())
    }

    @Test("fixed-point digits written straight into the buffer read as Rational prints them",
          arguments: [(Int64(8735), 2), (-5, 2), (0, 2), (7, 0), (-1, 0), (1_000_000, 6), (Int64.max, 2), (-123456789, 4)])
    func fixed(_ v: Int64, _ places: Int) {
        var w = CSVChunkWriter(capacity: 8)
        w.fixed(v, places: places)
        #expect(String(decoding: w.bytes, as: UTF8.self) == Rational.formatScaled(v, places: places))
        // The digit table, where it covers the value, writes the same after a separator.
        let table = FixedDigits(places: places)
        w.removeAll()
        w.separatorAndFixed(v, table)
        #expect(String(decoding: w.bytes, as: UTF8.self) == "," + Rational.formatScaled(v, places: places))
    }
}

@Suite("Summary notes written as bytes read as the exporter writes them")
struct SummaryNotesTests {
    @Test("a generated session full of ties, in Chinese and in English")
    func generatedTies() throws {
        let rules = try RulesLoader().load(Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path).rules
        let data = DataGenerator(rules: rules, units: 600, seed: 9).generate()
        let files = ["units.csv": Data(data.units), "roster.csv": Data(data.roster), "ballots.csv": Data(data.ballots)]
        let s = try ScoringSession.run(.init(rules: Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path,
                                             units: "/gen/units.csv", roster: "/gen/roster.csv", ballots: "/gen/ballots.csv"),
                                       readFile: { path in
                                           if path.hasPrefix("/gen/"), let d = files[String(path.dropFirst(5))] { return d }
                                           return try Data(contentsOf: URL(fileURLWithPath: path))
                                       })
        #expect(s.ranking.notesInOrder.compactMap { $0 }.count > 20, "the set has ties to write notes for")
        for lang in Language.allCases {
            #expect(SummaryWriter.csv(s.report, lang: lang, threads: 2) == SummaryExport.table(s.report, lang: lang, standardColumns: true).csv())
        }
    }
}
