import Foundation
import Instructions
import Testing
@testable import KaimenKit

@Suite("The streaming summary writers match the exporters byte for byte")
struct SummaryWriterTests {
    static func sample(_ name: String) throws -> ScoringSession {
        try ScoringSession.run(.init(rules: "rules/\(name).jsonc", units: "samples/\(name)/units.csv", roster: "samples/\(name)/roster.csv",
                                     ballots: "samples/\(name)/ballots.csv", baseDirectory: Fixtures.packageRoot.path))
    }

    @Test("CSV and JSON, one thread and two, both samples", arguments: ["xicheng-2014", "dongcheng-2019"])
    func samples(_ name: String) throws {
        let s = try Self.sample(name)
        let csv = SummaryExport.table(s.report, standardColumns: true).csv()
        let json = Array(SummaryExport.json(s.report).rendered().utf8)
        for threads in [1, 2] {
            #expect(SummaryWriter.csv(s.report, threads: threads) == csv)
            #expect(SummaryWriter.json(s.report, threads: threads) == json)
        }
        #expect(SummaryWriter.csv(s.report, lang: .en) == SummaryExport.table(s.report, lang: .en, standardColumns: true).csv())
    }

    /// The rows go out in pieces formatted on other threads and by the writer, used in order:
    /// small pieces give a small session many of them, as a million units has.
    @Test("CSV in pieces of one row, seven and a thousand, on one to three threads: the exporter's bytes, and a write that fails stops it",
          arguments: ["xicheng-2014", "dongcheng-2019"])
    func pieces(_ name: String) throws {
        let s = try Self.sample(name)
        let csv = SummaryExport.table(s.report, standardColumns: true).csv()
        for (piece, threads) in [(1, 2), (7, 2), (7, 3), (1024, 2), (3, 1)] {
            var out: [UInt8] = []
            SummaryWriter.csv(s.report, threads: threads, piece: piece) { out.append(contentsOf: $0) }
            #expect(out == csv, "pieces of \(piece) on \(threads) threads")
        }
        struct Full: Error {}
        var calls = 0
        #expect(throws: Full.self) {
            try SummaryWriter.csv(s.report, threads: 2, piece: 1) { _ in
                calls += 1
                if calls == 3 { throw Full() }  // the header, a row, and the next row fails
            }
        }
        #expect(calls == 3)
    }

    @Test("fixed-point digits written straight into the buffer read as Rational prints them",
          arguments: [(Int64(8735), 2), (-5, 2), (0, 2), (7, 0), (-1, 0), (1_000_000, 6), (Int64.max, 2), (-123456789, 4)])
    func fixed(_ v: Int64, _ places: Int) {
        var w = CSVChunkWriter(capacity: 8)
        w.fixed(v, places: places)
        #expect(String(decoding: w.bytes, as: UTF8.self) == Rational.formatScaled(v, places: places))
        // The digit table, where it covers the value, writes the same after a separator.
        let table = FixedDigits(places: places)
        w.removeAll()
        w.separatorAndFixed(v, table)
        #expect(String(decoding: w.bytes, as: UTF8.self) == "," + Rational.formatScaled(v, places: places))
    }
}

