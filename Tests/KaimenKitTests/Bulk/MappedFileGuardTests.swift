import Foundation
import Testing
import SignalGuard
@testable import KaimenKit

#if os(Linux)
/// A file changed while the bulk readers have it mapped: cut short, reads past its new end would
/// end the process (SIGBUS), and the guard gives them zeros; cut short or changed, the file says
/// it was damaged, and the run stops with a message.
@Suite("Mapped input files cut short while they are read")
struct MappedFileGuardTests {
    typealias F = BulkFixtures

    /// `bytes` written to a new file in `s`, mapped.
    func mapped(_ bytes: [UInt8], _ name: String, in s: ScratchFolder) throws -> (MappedFile, URL) {
        let url = s.url.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return (try #require(MappedFile(path: url.path)), url)
    }

    func cut(_ url: URL, to size: Int) {
        #expect(truncate(url.path, off_t(size)) == 0)
    }

    @Test("reads past the new end give zeros instead of ending the process, and the file says it was damaged")
    func zerosPastTheEnd() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let page = sysconf(Int32(_SC_PAGESIZE)), a: UInt8 = 0x61
        let (file, url) = try mapped([UInt8](repeating: a, count: 5 * page + 100), "cut.csv", in: s)
        #expect(!file.damaged)
        let before: UInt8 = file.bytes[3 * page]
        #expect(before == a)
        cut(url, to: page + 10)
        let bytes = file.bytes
        // Within the first page and the part of the second the file still has: its bytes.
        let kept: [UInt8] = [bytes[0], bytes[page + 9]]
        #expect(kept == [a, a])
        // Changed (its size), but no read has met a page it no longer has.
        #expect(file.changed && !file.cutShort && file.damaged)
        // Past the new end, in pages the file no longer has: zeros, and the guard's note.
        let first: UInt8 = bytes[3 * page + 17]
        #expect(first == 0)
        #expect(file.cutShort)
        let rest: [UInt8] = [bytes[5 * page + 99], bytes[2 * page], bytes[4 * page + 1]]
        #expect(rest == [0, 0, 0])
        let error = #expect(throws: DiagnosticsError.self) { try file.checkIntact(fileName: "ballots.csv") }
        let d = try #require(error?.diagnostics.first)
        #expect(d.code == DiagnosticCode.inputChangedDuringRun.rawValue)
        #expect(d.rendered(.zh).contains("`ballots.csv` 在读取过程中有一部分读不到了") && d.rendered(.zh).contains("请检查磁盘"))
        // Within the page the file now ends in, past its end: zeros with no signal, which the
        // file's changed size says.
        let inLastPage: UInt8 = bytes[page + 11]
        #expect(inLastPage == 0)
        #expect(d.rendered(.en).contains("`ballots.csv` could no longer be read while it was read"))
    }

