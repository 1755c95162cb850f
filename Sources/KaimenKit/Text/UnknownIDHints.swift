/// What to say of an unknown id among `ids`: the one nearest id
/// (``SuggestionIndex/didYouMeanOnly(_:)``), else what the ids are
/// (``ReaderMessages/idRange(_:typed:units:)``). The ids are indexed, and their span worked
/// out, once, on the first question: a ballots file or a schedule asks once per unknown id.
struct UnknownIDHints {
    private var index: SuggestionIndex
    private var span: ReaderMessages.IDSpan??
    private let ids: () -> [String]
    /// Unit ids (else representatives'), as the range is worded.
    private let units: Bool

    init(units: Bool, _ ids: @escaping () -> [String]) {
        index = SuggestionIndex(ids)
        self.ids = ids
        self.units = units
    }

    mutating func hint(_ typed: String) -> Localized? {
        if let nearest = index.didYouMeanOnly(typed) { return nearest }
        if span == nil { span = .some(ReaderMessages.IDSpan(ids())) }
        return ReaderMessages.idRange(span!, typed: typed, units: units)
    }
}