@Suite("Fixed-point digits written two at a time read as Rational prints them")
struct FixedDigitsWriterTests {
    /// Every value of interest at every precision a rules file can ask for (and past the
    /// 64-byte block, where `formatScaled` itself prints), against `Rational.formatScaled`,
    /// whose digits are checked against Python in `Fixtures/reference/rational-text`.
    @Test("edges and 4 000 seeded values of every size, at 0 to 12 places, 18, 40 and 41; after a separator, at 0 to 18 and 40")
    func againstFormatScaled() {
        var values: [Int64] = [0, 1, -1, 9, -9, 10, -10, 99, -99, 100, -100, 101, 999, 1000, 16_383, 16_384,
                               Int64.max, Int64.min, Int64.min + 1, Int64.max - 1]
        var power: Int64 = 1
        for _ in 0..<18 {
            power *= 10
            values += [power - 1, power, power + 1, -(power - 1), -power, -(power + 1)]
        }
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for k in 0..<4_000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            // Magnitudes from one digit to nineteen, both signs.
            let digits = UInt64(k % 19 + 1)
            var limit: UInt64 = 1
            for _ in 0..<digits { limit = limit &* 10 }
            let m = Int64(truncatingIfNeeded: (seed >> 1) % min(limit, UInt64(Int64.max)))
            values.append(k % 2 == 0 ? m : -m)
        }
        var w = CSVChunkWriter(capacity: 8)
        var wrong: [String] = []
        for places in Array(0...12) + [18, 40, 41] {
            for v in values {
                w.removeAll()
                w.fixed(v, places: places)
                let expected = Rational.formatScaled(v, places: places)
                if String(decoding: w.bytes, as: UTF8.self) != expected { wrong.append("\(v) at \(places): \(expected)") }
            }
        }
        #expect(wrong.count == 0, "first differences: \(wrong.prefix(5))")
        // Whole numbers (ranks): below 10^8 one word of digits, the rest the digit loop; after
        // text already written, from a writer that must grow.
        var ranks = CSVChunkWriter(capacity: 1)
        var expected = ""
        for v in values + [99_999_999, 100_000_000, 100_000_001, 10_000_000, 12_345_678] {
            ranks.integer(v)
            ranks.separator()
            expected += Rational.formatScaled(v, places: 0) + ","
        }
        #expect(String(decoding: ranks.bytes, as: UTF8.self) == expected)
        // After a separator, through the digit table, the values below 100 written straight
        // into place, or the digit loop: the same text, at every precision, around the edges
        // where a value gains a second digit before the point and where it leaves the table.
        for places in Array(0...17) + [18, 40] {
            let table = FixedDigits(places: places)
            var edges: [Int64] = []
            if places <= 16 {
                var power: Int64 = 1
                for _ in 0..<places { power *= 10 }
                for p in [power, 10 * power, 100 * power] { edges += [p - 1, p, p + 1, -(p - 1), -p] }
            }
            for v in values + edges + [16_383, 16_384, 16_385] {
                w.removeAll()
                w.separatorAndFixed(v, table)
                let expected = "," + Rational.formatScaled(v, places: places)
                if String(decoding: w.bytes, as: UTF8.self) != expected { wrong.append("separator, \(v) at \(places): \(expected)") }
            }
        }
        #expect(wrong.count == 0, "first differences: \(wrong.prefix(5))")
        let six = FixedDigits(places: 6)
        #expect(six.entries.isEmpty && six.twoDigitsFrom == 10_000_000 && six.twoDigitsBelow == 100_000_000)
        w.removeAll()
        for v in [Int64(1_600_000), 99_999_999, 0, 10_000_000, 100_000_000, -5] { w.separatorAndFixed(v, six) }
        #expect(String(decoding: w.bytes, as: UTF8.self) == ",1.600000,99.999999,0.000000,10.000000,100.000000,-0.000005")
        // The same values as one run, into a writer with no room to start with: each value
        // after a long one (the digit loop's) still lands whole.
        for places in [2, 6, 12, 16, 18, 40] {
            let table = FixedDigits(places: places)
            let run: [Int64] = [Int64.min, 1_600_000, Int64.max, 5, -5, 99_999_999, 0] + values.prefix(200)
            var one = CSVChunkWriter(capacity: 1), each = CSVChunkWriter(capacity: 1)
            run.withUnsafeBufferPointer { one.separatorsAndFixed($0.baseAddress!, count: run.count, table) }
            for v in run { each.separatorAndFixed(v, table) }
            let expected = run.map { "," + Rational.formatScaled($0, places: places) }.joined()
            #expect(String(decoding: one.bytes, as: UTF8.self) == expected, "at \(places)")
            #expect(String(decoding: each.bytes, as: UTF8.self) == expected, "at \(places)")
        }
        // Written one after another, each number lands right after the last.
        w.removeAll()
        for v in [Int64(-5), 1_234_567, 0] { w.fixed(v, places: 6); w.separator() }
        #expect(String(decoding: w.bytes, as: UTF8.self) == "-0.000005,1.234567,0.000000,")
    }
}

extension FixedDigitsWriterTests {
    /// The eight digits of a number below 10^8, by a loop that divides by ten.
    static func eightDigitsByLoop(_ x: UInt64) -> String {
        var digits = "", m = x
        for _ in 0 ..< 8 { digits = String(m % 10) + digits; m /= 10 }
        return digits
    }

