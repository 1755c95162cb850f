import Foundation
import KaimenKit

/// The formula language: compile an arbitrary text as a number and as a condition, then evaluate
/// it with a few metric values (some missing, some zero).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormula(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    let names = FormulaNames(slots: ["a": 0, "b": 1, "c": 2, "members": 3, "disputes": 4])
    let values: [Rational?] = [Rational(3), Rational(0), nil, Rational(-7), Rational(1, 3)]
    for type in [FormulaType.number, .boolean] {
        let location = SourceLocation(file: "rules.jsonc", line: 1, column: 1)
        switch CompiledFormula.compile(text, expecting: type, names: names, locate: { _ in location }) {
        case .success(let formula): _ = formula.evaluate { values[$0] }
        case .failure(let error): FuzzSession.checkLocated(error.diagnostics)
        }
    }
    return 0
}
