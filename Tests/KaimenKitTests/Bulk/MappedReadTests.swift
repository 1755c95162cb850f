import Foundation
import Testing
@testable import KaimenKit

@Suite("Bulk readers on a mapped file, letting go of its pages as they read")
struct MappedReadTests {
    typealias F = BulkFixtures

    func mapped(_ bytes: [UInt8], _ name: String) throws -> MappedFile {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-mapped-\(UInt64.random(in: 0 ... .max))-\(name)")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try #require(MappedFile(path: url.path))
    }

    @Test("units and ballots read from a mapping equal those read from bytes, on one thread or several")
    func sameAsBytes() throws {
        let g = F.generated
        let units = try mapped(g.units, "units.csv"), ballots = try mapped(g.ballots, "ballots.csv")
        for threads in [1, 2, 3] {
            let fromBytes = try #require(BulkUnitsReader.read(g.units, fileName: "units.csv", rules: F.xicheng, threads: threads, parallelThreshold: 0))
            let fromMap = try #require(BulkUnitsReader.read(units, fileName: "units.csv", rules: F.xicheng, threads: threads, parallelThreshold: 0))
            F.expectIdentical(fromBytes, fromMap)
            let roster = F.checkedRoster(g.roster, units: F.checkedUnits(g.units, rules: F.xicheng).table!.units)
            let ids = fromBytes.identities.ids
            let a = try #require(BulkBallotsReader.read(g.ballots, fileName: "ballots.csv", rules: F.xicheng, units: (fromBytes.index, ids),
                                                        roster: roster, threads: threads, parallelThreshold: 0))
            let b = try #require(BulkBallotsReader.read(ballots, fileName: "ballots.csv", rules: F.xicheng, units: (fromBytes.index, ids),
                                                        roster: roster, threads: threads, parallelThreshold: 0))
            F.expectIdentical(a, b)
        }
    }
}