    @Test("eight digits a word at a time: every boundary of a pair and a half, and 20 000 seeded numbers below 10^8")
    func eightDigits() {
        var xs: [UInt64] = [0, 1, 9, 10, 99, 100, 999, 1000, 9999, 10_000, 10_001, 99_999_999, 12_345_678, 87_654_321]
        for half in [0, 1, 99, 100, 101, 9_899, 9_900, 9_999] { for other in [0, 1, 9, 10, 99, 100, 9_999] { xs += [UInt64(half * 10_000 + other), UInt64(other * 10_000 + half)] } }
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0 ..< 20_000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            xs.append((seed >> 11) % 100_000_000)
        }
        var wrong: [String] = []
        for x in xs {
            var word = CSVChunkWriter.eightDigits(x)
            let text = withUnsafeBytes(of: &word) { String(decoding: $0, as: UTF8.self) }
            if text != Self.eightDigitsByLoop(x) { wrong.append("\(x): \(text)") }
        }
        #expect(wrong.isEmpty, "first differences: \(wrong.prefix(5))")
    }

    @Test("values below 100 points at one to eight places, written without a loop (with the digit table and without), read as Rational prints them")
    func belowHundredPoints() {
        var wrong: [String] = []
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        // With the digit table (which takes the values below 16 384 first) and without it (every
        // value below 100 points then written without the loop, at one and two places too).
        for (places, limit) in (1 ... 8).flatMap({ p in [(p, 16_384), (p, 0)] }) {
            let table = FixedDigits(places: places, limit: limit)
            var power: Int64 = 1
            for _ in 0 ..< places { power *= 10 }
            // Every value where a digit rolls over, around 1, 10 and 100 points, and seeded ones.
            var values: [Int64] = [0, 1, 9, 10, 99, 100, power / 2, power - 1, power, power + 1, 10 * power - 1, 10 * power,
                                   10 * power + 1, 100 * power - 1, 100 * power]
            for k in 1 ... places { var p: Int64 = 1; for _ in 0 ..< k { p *= 10 }; values += [p - 1, p, 37 * p + p - 1, 99 * p] }
            for _ in 0 ..< 2_000 {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                values.append(Int64((seed >> 11) % UInt64(100 * power)))
            }
            var w = CSVChunkWriter(capacity: 1)
            for v in values {
                w.removeAll()
                w.separatorAndFixed(v, table)
                let expected = "," + Rational.formatScaled(v, places: places)
                if String(decoding: w.bytes, as: UTF8.self) != expected { wrong.append("\(v) at \(places), table of \(limit): \(expected)") }
            }
            // As one run: each value's word of places reaches past it and is written over.
            var one = CSVChunkWriter(capacity: 1)
            values.withUnsafeBufferPointer { one.separatorsAndFixed($0.baseAddress!, count: values.count, table) }
            let expected = values.map { "," + Rational.formatScaled($0, places: places) }.joined()
            if String(decoding: one.bytes, as: UTF8.self) != expected { wrong.append("the run at \(places), table of \(limit)") }
        }
        #expect(wrong.isEmpty, "first differences: \(wrong.prefix(5))")
    }
}

extension FixedDigitsWriterTests {
    /// `kaimen_fixed_cells` (eight values at a time, AVX-512) against the loop, which the
    /// tests above hold against `Rational.formatScaled`. Where the processor has no AVX-512 the
    /// table never asks for it (checked here) and only the loop's side runs; CI's machines have it.
    @Test("eight cells at a time on AVX-512: the loop's bytes at one to six places, runs of every length, and every value it refuses")
    func eightAtATime() {
        #expect(FixedDigits(places: 6).vector == FixedDigits.hasVector)
        #expect(!FixedDigits(places: 0).vector && !FixedDigits(places: 7).vector && !FixedDigits(places: 6, vector: false).vector)
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int64) -> Int64 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int64((seed >> 11) % UInt64(bound))
        }
        var wrong: [String] = []
        for places in 1 ... 6 {
            let (vector, loop) = (FixedDigits(places: places), FixedDigits(places: places, vector: false))
            var power: Int64 = 1
            for _ in 0 ..< places { power *= 10 }
            let edges: [Int64] = [0, 1, 9, 10, power - 1, power, power + 1, 10 * power - 1, 10 * power, 10 * power + 1, 100 * power - 1]
            // Runs of 0 to 41 values (every count of the last, partial eight), of edges and seeded
            // values, then the same with one value the vector path refuses at each place in turn.
            for n in 0 ... 41 {
                var run = (0 ..< n).map { k in k % 3 == 0 ? edges[Int(next(Int64(edges.count)))] : next(100 * power) }
                var cases = [run]
                let refused = [100 * power, -1, Int64.max, Int64.min, 100 * power + 7]
                for k in 0 ..< n {
                    run[k] = refused[k % refused.count]
                    cases.append(run)
                    run[k] = next(100 * power)
                }
                for values in cases {
                    var a = CSVChunkWriter(capacity: 1), b = CSVChunkWriter(capacity: 1)
                    a.raw("x"); b.raw("x")
                    values.withUnsafeBufferPointer { p in
                        guard let base = p.baseAddress else { return }
                        a.separatorsAndFixed(base, count: n, vector)
                        b.separatorsAndFixed(base, count: n, loop)
                    }
                    a.raw("y"); b.raw("y")
                    if Array(a.bytes) != Array(b.bytes) { wrong.append("\(values) at \(places)") }
                }
            }
        }
        #expect(wrong.count == 0, "first differences: \(wrong.prefix(3))")
        // The function itself: the bytes it counts, and −1 for what it does not take.
        guard FixedDigits.hasVector else { return }
        var out = [UInt8](repeating: 0, count: 24 * 9)
        let values: [Int64] = [1_600_000, 99_999_999, 0, 10_000_000, 5, 9_999_999, 30_000_000, 1]
        let n = out.withUnsafeMutableBufferPointer { o in values.withUnsafeBufferPointer { kaimen_fixed_cells($0.baseAddress, 8, 6, o.baseAddress) } }
        #expect(String(decoding: out.prefix(n), as: UTF8.self) == ",1.600000,99.999999,0.000000,10.000000,0.000005,9.999999,30.000000,0.000001")
        for (places, bad) in [(0, Int64(1)), (7, 1), (6, 100_000_000), (6, -1), (1, 1_000)] {
            let r = out.withUnsafeMutableBufferPointer { o in [bad].withUnsafeBufferPointer { kaimen_fixed_cells($0.baseAddress, 1, Int32(places), o.baseAddress) } }
            #expect(r == -1, "\(bad) at \(places)")
        }
        #expect(out.withUnsafeMutableBufferPointer { kaimen_fixed_cells(nil, 0, 6, $0.baseAddress) } == 0)
    }
}

