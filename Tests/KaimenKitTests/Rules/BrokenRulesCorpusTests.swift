import Foundation
import Testing
@testable import KaimenKit

/// The broken-file corpus: every file in `Fixtures/rules/broken/` is a rules file with one
/// kind of mistake, and says what kaimen must report in comments:
///
///     // expect: CODE LINE:COLUMN message text | hint text
///
/// The loader must report exactly those errors (code, line and column, and a message and
/// hint containing the given text), and no others.
@Suite("Broken rules files are reported at the right place")
struct BrokenRulesCorpusTests {
    struct Expectation: CustomStringConvertible {
        var code: String
        var line: Int
        var column: Int
        var message: String
        var hint: String?
        var description: String { "\(code) \(line):\(column) \(message)" + (hint.map { " | \($0)" } ?? "") }
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
            let pos = parts[1].split(separator: ":").compactMap { Int($0) }
            let texts = parts[2].components(separatedBy: " | ")
            return Expectation(code: parts[0], line: pos[0], column: pos[1], message: texts[0],
                               hint: texts.count > 1 ? texts[1] : nil)
        }
    }

    @Test("the corpus is not empty")
    func corpusExists() {
        #expect(Self.files.count >= 2)
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
        for e in expected {
            let match = errors.first { d in
                d.code == e.code && d.location?.line == e.line && d.location?.column == e.column
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
