import Foundation
import Testing
@testable import KaimenKit

/// A rules file whose standard names an area or a metric of 50 000 characters printed the
/// whole reference in its error (50 KB for one message; a hostile-input test). Every message
/// the command line prints now cuts a quoted span longer than 120 characters to its first 40
/// and `…` (the papers quote as before: a sealed session's verify writes them again).
@Suite("Long quoted spans in messages are cut")
struct QuotesCutTests {
    @Test("a span over 120 scalars is cut to 40 and …; shorter spans, text outside quotes and an unclosed quote are kept")
    func cut() {
        let long = String(repeating: "x", count: 121), kept = String(repeating: "y", count: 120)
        #expect(Echo.quotesCut("没有指标 `\(long)`；在 `metrics` 下声明它") == "没有指标 `\(String(repeating: "x", count: 40))…`；在 `metrics` 下声明它")
        #expect(Echo.quotesCut("`\(kept)` and `\(long)`") == "`\(kept)` and `\(String(repeating: "x", count: 40))…`")
        let outside = String(repeating: "z", count: 500)
        #expect(Echo.quotesCut(outside) == outside)
        // An unclosed last span is cut as a closed one.
        #expect(Echo.quotesCut("`a` \(outside) `\(long)") == "`a` \(outside) `\(String(repeating: "x", count: 40))…")
        // A backtick inside the quoted value puts the long part outside the pairs: a message
        // over 1 000 scalars has every long stretch cut, quoted or not.
        let sneaky = "方面 `x` " + String(repeating: "a", count: 50_000) + "`，但没有定义这个方面"
        let cut = Echo.quotesCut(sneaky)
        #expect(cut.unicodeScalars.count < 200 && cut.hasPrefix("方面 `x` aaaa") && cut.hasSuffix("…`，但没有定义这个方面"), "\(cut)")
        // Scalars, not bytes: 121 Chinese characters are cut, 120 are not.
        #expect(Echo.quotesCut("`\(String(repeating: "方", count: 121))`") == "`\(String(repeating: "方", count: 40))…`")
        #expect(Echo.quotesCut("`\(String(repeating: "方", count: 120))`") == "`\(String(repeating: "方", count: 120))`")
    }

    @Test("rules check: an unknown area and metric of 50 000 characters are quoted cut, and the [at …] path too")
    func rulesCheck() throws {
        let folder = ScratchFolder(); defer { folder.cleanUp() }
        var text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc"), encoding: .utf8)
        let area = try #require(text.range(of: #""area": "rights""#))
        text.replaceSubrange(area, with: #""area": "rights\#(String(repeating: "x", count: 50_000))""#)
        let metric = try #require(text.range(of: #""metric": ""#))
        text.replaceSubrange(metric, with: #""metric": "\#(String(repeating: "y", count: 50_000))"#)
        let url = folder.url.appendingPathComponent("rules.jsonc")
        try text.write(to: url, atomically: true, encoding: .utf8)
        for lang in ["zh", "en"] {
            let r = EndToEndTests.run(["rules", "check", url.path, "--lang", lang])
            #expect(r.code == .failure)
            #expect(r.err.contains("`rights\(String(repeating: "x", count: 34))…`"), "\(r.err.prefix(1000))")
            #expect(r.err.contains("`\(String(repeating: "y", count: 40))…`"), "\(r.err.prefix(1000))")
            #expect(r.err.utf8.count < 2_000, "\(r.err.prefix(1000))")
        }
    }
}
