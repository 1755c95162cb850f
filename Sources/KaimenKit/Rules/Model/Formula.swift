/// A formula written in a rules file: its text, where it was written, and its compiled form.
public struct Formula: Sendable, Equatable {
    public var text: String
    public var location: SourceLocation
    public var compiled: CompiledFormula
    /// The metric ids it reads, in the order of their slots.
    public var metricIDs: [String]

    public static func == (a: Formula, b: Formula) -> Bool { a.text == b.text && a.location == b.location }

    /// The formula as the papers show it: each metric by its name in `rules`, and in Chinese
    /// the comparisons and words as a Chinese reader writes them (`重大安全事故 > 0`,
    /// `会员人数 ≥ 25 且 …`). The rules file's own text is `text`.
    public func readable(_ rules: Rules, lang: Language) -> String {
        FormulaPrinter.readable(compiled.syntax, name: { rules.metric($0)?.name ?? $0 }, lang: lang)
    }
}
