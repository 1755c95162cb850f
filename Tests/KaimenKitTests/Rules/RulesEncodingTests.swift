import Foundation
import Testing
@testable import KaimenKit

/// A rules file that is not UTF-8 (`rules-encoding`): what it is and where, as the CSV readers
/// say it. Found by a rules author's trial: one name pasted from a GBK file on line 151 was
/// reported at 1:1, and a file saved whole as GB18030 or UTF-16 was not named as such.
@Suite("A rules file that is not UTF-8: what it is, and where")
struct RulesEncodingTests {
    static let good = "{\n  // 西城区\n  \"format\": 1,\n  \"title\": \"法律援助\"\n}\n"

    func problem(_ bytes: [UInt8]) -> Diagnostic? {
        do {
            _ = try RulesLoader.text(Data(bytes), path: "r.jsonc")
            return nil
        } catch let error as DiagnosticsError {
            return error.diagnostics.first
        } catch {
            return nil
        }
    }

    @Test("UTF-8 text with a name pasted from a GBK file: the line and column of the bytes, and what they read as")
    func pastedGBK() throws {
        // "法律" in GBK is B7 A8 C2 C9; the name's quote opens at column 13 of line 4 (1-based).
        var bytes = Array(Self.good.utf8)
        let name = Array("法律援助".utf8)
        let at = try #require(bytes.firstRange(of: name))
        bytes.replaceSubrange(at, with: [0xB7, 0xA8, 0xC2, 0xC9])
        let d = try #require(problem(bytes))
        #expect(d.code == "rules-encoding")
        #expect(d.location?.line == 4 && d.location?.column == 13, "\(String(describing: d.location))")
        #expect(d.rendered(.zh) == "r.jsonc:4:13: 错误：`r.jsonc` 是 UTF-8 文本，但第 4 行这里有 4 个字节不是 UTF-8（按 GBK 读是“法律”，多半是从另一个文件粘贴来的）；删去这几个字重新输入，再把规则文件存为 UTF-8")
    }

    @Test("a file saved whole as GB18030 is named so, at its first Chinese character")
    func wholeGB18030() throws {
        let bytes = try #require(Self.good.data(using: TextEncodingDetection.gb18030))
        let d = try #require(problem([UInt8](bytes)))
        #expect(d.rendered(.zh) == "r.jsonc:2:6: 错误：`r.jsonc` 是 GB18030 编码的文本，不是 UTF-8；请把规则文件存为 UTF-8（记事本或编辑器的“另存为”中选编码 UTF-8）")
    }

    @Test("UTF-16 is named by its byte order mark; bytes of no encoding get the plain message at their place")
    func utf16AndOther() throws {
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in Self.good.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(problem(utf16)?.rendered(.en) == "r.jsonc:1:1: error: `r.jsonc` is UTF-16 LE text, not UTF-8; save the rules file as UTF-8 (choose the UTF-8 encoding in your editor's Save As)")
        let other: [UInt8] = Array("{\n\"a\": \"".utf8) + [0xFF, 0xFE, 0xFD, 0x80, 0xFF] + Array("\"}".utf8)
        let d = try #require(problem(other))
        #expect(d.location?.line == 2 && d.location?.column == 7, "\(String(describing: d.location))")
        #expect(d.rendered(.zh).hasPrefix("r.jsonc:2:7: 错误：`r.jsonc` "), "\(d.rendered(.zh))")
        #expect(problem(Array(Self.good.utf8)) == nil)
    }
}
