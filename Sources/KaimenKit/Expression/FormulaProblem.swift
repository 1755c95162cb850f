/// A problem in one formula, located by scalar offset; turned into a `Diagnostic` once the
/// caller says where the formula sits in the rules file.
struct FormulaProblem: Error, Sendable, Equatable {
    var code: String
    var message: String
    /// Where the offending token starts.
    var offset: Int
    var hint: String?
    /// When set, the hint ends with the rules-file place of this offset (e.g. the `(` a `)` should close).
    var hintOffset: Int?

    init(_ code: String, _ message: String, at offset: Int, hint: String? = nil, hintOffset: Int? = nil) {
        self.code = code
        self.message = message
        self.offset = offset
        self.hint = hint
        self.hintOffset = hintOffset
    }

    func diagnostic(_ locate: (Int) -> SourceLocation) -> Diagnostic {
        var hint = hint
        if let hintOffset, let text = hint {
            let place = locate(hintOffset)
            hint = "\(text) at \(place.line):\(place.column)"
        }
        return .error(code, message, at: locate(offset), hint: hint)
    }
}
