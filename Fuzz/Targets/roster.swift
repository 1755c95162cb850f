import Foundation
import KaimenKit

/// The roster of representatives, read against the Dongcheng sample's units.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRoster(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let (_, diagnostics) = RosterReader.read(fuzzData(bytes, count), fileName: "roster.csv", units: FuzzSession.dongcheng.units)
    FuzzSession.checkLocated(diagnostics)
    return 0
}
