/// The journal head hash a committee posts at close, as it comes back to `session verify --head`:
/// the whole hash, or its first digits as written by hand on the notice (since 0.29.4). The
/// notice has a place for them (`NoticeHTML`), and `close` prints them grouped in fours.
///
/// Sixteen digits at least: 64 bits, so that a journal rewritten to end in a record whose hash
/// begins the same way would take some 2^64 tries; fewer digits (48 bits is a few GPU-hours)
/// could be forged. Copied from a notice, the digits may come full-width (ｂ３６０…), in
/// capitals, and with spaces or hyphens between groups: all read as the same digits.
public enum PostedHead {
    /// The fewest digits `--head` takes, and how many `close` asks to post by hand.
    public static let shortest = 16

    /// The labels the notice puts before the code (`PaperTexts.verificationCodeLabel`), lowercase.
    static let labels = [PaperTexts.verificationCodeLabel.zh, PaperTexts.verificationCodeLabel.en].map { $0.lowercased() }

    /// The lowercase hex digits of a posted hash as typed; `nil` unless it is 16 to 64 hex
    /// digits with nothing else but spaces and hyphens between them.
    /// The notice's line may be pasted whole, its label with it (`核验码：db9c d389 …`, since
    /// 0.29.6; `Verification code:` in English): the label and its colon are left out.
    public static func digits(_ typed: String) -> String? {
        var digits = ""
        var text = Substring(UnitMatcher.normalized(typed).trimmingSpaces())
        for label in labels where text.lowercased().hasPrefix(label) {
            text = text.dropFirst(label.count).drop { $0 == " " }
            if text.first == ":" { text = text.dropFirst() }
            break
        }
        for c in text where c != " " && c != "-" {
            guard c.isASCII, c.isHexDigit else { return nil }
            digits.append(contentsOf: c.lowercased())
        }
        return (shortest ... 64).contains(digits.count) ? digits : nil
    }

    /// The first `shortest` digits of `hash` in groups of four (`d6ff 1a2b 3c4d 5e6f`), to be
    /// written on the notice by hand.
    public static func handwritten(_ hash: String) -> String {
        let head = Array(hash.prefix(shortest))
        return stride(from: 0, to: head.count, by: 4).map { String(head[$0 ..< min($0 + 4, head.count)]) }.joined(separator: " ")
    }
}
