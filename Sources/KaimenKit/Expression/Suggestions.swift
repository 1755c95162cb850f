/// "Did you mean …?" for a misspelt metric or function name in a formula.
enum FormulaSuggestion {
    /// The known word closest to `word`: a case-insensitive match first, then the smallest
    /// edit distance up to 2, then a word one is a prefix of the other (at least 3 letters).
    static func closest(to word: String, among known: [String]) -> String? {
        let lower = word.lowercased()
        if let same = known.first(where: { $0.lowercased() == lower }) { return same }
        let typed = Array(lower.unicodeScalars)
        var best: (word: String, distance: Int)?
        for candidate in known {
            let c = Array(candidate.lowercased().unicodeScalars)
            guard abs(c.count - typed.count) <= 2 else { continue }
            let d = damerauLevenshtein(typed, c)
            if d <= 2, d < max(typed.count, c.count), d < (best?.distance ?? .max) { best = (candidate, d) }
        }
        if let best { return best.word }
        guard lower.count >= 3 else { return nil }
        return known.filter {
            let k = $0.lowercased()
            return k.hasPrefix(lower) || (k.count >= 3 && lower.hasPrefix(k))
        }.min { $0.count < $1.count }
    }
}

/// Edit distance counting insertions, deletions, substitutions and swaps of neighbours
/// (the "optimal string alignment" form).
fileprivate func damerauLevenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    let width = b.count + 1
    var d = [Int](repeating: 0, count: (a.count + 1) * width)
    for i in 0...a.count { d[i * width] = i }
    for j in 0...b.count { d[j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var v = min(d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1, d[(i - 1) * width + j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                v = min(v, d[(i - 2) * width + j - 2] + 1)
            }
            d[i * width + j] = v
        }
    }
    return d[a.count * width + b.count]
}
