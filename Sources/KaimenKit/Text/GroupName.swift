/// Group names as committees write them: `第一组`, `第1组` and `第１组` are one group to a
/// reader, so a suggestion for a mistyped group looks past how its number is written.
enum GroupName {
    /// `s` as `UnitMatcher.normalized` leaves it (trimmed, full-width forms half-width), without
    /// the spaces inside, and with every run of Chinese numerals written in Arabic digits:
    /// `第十二组` → `第12组`, `第 一〇一 室` → `第101室`.
    static func normalized(_ s: String) -> String {
        var out = "", run: [Character] = []
        func flush() {
            if !run.isEmpty { out += arabic(run) }
            run.removeAll()
        }
        for c in UnitMatcher.normalized(s) where c != " " {
            if digits[c] != nil || places[c] != nil {
                run.append(c)
            } else {
                flush()
                out.append(c)
            }
        }
        flush()
        return out
    }

    /// The candidate `word` most likely means, `word` itself left out: the same group with its
    /// number written otherwise (`第1组` → `第一组`), else the closest by
    /// ``Suggestion/closest(to:among:)``, both compared as ``normalized(_:)`` writes them.
    /// No answer when two candidates are equally close (`第五组` is one character from both
    /// `第一组` and `第二组`): a guess between them would mislead.
    static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        var byForm: [String: String] = [:], forms: [String] = []
        for c in candidates where c != word {
            let form = normalized(c)
            if byForm[form] == nil {
                byForm[form] = c
                forms.append(form)
            }
        }
        let target = normalized(word)
        guard let best = Suggestion.closest(to: target, among: forms) else { return nil }
        if best != target, let next = Suggestion.closest(to: target, among: forms.filter { $0 != best }),
           Suggestion.distance(target, next) == Suggestion.distance(target, best) {
            return nil
        }
        return byForm[best]
    }

    private static let digits: [Character: Int] = [
        "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    private static let places: [Character: Int] = ["十": 10, "百": 100, "千": 1000]

    /// A run of Chinese numerals as a number: `十二` 12, `二十` 20, `一百零五` 105; without
    /// 十, 百 or 千 digit by digit (`一〇一` 101).
    private static func arabic(_ run: [Character]) -> String {
        guard run.contains(where: { places[$0] != nil }) else { return String(run.map { Character(String(digits[$0]!)) }) }
        var total = 0, current = 0
        for c in run {
            if let d = digits[c] {
                current = d
            } else if let p = places[c] {
                total += (current == 0 ? 1 : current) * p
                current = 0
            }
        }
        return String(total + current)
    }
}
