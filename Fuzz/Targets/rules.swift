import Foundation
import KaimenKit

/// Rules files (JSON with comments): parse, decode, validate and compile an arbitrary text,
/// which may `extends` the bundled Xicheng rules.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRules(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = fuzzData(bytes, count)
    let base = FuzzSession.root.appendingPathComponent("rules/xicheng-2014.jsonc").path
    let loader = RulesLoader(readFile: { path in
        if path.hasSuffix("fuzz.jsonc") { return try RulesLoader.text(data, path: path) }
        if path == base { return try RulesLoader.readFromDisk(path) }
        throw CocoaError(.fileNoSuchFile)
    })
    do {
        _ = try loader.load(FuzzSession.root.appendingPathComponent("rules/fuzz.jsonc").path)
    } catch {
        FuzzSession.checkLocated(error.diagnostics.filter { $0.code != "file-not-found" && $0.code != "extends-missing" })
    }
    return 0
}