extension FixedDigitsWriterTests {
    /// Whether the processor check agrees with the kernel's own list of what this processor
    /// has (`/proc/cpuinfo`'s flags: the kernel lists AVX-512 only where it saves its
    /// registers): a check that read the wrong register would leave the vector path unused
    /// everywhere, and every other test would still pass.
    @Test("the AVX-512 check agrees with /proc/cpuinfo's flags")
    func vectorCheck() throws {
        #if os(Linux)
        let text = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else {
            Issue.record("no flags line in /proc/cpuinfo")
            return
        }
        let flags = Set(line.split(separator: " ").map(String.init))
        #expect(FixedDigits.hasVector == (flags.contains("avx512f") && flags.contains("avx512dq")))
        #endif
    }

    /// `kaimen_fixed_cells` reads only its `count` values and writes only within `count` × 24
    /// bytes: both end right before a page that may be neither read nor written, so a lane
    /// loaded past the end or a store past the room stops the test process (its masked loads
    /// and refused lanes would otherwise hide such a read).
    @Test("eight cells at a time read and write nothing past their values and room (guard pages)")
    func guardPages() throws {
        guard FixedDigits.hasVector else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        func guarded() throws -> UnsafeMutableRawPointer {
            guard let p = mmap(nil, 3 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), p != MAP_FAILED else {
                throw CocoaError(.fileWriteUnknown)
            }
            #expect(mprotect(p + 2 * page, page, PROT_NONE) == 0)
            return p
        }
        let (valuesPage, roomPage) = (try guarded(), try guarded())
        defer { munmap(valuesPage, 3 * page); munmap(roomPage, 3 * page) }
        var wrong: [String] = []
        for places in 1 ... 6 {
            var power: Int64 = 1
            for _ in 0 ..< places { power *= 10 }
            for n in 0 ... 20 {
                let values = (valuesPage + 2 * page - 8 * n).assumingMemoryBound(to: Int64.self)
                for k in 0 ..< n { values[k] = (Int64(k) * 7_654_321 + 13) % (100 * power) }
                let room = (roomPage + 2 * page - 24 * n).assumingMemoryBound(to: UInt8.self)
                let written = kaimen_fixed_cells(values, n, Int32(places), room)
                let expected = (0 ..< n).map { "," + Rational.formatScaled(values[$0], places: places) }.joined()
                if written < 0 || String(decoding: UnsafeBufferPointer(start: room, count: written), as: UTF8.self) != expected {
                    wrong.append("\(n) at \(places)")
                }
            }
        }
        #expect(wrong.count == 0, "first differences: \(wrong.prefix(3))")
    }
}

@Suite("Summary notes written as bytes read as the exporter writes them")
struct SummaryNotesTests {
    @Test("a generated session full of ties, in Chinese and in English")
    func generatedTies() throws {
        let rules = try RulesLoader().load(Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path).rules
        let data = DataGenerator(rules: rules, units: 600, seed: 9).generate()
        let files = ["units.csv": Data(data.units), "roster.csv": Data(data.roster), "ballots.csv": Data(data.ballots)]
        let s = try ScoringSession.run(.init(rules: Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path,
                                             units: "/gen/units.csv", roster: "/gen/roster.csv", ballots: "/gen/ballots.csv"),
                                       readFile: { path in
                                           if path.hasPrefix("/gen/"), let d = files[String(path.dropFirst(5))] { return d }
                                           return try Data(contentsOf: URL(fileURLWithPath: path))
                                       })
        #expect(s.ranking.notesInOrder.compactMap { $0 }.count > 20, "the set has ties to write notes for")
        for lang in Language.allCases {
            #expect(SummaryWriter.csv(s.report, lang: lang, threads: 2) == SummaryExport.table(s.report, lang: lang, standardColumns: true).csv())
        }
    }
}
