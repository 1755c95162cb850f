import Foundation
import Testing
@testable import KaimenKit

/// `session close --lang en` writes its results in English, as `score --out --lang en` does,
/// and records the language in the seal so `session verify` rebuilds the same files.
@Suite("Close: the results are written in the session's language", .serialized)
struct CloseLanguageTests {
    static func closed(_ lang: [String]) throws -> SampleSession {
        let s = try SampleSession()
        let a = try s.file("a.csv", SampleSession.typed("a"))
        s.run("enter", [a, "--by", "甲"]); s.run("enter", [a, "--by", "乙", "--identical"])
        let (code, _, err) = s.run("close", ["--by", "王秘书"] + lang)
        try #require(code == .success, "close failed: \(err)")
        return s
    }

    static func summaryHeader(_ s: SampleSession) throws -> String {
        let text = try String(contentsOf: s.dir.appendingPathComponent("results/summary.csv"), encoding: .utf8)
        return String(text.split(separator: "\n").first ?? "")
    }

    static func sealLanguage(_ s: SampleSession) throws -> String? {
        let seal = try #require(s.journalLines.compactMap { try? JournalRecord.parse($0).get() }.last { $0.kind == .seal })
        return seal.content["lang"]?.stringValue
    }

    @Test("with --lang en the results have English headings and notice.html, and the seal says en")
    func english() throws {
        let s = try Self.closed(["--lang", "en"]); defer { s.remove() }
        let header = try Self.summaryHeader(s)
        #expect(header.hasPrefix("Rank,") && !header.contains("排名"), "\(header)")
        let fm = FileManager.default
        #expect(fm.fileExists(atPath: s.dir.appendingPathComponent("results/notice.html").path))
        #expect(!fm.fileExists(atPath: s.dir.appendingPathComponent("results/公示.html").path))
        #expect(try Self.sealLanguage(s) == "en")
        let r = try Verifier.verify(s.dir)
        #expect(r.ok, "\(r.problems.map { $0.rendered(.en) })")
    }

    @Test("without --lang the results stay Chinese and the seal says zh")
    func chineseByDefault() throws {
        let s = try Self.closed([]); defer { s.remove() }
        let header = try Self.summaryHeader(s)
        #expect(header.hasPrefix("排名,") && !header.contains("Rank"), "\(header)")
        #expect(FileManager.default.fileExists(atPath: s.dir.appendingPathComponent("results/公示.html").path))
        #expect(try Self.sealLanguage(s) == "zh")
        #expect(try Verifier.verify(s.dir).ok)
    }

    @Test("the language changes the results' bytes, so the seal has to record it")
    func languageChangesBytes() throws {
        let s = try Self.closed(["--lang", "en"]); defer { s.remove() }
        let r = try Verifier.verify(s.dir)
        #expect(r.ok)
        // Rebuilt in Chinese, the same session's summary differs from the English one that was
        // sealed: verify passing above depends on reading the seal's language.
        let state = try s.state()
        let folder = try SessionFolder.open(s.dir, writable: false)
        let session = try SessionFolder.score(SessionFolder.ballotsCSV(state, setup: folder.setup), paths: folder.paths, in: folder.directory)
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-lang-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temp) }
        _ = try OutputFiles.write(session, to: temp, lang: .zh)
        let zh = try Data(contentsOf: temp.appendingPathComponent("summary.csv"))
        let en = try Data(contentsOf: s.dir.appendingPathComponent("results/summary.csv"))
        #expect(zh != en)
    }
}
