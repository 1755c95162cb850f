import Foundation
import Testing
@testable import KaimenKit

/// The quick pass's template (`BallotChunk.Template`): a row of at most thirty-two bytes is the
/// pattern for the rows after it, which are taken with its shape when they match it but for
/// the representative, the standard and the score's digits. The rows of the other hostile
/// tests are mostly longer than that (their standards are ids like `rights.ballot`), so
/// these use the Xicheng rules with the ballot standards renamed `B1` … `B8`, and units and
/// representatives with ids of one to fourteen bytes: rows of nine to forty bytes, most within
/// the template's thirty-two, in runs that match, broken by every change a template must notice.
@Suite("Bulk ballots reader: short rows through the quick pass's template")
struct QuickPassTemplateTests {
    typealias S = BulkBallotsReaderTests
    typealias F = BulkFixtures
    typealias H = QuickPassHostileTests

    /// The Xicheng rules with the ballot standards' ids made short.
    static let shortRules: Rules = {
        var text = try! String(contentsOf: Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc"), encoding: .utf8)
        for (k, id) in ["rights", "publicity", "safety", "democracy", "models", "warmth", "insurance", "audit"].enumerated() {
            text = text.replacingOccurrences(of: "\"\(id).ballot\"", with: "\"B\(k + 1)\"")
        }
        return try! RulesLoader(readFile: { _ in text }).load("short.jsonc").rules
    }()

    static let unitIDs = ["1", "2", "X3", "44", "5", "U6", "7", "U-88888888", "UNIT-0123"]
    /// `2` is a member of `X3`, `R6` of `44`; `3` declares a conflict with `1`.
    static let roster = """
    id,name,group,units,role,conflicts
    1,甲,第一组,,职工代表,
    2,乙,第一组,X3,工会主席,
    3,丙,第一组,,职工代表,1
    44,丁,第一组,,职工代表,
    abc,戊,第二组,,职工代表,
    R6,己,第二组,44,职工代表,
    7,庚,第二组,,职工代表,
    8,辛,第三组,,职工代表,
    9,壬,第三组,,职工代表,
    REP-01234,子,第三组,,职工代表,
    R-000000000007,丑,第三组,,职工代表,

    """
    static let repIDs = ["1", "2", "3", "44", "abc", "R6", "7", "8", "9", "REP-01234", "R-000000000007"]
    /// The items by a name the ballots may use, and their points (`publicity` and `B2` are one item).
    static let items: [(name: String, max: Int)] = [("B1", 4), ("publicity", 2), ("B2", 2), ("B3", 2), ("B4", 2), ("B5", 2),
                                                    ("B6", 4), ("B7", 2), ("B8", 2)]

    static func session(_ rules: Rules, roster: String = roster) -> S.Session {
        S.Session(rules: rules, units: H.units(unitIDs), roster: Array(roster.utf8))
    }
    static let short = session(shortRules)
    static let shortNoStep: S.Session = { var r = shortRules; r.ballots.scoreStep = nil; return session(r) }()
    static let shortStepOne: S.Session = { var r = shortRules; r.ballots.scoreStep = Rational(integer: 1); return session(r) }()

    /// A long file of short rows: blocks of a unit's ballots, a representative's run of
    /// standards or a standard's run of representatives, with some rows changed in a way the
    /// template must see (another length of representative, unit, standard or score, another
    /// line end, an unknown, recused or duplicate representative, a comma or space in a cell).
    static func file(_ rng: inout H.SplitMix, step: Int) -> [UInt8] {
        let repFirst = Bool.random(using: &rng)
        let crlf = Bool.random(using: &rng), mixedEnds = Int.random(in: 0 ..< 6, using: &rng) == 0
        let mutationRate = Bool.random(using: &rng) ? 0 : Int.random(in: 1 ... 6, using: &rng)
        func end() -> String { mixedEnds ? (Bool.random(using: &rng) ? "\r\n" : "\n") : (crlf ? "\r\n" : "\n") }
        func row(_ u: String, _ r: String, _ i: String, _ sc: String) -> String { repFirst ? "\(r),\(u),\(i),\(sc)" : "\(u),\(r),\(i),\(sc)" }
        var out = (repFirst ? "representative,unit,standard,score" : "unit,representative,standard,score") + end()
        var previous: String?
        // Each unit once (a unit's ballots in two blocks would often repeat one).
        for u in unitIDs.shuffled(using: &rng).prefix(Int.random(in: 1 ... 6, using: &rng)) {
            for (r, i) in H.block(repIDs, itemCount: items.count, &rng) {
                var unit = u, rep = r, item = items[i].name, sc = H.score(items[i].max, step: step, &rng), lineEnd = end()
                var line: String?
                if mutationRate > 0 && Int.random(in: 0 ..< 100, using: &rng) < mutationRate {
                    switch Int.random(in: 0 ..< 12, using: &rng) {
                    case 0, 1: sc = H.badScores.randomElement(using: &rng)!
                    case 2: rep = ["99", "a,c", "1,", ",1", " 1", "4 ", "4\t", "ab", "abd", "R7", "X3", "1\u{0}"].randomElement(using: &rng)!
                    case 3: unit = ["1", "2", "X3", "X4", "4", "44 ", "U", "U66", ",1", "1\r"].randomElement(using: &rng)!
                    case 4: item = ["B9", "B", "b1", "B1 ", "B,", "B12", "publicit"].randomElement(using: &rng)!
                    case 5: if let previous { out += previous + end() }  // the row before again: a duplicate
                    case 6: lineEnd = ["\r", "\r\r\n", ",\n", "\n\n"].randomElement(using: &rng)!
                    case 7: line = row(unit, rep, item, sc) + ",1"
                    case 8: line = repFirst ? "\(rep),\(unit),\(sc)" : "\(unit),\(rep),\(sc)"
                    case 9: line = "\"" + row(unit, rep, item, sc) + "\""
                    case 10: sc = sc.count == 1 ? sc + ".0" : String(sc.prefix(1))
                    default: line = row(unit, rep, item, sc).replacingOccurrences(of: ",", with: ";")
                    }
                }
                let text = line ?? row(unit, rep, item, sc)
                out += text + lineEnd
                previous = text
            }
        }
        return Array(out.utf8)
    }

    @Test("random files of short rows: the checked reader's ballots, or a hand-over, on any thread count", arguments: [0, 1, 2])
    func random(kind: Int) {
        let (session, step) = [(Self.short, 5), (Self.shortNoStep, 0), (Self.shortStepOne, 10)][kind]
        var rng = H.SplitMix(state: 0x7E3D_0000 + UInt64(kind))
        var tally = H.Tally()
        for n in 0 ..< 300 {
            let bytes = Self.file(&rng, step: step)
            if let why = H.verdict(session, bytes, &tally) {
                tally.failures.append("#\(n) \(why)\n    \"\(H.escaped(bytes))\"")
            }
        }
        for f in tally.failures.prefix(8) { Issue.record(Comment(rawValue: f)) }
        // The files exercised the pass: most were read, most rows quickly, and some were reported.
        // (Here 133–137 of the 300 are read, 161–166 reported, and some 14 000 rows quick.)
        #expect(tally.bulkRead > 100 && tally.checkedErrors > 100)
        #expect(tally.quick > 8_000)
    }

    /// Rows read in one chunk by the quick pass, and of them those read with a template's shape
    /// (counted in debug builds only: 0 in a release build).
    static func quickRows(_ s: S.Session, _ bytes: [UInt8]) -> (quick: Int, templated: Int) {
        bytes.withUnsafeBufferPointer { p in
            guard let header = BulkCSV.header(p),
                  let cx = BulkBallotsReader.Context(header: header.names, rules: s.rules, units: (s.index, s.ids), roster: s.roster, fileName: "ballots.csv")
            else { return (0, 0) }
            var chunk = BallotChunk(start: header.bodyStart, end: p.count, scale: cx.startScale, keepReps: false)
            chunk.parse(p, cx, release: nil)
            return (chunk.quickRowsRead, chunk.templateRowsRead)
        }
    }

    @Test("the template's rows are read: a unit's ballots as the sample's are, in either column order, on LF and CRLF lines")
    func quickly() throws {
        for repFirst in [true, false] {
            for end in ["\n", "\r\n"] {
                var text = repFirst ? "representative,unit,standard,score" : "unit,representative,standard,score"
                var rows = 0
                for u in Self.unitIDs where u != "X3" && u != "44" && u != "1" {
                    for (i, m) in Self.items where i != "publicity" {
                        for r in ["1", "7", "8", "9"] {
                            text += end + (repFirst ? "\(r),\(u),\(i),\(m / 2)" : "\(u),\(r),\(i),\(m / 2)")
                            rows += 1
                        }
                    }
                }
                text += end
                let bytes = Array(text.utf8)
                var tally = H.Tally()
                #expect(H.verdict(Self.short, bytes, &tally) == nil)
                #expect(tally.bulkRead == 1)
                // Every row is quick but each unit's first (which the full steps enter) and
                // those that start in the file's last 64 bytes (eight rows at most); and all of
                // those but each unit's first quick row (whose commas are found) match its template.
                let (quick, templated) = Self.quickRows(Self.short, bytes)
                #expect(quick <= rows - 6 && quick >= rows - 6 - 8)
                #if DEBUG  // (counted in debug builds only)
                #expect(templated == quick - 6)
                #endif
            }
        }
    }

    /// Rows for unit `U6` after the rows a test is about: the quick pass reads a row only when
    /// sixty-four bytes from it are in the file.
    static let tail = ["B4", "B5", "B6"].map { i in ["1", "7", "8"].map { "U6,\($0),\(i),1\n" }.joined() }.joined()

    @Test("a row the template matches but for a cell it must still check: each is read as the checked reader reads it")
    func changes() {
        let h = "unit,representative,standard,score\n"
        // The unit's first row is entered by the full steps; the quick pass begins with the second.
        let run = "5,1,B1,3\n5,7,B1,2\n5,8,B1,4\n"
        for odd in ["5,9,B1,5\n",          // above the standard's points
                    "5,9,B1,2.5\n",        // another score shape
                    "5,99,B1,2\n",         // a representative of another length, unknown
                    "5,9,B1,1.0\n",        // tenths where the run had none
                    "5,3,B1,2\n",          // `3` has a conflict with unit `1`, not `5`: fine
                    "5,1,B1,2\n",          // a duplicate
                    "5,9,B9,2\n",          // an unknown standard of the same length
                    "5,9,B2,2\n",          // another standard of the same length
                    "5,9,B1,2\r\n",        // another line end
                    "7,9,B1,2\n",          // another unit of the same length
                    "5,9,B1,x\n",          // not a digit
                    "5,,9B1,2\n",          // the commas elsewhere
                    "5,9 ,B1,2\n"] {        // a space after the id
            H.check(Self.short, h + run + odd + "5,9,B3,1\n" + Self.tail)
            H.check(Self.short, h + "5,1,B1,3\n5,abc,B1,3\n" + odd.replacingOccurrences(of: ",9,", with: ",ab,") + Self.tail)
        }
        // After a run with tenths, a row whose point is a comma or a letter; after a run with
        // a whole score, a row with a semicolon for its second or third comma (and the same
        // with the representative first): each matches the template but for a byte it compares.
        for odd in ["5,8,B1,2,5\n", "5,8,B1,2x5\n", "5,8,B1,2.5\n"] {
            H.check(Self.short, h + "5,1,B1,2.5\n5,7,B1,1.5\n" + odd + Self.tail)
        }
        for odd in ["5,8;B1,2\n", "5,8,B1;2\n"] {
            H.check(Self.short, h + run + odd + Self.tail)
        }
        H.check(Self.short, "representative,unit,standard,score\n1,5,B1,3\n7,5,B1,2\n8,5;B1,2\n"
            + ["B4", "B5", "B6"].map { i in ["1", "7", "8"].map { "\($0),U6,\(i),1\n" }.joined() }.joined())
        // A row that matches the template by chance (`,5,` and `,` where the template has them,
        // the representative first) ends the pass, which begins again at that row and finds
        // its commas: it is quick, not left to the full steps.
        let chance = "representative,unit,standard,score\nabc,5,B1,3\nR-000000000007,5,B1,3\nabc,5,B2,2\nabc,5,B3,2\n"
            + ["B4", "B5", "B6"].map { i in ["1", "7", "8"].map { "\($0),U6,\(i),1\n" }.joined() }.joined()
        H.check(Self.short, chance)
        // Quick: `R-0…` (its commas found), `abc,5,B2` (its commas found in the next pass),
        // `abc,5,B3` (`abc,5,B2`'s template), and the two rows of `U6` after its first that
        // start before the file's last 64 bytes (the second of them by its template).
        let counts = Self.quickRows(Self.short, Array(chance.utf8))
        #expect(counts.quick == 5)
        #if DEBUG
        #expect(counts.templated == 2)
        #endif
        // A recused representative (`2` is a member of X3) and a conflict (`3` with unit 1) after a run.
        H.check(Self.short, h + "X3,1,B1,3\nX3,7,B1,2\nX3,2,B1,2\nX3,8,B1,2\n" + Self.tail)
        H.check(Self.short, h + "1,7,B1,3\n1,8,B1,2\n1,3,B1,2\n1,9,B1,2\n" + Self.tail)
    }

    @Test("a representative id with a comma: the template is not used, so the row is split at its commas")
    func commaInID() {
        // `a,c` is a roster id (quoted in the roster); after a quick row whose representative
        // is `abc`, a row with `a,c` unquoted in its place has five cells, which the checked
        // reader reports. The template compares only the bytes around the representative.
        let withComma = Self.session(Self.shortRules, roster: Self.roster + "\"a,c\",癸,第三组,,职工代表,\n")
        #expect(withComma.roster.contains { $0.id == "a,c" })
        let h = "unit,representative,standard,score\n"
        var tally = H.Tally()
        #expect(H.verdict(withComma, Array((h + "5,1,B1,3\n5,abc,B1,3\n5,a,c,B1,2\n" + Self.tail).utf8), &tally) == nil)
        #expect(tally.checkedErrors == 1)
        // A standard id with a comma (the rules loader refuses one; a caller of the API may
        // make it): `B,1`, after rows for `B2x`, a standard id of the same length.
        var rules = Self.shortRules
        for k in rules.standards.indices {
            if rules.standards[k].id == "B1" { rules.standards[k].id = "B,1" }
            if rules.standards[k].id == "B2" { rules.standards[k].id = "B2x" }
        }
        let standardComma = Self.session(rules)
        var tally2 = H.Tally()
        let text2 = h + "5,1,B2x,1\n5,7,B2x,1\n5,8,B,1,1\n" + Self.tail
        #expect(H.verdict(standardComma, Array(text2.utf8), &tally2) == nil)
        #expect(tally2.checkedErrors == 1)
        // Quoted, the same id is read (by the full steps: a quote is never quick).
        H.check(withComma, h + "5,1,B1,3\n5,abc,B1,3\n5,\"a,c\",B1,2\n" + Self.tail)
    }
}
