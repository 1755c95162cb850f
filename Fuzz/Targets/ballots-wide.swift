import Foundation
import KaimenKit

/// Ballots (wide form; the reader tells the forms apart by the header), read against the
/// Dongcheng sample's rules, units and roster. The wide corpus steers it to that form.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBallotsWide(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let session = FuzzSession.dongcheng
    let reader = BallotsReader(rules: session.rules, units: session.units, representatives: session.representatives)
    let (_, diagnostics) = reader.read(fuzzData(bytes, count), fileName: "ballots.csv")
    FuzzSession.checkLocated(diagnostics)
    return 0
}
