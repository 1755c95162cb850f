import Foundation
import Testing
@testable import KaimenKit

/// Where two candidates are as near, no "did you mean" names one of them (session 27's review
/// found the rules file's keys and the ballots file's items still did), and a misspelt key as
/// near to two allowed keys no longer hides that both are missing.
@Suite("Ties among suggestions: keys and ballot items")
struct SuggestionTiesTests {
    static let rulesPath = Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path

    @Test("a metric's `kid` is as near to `id` as to `kind`: no hint, and both missing keys are said; `knd` alone is `kind`'s")
    func keyTie() throws {
        let text = try String(contentsOfFile: Self.rulesPath, encoding: .utf8)
        let metrics = try #require(text.range(of: "\"metrics\""))
        let id = try #require(text.range(of: "\"id\"", range: metrics.upperBound..<text.endIndex))
        var tied = text
        tied.replaceSubrange(id, with: "\"kid\"")
        let kind = try #require(tied.range(of: "\"kind\"", range: id.lowerBound..<tied.endIndex))
        tied.replaceSubrange(kind, with: "\"zzzz\"")
        let messages = try Self.errors(tied)
        #expect(messages.contains { $0.contains("第 1 个指标里没有键 `kid`") && !$0.contains("是不是") }, "\(messages)")
        #expect(messages.contains { $0.contains("第 1 个指标缺少键 `id`") }, "\(messages)")
        #expect(messages.contains { $0.contains("第 1 个指标缺少键 `kind`") }, "\(messages)")

        var one = text
        one.replaceSubrange(try #require(one.range(of: "\"kind\"", range: metrics.upperBound..<one.endIndex)), with: "\"knd\"")
        let said = try Self.errors(one)
        #expect(said.contains { $0.contains("没有键 `knd`") && $0.contains("是不是 `kind`？") }, "\(said)")
        #expect(!said.contains { $0.contains("缺少键 `kind`") }, "\(said)")
    }

    static func errors(_ text: String) throws -> [String] {
        let folder = ScratchFolder(); defer { folder.cleanUp() }
        let url = folder.url.appendingPathComponent("r.jsonc")
        try text.write(to: url, atomically: true, encoding: .utf8)
        do {
            _ = try RulesLoader().load(url.path)
            return []
        } catch {
            return error.diagnostics.map { $0.rendered(.zh) }
        }
    }

    @Test("a ballots file's `warety.ballot` is as near to safety.ballot as to warmth.ballot: the hint lists the items instead")
    func ballotItemTie() throws {
        let folder = ScratchFolder(); defer { folder.cleanUp() }
        let args = try TextLimitsTests.files(in: folder, ballots: { $0.replacingOccurrences(of: ",safety.ballot,", with: ",warety.ballot,") })
        let r = EndToEndTests.run(["score"] + args)
        #expect(r.code == .failure)
        #expect(r.err.contains("选票打分的 `warety.ballot` 不是这套规则中由代表打分的标准") && r.err.contains("由代表打分的标准（编号或名称均可）："), "\(r.err)")
        #expect(!r.err.contains("是不是"), "\(r.err)")
        // One letter off one item only: named.
        let near = try TextLimitsTests.files(in: folder, ballots: { $0.replacingOccurrences(of: ",safety.ballot,", with: ",safety.balot,") })
        #expect(EndToEndTests.run(["score"] + near).err.contains("是不是 `safety.ballot`？"))
    }
}
