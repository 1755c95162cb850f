/// A problem in one formula, located by scalar offset; turned into a `Diagnostic` once the
/// caller says where the formula sits in the rules file.
struct FormulaProblem: Error, Sendable, Equatable {
    var code: String
    var text: Localized
    /// Where the offending token starts.
    var offset: Int
    var hint: Localized?
    /// When set, the hint ends with the rules-file place of this offset (e.g. the `(` a `)` should close).
    var hintOffset: Int?

    init(_ code: DiagnosticCode, _ text: Localized, at offset: Int, hint: Localized? = nil, hintOffset: Int? = nil) {
        self.code = code.rawValue
        self.text = text
        self.offset = offset
        self.hint = hint
        self.hintOffset = hintOffset
    }

    /// For problems named in English only (prefer the `Localized` form).
    init(_ code: String, _ message: String, at offset: Int, hint: String? = nil, hintOffset: Int? = nil) {
        self.code = code
        self.text = Localized(same: message)
        self.offset = offset
        self.hint = hint.map { Localized(same: $0) }
        self.hintOffset = hintOffset
    }

    /// The English message.
    var message: String { text.en }

    func diagnostic(_ locate: (Int) -> SourceLocation) -> Diagnostic {
        var hint = hint
        if let hintOffset, let text = hint {
            let place = locate(hintOffset)
            let at = FormulaMessages.at(line: place.line, column: place.column)
            hint = Localized(zh: text.zh + at.zh, en: text.en + " " + at.en)
        }
        return Diagnostic(.error, code: code, text: text, location: locate(offset), hint: hint)
    }
}
