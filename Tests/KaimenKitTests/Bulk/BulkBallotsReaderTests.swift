import Foundation
import Testing
@testable import KaimenKit

@Suite("Bulk ballots reader: the checked reader's ballots, fast, or a hand-over")
struct BulkBallotsReaderTests {
    typealias F = BulkFixtures

    struct Session {
        var rules: Rules
        var units: UnitTable
        var roster: [Representative]
        var ids: [String] { units.units.map(\.id) }
        var index: IDTable { IDTable(ids) }

        init(rules: Rules, units: [UInt8], roster: [UInt8]) {
            self.rules = rules
            self.units = F.checkedUnits(units, rules: rules).table!
            self.roster = F.checkedRoster(roster, units: self.units.units)
        }

        func checked(_ bytes: [UInt8]) -> (box: BallotBox?, diagnostics: [Diagnostic]) {
            BallotsReader(rules: rules, units: units.units, representatives: roster).read(Data(bytes), fileName: "ballots.csv")
        }

        func bulk(_ bytes: [UInt8], threads: Int = 1, threshold: Int = 4 << 20) -> BallotColumns? {
            BulkBallotsReader.read(bytes, fileName: "ballots.csv", rules: rules, units: (index, ids), roster: roster,
                                   threads: threads, parallelThreshold: threshold)
        }

