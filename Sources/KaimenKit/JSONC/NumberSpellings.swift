/// Numbers written otherwise than JSON writes them, as a rules author may type them: the
/// JavaScript ways (`0x0C`, `012`, `+12`, `.5`) and Chinese numerals (`十二`, `两`, `三点五`).
/// Each is refused, so that a rules file stays plain JSON other tools read, and answered with
/// the number to write (`写 12`). Since 0.29.2.
enum NumberSpellings {
    /// The value of a Chinese numeral, exactly, or `nil`: whole numbers below 10 000 written with
    /// 零〇 一 二两 三 … 九 and 十 百 千 (`十二`, `二十`, `一百零五`, `两千`), a decimal part after
    /// 点 (`三点五`), or 半 alone (0.5). What could be read two ways is not read: `一百五`
    /// (150 to some, 105 to others), `一二` (digits in a row).
    static func chinese(_ text: some StringProtocol) -> Rational? {
        let scalars = Array(text.unicodeScalars)
        if scalars == ["半"] { return Rational(1, 2) }
        guard let point = scalars.firstIndex(of: "点") else { return whole(scalars[...]).map { Rational(integer: Int64($0)) } }
        guard let w = whole(scalars[..<point]) else { return nil }
        let fraction = scalars[(point + 1)...]
        guard !fraction.isEmpty, fraction.count <= 6 else { return nil }
        var decimals = ""
        for c in fraction {
            guard let d = digits[c] else { return nil }
            decimals += String(d)
        }
        return Rational(decimal: "\(w).\(decimals)")
    }

    /// A run of Chinese numerals at the start of `word` that is a number, and what follows it
    /// (a unit such as `分`, or nothing): `三分` → (3, `分`). `nil` when the word does not start
    /// with one, or when numerals follow what does (the run is one number or none).
    static func chinesePrefix(_ word: String) -> (value: Rational, rest: Substring)? {
        let run = word.unicodeScalars.prefix { numerals.contains($0) }
        guard !run.isEmpty, let value = chinese(Substring(run)) else { return nil }
        return (value, word[run.endIndex...])
    }

    /// The number JSON's text `json` stands for, as a person writes it (`0.5e1` → `5`); `json`
    /// itself when it has more than 12 decimals or is not a number kaimen reads.
    static func plain(_ json: String) -> String {
        guard let r = Rational(decimal: json), r.rounded(places: 12) == r else { return json }
        return r.plainText(maxPlaces: 12)
    }

    /// `0x0C`, `-0x1f`: the hexadecimal number at `index` (a sign, then `0x` and at most 15 hex
    /// digits), its decimal text and where it ends; `nil` when there is none.
    static func hexadecimal(_ scalars: [Unicode.Scalar], from index: Int) -> (decimal: String, end: Int)? {
        var k = index
        let negative = k < scalars.count && scalars[k] == "-"
        if negative { k += 1 }
        guard k + 2 < scalars.count, scalars[k] == "0", scalars[k + 1] == "x" || scalars[k + 1] == "X" else { return nil }
        k += 2
        var hex = ""
        while k < scalars.count, scalars[k].isASCII, scalars[k].properties.isASCIIHexDigit { hex.unicodeScalars.append(scalars[k]); k += 1 }
        guard !hex.isEmpty, hex.count <= 15, let v = Int64(hex, radix: 16) else { return nil }
        return ((negative && v != 0 ? "-" : "") + String(v), k)
    }

    /// The number at `index` written with a `+` sign or without a digit before its point
    /// (`+12`, `.5e1`, `-.5`, `+.5`), as JSON writes it (`12`, `0.5e1`, `-0.5`) and where it
    /// ends; `nil` when the text there is not such a number.
    static func signedOrBarePoint(_ scalars: [Unicode.Scalar], from index: Int) -> (json: String, end: Int)? {
        var k = index
        var json = ""
        if k < scalars.count, scalars[k] == "+" { k += 1 } else if k < scalars.count, scalars[k] == "-" { json = "-"; k += 1 }
        var text = ""
        while k < scalars.count, ("0"..."9").contains(scalars[k]) || ".eE".unicodeScalars.contains(scalars[k])
                || (("+-".unicodeScalars.contains(scalars[k])) && (text.hasSuffix("e") || text.hasSuffix("E"))) {
            text.unicodeScalars.append(scalars[k]); k += 1
        }
        guard let first = text.unicodeScalars.first, first == "." || ("0"..."9").contains(first) else { return nil }
        json += (first == "." ? "0" : "") + text
        return isJSONNumber(json) ? (json, k) : nil
    }

    /// Whether `s` is a number as JSON writes it: `-`?, `0` or digits not starting with `0`,
    /// then `.` and digits, then `e` or `E`, a sign and digits, each part optional but the first.
    static func isJSONNumber(_ s: String) -> Bool {
        var c = Array(s.unicodeScalars)[...]
        func digits() -> Int { let n = c.prefix { ("0"..."9").contains($0) }.count; c = c.dropFirst(n); return n }
        if c.first == "-" { c = c.dropFirst() }
        let leadingZero = c.first == "0"
        let n = digits()
        guard n > 0, !(leadingZero && n > 1) else { return false }
        if c.first == "." { c = c.dropFirst(); guard digits() > 0 else { return false } }
        if c.first == "e" || c.first == "E" {
            c = c.dropFirst()
            if c.first == "+" || c.first == "-" { c = c.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return c.isEmpty
    }

    private static let digits: [Unicode.Scalar: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    private static let units: [Unicode.Scalar: Int] = ["十": 10, "百": 100, "千": 1000]
    private static let numerals: Set<Unicode.Scalar> = Set(digits.keys).union(units.keys).union(["点", "半"])

    /// A whole number below 10 000 in Chinese numerals; `nil` for anything else.
    private static func whole(_ s: ArraySlice<Unicode.Scalar>) -> Int? {
        guard !s.isEmpty else { return nil }
        var total = 0
        var digit: Int?
        var lastUnit = 10_000
        var afterZero = false
        for c in s {
            if let d = digits[c] {
                if let prior = digit, prior != 0 { return nil }   // `一二`: digits in a row
                if digit == 0 || (d == 0 && total > 0) { afterZero = true }
                digit = d
            } else if let u = units[c] {
                guard u < lastUnit else { return nil }              // `十百`, `百百`
                let d = digit ?? (total == 0 && u == 10 ? 1 : 0)     // `十二`: one ten
                guard d > 0, !(u == 10 && digit == nil && total > 0) else { return nil }
                total += d * u
                lastUnit = u
                digit = nil
                afterZero = false
            } else {
                return nil
            }
        }
        if let d = digit, d > 0 {
            // A last digit is ones only straight after 十, after 零, or alone: `一百五` is not read.
            guard lastUnit == 10 || lastUnit == 10_000 || afterZero else { return nil }
            total += d
        }
        return total
    }
}
