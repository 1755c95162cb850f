import Foundation
import KaimenKit

/// The units file as JSON, read against the Xicheng rules (57 metrics).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzUnitsJSON(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let (_, diagnostics) = UnitsReader(rules: FuzzSession.xicheng.rules).read(fuzzData(bytes, count), fileName: "units.json")
    FuzzSession.checkLocated(diagnostics)
    return 0
}