        /// Why the bulk reader hands over, on one thread (`nil` when it reads the file); the
        /// same on several threads.
        func tryRead(_ bytes: [UInt8], keepRepresentatives: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> BulkHandOver? {
            func why(_ threads: Int, _ threshold: Int) -> BulkHandOver? {
                let r = BulkBallotsReader.tryRead(bytes, fileName: "ballots.csv", rules: rules, units: (index, ids), roster: roster,
                                                  threads: threads, parallelThreshold: threshold, keepRepresentatives: keepRepresentatives)
                if case .failure(let w) = r { return w }
                return nil
            }
            let one = why(1, 4 << 20)
            #expect(why(2, 0) == one, sourceLocation: sourceLocation)
            return one
        }

        /// Bulk equals checked, on one thread and on several.
        /// The same ballots, and a wide file's empty score cells the same warning (`blank-score`,
        /// the one thing the checked reader may say of a file the bulk reader reads).
        func expectSame(_ bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
            let checked = self.checked(bytes)
            let blank = checked.diagnostics.filter { $0.code == "blank-score" }
            #expect(checked.diagnostics.count == blank.count, "\(checked.diagnostics)", sourceLocation: sourceLocation)
            let one = try #require(bulk(bytes), sourceLocation: sourceLocation)
            F.expectSame(one, try #require(checked.box), unitCount: units.units.count, sourceLocation: sourceLocation)
            #expect(one.blankCells.warning(fileName: "ballots.csv") == blank.first, sourceLocation: sourceLocation)
            for threads in [2, 3] {
                let other = try #require(bulk(bytes, threads: threads, threshold: 0), sourceLocation: sourceLocation)
                F.expectIdentical(one, other, sourceLocation: sourceLocation)
                #expect(other.blankCells == one.blankCells, sourceLocation: sourceLocation)
            }
        }

        /// The checked reader reports an error, and bulk hands over.
        func expectHandOver(_ bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
            #expect(checked(bytes).diagnostics.contains { $0.severity == .error }, "the checked reader should object", sourceLocation: sourceLocation)
            #expect(bulk(bytes) == nil, sourceLocation: sourceLocation)
            #expect(bulk(bytes, threads: 2, threshold: 0) == nil, sourceLocation: sourceLocation)
        }
    }

    static let xicheng = Session(rules: F.xicheng, units: F.sample("xicheng-2014/units.csv"), roster: F.sample("xicheng-2014/roster.csv"))
    static let dongcheng = Session(rules: F.dongcheng, units: F.sample("dongcheng-2019/units.csv"), roster: F.sample("dongcheng-2019/roster.csv"))
    /// The generated session, with the first representative of every tenth group made a member
    /// of a unit their group hears, so their ballots for it are recusals.
    static let generated: Session = {
        var lines = String(decoding: F.generated.roster, as: UTF8.self).components(separatedBy: "\r\n")
        for i in stride(from: 1, to: lines.count, by: 70) where !lines[i].isEmpty {
            var cells = lines[i].components(separatedBy: ",")
            let unit: Int = (i - 1) / 7 * 50 / 7 + 3
            cells[3] = String(format: "U%04d", unit)
            lines[i] = cells.joined(separator: ",")
        }
        return Session(rules: F.xicheng, units: F.generated.units, roster: Array(lines.joined(separator: "\r\n").utf8))
    }()

    /// The table of mantissas on the step, by its definition: m / 10^scale = k · p / q for a
    /// whole k, that is (m · q) mod (10^scale · p) = 0 (small enough here for Int64).
    @Test("the step's table marks every mantissa that is a whole number of steps, and no other",
          arguments: [nil, Rational(1, 1), Rational(1, 2), Rational(1, 4), Rational(1, 3), Rational(2, 1), Rational(3, 7),
                      Rational(1, 10_000), Rational(7, 4), Rational(10, 1), Rational(40_000, 1)])
    func stepTable(_ step: Rational?) {
        for scale in 0 ... BulkBallotsReader.maxScale {
            let table = BulkBallotsReader.Context.onStep(step, scale: scale)
            #expect(table.count == Int(Int16.max) + 1)
            let d = ByteNumber.pow10(scale) * (step?.numerator ?? 1), q = step?.denominator ?? 1
            let wrong = table.indices.first { m in table[m] != (step == nil || (Int64(m) * q) % d == 0) }
            #expect(wrong == nil, "scale \(scale): mantissa \(wrong ?? -1)")
        }
    }

    @Test("reads the samples' long and wide ballots exactly as the checked reader does",
          arguments: ["xicheng-2014/ballots.csv", "dongcheng-2019/ballots.csv", "dongcheng-2019/ballots-wide.csv"])
    func samples(path: String) throws {
        let session = path.hasPrefix("xicheng") ? Self.xicheng : Self.dongcheng
        try session.expectSame(F.sample(path))
    }

    @Test("reads the generated units' wide ballots, recusals included, on one thread or several")
    func generated() throws {
        let bytes = F.generated.ballots
        try Self.generated.expectSame(bytes)
        #expect(!Self.generated.checked(bytes).box!.recusals.isEmpty)
    }

    /// The generated ballots with their rows in another order.
    func reordered(_ order: ([Substring]) -> [Substring]) -> [UInt8] {
        let text = String(decoding: F.generated.ballots, as: UTF8.self)
        var lines = text.split(separator: "\r\n")
        let header = lines.removeFirst()
        return Array(([header] + order(lines)).joined(separator: "\r\n").utf8)
    }

    @Test("reads rows not grouped by unit, and units out of order, to the same result")
    func ungrouped() throws {
        let session = Self.generated
        // Sorted by representative: each unit's rows scattered.
        let byRep = reordered { $0.sorted() }
        try session.expectSame(byRep)
        // Grouped, but the units backwards.
        let backwards = reordered { lines in
            Dictionary(grouping: lines) { $0.split(separator: ",")[1] }.sorted { $0.key > $1.key }.flatMap(\.value)
        }
        try session.expectSame(backwards)
        // The same scores as in file order (recusals differ only in their lines).
        let reference = try #require(session.bulk(F.generated.ballots))
        for bytes in [byRep, backwards] {
            let other = try #require(session.bulk(bytes, threads: 2, threshold: 0))
            #expect(other.offsets == reference.offsets && other.scores == reference.scores && other.scale == reference.scale)
            #expect(other.recusals.map(\.score).sorted() == reference.recusals.map(\.score).sorted())
        }
    }

    @Test("takes long files with spaces, -0, 4.0 and extra columns; wide files by standard name and with a sheet id column; hands name and group columns over")
    func variants() throws {
        let s = Self.xicheng
        try s.expectSame(Array("representative,unit,standard,score,sheet\nR01, X01 ,rights.ballot, 3.5 ,0001-8\nR02,X01,rights.ballot,-0,\nR04,X01,publicity,1.0,\n".utf8))
        // A column for no one, empty: nothing to warn of (text in it is the checked reader's, `BallotColumnsTests`).
        try s.expectSame(Array("representative,unit,standard,score,note\nR01,X01,rights.ballot,3.5,\nR02,X01,rights.ballot,2,\n".utf8))
        let item = BallotItem.items(of: F.xicheng).first { $0.key == "publicity" }!
        let name = F.xicheng.standards[item.standard].name
        // The six other ballot standards' columns, empty (a wide file has one for each).
        let rest = ",safety.ballot,democracy.ballot,models.ballot,warmth.ballot,insurance.ballot,audit.ballot", empty = ",,,,,,"
        try s.expectSame(Array("代表编号,表号,单位编号,\(name),rights.ballot\(rest)\r\nR01,0001-8,X01,1.5,\(empty)\r\nR02,0004-5,X01, ,3\(empty)\r\n".utf8))
        // The group column too (since 0.29.3, `TypistGroupTests`): the checked reader reads it alike.
        let grouped = Array("代表编号,组别,单位编号,\(name),rights.ballot\(rest)\r\nR01,第一组,X01,1.5,\(empty)\r\nR02,第一组,X01, ,3\(empty)\r\n".utf8)
        #expect(s.bulk(grouped) == nil && s.bulk(grouped, threads: 2, threshold: 0) == nil)
        #expect(s.checked(grouped).diagnostics.allSatisfy { $0.code == "blank-score" }, "\(s.checked(grouped).diagnostics)")
        #expect(s.tryRead(grouped) == .header)
        // The typist's name columns are checked against the ids by the checked reader alone (since 0.29.1).
        let named = Array("代表编号,姓名,单位编号,\(name),rights.ballot\(rest)\r\nR01,顾尚礼,X01,1.5,\(empty)\r\nR02,王秀兰,X01, ,3\(empty)\r\n".utf8)
        #expect(s.bulk(named) == nil && s.bulk(named, threads: 2, threshold: 0) == nil)
        #expect(!s.checked(named).diagnostics.contains { $0.severity == .error })
        // Header only: no ballots at all is an error (`no-ballots`), so the bulk reader hands over.
        s.expectHandOver(Array("representative,unit,standard,score\n".utf8))
    }

    @Test("hands over on every ballot the checked reader reports", arguments: [
        "R01,X01,rights.ballot,3.5\nR99,X01,rights.ballot,3\n",       // unknown representative
        "R01,X99,rights.ballot,3\n",                                 // unknown unit
        "R01,X01,nothing,3\n",                                       // unknown standard
        "R01,X01,rights.ballot,\n",                                  // no score
        "R01,X01,rights.ballot,abc\n",                               // not a number
        "R01,X01,rights.ballot,-1\n",                                // below 0
        "R01,X01,rights.ballot,99\n",                                // above the maximum
        "R01,X01,rights.ballot,1.25\n",                              // off the 0.5 step
        "R01,X01,rights.ballot,3\nR01,X01,rights.ballot,2\n",        // duplicate, adjacent
        "R01,X01,rights.ballot,3\nR02,X02,publicity,1\nR01,X01,rights.ballot,2\n",  // duplicate, apart
        "R03,X02,rights.ballot,3\nR03,X02,rights.ballot,2\n",        // duplicate recusal
        "R01,X01,rights.ballot,3,4\n",                               // ragged
    ])
    func handsOver(rows: String) {
        Self.xicheng.expectHandOver(Array(("representative,unit,standard,score\n" + rows).utf8))
    }

    @Test("hands over on wide headers the checked reader rejects, and on legal input it leaves to it")
    func handsOverOnHeaders() {
        let s = Self.xicheng
        s.expectHandOver(Array("representative,unit,bogus\nR01,X01,3\n".utf8))
        s.expectHandOver(Array("representative,standard,score\nR01,rights.ballot,3\n".utf8))
        s.expectHandOver(Array("unit,standard,score\nX01,rights.ballot,3\n".utf8))
        #expect(s.bulk(Array("representative,unit,standard,score\nR01,X01,rights.ballot,\"3\"\n".utf8)) == nil)
        #expect(s.bulk(Array("representative,unit,standard,score\nR01,X01,rights.ballot,3e0\n".utf8)) == nil)
    }

    @Test("sets recusals aside with the checked reader's locations, in file order")
    func recusals() throws {
        // R03 belongs to X02.
        let text = "unit,representative,standard,score\nX02,R03,rights.ballot,3\nX01,R03,rights.ballot,3\nX02, R03,publicity,1.5\n"
        try Self.xicheng.expectSame(Array(text.utf8))
        let bulk = try #require(Self.xicheng.bulk(Array(text.utf8)))
        #expect(bulk.recusals.map(\.location.line) == [2, 4])
        #expect(bulk.recusals.map(\.location.column) == [5, 5])
        // Wide, the unit before the representative, and a column for the typist first.
        let rest = ",safety.ballot,democracy.ballot,models.ballot,warmth.ballot,insurance.ballot,audit.ballot", empty = ",,,,,,"
        // (A sheet id: a group column is the checked reader's since 0.29.3, `TypistGroupTests`.)
        try Self.xicheng.expectSame(Array("表号,unit,rep,rights.ballot,publicity\(rest)\n0001-8,X02,R03,3,1.5\(empty)\n0002-6,X02,R01,2.5,\(empty)\n0003-4,X01,R03,,1\(empty)\n".utf8))
    }
}
