/// "Did you mean …?" for a misspelt key, column, metric or id.
public enum Suggestion {
    /// The candidate most likely meant by `word`, or `nil` when none is close enough.
    ///
    /// A candidate is close enough when it
    /// - equals `word` ignoring case, or
    /// - is within an edit distance (insertions, deletions, substitutions and swaps of two
    ///   neighbouring characters, ignoring case) of 1 for words of 2–3 characters and 2 for
    ///   words of 4 or more (a one-character word only matches ignoring case), or
    /// - starts with `word`, or `word` starts with it, ignoring case, the shorter being at
    ///   least 3 characters long (`mem` → `members`).
    ///
    /// The closest by edit distance wins (ignoring case, then with case); among candidates as
    /// close, one alike to the eye (``SuggestionIndex/lookalikes(_:)``), else the earliest.
    ///
    /// A word longer than ``maxWordLength`` characters gets no suggestion: no id or key is that
    /// long, and comparing a pasted paragraph with every id would cost its length times theirs.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        guard let lowerWord = lowered(word) else { return nil }
        return closest(to: word, lowered: lowerWord, among: candidates.lazy.map { ($0, Array($0.lowercased())) })
    }

    /// Words longer than this many characters are not matched.
    public static let maxWordLength = 64

    /// `word` lowercased, as characters; `nil` when it is too long to be matched.
    static func lowered(_ word: String) -> [Character]? {
        guard word.utf8.count <= 4 * maxWordLength else { return nil }
        let lower = Array(word.lowercased())
        return lower.count <= maxWordLength ? lower : nil
    }

    /// The same, with each candidate's lowercased characters worked out beforehand.
    static func closest(to word: String, lowered lowerWord: [Character],
                        among candidates: some Sequence<(String, [Character])>) -> String? {
        SuggestionIndex.preferAlike(word, allClosest(to: word, lowered: lowerWord, among: candidates))
    }

    /// The candidate meant by `word` only when one is closest (``closest(to:among:)``'s
    /// rules): among candidates as close, naming the first picks one at random (`s2` is as near
    /// to `s1` as to `s3`), unless one of them differs from `word` only by characters alike to
    /// the eye or by the zeros that pad a number (``SuggestionIndex/lookalikes(_:)``).
    public static func only(to word: String, among candidates: some Sequence<String>) -> String? {
        guard let lowerWord = lowered(word) else { return nil }
        return SuggestionIndex.onlyAlike(word, allClosest(to: word, lowered: lowerWord, among: candidates.lazy.map { ($0, Array($0.lowercased())) }))
    }

    /// Every candidate as close as the closest, in the order given (the first
    /// ``SuggestionIndex/asCloseKept``: enough to tell one from several).
    private static func allClosest(to word: String, lowered lowerWord: [Character],
                                   among candidates: some Sequence<(String, [Character])>) -> [String] {
        let limit = lowerWord.count >= 4 ? 2 : (lowerWord.count >= 2 ? 1 : 0)
        var best: [String] = [], bestKey = (Int.max, Int.max)
        for (candidate, lowerCandidate) in candidates {
            let shorter = min(lowerWord.count, lowerCandidate.count)
            let isPrefix = shorter >= 3 && (lowerWord.starts(with: lowerCandidate) || lowerCandidate.starts(with: lowerWord))
            // The distance is at least the difference in length: no need to work it out when that is too far.
            guard abs(lowerWord.count - lowerCandidate.count) <= limit || isPrefix else { continue }
            let d = distance(lowerWord, lowerCandidate)
            guard d <= limit || isPrefix else { continue }
            let key = (d, d == 0 ? distance(Array(word), Array(candidate)) : d)
            if key < bestKey {
                (best, bestKey) = ([candidate], key)
            } else if key == bestKey && best.count < SuggestionIndex.asCloseKept && !best.contains(candidate) {
                best.append(candidate)
            }
        }
        return best
    }

    /// Optimal-string-alignment (restricted Damerau–Levenshtein) distance between two strings,
    /// counted in characters and case-sensitive: `piont` → `point` is 1, `piont` → `points` is 2.
    public static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a), Array(b))
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let m = a.count, n = b.count
        // Three rolling rows: i-2, i-1, i.
        var before = [Int](repeating: 0, count: n + 1)
        var previous = Array(0...n)
        var current = [Int](repeating: 0, count: n + 1)
        for i in 1...m {
            current[0] = i
            for j in 1...n {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d = min(d, before[j - 2] + 1)
                }
                current[j] = d
            }
            swap(&before, &previous)
            swap(&previous, &current)
        }
        return previous[n]
    }
}

extension Localized {
    /// "是不是 `points`？" / "did you mean `points`?" for the one closest candidate
    /// (``Suggestion/only(to:among:)``), or `nil`.
    public static func didYouMean(_ word: String, among candidates: some Sequence<String>) -> Localized? {
        Suggestion.only(to: word, among: candidates).map { CommandMessages.didYouMean($0, for: word) }
    }
}
