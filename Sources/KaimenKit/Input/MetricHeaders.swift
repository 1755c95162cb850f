/// A units file's header near a metric's: its id misspelt (`member`), or its Chinese name
/// slightly changed (`会员数` for 会员总数) or with a unit in brackets after it (`职工总数（人）`,
/// as a form for people heads a column). The ballots reader answers a misspelt standard so;
/// a units header got only "not a metric" and "add a column" (a secretary's trial).
enum MetricHeaders {
    /// `header` without a bracketed unit at its end (`职工总数（人）`, `金额(万元)` → `职工总数`,
    /// `金额`): at most four characters in the brackets, and something before them.
    static func stem(_ header: String) -> String {
        let text = header.trimmingSpaces()
        guard let last = text.last, last == "）" || last == ")" else { return text }
        guard let open = text.lastIndex(where: { $0 == "（" || $0 == "(" }), open > text.startIndex else { return text }
        let inside = text[text.index(after: open) ..< text.index(before: text.endIndex)]
        guard !inside.isEmpty, inside.count <= 4 else { return text }
        return String(text[..<open]).trimmingSpaces()
    }

    /// The one header of `headers` near `metric`'s Chinese name (both without a bracketed
    /// unit) or its id, as "did you mean" finds a near word (`Suggestion`); `nil` for none, or
    /// for several as near.
    static func header(near metric: MetricDefinition, among headers: [String]) -> String? {
        guard !headers.isEmpty else { return nil }
        let stems = headers.map(stem)
        if let s = Suggestion.only(to: stem(metric.name), among: stems), let i = stems.firstIndex(of: s) { return headers[i] }
        return Suggestion.only(to: metric.id, among: headers)
    }

    /// The one metric of `metrics` whose id or Chinese name (without a bracketed unit) is near
    /// `header` (without one); `nil` for none, or for several as near.
    static func metric(near header: String, among metrics: [MetricDefinition]) -> MetricDefinition? {
        guard !metrics.isEmpty else { return nil }
        var byWord: [String: Int] = [:]
        for (m, metric) in metrics.enumerated() {
            byWord[metric.id] = byWord[metric.id] ?? m
            byWord[stem(metric.name)] = byWord[stem(metric.name)] ?? m
        }
        let words = metrics.flatMap { [$0.id, stem($0.name)] }
        guard let word = Suggestion.only(to: stem(header), among: words), let m = byWord[word] else { return nil }
        return metrics[m]
    }
}
