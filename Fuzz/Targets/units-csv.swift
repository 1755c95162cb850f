import Foundation
import KaimenKit

/// The units file as CSV, read against the Xicheng rules (57 metrics).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzUnitsCSV(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let (_, diagnostics) = UnitsReader(rules: FuzzSession.xicheng.rules).read(fuzzData(bytes, count), fileName: "units.csv")
    FuzzSession.checkLocated(diagnostics)
    return 0
}
