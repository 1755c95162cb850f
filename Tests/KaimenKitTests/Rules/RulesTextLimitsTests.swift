import Foundation
import Testing
@testable import KaimenKit

/// Names, criteria and notes of a rules file have limits (since 0.23.2), as the units file's
/// names do: a name of 40 000 characters pasted in by mistake reached every paper and passed
/// what an Excel cell holds. The broken file's errors are in the corpus
/// (`Fixtures/rules/broken/text-too-long.jsonc`); here, what the corpus does not show.
@Suite("Rules texts: limits, a session's copy, and a workbook cell")
struct RulesTextLimitsTests {
    static var broken: String { Fixtures.url("rules/broken/text-too-long.jsonc").path }

    @Test("in Chinese: the key, the text cut to 40 characters, its length and the limit, and what to do")
    func chinese() throws {
        do {
            _ = try RulesLoader().load(Self.broken)
            Issue.record("loaded")
        } catch {
            let lines = error.diagnostics.map { $0.rendered(.zh) }
            #expect(lines.count == 2, "\(lines)")
            #expect(lines.contains { $0.contains("text-too-long.jsonc:12:58: 错误：`name` 的文字 `职代会职代会职代会职代会职代会职代会职代会职代会职代会职代会职代会职代会职代会职…` 有 201 个字符，超过上限 200 个")
                && $0.contains("名称要简短，细则的说明写在 `criteria` 里") }, "\(lines)")
            #expect(lines.contains { $0.contains(":13:19: 错误：`criteria` 的文字") && $0.contains("有 2001 个字符，超过上限 2000 个") }, "\(lines)")
        }
    }

    @Test("a session's copy of its rules, which the version that opened it accepted, loads without the limits")
    func sessionCopy() throws {
        var loader = RulesLoader()
        loader.limitsText = false
        let loaded = try loader.load(Self.broken)
        #expect(loaded.rules.standards.first?.name.count == 201)
    }

    @Test("a workbook cell holds at most 32 767 UTF-16 units: a longer text is cut with …, never inside a character")
    func workbookCell() {
        let limit = XLSXSharedStrings.cellLimit
        #expect(limit == 32_767)
        let han = String(repeating: "工", count: 40_000)
        let cut = XLSXSharedStrings.fitted(han)
        #expect(cut.utf16.count == limit && cut.hasSuffix("…") && cut.dropLast().allSatisfy { $0 == "工" })
        // Characters of two UTF-16 units each: 16 383 of them and the ellipsis (32 767 units).
        let astral = String(repeating: "𠀀", count: 20_000)
        let cutAstral = XLSXSharedStrings.fitted(astral)
        #expect(cutAstral.utf16.count == limit && cutAstral.unicodeScalars.count == 16_384 && cutAstral.hasSuffix("…"))
        // At the limit, or long in bytes but not in units: as it was.
        let full = String(repeating: "工", count: limit)
        #expect(XLSXSharedStrings.fitted(full) == full)
        #expect(XLSXSharedStrings.fitted("职代会") == "职代会")
    }
}
