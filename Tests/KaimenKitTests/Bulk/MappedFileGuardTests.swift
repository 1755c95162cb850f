import Foundation
import Testing
import SignalGuard
@testable import KaimenKit

/// A file cut short while the bulk readers have it mapped: reads past its new end would end the
/// process (SIGBUS); the guard gives them zeros, and the file says it was damaged.
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
        let page = 4096, a: UInt8 = 0x61
        let (file, url) = try mapped([UInt8](repeating: a, count: 5 * page + 100), "cut.csv", in: s)
        #expect(!file.damaged)
        let before: UInt8 = file.bytes[3 * page]
        #expect(before == a)
        cut(url, to: page + 10)
        let bytes = file.bytes
        // Within the first page and the part of the second the file still has: its bytes.
        let kept: [UInt8] = [bytes[0], bytes[page + 9]]
        #expect(kept == [a, a])
        #expect(!file.damaged)
        // Past the new end, in pages the file no longer has: zeros.
        let first: UInt8 = bytes[3 * page + 17]
        #expect(first == 0)
        #expect(file.damaged)
        let rest: [UInt8] = [bytes[5 * page + 99], bytes[2 * page], bytes[4 * page + 1]]
        #expect(rest == [0, 0, 0])
        let error = #expect(throws: DiagnosticsError.self) { try file.checkIntact(fileName: "ballots.csv") }
        let d = try #require(error?.diagnostics.first)
        #expect(d.code == DiagnosticCode.inputChangedDuringRun.rawValue)
        #expect(d.rendered(.zh).contains("`ballots.csv` 在读取过程中有一部分读不到了") && d.rendered(.zh).contains("请检查磁盘"))
        #expect(d.rendered(.en).contains("`ballots.csv` could no longer be read while it was read"))
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
