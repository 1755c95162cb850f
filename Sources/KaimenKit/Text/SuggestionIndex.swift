/// "Did you mean …?" asked many times against the same candidates: the ids of a units file or
/// roster, for every unknown id in a ballots file.
///
/// The candidates are sorted, lowercased and turned into numbers (one per distinct character)
/// once, on the first question; each distinct word is matched once; and a candidate is
/// compared only as far as it could still be within reach (the difference in length, then an
/// edit distance that stops as soon as it exceeds the limit). A ballots file from another
/// session, where every ballot names an unknown unit, costs one pass over the ids per distinct
/// id asked about, and `Diagnostics` asks about 200 at most. Words too long to be an id are not
/// matched at all (``Suggestion/maxWordLength``).
///
/// The answers are those of ``Suggestion/closest(to:among:)`` over the sorted candidates.
struct SuggestionIndex {
    private struct Candidate {
        var text: String
        var lowered: [Character]
        var codes: [Int32]
    }

    /// The candidates, asked for (and sorted) only when a first word is matched.
    private let source: () -> [String]
    private var candidates: [Candidate]?
    private var codeOf: [Character: Int32] = [:]
    /// The longest candidate's length, plus one: a row of the distance table.
    private var width = 1
    private var answers: [String: Answer] = [:]

    /// The closest candidate, and every candidate as close (itself first; a few at most).
    private struct Answer {
        var text: String?
        var asClose: [String] = []
    }

    init(_ candidates: @escaping () -> [String]) {
        source = candidates
    }

    /// The candidate closest to `word`, by ``Suggestion/closest(to:among:)``'s rules.
    mutating func closest(to word: String) -> String? {
        answer(word).text
    }

    private mutating func answer(_ word: String) -> Answer {
        if let known = answers[word] { return known }
        let answer = Suggestion.lowered(word).map { match(word, $0) } ?? Answer()
        answers[word] = answer
        return answer
    }

    /// `是不是 `x`？` / `did you mean `x`?`, as `Localized.didYouMean` words it.
    mutating func didYouMean(_ word: String) -> Localized? {
        closest(to: word).map { CommandMessages.didYouMean($0, for: word) }
    }

    /// `didYouMean` for an id, only when one candidate is closest: `R28` is as near to `R08`,
    /// `R18` and `R20`–`R27`, and naming the first of them (as a secretary was told) picks one
    /// at random. Among candidates as close, one that differs only by characters that look
    /// alike (`R0l` and `R01`, `X0O` and `X00`) is closest.
    mutating func didYouMeanOnly(_ word: String) -> Localized? {
        let a = answer(word)
        let meant = a.asClose.count > 1 ? Self.onlyAlike(word, a.asClose) : a.text
        return meant.map { CommandMessages.didYouMean($0, for: word) }
    }

    /// Among candidates as close to `word` as each other, the first alike to it to the eye
    /// (``lookalikes(_:)``), else the first: the closest's tie-break.
    static func preferAlike(_ word: String, _ asClose: [String]) -> String? {
        guard asClose.count > 1 else { return asClose.first }
        let folded = lookalikes(word)
        return asClose.first { lookalikes($0) == folded } ?? asClose.first
    }

    /// Among candidates as close, the one alike to `word` to the eye when exactly one is;
    /// otherwise none can be named. One candidate is itself.
    static func onlyAlike(_ word: String, _ asClose: [String]) -> String? {
        guard asClose.count > 1 else { return asClose.first }
        let folded = lookalikes(word)
        let alike = asClose.filter { lookalikes($0) == folded }
        return alike.count == 1 ? alike[0] : nil
    }

    /// `text` lowercased with the characters typed for one another by their look folded
    /// together (`l`, `i` and `|` as `1`, `o` as `0`, a Cyrillic or Greek letter as the Latin one
    /// it is drawn like: ``ScriptLookalikes``), and the zeros that pad a number dropped
    /// (`R5` is `R05`).
    static func lookalikes(_ text: String) -> String {
        var out = "", previousDigit = false, pending = 0
        for c in ScriptLookalikes.latinized(text).lowercased() {
            let d: Character
            switch c {
            case "l", "i", "|": d = "1"
            case "o": d = "0"
            default: d = c
            }
            if d == "0" && !previousDigit { pending += 1; continue }
            if d.isASCII && d.isNumber { previousDigit = true } else {
                // Zeros not followed by a digit are the number zero: kept.
                if pending > 0 { out += String(repeating: "0", count: pending) }
                previousDigit = false
            }
            pending = 0
            out.append(d)
        }
        if pending > 0 { out += String(repeating: "0", count: pending) }
        return out
    }

