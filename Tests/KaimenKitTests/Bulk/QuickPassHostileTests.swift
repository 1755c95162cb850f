import Foundation
import Testing
@testable import KaimenKit

/// Hostile long-form inputs aimed at the quick pass (`BallotChunk.quickRows`): the bulk reader
/// must give the checked reader's ballots or hand over, never read a file the checked reader
/// reports, and not depend on the thread count.
@Suite("Bulk ballots reader: hostile long files aimed at the quick pass")
struct QuickPassHostileTests {
    typealias S = BulkBallotsReaderTests
    typealias F = BulkFixtures

    // MARK: Sessions

    static let unitIDs = ["X01", "UNIT0001", "UNIT-0123456789", "UNIT-0123456789A", "UNIT-0123456789AB", "UNIT-0123456789AC",
                          "R01", "单位七号", "X09"]

    /// The Xicheng units with their ids replaced (`ids[k]` for the k-th unit; already CSV-quoted if needed).
    static func units(_ ids: [String]) -> [UInt8] {
        var lines = String(decoding: F.sample("xicheng-2014/units.csv"), as: UTF8.self).components(separatedBy: "\n")
        for k in 0 ..< ids.count {
            let line = lines[k + 1]
            let comma = line.firstIndex(of: ",")!
            lines[k + 1] = ids[k] + String(line[comma...])
        }
        return Array(lines.joined(separator: "\n").utf8)
    }

    static let hostileRoster = """
    id,name,group,units,role,conflicts
    R01,甲,第一组,,职工代表,
    R02,乙,第一组,UNIT-0123456789A,工会主席,
    R0000008,丙,第一组,,职工代表,R01
    REP-0123456789A,丁,第一组,,职工代表,
    REP-0123456789AB,戊,第二组,X01,工会主席,
    REP-0123456789ABC,己,第二组,,职工代表,UNIT-0123456789AB
    REP-0123456789ABD,庚,第二组,UNIT-0123456789AC,职工代表,
    X01,辛,第二组,,职工代表,UNIT0001
    代表甲,壬,第三组,单位七号,职工代表,
    R1,癸,第三组,,职工代表,
    R2,子,第三组,R01,职工代表,

    """
    static let repIDs = ["R01", "R02", "R0000008", "REP-0123456789A", "REP-0123456789AB", "REP-0123456789ABC", "REP-0123456789ABD",
                         "X01", "代表甲", "R1", "R2"]

    static let hostile = S.Session(rules: F.xicheng, units: units(unitIDs), roster: Array(hostileRoster.utf8))
    static let noStepRules: Rules = { var r = F.xicheng; r.ballots.scoreStep = nil; return r }()
    static let stepOneRules: Rules = { var r = F.xicheng; r.ballots.scoreStep = Rational(integer: 1); return r }()
    static let hostileNoStep = S.Session(rules: noStepRules, units: units(unitIDs), roster: Array(hostileRoster.utf8))
    static let hostileStepOne = S.Session(rules: stepOneRules, units: units(unitIDs), roster: Array(hostileRoster.utf8))

    /// Item names (keys and standard ids) and each one's points.
    static let items: [(name: String, max: Int)] = [("rights.ballot", 4), ("publicity", 2), ("publicity.ballot", 2), ("safety.ballot", 2),
                                                    ("democracy.ballot", 2), ("models.ballot", 2), ("warmth.ballot", 4),
                                                    ("insurance.ballot", 2), ("audit.ballot", 2)]