    @Test("a file changed within its last page, or grown, while mapped: no signal, and the file says it changed")
    func changedWithoutSignal() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let (shortened, url) = try mapped([UInt8](repeating: 0x61, count: 300), "short.csv", in: s)
        cut(url, to: 200)
        let past: UInt8 = shortened.bytes[250]
        #expect(past == 0)
        #expect(shortened.damaged)
        let error = #expect(throws: DiagnosticsError.self) { try shortened.checkIntact(fileName: "short.csv") }
        #expect(error?.diagnostics.first?.rendered(.zh).contains("`short.csv` 在读取过程中被改动了") == true)
        let (grown, grownURL) = try mapped([UInt8](repeating: 0x61, count: 300), "grown.csv", in: s)
        let handle = try FileHandle(forWritingTo: grownURL)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("x\n".utf8))
        try handle.close()
        #expect(grown.damaged)
        #expect(throws: DiagnosticsError.self) { try grown.checkIntact(fileName: "grown.csv") }
    }

    @Test("a scoring run whose input changes once mapped, before it is read, stops with the message naming it")
    func runStops() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let g = F.generated
        let rules = Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path
        func cutInHalf(_ url: URL) {
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            #expect(truncate(url.path, off_t(size / 2)) == 0)
        }
        func append(_ url: URL) {
            let handle = try? FileHandle(forWritingTo: url)
            _ = try? handle?.seekToEnd()
            try? handle?.write(contentsOf: Data("\n".utf8))
            try? handle?.close()
        }
        // Cut in half: read past the cut (zeros from the guard, "could no longer be read"), or, by a
        // reader that stops at the cut row, found changed ("changed while it was read"); grown: changed.
        let cases: [(file: String, change: (URL) -> Void, cutShort: Bool?)] = [
            ("units.csv", cutInHalf, nil), ("roster.csv", cutInHalf, nil), ("ballots.csv", cutInHalf, nil), ("ballots.csv", append, false),
        ]
        for c in cases {
            for (name, bytes) in [("units.csv", g.units), ("roster.csv", g.roster), ("ballots.csv", g.ballots)] {
                try Data(bytes).write(to: s.url.appendingPathComponent(name))
            }
            let inputs = ScoringSession.Inputs(rules: rules, units: "units.csv", roster: "roster.csv", ballots: "ballots.csv",
                                               baseDirectory: s.url.path)
            // The same session left alone scores on this path.
            if c.file == "units.csv" { #expect((try? BulkRun.attempt(inputs, threads: 2).get()) != nil) }
            do {
                _ = try BulkRun.attempt(inputs, threads: 2, mapped: { if $0 == c.file { c.change(s.url.appendingPathComponent(c.file)) } })
                Issue.record("a run whose \(c.file) changed went on")
            } catch {
                let d = try #require(error.diagnostics.first)
                #expect(d.code == DiagnosticCode.inputChangedDuringRun.rawValue)
                let text = d.rendered(.zh)
                #expect(text.contains("`\(c.file)`"))
                let said = (cutShort: text.contains("有一部分读不到了"), changed: text.contains("在读取过程中被改动了"))
                #expect(said.cutShort != said.changed, "\(c.file): \(text)")
                if let cutShort = c.cutShort { #expect(said.cutShort == cutShort, "\(c.file): \(text)") }
            }
        }
    }

    @Test("a file read whole and left as it was is intact")
    func intact() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let (file, _) = try mapped([UInt8](repeating: 7, count: 3 * 4096 + 1), "whole.csv", in: s)
        let sum = file.bytes.reduce(0) { $0 + Int($1) }
        #expect(sum == 7 * (3 * 4096 + 1))
        #expect(!file.damaged)
        try file.checkIntact(fileName: "whole.csv")
        // An empty file maps nothing and is never damaged.
        let (empty, _) = try mapped([], "empty.csv", in: s)
        #expect(empty.count == 0 && !empty.damaged)
    }

    @Test("the units and ballots readers on a file cut short: no crash, and the file is damaged")
    func readersOnACutFile() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let g = F.generated
        #expect(g.units.count > 4 * 4096 && g.ballots.count > 4 * 4096)
        let (units, unitsURL) = try mapped(g.units, "units.csv", in: s)
        cut(unitsURL, to: g.units.count / 3)
        for threads in [1, 2] {
            _ = BulkUnitsReader.read(units, fileName: "units.csv", rules: F.xicheng, threads: threads, parallelThreshold: 0)
        }
        #expect(units.damaged)
        #expect(throws: DiagnosticsError.self) { try units.checkIntact(fileName: "units.csv") }

        let whole = try #require(BulkUnitsReader.read(g.units, fileName: "units.csv", rules: F.xicheng, threads: 1))
        let roster = F.checkedRoster(g.roster, units: F.checkedUnits(g.units, rules: F.xicheng).table!.units)
        let (ballots, ballotsURL) = try mapped(g.ballots, "ballots.csv", in: s)
        cut(ballotsURL, to: g.ballots.count / 2)
        _ = BulkBallotsReader.tryRead(ballots, fileName: "ballots.csv", rules: F.xicheng, units: (whole.index, whole.identities.ids),
                                      roster: roster, threads: 2, parallelThreshold: 0)
        #expect(ballots.damaged)
    }

    @Test("a slot is freed with its mapping: far more mappings than slots, one after another, are all guarded")
    func slotsFreed() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let url = s.url.appendingPathComponent("small.csv")
        try Data([UInt8](repeating: 1, count: 100)).write(to: url)
        for _ in 0 ..< 3 * Int(KAIMEN_GUARD_SLOTS) {
            // A mapping that cannot be guarded is not made: `MappedFile` would be nil.
            let file = try #require(MappedFile(path: url.path))
            let last: UInt8 = file.bytes[99]
            #expect(last == 1)
            #expect(!file.damaged)
        }
        #expect(MappedFile.installGuard())
    }
}
#endif
