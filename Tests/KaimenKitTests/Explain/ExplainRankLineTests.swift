import Foundation
import Testing
@testable import KaimenKit

@Suite("explain's rank line, for a unit tied with the units above and below it")
struct ExplainRankLineTests {
    /// A review (session 29) read `ranks first；U01528 and …` in English: the two notes were
    /// joined by the Chinese semicolon in both languages.
    @Test("its two notes are joined by `；` in Chinese and by `; ` in English")
    func joined() throws {
        // Totals at whole points: many units share a total, and a run of three or more is sure.
        let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc"), encoding: .utf8)
        let variant = text.replacingOccurrences(of: "\"precision\": 2,", with: "\"precision\": 0,")
        #expect(variant != text)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-rankline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let rules = dir.appendingPathComponent("xicheng-whole.jsonc")
        try variant.write(to: rules, atomically: true, encoding: .utf8)
        let s = try EngineFormsTests.session(rules: rules.path, units: 400, seed: 3)
        let middle = try #require(s.table.units.indices.first { s.ranking.tieNote($0) != nil && s.ranking.noteBelow($0) != nil })
        let source = ExplainSource(session: s)
        func rankLine(_ lang: Language, _ prefix: String) -> String? {
            UnitExplanation(source: source, lang: lang).render(unit: middle).split(separator: "\n").map(String.init).first { $0.hasPrefix(prefix) }
        }
        let en = try #require(rankLine(.en, "rank: ")), zh = try #require(rankLine(.zh, "排名："))
        #expect(en.contains("; ") && !en.contains("；"), "\(en)")
        #expect(zh.contains("；"), "\(zh)")
    }
}
