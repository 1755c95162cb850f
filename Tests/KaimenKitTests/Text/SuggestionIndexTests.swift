import Testing
@testable import KaimenKit

/// The index behind "did you mean" for unknown ids answers exactly as `Suggestion.closest` over
/// the sorted candidates, only faster.
@Suite("Suggestion index: the same answers as Suggestion.closest")
struct SuggestionIndexTests {
    static let candidates = ["X01", "X02", "X10", "U00001", "W00001", "members", "member_rate", "Members", "甲单位", "甲单位工会",
                             "rights.ballot", "rights", "ab", "a", "contracts_signed", "é", "e\u{301}x"]

    @Test("every word gets Suggestion.closest's answer over the sorted candidates", arguments: [
        "X1", "x01", "X03", "X001", "U00002", "V00001", "membres", "mem", "member", "MEMBERS", "甲单", "甲单位工", "乙单位",
        "rights.balot", "right", "rigths", "b", "A", "abc", "contract", "contracts_signed_by_all", "", "é", "ex", "zzzzzz",
        String(repeating: "X01", count: 30), String(repeating: "m", count: 65),
    ])
    func sameAnswers(_ word: String) {
        var index = SuggestionIndex { Self.candidates }
        #expect(index.closest(to: word) == Suggestion.closest(to: word, among: Self.candidates.sorted()), "\(word)")
        // Asked again: the remembered answer.
        #expect(index.closest(to: word) == Suggestion.closest(to: word, among: Self.candidates.sorted()))
    }

    @Test("random words against random ids agree, seeded")
    func randomAgreement() {
        var rng = SplitMix64(seed: 9)
        let alphabet = Array("abXU01_.甲乙")
        func word(_ n: Int) -> String { String((0 ..< n).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }) }
        let ids = (0 ..< 300).map { _ in word(2 + Int(rng.next() % 6)) }
        var index = SuggestionIndex { ids }
        for _ in 0 ..< 300 {
            let w = word(1 + Int(rng.next() % 8))
            #expect(index.closest(to: w) == Suggestion.closest(to: w, among: ids.sorted()), "\(w)")
        }
    }

    @Test("the bounded distance is exact within the limit and above it beyond", arguments: [
        ("piont", "point", 1), ("abcdef", "abcdef", 0), ("abcdef", "badcfe", 3), ("kitten", "sitting", 3), ("ab", "ba", 1), ("", "abc", 3),
    ])
    func boundedDistance(_ a: String, _ b: String, _ exact: Int) {
        let codes = { (s: String) in s.unicodeScalars.map { Int32($0.value) } }
        let rows = UnsafeMutablePointer<Int>.allocate(capacity: 3 * 16)
        defer { rows.deallocate() }
        for limit in 0 ... 3 {
            let d = codes(a).withUnsafeBufferPointer { x in codes(b).withUnsafeBufferPointer { SuggestionIndex.distance(x, $0, limit: limit, rows: rows) } }
            #expect(exact <= limit ? d == exact : d > limit, "\(a) \(b) limit \(limit): \(d)")
        }
        #expect(Suggestion.distance(a, b) == exact)
    }
}
