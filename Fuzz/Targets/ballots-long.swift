import Foundation
import KaimenKit

/// Ballots (long form; the reader tells the forms apart by the header), read against the
/// Dongcheng sample's rules, units and roster. The long corpus steers it to that form.
///
/// The same bytes also go through the bulk reader (where the long form's quick pass reads
/// rows with raw loads a few dozen bytes ahead), on one thread and in two chunks: it must not
/// crash, must hand over wherever the checked reader reports an error, and where it reads the
/// file it must count the ballots and recusals the checked reader counts.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBallotsLong(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let session = FuzzSession.dongcheng
    let reader = BallotsReader(rules: session.rules, units: session.units, representatives: session.representatives)
    let (box, diagnostics) = reader.read(fuzzData(bytes, count), fileName: "ballots.csv")
    FuzzSession.checkLocated(diagnostics)
    let ids = session.units.map(\.id)
    let input = Array(UnsafeBufferPointer(start: bytes, count: count))
    for (threads, threshold) in [(1, 4 << 20), (2, 0)] {
        guard let columns = BulkBallotsReader.read(input, fileName: "ballots.csv", rules: session.rules, units: (IDTable(ids), ids),
                                                   roster: session.representatives, threads: threads, parallelThreshold: threshold) else { continue }
        guard let box, !diagnostics.contains(where: { $0.severity == .error }) else {
            fatalError("the bulk reader read a file the checked reader reports: \(diagnostics.filter { $0.severity == .error })")
        }
        let expected = BallotColumns.from(box, unitCount: ids.count)
        guard columns.offsets == expected.offsets, columns.recusals.count == box.recusals.count,
              mantissas(columns, at: expected.scale) == mantissas(expected, at: columns.scale) else {
            fatalError("the bulk reader's ballots differ from the checked reader's (\(threads) threads)")
        }
    }
    return 0
}

/// The columns' scores as mantissas at the larger of their scale and `other`, so that two
/// columns read at different scales compare.
func mantissas(_ c: BallotColumns, at other: Int) -> [Int64] {
    let factor = BulkData.pow10[max(0, other - c.scale)]
    return (c.wideScores.isEmpty ? c.scores.map(Int64.init) : c.wideScores).map { $0 * factor }
}