    // MARK: Comparison

    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func escaped(_ bytes: [UInt8]) -> String {
        var s = ""
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "\n": s += "\\n"
            case "\r": s += "\\r"
            case "\t": s += "\\t"
            case "\"": s += "\\\""
            case "\\": s += "\\\\"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { s += "\\u{\(String(scalar.value, radix: 16))}" } else { s.unicodeScalars.append(scalar) }
            }
        }
        return s
    }

    static func same(_ bulk: BallotColumns, _ checked: BallotBox, unitCount: Int) -> String? {
        let itemCount = checked.items.count
        guard bulk.itemCount == itemCount, bulk.offsets.count == unitCount * itemCount + 1 else { return "shape" }
        guard bulk.recusals == checked.recusals else { return "recusals: bulk \(bulk.recusals.count) checked \(checked.recusals.count)" }
        var expected = Array(repeating: [Rational](), count: unitCount * itemCount)
        for b in checked.ballots { expected[b.unit * itemCount + b.item].append(b.score) }
        for cell in expected.indices {
            let got = bulk.scores[Int(bulk.offsets[cell]) ..< Int(bulk.offsets[cell + 1])].map { Rational(Int64($0), BulkData.pow10[bulk.scale]) }
            if got != expected[cell].sorted() { return "cell \(cell): bulk \(got) ≠ checked \(expected[cell].sorted())" }
        }
        return nil
    }

    static func identical(_ a: BallotColumns?, _ b: BallotColumns?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let a?, let b?): return a.scale == b.scale && a.offsets == b.offsets && a.scores == b.scores && a.recusals == b.recusals
        default: return false
        }
    }

    /// Quick rows read in one chunk over the body (0 when the chunk hands over early, counted anyway).
    static func quickRows(_ s: S.Session, _ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { p in
            guard let header = BulkCSV.header(p),
                  let cx = BulkBallotsReader.Context(header: header.names, rules: s.rules, units: (s.index, s.ids), roster: s.roster, fileName: "ballots.csv")
            else { return 0 }
            var chunk = BallotChunk(start: header.bodyStart, end: p.count, scale: cx.startScale, keepReps: false)
            chunk.parse(p, cx, release: nil)
            return chunk.quickRowsRead
        }
    }

    struct Tally {
        var files = 0, checkedErrors = 0, bulkRead = 0, handedOverValid = 0, quick = 0
        var failures: [String] = []
    }

    /// The contract on one file; a failure's description, or nil.
    static func verdict(_ s: S.Session, _ bytes: [UInt8], _ tally: inout Tally) -> String? {
        tally.files += 1
        let checked = s.checked(bytes)
        let errors = checked.diagnostics.filter { $0.severity == .error }
        let one = s.bulk(bytes)
        let two = s.bulk(bytes, threads: 2, threshold: 0)
        let three = s.bulk(bytes, threads: 3, threshold: 0)
        tally.quick += quickRows(s, bytes)
        if !errors.isEmpty {
            tally.checkedErrors += 1
            if one != nil || two != nil || three != nil {
                return "ACCEPTED a file the checked reader reports (1:\(one != nil) 2:\(two != nil) 3:\(three != nil)): \(errors.map(\.text).prefix(2))"
            }
            return nil
        }
        guard let box = checked.box else { return "checked: no box, no error" }
        if !identical(one, two) || !identical(one, three) {
            return "THREAD-DEPENDENT: 1:\(one != nil) 2:\(two != nil) 3:\(three != nil)"
        }
        guard let one else { tally.handedOverValid += 1; return nil }
        tally.bulkRead += 1
        if let why = same(one, box, unitCount: s.ids.count) { return "DIFFERENT: \(why)" }
        return nil
    }

    // MARK: Generator

    static func score(_ max: Int, step: Int, _ rng: inout SplitMix) -> String {
        // step: 0 none (d or d.d up to max), 5 (0.5), 10 (1)
        switch step {
        case 5:
            let k = Int.random(in: 0 ... 2 * max, using: &rng)
            if k % 2 == 1 { return "\(k / 2).5" }
            return Bool.random(using: &rng) && Int.random(in: 0 ..< 4, using: &rng) == 0 ? "\(k / 2).0" : "\(k / 2)"
        case 10:
            let k = Int.random(in: 0 ... max, using: &rng)
            return Int.random(in: 0 ..< 5, using: &rng) == 0 ? "\(k).0" : "\(k)"
        default:
            let t = Int.random(in: 0 ... 10 * max, using: &rng)
            if t % 10 == 0 && Bool.random(using: &rng) { return "\(t / 10)" }
            return "\(t / 10).\(t % 10)"
        }
    }

    static let badScores = ["0", "9", "4.0", ".5", "5.", "3.50", "+3", "-0", "３", " 2", "2 ", "1.3", "2.25", "02", "1e0", "\t2", "", "0.0",
                            "2.5", "1.05", "00", "4.5", "x", "2\r", "1.", "0.5"]

    /// One unit's ballots, as (representative, item index) pairs: some of `repIDs` and some of
    /// the items, representative by representative or item by item. Items 1 and 2 are the
    /// same item under two names (`publicity` and its standard's id): at most one is kept (a
    /// duplicate otherwise).
    static func block(_ repIDs: [String], itemCount: Int, _ rng: inout SplitMix) -> [(String, Int)] {
        let reps = repIDs.shuffled(using: &rng).prefix(Int.random(in: 1 ... repIDs.count, using: &rng))
        var itemPicks = Array(0 ..< itemCount).shuffled(using: &rng).prefix(Int.random(in: 1 ... itemCount, using: &rng))
        if itemPicks.contains(1) && itemPicks.contains(2) { itemPicks.removeAll { $0 == (Bool.random(using: &rng) ? 1 : 2) } }
        var pairs: [(String, Int)] = []
        if Bool.random(using: &rng) {
            for r in reps { for i in itemPicks { pairs.append((r, i)) } }
        } else {
            for i in itemPicks { for r in reps { pairs.append((r, i)) } }
        }
        return pairs
    }

    static func file(_ rng: inout SplitMix, step: Int) -> [UInt8] {
        let order = Int.random(in: 0 ..< 20, using: &rng)
        // 0 ..< 9: rep first; 9 ..< 18: unit first; 18: unit,standard,rep,score; 19: a fifth column.
        let repFirst = order < 9
        let mixedEnds = Int.random(in: 0 ..< 8, using: &rng) == 0
        let crlf = Bool.random(using: &rng)
        let mutationRate = Int.random(in: 0 ..< 2, using: &rng) == 0 ? 0 : Int.random(in: 1 ... 12, using: &rng)
        var out = ""
        if Int.random(in: 0 ..< 8, using: &rng) == 0 { out += "\u{FEFF}" }
        func end() -> String { mixedEnds ? (Bool.random(using: &rng) ? "\r\n" : "\n") : (crlf ? "\r\n" : "\n") }
        switch order {
        case 18: out += "unit,standard,representative,score"
        case 19: out += "representative,unit,standard,score,note"
        default: out += repFirst ? "representative,unit,standard,score" : "unit,representative,standard,score"
        }
        out += end()
        func row(_ u: String, _ r: String, _ i: String, _ sc: String) -> String {
            switch order {
            case 18: return "\(u),\(i),\(r),\(sc)"
            case 19: return "\(r),\(u),\(i),\(sc),"
            default: return repFirst ? "\(r),\(u),\(i),\(sc)" : "\(u),\(r),\(i),\(sc)"
            }
        }
        var previous: String?
        let blocks = Int.random(in: 1 ... 7, using: &rng)
        var lastUnit = -1
        for _ in 0 ..< blocks {
            var u = Int.random(in: 0 ..< unitIDs.count, using: &rng)
            if u == lastUnit && Bool.random(using: &rng) { u = (u + 1) % unitIDs.count }
            lastUnit = u
            for (r, i) in Self.block(repIDs, itemCount: items.count, &rng) {
                var unit = unitIDs[u], rep = r, item = items[i].name
                var sc = score(items[i].max, step: step, &rng)
                var lineEnd = end()
                var line: String?
                if mutationRate > 0 && Int.random(in: 0 ..< 100, using: &rng) < mutationRate {
                    switch Int.random(in: 0 ..< 14, using: &rng) {
                    case 0, 1, 2: sc = badScores.randomElement(using: &rng)!
                    case 3: rep = " " + rep
                    case 4: unit = unit + " "
                    case 5: item = item + "\t"
                    case 6: if let previous { out += previous + end() }  // a duplicate of the row before
                    case 7: lineEnd = "\r"
                    case 8: out += end()  // a blank line
                    case 9: line = row(unit, rep, item, sc) + ",1"
                    case 10: line = repFirst ? "\(rep),\(unit),\(sc)" : "\(unit),\(rep),\(sc)"
                    case 11: rep = ["R99", "X02", "REP-0123456789AE", "REP-0123456789A ", "r01", "R01\u{0}", "R0\u{1}1", "UNIT-0123456789A"].randomElement(using: &rng)!
                    case 12: unit = ["X02", "UNIT-0123456789AD", "UNIT-0123456789", "UNIT-012345678", "R1", "X01\u{0}"].randomElement(using: &rng)!
                    default: item = ["publicity.ballo", "rights", "Rights.ballot", "audit.ballot.", "safety.ballot\u{0}"].randomElement(using: &rng)!
                    }
                }
                let text = line ?? row(unit, rep, item, sc)
                out += text + lineEnd
                previous = text
            }
        }
        var bytes = Array(out.utf8)
        if Int.random(in: 0 ..< 5, using: &rng) == 0 {
            while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
        }
        return bytes
    }

    @Test("random hostile long files: the checked reader's ballots, or a hand-over, on any thread count", arguments: [0, 1, 2])
    func random(kind: Int) {
        let (session, step) = [(Self.hostile, 5), (Self.hostileNoStep, 0), (Self.hostileStepOne, 10)][kind]
        var rng = SplitMix(state: 0x5EED_0000 + UInt64(kind))
        var tally = Tally()
        for n in 0 ..< 100 {
            let bytes = Self.file(&rng, step: step)
            if let why = Self.verdict(session, bytes, &tally) {
                tally.failures.append("#\(n) \(why)\n    \"\(Self.escaped(bytes))\"")
            }
        }
        for f in tally.failures.prefix(8) { Issue.record(Comment(rawValue: f)) }
    }

    // MARK: Targeted

    static func check(_ s: S.Session, _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        var tally = Tally()
        if let why = verdict(s, Array(text.utf8), &tally) {
            Issue.record(Comment(rawValue: why + "\n    \"" + escaped(Array(text.utf8)) + "\""), sourceLocation: sourceLocation)
        }
    }

    /// Many rows of unit `u` (the quick pass's food), for `reps`.
    static func filler(_ u: String, reps: [String], repFirst: Bool, end: String = "\n") -> String {
        var s = ""
        for r in reps { for (i, m) in items where i != "publicity.ballot" { s += (repFirst ? "\(r),\(u),\(i),\(m / 2)" : "\(u),\(r),\(i),\(m / 2)") + end } }
        return s
    }

    @Test("rows at the 48-byte edge, ids of 8, 15, 16, 17 bytes, ids sharing 16 bytes, unit ids equal to rep ids")
    func edges() {
        let h = "unit,representative,standard,score\n"
        // Rows of 46 … 52 bytes: unit of 16/17 bytes, rep of 15/16/17, item of 13/16.
        for u in ["UNIT-0123456789A", "UNIT-0123456789AB", "UNIT-0123456789AC", "R01", "UNIT0001"] {
            for pad in 0 ..< 3 {
                var body = Self.filler(u, reps: ["R1", "R0000008", "REP-0123456789A", "REP-0123456789ABC", "REP-0123456789ABD", "X01", "R01"], repFirst: false)
                body += String(repeating: "X09,R1,rights.ballot,1\n", count: pad)
                Self.check(Self.hostile, h + body)
                Self.check(Self.hostile, h + body.replacingOccurrences(of: "\n", with: "\r\n"))
                Self.check(Self.hostile, String((h + body).dropLast()))
            }
        }
    }

    @Test("a recused representative right after a unit change, units entered twice, own unit = conflict")
    func recusals() {
        let reps = ["R01", "R02", "R0000008", "REP-0123456789AB", "REP-0123456789ABD", "X01", "代表甲", "R2"]
        for repFirst in [true, false] {
            let h = repFirst ? "representative,unit,standard,score\n" : "unit,representative,standard,score\n"
            var body = ""
            for u in ["X01", "UNIT-0123456789A", "R01", "UNIT0001", "X01", "UNIT-0123456789AC", "单位七号", "UNIT-0123456789A", "UNIT-0123456789AB"] {
                body += Self.filler(u, reps: reps.shuffled(), repFirst: repFirst)
            }
            Self.check(Self.hostile, h + body)
        }
    }

    @Test("scale 0 then tenths: rescaled mid-run")
    func rescale() {
        let h = "representative,unit,standard,score\n"
        var body = Self.filler("X01", reps: ["R01", "R1", "X01"], repFirst: true)
        body += "R0000008,X01,rights.ballot,2.5\n"
        body += Self.filler("X09", reps: ["R01", "R1", "X01"], repFirst: true).replacingOccurrences(of: ",1\n", with: ",1.5\n")
        Self.check(Self.hostileNoStep, h + body)
        Self.check(Self.hostileStepOne, h + body)
        Self.check(Self.hostile, h + body)
    }

    @Test("ids with a quote (legal in the roster and units files when quoted there)")
    func quotes() {
        let roster = Array((String(decoding: F.sample("xicheng-2014/roster.csv"), as: UTF8.self) + "\"R\"\"Q\",某,第一组,,职工代表\n").utf8)
        let s = S.Session(rules: F.xicheng, units: F.sample("xicheng-2014/units.csv"), roster: roster)
        #expect(s.roster.contains { $0.id == "R\"Q" })
        let h = "representative,unit,standard,score\n"
        // A bare quote inside an unquoted cell: the checked reader reports it (csv-stray-quote).
        Self.check(s, h + "R\"Q,X01,rights.ballot,3\n")
        Self.check(s, h + Self.filler("X01", reps: ["R01", "R02", "R04"], repFirst: true) + "R\"Q,X01,rights.ballot,3\n" + Self.filler("X04", reps: ["R01", "R02"], repFirst: true))
        Self.check(s, h + Self.filler("X01", reps: ["R01", "R02", "R04", "R\"Q", "R05"], repFirst: true))
        let units = Self.units(["X01", "X02", "X03", "X04", "X05", "X06", "X07", "X08", "\"X\"\"Q\""])
        let s2 = S.Session(rules: F.xicheng, units: units, roster: F.sample("xicheng-2014/roster.csv"))
        #expect(s2.ids.contains("X\"Q"))
        Self.check(s2, h + Self.filler("X\"Q", reps: ["R01", "R02", "R04", "R05"], repFirst: true))
    }

    @Test("generated long files: a duplicate put later in its unit (past 64 representatives), read by the quick pass or the full steps")
    func generatedDuplicates() {
        let all = String(decoding: BulkBallotsLongTests.long(.unitThenStandard, end: "\n"), as: UTF8.self)
        var lines = Array(all.split(separator: "\n").prefix(12_001).map(String.init))
        let header = lines[0].split(separator: ",").map(String.init)
        let unitCol = header.firstIndex(of: "unit") ?? 1
        func unit(_ k: Int) -> Substring { lines[k].split(separator: ",", omittingEmptySubsequences: false)[unitCol] }
        var rng = SplitMix(state: 77)
        var tally = Tally()
        var failures: [String] = []
        for trial in 0 ..< 24 {
            let k = Int.random(in: 1 ..< lines.count - 1, using: &rng)
            var b = k
            while b + 1 < lines.count && unit(b + 1) == unit(k) { b += 1 }
            let j = Int.random(in: k + 1 ... b + 1, using: &rng)
            var copy = lines
            var dup = lines[k]
            if trial % 3 == 1 { dup = String(dup.dropLast()) + (dup.hasSuffix("1") ? "2" : "1") }  // another score
            copy.insert(dup, at: j)
            if trial % 2 == 1 { copy = BallotQuickRowsTests.unitFirst(copy) }
            let bytes = Array((copy.joined(separator: "\n") + "\n").utf8)
            if let why = Self.verdict(S.generated, bytes, &tally) { failures.append("trial \(trial) k \(k) j \(j): \(why)") }
            if Self.verdict(S.generated, bytes, &tally) == nil && tally.checkedErrors == 0 { failures.append("trial \(trial): checked reader found no duplicate") }
        }
        _ = lines.removeLast()
        for f in failures.prefix(8) { Issue.record(Comment(rawValue: f)) }
    }

    @Test("more than 64 representatives in a unit: each one's items and stamp, a duplicate before and after the 64th")
    func manyRepresentatives() {
        let s = S.generated
        let reps = s.roster.map(\.id).prefix(90)
        let units = Array(s.ids.prefix(4))
        func body(_ u: String, dup: (rep: Int, item: String)?) -> String {
            var t = ""
            for item in ["rights.ballot", "publicity", "safety.ballot"] {
                for r in reps { t += "\(u),\(r),\(item),1\n" }
            }
            if let dup { t += "\(u),\(reps[reps.startIndex + dup.rep]),\(dup.item),2\n" }
            return t
        }
        let h = "unit,representative,standard,score\n"
        var tally = Tally()
        var failures: [String] = []
        // Valid: several units, each with 90 representatives.
        let valid = h + units.map { body($0, dup: nil) }.joined()
        if let why = Self.verdict(s, Array(valid.utf8), &tally) { failures.append("valid: \(why)") }
        for (r, item) in [(0, "rights.ballot"), (63, "publicity"), (64, "safety.ballot"), (89, "rights.ballot"), (1, "safety.ballot")] {
            for at in 0 ..< units.count {
                let text = h + units.enumerated().map { body($0.element, dup: $0.offset == at ? (r, item) : nil) }.joined()
                let before = tally.checkedErrors
                if let why = Self.verdict(s, Array(text.utf8), &tally) { failures.append("dup \(r) \(item) in unit \(at): \(why)") }
                if tally.checkedErrors == before { failures.append("dup \(r) \(item): no error from the checked reader?") }
            }
        }
        for f in failures.prefix(8) { Issue.record(Comment(rawValue: f)) }
    }

    @Test("roster ids the roster reader would refuse, given through the API: a line feed inside, a space at the end")
    func apiRosterIDs() {
        for (k, id, cell) in [(1, "R0\n2", "R0\n2"), (1, "R02 ", "R02 "), (1, "R0\r\n2", "R0\r\n2")] {
            var s = S.xicheng
            s.roster[k].id = id
            let h = "representative,unit,standard,score\n"
            let text = h + Self.filler("X01", reps: ["R01", "R04", "R05"], repFirst: true) + "\(cell),X01,rights.ballot,3\n"
                + Self.filler("X01", reps: ["R06", "R07"], repFirst: true)
            var tally = Tally()
            if let why = Self.verdict(s, Array(text.utf8), &tally) {
                Issue.record(Comment(rawValue: "roster id \(Self.escaped(Array(id.utf8))): \(why) (quick rows \(tally.quick))"))
            }
        }
    }
}
