import Foundation
import Testing
@testable import KaimenKit

/// The broken-file corpus: every file in `Fixtures/rules/broken/` is a rules file with one
/// kind of mistake, and says what kaimen must report in comments:
///
///     // expect: CODE LINE:COLUMN message text | hint text
///     // expect: CODE other/file.jsonc:LINE:COLUMN message text
///
/// The loader must report exactly those errors (code, line and column, and a message and
/// hint containing the given text), and no others. A place without a file is in the file
/// itself; with one, in that file (relative to `broken/`), for files that `extends` others.
/// Files starting with `_` and files in subfolders are helpers that entry files extend; only
/// the entry files are run.
@Suite("Broken rules files are reported at the right place")
struct BrokenRulesCorpusTests {
    struct Expectation: CustomStringConvertible {
        var code: String
        /// Relative to `broken/`; `nil` for the file itself.
        var file: String?
        var line: Int
        var column: Int
        var message: String
        var hint: String?
        var description: String {
            "\(code) \(file.map { "\($0):" } ?? "")\(line):\(column) \(message)" + (hint.map { " | \($0)" } ?? "")
        }
    }

    static var brokenDirectory: URL { Fixtures.url("rules/broken") }

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: brokenDirectory.path)) ?? [])
            .filter { $0.hasSuffix(".jsonc") && !$0.hasPrefix("_") }.sorted()
    }

    static func expectations(in text: String) -> [Expectation] {
        text.split(separator: "\n").compactMap { line -> Expectation? in
            guard let r = line.range(of: "// expect: ") else { return nil }
            let spec = line[r.upperBound...]
            let parts = spec.split(separator: " ", maxSplits: 2).map(String.init)
            guard parts.count == 3 else { return nil }
            let place = parts[1].split(separator: ":").map(String.init)
            guard place.count >= 2, let line = Int(place[place.count - 2]), let column = Int(place[place.count - 1]) else { return nil }
            let texts = parts[2].components(separatedBy: " | ")
            return Expectation(code: parts[0], file: place.count == 3 ? place[0] : nil, line: line, column: column,
                               message: texts[0], hint: texts.count > 1 ? texts[1] : nil)
        }
    }

    @Test("the corpus is not empty")
    func corpusExists() {
        #expect(Self.files.count >= 40)
    }

    @Test("expect lines are read with and without a file name")
    func expectLines() {
        let e = Self.expectations(in: """
            // expect: unknown-key 3:7 unknown key `piont` | did you mean `points`?
            // expect: extends-cycle cycle/b.jsonc:2:14 goes round
            """)
        #expect(e.count == 2)
        #expect(e[0].code == "unknown-key" && e[0].file == nil && e[0].line == 3 && e[0].column == 7)
        #expect(e[0].message == "unknown key `piont`" && e[0].hint == "did you mean `points`?")
        #expect(e[1].file == "cycle/b.jsonc" && e[1].line == 2 && e[1].column == 14 && e[1].hint == nil)
    }

    @Test("each broken file yields exactly its expected errors", arguments: files)
    func brokenFile(_ name: String) throws {
        let url = Self.brokenDirectory.appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        let expected = Self.expectations(in: text)
        #expect(!expected.isEmpty, "\(name) declares no `// expect:` line")
        var errors: [Diagnostic] = []
        do {
            _ = try RulesLoader().load(url.path)
            Issue.record("\(name) loaded without errors")
        } catch {
            errors = error.diagnostics.filter { $0.severity == .error }
        }
        let dir = Self.brokenDirectory.standardizedFileURL
        for e in expected {
            let file = e.file.map { dir.appendingPathComponent($0).standardizedFileURL.path } ?? url.standardizedFileURL.path
            let match = errors.first { d in
                d.code == e.code && d.location.map { URL(fileURLWithPath: $0.file).standardizedFileURL.path } == file
                    && d.location?.line == e.line && d.location?.column == e.column
                    && d.message.contains(e.message) && (e.hint.map { d.hint?.contains($0) == true } ?? true)
            }
            let got = errors.map(\.description).joined(separator: "\n")
            #expect(match != nil, "\(name): expected \(e), got:\n\(got)")
        }
        let got = errors.map(\.description).joined(separator: "\n")
        #expect(errors.count == expected.count, "\(name): expected \(expected.count) errors, got \(errors.count):\n\(got)")
        // Every error names the file it is in.
        for d in errors { #expect(d.location.map { !$0.file.isEmpty } ?? true) }
    }
}