    /// How many candidates as close as the closest an answer keeps.
    static let asCloseKept = 16

    /// The closest candidate, and whether another is as close.
    private mutating func match(_ word: String, _ lowerWord: [Character]) -> Answer {
        if candidates == nil {
            candidates = source().sorted().map { text in
                let lowered = Array(text.lowercased())
                return Candidate(text: text, lowered: lowered, codes: lowered.map { c in
                    if let k = codeOf[c] { return k }
                    let k = Int32(codeOf.count)
                    codeOf[c] = k
                    return k
                })
            }
            width = (candidates!.map { $0.codes.count }.max() ?? 0) + 1
        }
        // A character no candidate has can match none of theirs.
        let word32 = lowerWord.map { codeOf[$0] ?? -1 }
        let limit = lowerWord.count >= 4 ? 2 : (lowerWord.count >= 2 ? 1 : 0)
        // Within the limit, the smallest distance wins (then the smallest with case); ties go to
        // the first. Any of these beats a candidate that is only a prefix, whose distance is larger.
        var best: (text: String, key: (Int, Int))?, asClose: [String] = []
        func consider(_ text: String, _ key: (Int, Int)) {
            if best == nil || key < best!.key {
                best = (text, key)
                asClose = [text]
            } else if key == best!.key && asClose.count < Self.asCloseKept {
                asClose.append(text)
            }
        }
        // Three rows of the distance table, for the longest candidate, shared by all.
        let rows = OwnedMemory<Int>(uninitialized: 3 * width)
        withExtendedLifetime(rows) {
            word32.withUnsafeBufferPointer { w in
                for c in candidates! where abs(c.codes.count - w.count) <= limit {
                    let d = c.codes.withUnsafeBufferPointer { Self.distance(w, $0, limit: limit, rows: rows.base) }
                    guard d <= limit else { continue }
                    let key = (d, d == 0 ? Suggestion.distance(Array(word), Array(c.text)) : d)
                    consider(c.text, key)
                }
            }
        }
        if best != nil { return Answer(text: Self.preferAlike(word, asClose), asClose: asClose) }
        // Then a candidate that starts with the word, or that the word starts with (3 characters at least).
        for c in candidates! where min(lowerWord.count, c.lowered.count) >= 3
            && (lowerWord.starts(with: c.lowered) || c.lowered.starts(with: lowerWord)) {
            let d = Suggestion.distance(lowerWord, c.lowered)
            consider(c.text, (d, d))
        }
        return Answer(text: best == nil ? nil : Self.preferAlike(word, asClose), asClose: asClose)
    }

    /// The optimal-string-alignment distance of `a` and `b` when it is at most `limit`;
    /// otherwise some number above `limit`, found as soon as two rows in a row exceed it (a
    /// transposition reaches back two). `rows` has room for three rows of `b.count + 1`.
    static func distance(_ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>, limit: Int,
                         rows: UnsafeMutablePointer<Int>) -> Int {
        let m = a.count, n = b.count
        if m == 0 { return n }
        if n == 0 { return m }
        var before = rows, previous = rows + (n + 1), current = rows + 2 * (n + 1)
        var j = 0
        while j <= n { previous[j] = j; j += 1 }
        var previousMin = 0
        var i = 1
        while i <= m {
            current[0] = i
            var rowMin = i
            let ai = a[i - 1]
            j = 1
            while j <= n {
                let cost = ai == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && ai == b[j - 2] && a[i - 2] == b[j - 1] {
                    d = min(d, before[j - 2] + 1)
                }
                current[j] = d
                if d < rowMin { rowMin = d }
                j += 1
            }
            if rowMin > limit && previousMin > limit { return limit + 1 }
            previousMin = rowMin
            (before, previous, current) = (previous, current, before)
            i += 1
        }
        return previous[n]
    }
}
