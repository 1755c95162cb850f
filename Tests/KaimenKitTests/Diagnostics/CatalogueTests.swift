import Foundation
import Testing
@testable import KaimenKit

/// The diagnostics catalogue checks itself: every code in the sources is in the enumeration,
/// every code in the enumeration is documented with an example, and messages read in both
/// languages.
@Suite("The diagnostics catalogue")
struct CatalogueTests {
    static let root = Fixtures.packageRoot

    /// `### \`code\`` sections of docs/diagnostics.md, each with the text up to the next one.
    static func documented() throws -> [String: String] {
        let text = try String(contentsOf: root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        var sections: [String: String] = [:]
        for part in text.components(separatedBy: "\n### `").dropFirst() {
            guard let end = part.firstIndex(of: "`") else { continue }
            sections[String(part[..<end])] = String(part[end...])
        }
        return sections
    }

    /// Codes written as string literals where a diagnostic is made: `.error("code", …)`,
    /// `.warning(`, `error(` (DecodeContext, the validator), `report(`, `FormulaProblem(`,
    /// `code: "…"`, and `OutputError.code`'s `return "…"`.
    static func codesInSources() throws -> [String: [String]] {
        let pattern = try NSRegularExpression(pattern:
            #"(?:(?:error|warning|note|report|FormulaProblem)\(\s*|code: |case \.\w+: return )"([a-z0-9]+(?:-[a-z0-9]+)+)""#)
        var found: [String: [String]] = [:]
        let sources = root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            let range = NSRange(text.startIndex..., in: text)
            for m in pattern.matches(in: text, range: range) {
                found[String(text[Range(m.range(at: 1), in: text)!]), default: []].append(file)
            }
        }
        return found
    }

    @Test("every code the sources use is in the DiagnosticCode enumeration")
    func sourcesUseKnownCodes() throws {
        let used = try Self.codesInSources()
        #expect(used.count > 10, "the scan found codes at all")
        for (code, files) in used.sorted(by: { $0.key < $1.key }) {
            #expect(DiagnosticCode(rawValue: code) != nil, "`\(code)` (in \(files.joined(separator: ", "))) is not in DiagnosticCode")
        }
    }

    @Test("every code is documented in docs/diagnostics.md with an example in Chinese and English")
    func everyCodeDocumented() throws {
        let docs = try Self.documented()
        for code in DiagnosticCode.allCases {
            guard let section = docs[code.rawValue] else {
                Issue.record("`\(code.rawValue)` has no section in docs/diagnostics.md")
                continue
            }
            let example = section.components(separatedBy: "```text\n").dropFirst().first?.components(separatedBy: "\n```").first ?? ""
            let lines = example.split(separator: "\n")
            #expect(lines.count >= 2, "`\(code.rawValue)` has no example block")
            #expect(lines.contains { $0.contains("错误：") || $0.contains("警告：") || $0.contains("提示：") }, "`\(code.rawValue)`: no Chinese example")
            #expect(lines.contains { $0.contains("error: ") || $0.contains("warning: ") || $0.contains("note: ") }, "`\(code.rawValue)`: no English example")
        }
        for code in docs.keys {
            #expect(DiagnosticCode(rawValue: code) != nil, "docs/diagnostics.md documents `\(code)`, which is not a code")
        }
    }

    @Test("the catalogue's codes are unique kebab-case")
    func codesAreKebabCase() {
        let raw = DiagnosticCode.allCases.map(\.rawValue)
        #expect(Set(raw).count == raw.count)
        #expect(raw.allSatisfy { $0.range(of: #"^[a-z0-9]+(-[a-z0-9]+)*$"#, options: .regularExpression) != nil })
    }

    static func isChinese(_ s: String) -> Bool { s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }

    /// Every problem the broken fixtures provoke (rules files, units, roster, ballots): each
    /// has a Chinese text and an English one, and they differ.
    @Test("every problem from the broken fixtures reads in Chinese and in English")
    func bothLanguages() throws {
        var all: [Diagnostic] = []
        let dir = Fixtures.url("rules/broken")
        for f in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where f.hasSuffix(".jsonc") {
            do { _ = try RulesLoader().load(dir.appendingPathComponent(f).path) } catch { all += error.diagnostics }
        }
        for f in ["units-values.csv", "units-ragged.csv", "units-unbalanced.csv", "units-empty.csv", "units-missing-column.csv"] {
            all += InputFixtures.problems(InputFixtures.inputs(units: InputFixtures.broken(f)))
        }
        all += InputFixtures.problems(InputFixtures.inputs(ballots: InputFixtures.broken("ballots-problems.csv")))
        all += InputFixtures.problems(InputFixtures.inputs(roster: InputFixtures.broken("roster-duplicate.csv")))
        let codes = Set(all.map(\.code))
        #expect(codes.count >= 40, "a wide sample of codes: \(codes.sorted())")
        for d in all {
            #expect(Self.isChinese(d.text.zh), "[\(d.code)] no Chinese: \(d.text.zh)")
            #expect(d.text.zh != d.text.en, "[\(d.code)] the same in both languages: \(d.text.en)")
            if let hint = d.hintText, hint.en.contains(where: \.isLetter) && !hint.en.hasPrefix("`") {
                #expect(hint.zh != hint.en, "[\(d.code)] hint the same in both languages: \(hint.en)")
            }
            #expect(d.rendered(.zh).contains("错误：") || d.rendered(.zh).contains("警告："))
            #expect(d.rendered(.en).contains("error: ") || d.rendered(.en).contains("warning: "))
        }
    }

    @Test("a sample of codes, in both languages", arguments: [
        ("missing-metric", "units-values.csv 第 10 行 D 列（enterprises）：错误：单位 `U9` 没有填“已建会企业数”（`enterprises`）",
         "units-values.csv row 10, column D (enterprises): error: unit `U9` has no value for 已建会企业数 (`enterprises`)"),
        ("duplicate-unit", "units-values.csv 第 11 行 A 列（id）：错误：单位编号 `U9` 用了两次；第一次在第 10 行",
         "units-values.csv row 11, column A (id): error: unit id `U9` is used twice; first at row 10"),
        ("ratio-above-one", "units-values.csv 第 9 行 E 列（contracts）：错误：单位 `U8`：“签订集体合同企业数”（12）大于“已建会企业数”（10），两者之比不能超过 100%",
         "units-values.csv row 9, column E (contracts): error: unit `U8`: 签订集体合同企业数 (12) is larger than 已建会企业数 (10); their ratio cannot exceed 100%"),
    ])
    func sample(_ code: String, _ zh: String, _ en: String) throws {
        let problems = InputFixtures.problems(InputFixtures.inputs(units: InputFixtures.broken("units-values.csv")))
        let d = try #require(problems.first { $0.code == code })
        #expect(d.kind?.rawValue == code)
        #expect(d.rendered(.zh).contains(zh), "\(d.rendered(.zh))")
        #expect(d.rendered(.en).contains(en), "\(d.rendered(.en))")
    }

    @Test("a spreadsheet cell is printed as Excel shows it: row, column letter, header")
    func cellPositions() {
        #expect(CellPosition.letter(0) == "A")
        #expect(CellPosition.letter(25) == "Z")
        #expect(CellPosition.letter(26) == "AA")
        #expect(CellPosition.letter(27) == "AB")
        #expect(CellPosition.letter(701) == "ZZ")
        #expect(CellPosition.letter(702) == "AAA")
        let loc = KaimenKit.SourceLocation(file: "units.csv", line: 8, column: 17, cell: CellPosition(row: 8, column: 2, header: "members"))
        #expect(loc.rendered(.zh) == "units.csv 第 8 行 C 列（members）")
        #expect(loc.rendered(.en) == "units.csv row 8, column C (members)")
        let d = Diagnostic.error(.invalidMetric, Localized(zh: "甲", en: "a"), at: loc, path: "members", hint: Localized(zh: "乙", en: "b"))
        // The column's header is not repeated as a path.
        #expect(d.rendered(.zh) == "units.csv 第 8 行 C 列（members）：错误：甲；乙")
        #expect(d.rendered(.en) == "units.csv row 8, column C (members): error: a; b")
    }

    @Test("a cell in a quoted multi-line record counts as one spreadsheet row")
    func multiLineRows() throws {
        let r = CSVReader.read(Data("id,备注\nU1,\"两\n行\"\nU2,x\n".utf8), fileName: "u.csv")
        let t = try #require(r.table)
        #expect(t.location(row: 1, column: 1).line == 4)
        #expect(t.location(row: 1, column: 1).cell?.row == 3)
    }
}
