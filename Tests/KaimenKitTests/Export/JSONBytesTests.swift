import Foundation
import Testing
@testable import KaimenKit

/// `JSONBytes` writes the score sheets' JSON into one byte buffer: it must give exactly the
/// bytes of `JSONOut.rendered()`, which the golden files and every other JSON output use.
@Suite("JSONBytes: JSONOut rendered into bytes")
struct JSONBytesTests {
    @Test("nested objects and arrays, empty ones, every scalar and every escape give rendered()'s bytes")
    func sameBytesAsRendered() {
        let hostile = "引号\"反斜杠\\换行\n回车\r制表\t响铃\u{07}删除\u{7F}行分隔\u{2028}段分隔\u{2029}—…，。<&>"
        let value = JSONOut.object([
            "b": .array([.string(hostile), .number("-1.50"), .bool(true), .bool(false), .null, .array([]), .object([:])]),
            "a": .object(["z": .string(""), "y": .array([.object(["k\"ey": .string("值")])]), "中文键": .num(3)]),
            "empty": .string(""),
        ])
        #expect(JSONBytes.render(value) == Array(value.rendered().utf8))
        for scalar in [JSONOut.string(hostile), .number("0"), .null, .array([]), .object([:])] {
            #expect(JSONBytes.render(scalar) == Array(scalar.rendered().utf8))
        }
    }

    @Test("every score sheet of the Xicheng sample, in Chinese and English, gives rendered()'s bytes")
    func sampleSheets() throws {
        let root = Fixtures.packageRoot.path + "/"
        let s = try ScoringSession.run(.init(rules: root + "rules/xicheng-2014.jsonc", units: root + "samples/xicheng-2014/units.csv",
                                             roster: root + "samples/xicheng-2014/roster.csv", ballots: root + "samples/xicheng-2014/ballots.csv"))
        for lang in Language.allCases {
            for u in s.table.units.indices {
                let json = ScoreSheetExport.json(s, unit: u, lang: lang)
                #expect(JSONBytes.render(json) == Array(json.rendered().utf8))
            }
        }
    }
}
