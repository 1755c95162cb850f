import Foundation
import Testing
@testable import KaimenKit

@Suite("Bulk roster reader: the checked reader's representatives, fast, or a hand-over")
struct BulkRosterReaderTests {
    typealias F = BulkFixtures

    /// The Xicheng sample's units, X01 … X12: the units the rosters below may name.
    static let xichengUnits = IDTable(F.checkedUnits(F.sample("xicheng-2014/units.csv"), rules: F.xicheng).table!.units.map(\.id))

    /// `RosterReader` as `BulkRun` called it before it had a bulk roster reader.
    static func checked(_ bytes: [UInt8], units: IDTable = xichengUnits) -> (reps: [Representative]?, diagnostics: [Diagnostic]) {
        RosterReader.read(Data(bytes), fileName: "roster.csv",
                          matcher: UnitMatcher(ids: (0..<units.count).map { String(decoding: units.key($0), as: UTF8.self) }, names: []))
    }

    static func bulk(_ bytes: [UInt8], units: IDTable = xichengUnits, threads: Int = 1, threshold: Int = 1 << 20) -> [Representative]? {
        BulkRosterReader.read(bytes, fileName: "roster.csv", units: units, threads: threads, parallelThreshold: threshold)
    }

    /// The checked reader has nothing to say, and the bulk reader gives the same
    /// representatives, byte for byte (`String`'s `==` would let canonically equivalent text pass).
    static func expectSame(_ bytes: [UInt8], units: IDTable = xichengUnits, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let checked = Self.checked(bytes, units: units)
        #expect(checked.diagnostics.isEmpty, "\(checked.diagnostics)", sourceLocation: sourceLocation)
        let expected = try #require(checked.reps, sourceLocation: sourceLocation)
        let got = try #require(bulk(bytes, units: units), "the bulk reader handed over", sourceLocation: sourceLocation)
        #expect(got == expected, sourceLocation: sourceLocation)
        func utf8(_ reps: [Representative]) -> [[[UInt8]]] {
            reps.map { r in ([r.id, r.name, r.group, r.role, r.location.file] + r.units + ["|"] + r.conflicts).map { Array($0.utf8) } }
        }
        #expect(utf8(got) == utf8(expected), sourceLocation: sourceLocation)
        #expect(got.map(\.location) == expected.map(\.location), sourceLocation: sourceLocation)
        for threads in [2, 3] {
            let parallel = bulk(bytes, units: units, threads: threads, threshold: 0)
            #expect(parallel.map(utf8) == utf8(expected) && parallel?.map(\.location) == expected.map(\.location),
                    "on \(threads) threads", sourceLocation: sourceLocation)
        }
    }

    /// The checked reader reports something (an error or a warning), and the bulk reader hands over.
    static func expectHandOver(_ bytes: [UInt8], units: IDTable = xichengUnits, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(!checked(bytes, units: units).diagnostics.isEmpty, "the checked reader should object", sourceLocation: sourceLocation)
        for threads in [1, 2, 3] {
            #expect(bulk(bytes, units: units, threads: threads, threshold: 0) == nil, "on \(threads) threads", sourceLocation: sourceLocation)
        }
    }

    @Test("reads the samples' rosters exactly as the checked reader does", arguments: ["xicheng-2014", "dongcheng-2019"])
    func samples(name: String) throws {
        let rules = name == "xicheng-2014" ? F.xicheng : F.dongcheng
        let units = IDTable(F.checkedUnits(F.sample("\(name)/units.csv"), rules: rules).table!.units.map(\.id))
        try Self.expectSame(F.sample("\(name)/roster.csv"), units: units)
        #expect(Self.bulk(F.sample("\(name)/roster.csv"), units: units)!.contains { !$0.units.isEmpty })
    }

    static let generatedUnits = IDTable(F.checkedUnits(F.generated.units, rules: F.xicheng).table!.units.map(\.id))

    @Test("reads a generated roster (BOM, CRLF, own units) exactly as the checked reader does, on one thread or several")
    func generated() throws {
        let units = Self.generatedUnits
        try Self.expectSame(F.generated.roster, units: units)
        let one = try #require(Self.bulk(F.generated.roster, units: units))
        #expect(one.contains { !$0.units.isEmpty })
        for threads in [2, 7] { #expect(Self.bulk(F.generated.roster, units: units, threads: threads, threshold: 0) == one) }
    }

    /// The generated roster's lines (the header first), and back to bytes.
    static func generatedLines() -> [String] {
        String(decoding: F.generated.roster, as: UTF8.self).components(separatedBy: "\r\n")
    }

    static func joined(_ lines: [String]) -> [UInt8] { Array(lines.joined(separator: "\r\n").utf8) }

    @Test("reads ids out of order, here and across the threads' chunks, and finds a repeated one wherever it is")
    func order() throws {
        let units = Self.generatedUnits
        let lines = Self.generatedLines()
        let rows = lines.dropFirst().filter { !$0.isEmpty }
        // Backwards, shuffled, and two halves swapped (each ascending, the chunks not).
        var rng = SplitMix64(seed: 1)
        let half = rows.count / 2
        for reordered in [Array(rows.reversed()), rows.shuffled(using: &rng), Array(rows[half...] + rows[..<half])] {
            try Self.expectSame(Self.joined([lines[0]] + reordered), units: units)
        }
        // A repeated id: the last row again, at the start, at the end, and the first row in the middle.
        for edited in [[rows.last!] + rows, rows + [rows.last!], Array(rows[..<half] + [rows[0]] + rows[half...])] {
            Self.expectHandOver(Self.joined([lines[0]] + edited), units: units)
        }
    }

    @Test("takes what the checked reader takes without a word", arguments: [
        "id,name,group,units,role\nR1,甲,一组,X01,代表\nR2,乙,一组,,主席",                         // no final line end
        "\u{FEFF}\r\n\r\nid,name,group,units,role\r\nR1,甲,一组,X01,代表\r\n\r\nR2,乙,一组,,主席\r\n",  // BOM, empty lines, CRLF
        "代表编号,姓名,组别,所在单位,身份\nR1,甲,一组,X01,代表\n",                                 // Chinese column names
        "ID,Name,Group,UNITS,Role\nR1,甲,一组,X01,代表\n",                                        // upper case
        "rep_id,own_units\nR1,X01\nR2,\n",                                                         // no optional columns
        "姓名,备注,组,代表,单位编号\n甲,老代表,一组,R1,X01\n乙,,一组,R2,X02\n",                         // id not first; a column no one reads
        "id,units,name\n R1 ,\tX01 , 甲\t\nR2, ,\n",                                               // spaces and tabs around cells
        "id,units\nR1,X01;X02\nR2,X01 | X02/X03\nR3,\tX01\t X02\t\nR4,;;X01;\n",                   // ASCII lists
        "id,units\nR1,X01；X02\nR2,X01、X02，X03\nR3,X01 \u{3000}X02\nR4,X01 ；\u{A0}X02\n",          // full-width separators and spaces
        "id,units\nR1,X01;X01\n",                                                                  // a unit twice
        "id,name,units\nR1,甲,\n,,\n , \t,\nR2,乙,\n",                                              // rows of nothing but blanks
        "id,name,units\n代表一,名\u{3000}字,\n代表二,\u{301}乙,\n",                                    // non-ASCII ids and text
        "id,units,note\nR1,,\u{200B}a\u{A0}b\nR2,,\u{1F600}\n",                                    // odd text where no one reads it (a BOM is an error anywhere but the start)
        "id,group,role,units\nR1,第一大组第一小组,职工代表（劳动模范）,\nR2,第一大组第一小组,职工代表（劳动模范）,\nR3,一,甲,",  // long and short groups and roles
    ])
    func accepts(text: String) throws {
        try Self.expectSame(Array(text.utf8))
    }

    @Test("finds each representative's line and column as the checked reader does")
    func locations() throws {
        let text = "\n名字,id,units\n\n张三,R1,\r\n李四,  R2,X01\n"
        try Self.expectSame(Array(text.utf8))
        let reps = try #require(Self.bulk(Array(text.utf8)))
        #expect(reps.map(\.location.line) == [4, 5])
        #expect(reps.map(\.location.column) == [4, 4])
        #expect(reps.map(\.location.file) == ["roster.csv", "roster.csv"])
    }

    @Test("hands over on every representative the checked reader reports", arguments: [
        "id,name,units\nR1,甲,\n,乙,\n",                 // no id
        "id,name,units\nR1,甲,\n  ,乙,\n",               // an id of spaces
        "id,name,units\nR1,甲,\nR2,乙,\nR1,丙,\n",        // duplicate id
        "id,name,units\nR1,甲,\n R1,乙,\n",              // duplicate once trimmed
        "id,name,units\n\u{E9},甲,\ne\u{301},乙,\n",      // duplicate as `String`s: é, one scalar or two
        "id,name,units\nK,甲,\n\u{212A},乙,\n",           // duplicate as `String`s: K and the Kelvin sign
        "id,name,units\nR1,甲,X99\n",                    // unknown unit
        "id,name,units\nR1,甲,X01;x02\n",                // unknown unit: ids are case-sensitive
        "id,name,units\nR1,甲,X01；X99\n",               // unknown unit in a full-width list
        "id,name,units\nR1,甲,X0\u{301}1\n",             // unknown unit, a combining mark in it
        "id,name,units\n",                               // no representatives
        "id,name,units\n,,\n\n",                         // no representatives, a blank row
    ])
    func handsOverOnRows(text: String) {
        Self.expectHandOver(Array(text.utf8))
    }

    @Test("hands over on file-level problems", arguments: [
        "name,units\n甲,X01\n",                          // no id column
        "id,name\nR1,甲\n",                              // no units column
        "id,name,units\nR1,甲\n",                        // ragged: too few
        "id,name,units\nR1,甲,,x\n",                     // ragged: too many
        "id,name,name,units\nR1,甲,乙,\n",                // duplicate header
        "id,,units\nR1,甲,\n",                           // blank header
        "id,name,units,\nR1,甲,,x\n",                    // blank header at the end, a value under it (empty under it, it is no column: TrailingEmptyCellsTests)
        "id,name,units\nR1,甲\"乙,\n",                    // stray quote
        "id,name,units\nR1,\"甲,\n",                      // unbalanced quote
        "",                                              // empty
        "\n\n",                                          // nothing but empty lines
    ])
    func handsOverOnFiles(text: String) {
        Self.expectHandOver(Array(text.utf8))
    }

    @Test("hands over on other encodings and on bytes that are not text")
    func encodings() {
        let head = Array("id,name,units\nR1,".utf8)
        Self.expectHandOver(head + [0xC4, 0xE3] + Array(",\n".utf8))                       // GB18030
        Self.expectHandOver(head + [0xFF] + Array(",\n".utf8))                             // neither UTF-8 nor GB18030
        Self.expectHandOver(Array("id,units,note\nR1,,".utf8) + [0xC4, 0xE3] + [0x0A])      // GB18030 where no one reads
        Self.expectHandOver(head + Array("a\0b,\n".utf8))                                  // NUL
        Self.expectHandOver([0xFF, 0xFE] + Array("i\0d\0,\0u\0n\0i\0t\0s\0\n\0R\01\0,\0\n\0".utf8))  // UTF-16
        Self.expectHandOver([0xEF, 0xBB, 0xBF, 0xFF] + Array("id,units\nR1,\n".utf8))       // a BOM, then not UTF-8
        Self.expectHandOver([0x50, 0x4B, 0x03, 0x04] + Array("id,units\nR1,\n".utf8))       // a workbook
    }

    @Test("hands over on legal input it leaves to the checked reader", arguments: [
        "id,name,units\nR1,\"甲\",\n",                    // quoted
        "id,name,units\rR1,甲,\r",                         // old Mac line ends
        "id,name,units\nR1,\u{3000}甲,\n",                 // an ideographic space to trim
        "id,name,units\nR1\u{A0},甲,\n",                   // a no-break space to trim
        "id,name,units\nR1,甲,\n\u{3000},,\n",             // a row blank but for an ideographic space
    ])
    func handsOverOnRareLegalInput(text: String) {
        #expect(Self.checked(Array(text.utf8)).diagnostics.isEmpty)
        #expect(Self.bulk(Array(text.utf8)) == nil)
    }

    // MARK: End to end

    /// `kaimen score` on the session in `dir`, by one engine: the exit code, standard output,
    /// standard error up to the stage times (which differ from run to run), and the engine used.
    static func score(_ dir: URL, engine: String) -> (code: ExitCode, out: String, err: String, engine: String?) {
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        let code = CLI.run(["score", "--rules", "rules/xicheng-2014.jsonc", "--units", dir.appendingPathComponent("units.csv").path,
                            "--roster", dir.appendingPathComponent("roster.csv").path,
                            "--ballots", dir.appendingPathComponent("ballots.csv").path,
                            "--engine", engine, "--format", "csv", "--timings"], console: console)
        let used = console.stderr.split(separator: "\n").first { $0.hasPrefix("engine\t") }.map { String($0.dropFirst(7)) }
        return (code, console.stdout, console.stderr.components(separatedBy: "\nread rules")[0], used)
    }

    @Test("`kaimen score` says the same about a broken roster whichever engine was asked for", arguments: [
        "duplicate", "unknown-unit", "near-miss-unit", "no-units-column", "ideographic-space",
    ])
    func endToEnd(broken: String) throws {
        let dir = try GeneratedSession.make(units: 300, seed: 11, rules: "rules/xicheng-2014.jsonc")
        defer { try? FileManager.default.removeItem(at: dir) }
        // The clean roster goes through the bulk engine.
        let clean = Self.score(dir, engine: "fast")
        #expect(clean.code == .success && clean.engine == "fast")
        let roster = dir.appendingPathComponent("roster.csv")
        var lines = try String(contentsOf: roster, encoding: .utf8).components(separatedBy: "\r\n")
        var cells = lines[5].components(separatedBy: ",")
        switch broken {
        case "duplicate": cells[0] = lines[2].components(separatedBy: ",")[0]
        case "unknown-unit": cells[3] = "西城区创业孵化器"  // an outside unit: a note
        case "near-miss-unit": cells[3] = "U9999"  // two edits from U0299: an error
        case "ideographic-space": cells[1] = "\u{3000}" + cells[1]
        default:
            for i in lines.indices where !lines[i].isEmpty {
                var c = lines[i].components(separatedBy: ",")
                c.remove(at: 3)
                lines[i] = c.joined(separator: ",")
            }
            cells = lines[5].components(separatedBy: ",")
        }
        lines[5] = cells.joined(separator: ",")
        try lines.joined(separator: "\r\n").write(to: roster, atomically: true, encoding: .utf8)

        let bulk = Self.score(dir, engine: "fast")
        let checked = Self.score(dir, engine: "checked")
        #expect(bulk.code == checked.code)
        #expect(bulk.out == checked.out)
        #expect(bulk.err == checked.err)
        // The bulk engine handed over to the checked one, which says what is wrong.
        #expect(bulk.code == (["duplicate", "no-units-column", "near-miss-unit"].contains(broken) ? .failure : .success))
        #expect(bulk.code == .failure || bulk.engine == "checked")
        #expect((checked.err.contains("roster.csv:") || checked.err.contains("roster.csv 第 ")) == (broken != "ideographic-space"), "\(checked.err)")
    }
}
