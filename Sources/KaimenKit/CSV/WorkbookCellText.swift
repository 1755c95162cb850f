/// What a workbook cell's stored value reads as in kaimen's inputs: the text a person sees in
/// the cell, where that is the value, and the value itself where Excel's display would cut it.
///
/// - A number is written out in full, to at most 15 significant digits (as Excel shows and
///   computes it, so `=0.1+0.2`, stored as 0.30000000000000004, reads 0.3), without exponent,
///   thousands separators or the trailing zeros of a `0.00` format: `8.5`, `1280`, `0.875`.
/// - In a percentage format (`0%`, `0.0%`) it is the percentage, exactly: 0.875 is `87.5%`
///   whatever places the format shows, as kaimen's rates are written.
/// - In a date or time format it is the date and time: `2014-07-08`, `09:00`,
///   `2014-07-08 09:00` (seconds when there are any), from the 1900 or 1904 date system; in an
///   elapsed-time format (`[h]:mm`) the duration Excel shows: 1.5 days is `36:00`.
/// - TRUE and FALSE as Excel writes them; an error value (`#DIV/0!`) as its text.
enum WorkbookCellText {
    /// How a cell's number format shows a number.
    enum Shape: Equatable, Sendable {
        case plain, percent
        /// A number followed by `%` as literal text (`0.0"%"`, `0.0\\%`): 97.6 shows as 97.6%.
        case percentText
        case date(day: Bool, time: Bool)
        /// An elapsed time (`[h]:mm`, `[mm]:ss`, `[s]`): a duration in the bracket's unit,
        /// `h`, `m` or `s`, which counts on past a day (1.5 days in `[h]:mm` is `36:00`).
        case elapsed(unit: Character)

        var isElapsed: Bool { if case .elapsed = self { true } else { false } }
    }

    /// The shape of a built-in format id (ECMA-376 §18.8.30, with the ids that Chinese,
    /// Japanese and Korean Excel give their dates and times: 27–36, 50–58).
    static func shape(builtIn id: Int) -> Shape {
        switch id {
        case 9, 10: .percent
        case 14...17, 27...31, 36, 50...58: .date(day: true, time: false)
        case 18...21, 32...35, 45, 47: .date(day: false, time: true)
        case 46: .elapsed(unit: "h")  // [h]:mm:ss
        case 22: .date(day: true, time: true)
        default: .plain
        }
    }

    /// The shape of a format code a workbook defines (`yyyy"年"m"月"d"日"`, `0.00%`, `#,##0`):
    /// its first section, without quoted text, escaped characters and `[…]` (a colour, a
    /// locale; `[h]`, `[mm]`, `[ss]` an elapsed time, a duration unless the section has a date too).
    static func shape(code: String) -> Shape {
        var letters: [Character] = [], bracket = ""
        var elapsed: Character?
        var inQuote = false, inBracket = false, escaped = false, literalPercent = false
        sections: for c in code {
            if escaped { escaped = false; literalPercent = literalPercent || c == "%"; continue }
            if inQuote { if c == "\"" { inQuote = false } else if c == "%" { literalPercent = true }; continue }
            if inBracket {
                if c != "]" { bracket.append(c); continue }
                inBracket = false
                if !bracket.isEmpty && bracket.allSatisfy({ "hHmMsS".contains($0) }) {
                    letters.append("h")
                    if elapsed == nil, let unit = bracket.first { elapsed = Character(unit.lowercased()) }
                }
                continue
            }
            switch c {
            case "\"": inQuote = true
            case "\\": escaped = true
            case "[": inBracket = true; bracket = ""
            case ";": break sections
            default: letters.append(Character(c.lowercased()))
            }
        }
        // `General` is a number placeholder too, with text around it (`General"人"`, which
        // Chinese Excel saves for G/通用格式"人", or `[Red]General`): its `e` is no era's year.
        let section = String(letters)
        if letters.contains(where: { "0#?".contains($0) }) || section.contains("general") {
            return letters.contains("%") ? .percent : literalPercent ? .percentText : .plain
        }
        let time = letters.contains { $0 == "h" || $0 == "s" }
        let day = letters.contains { "yde".contains($0) } || (letters.contains("m") && !time)
        if let elapsed, !day { return .elapsed(unit: elapsed) }
        return day || time ? .date(day: day, time: time) : (letters.contains("%") ? .percent : .plain)
    }

    /// `raw` (a number as the workbook stores it) as the cell reads in kaimen; `nil` when it is no number.
    static func number(_ raw: String, shape: Shape, date1904: Bool) -> String? {
        // Most cells: a plain decimal already in its shortest form (`3560`, `-0.875`, `12.5`).
        if shape == .plain, isPlain(raw) { return raw }
        guard var d = Decimal15(raw) else { return nil }
        switch shape {
        case .plain: return d.text
        case .percent:
            d.exponent += 2
            return d.text + "%"
        case .percentText: return d.text + "%"
        case .date(let day, let time):
            guard let serial = Double(raw), let text = dateText(serial, day: day, time: time, date1904: date1904) else { return d.text }
            return text
        case .elapsed(let unit):
            guard let serial = Double(raw), let text = elapsedText(serial, unit: unit) else { return d.text }
            return text
        }
    }

    /// A duration of `serial` days as an elapsed-time format shows it, rounded to the second:
    /// in hours `36:00` (`36:00:15` when it has seconds), in minutes `2160:00`, in seconds
    /// `129600`. Hours are written with two digits at least, as a time of day is (`09:00`), so
    /// a duration under a day reads as it did when it was taken for one. `nil` below 0 or past
    /// the dates' end, where the cell stays a number.
    static func elapsedText(_ serial: Double, unit: Character) -> String? {
        guard serial >= 0, serial < 2_958_466 else { return nil }
        let total = Int((serial * 86_400).rounded())
        switch unit {
        case "h":
            var t = "\(pad(total / 3600, 2)):\(pad(total / 60 % 60, 2))"
            if total % 60 != 0 { t += ":\(pad(total % 60, 2))" }
            return t
        case "m": return "\(total / 60):\(pad(total % 60, 2))"
        default: return String(total)
        }
    }

    /// Whether `raw` is a decimal as ``Decimal15/text`` writes it: an optional `-`, no leading
    /// zero but a lone one before the point, no trailing zero after it, at most 15 digits, not `-0`.
    static func isPlain(_ raw: String) -> Bool {
        var digits = 0, point = false, last: UInt8 = 0, first = true, leadingZero = false, negative = false
        for b in raw.utf8 {
            switch b {
            case UInt8(ascii: "-") where first && !negative: negative = true; continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if leadingZero && !point { return false }
                if digits == 0 && b == UInt8(ascii: "0") { leadingZero = true }
                digits += 1
            case UInt8(ascii: ".") where !point && digits > 0: point = true
            default: return false
            }
            first = false
            last = b
        }
        guard digits > 0, digits <= 15, last != UInt8(ascii: ".") else { return false }
        if point && last == UInt8(ascii: "0") { return false }
        // `-0`: zero written with a sign (a lone `0`, or `0.` something, is fine).
        if negative && leadingZero && !point { return false }
        return true
    }

    /// An ISO 8601 date and time as a `t="d"` cell holds it (`2014-07-08T09:30:00`, with
    /// fractions of a second or a zone after): the parts `shape` shows, written as a serial's
    /// are; both (the time only when it is not midnight) where the cell has no date format.
    /// Text that is no such date is kept as it is.
    static func isoDate(_ raw: String, shape: Shape) -> String {
        let b = Array(raw.utf8)
        func digits(_ from: Int, _ n: Int) -> Int? {
            guard from + n <= b.count, b[from..<(from + n)].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return Int(String(decoding: b[from..<(from + n)], as: UTF8.self))
        }
        // A time alone (`09:00:00`, as openpyxl writes a time): as a serial's time reads.
        if b.count >= 5, b[2] == UInt8(ascii: ":"), let hh = digits(0, 2), let mm = digits(3, 2), hh < 24, mm < 60 {
            let ss = b.count >= 8 && b[5] == UInt8(ascii: ":") ? digits(6, 2) ?? 0 : 0
            return written(nil, hh * 3600 + mm * 60 + ss)
        }
        guard let y = digits(0, 4), b.count >= 10, b[4] == UInt8(ascii: "-"), let m = digits(5, 2), b[7] == UInt8(ascii: "-"),
              let d = digits(8, 2), (1...12).contains(m), (1...31).contains(d) else { return raw }
        var seconds = 0
        if b.count > 10 {
            guard b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "), let hh = digits(11, 2), b.count > 13, b[13] == UInt8(ascii: ":"),
                  let mm = digits(14, 2) else { return raw }
            let ss = b.count > 16 && b[16] == UInt8(ascii: ":") ? digits(17, 2) ?? 0 : 0
            seconds = hh * 3600 + mm * 60 + ss
        }
        let (day, time): (Bool, Bool)
        switch shape {
        case .date(let dd, let tt): (day, time) = (dd, tt)
        case .elapsed: (day, time) = (false, true)
        default: (day, time) = (true, seconds != 0)
        }
        return written(day || !time ? (y, m, d) : nil, time ? seconds : nil)
    }

    /// `yyyy-mm-dd`, `hh:mm` (`hh:mm:ss` when there are seconds), or both with a space between.
    private static func written(_ date: (Int, Int, Int)?, _ seconds: Int?) -> String {
        var parts: [String] = []
        if let (y, m, d) = date { parts.append("\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))") }
        if let seconds {
            var t = "\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2))"
            if seconds % 60 != 0 { t += ":\(pad(seconds % 60, 2))" }
            parts.append(t)
        }
        return parts.joined(separator: " ")
    }

    /// A date serial as `yyyy-mm-dd`, `hh:mm[:ss]` or both; `nil` outside Excel's dates (negative, past 9999).
    static func dateText(_ serial: Double, day: Bool, time: Bool, date1904: Bool) -> String? {
        guard serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds == 86_400 { days += 1; seconds = 0 }
        var ymd: (Int, Int, Int)?
        if day || !time {
            if !date1904 && days == 60 {
                // Lotus 1-2-3's 29 February 1900, which Excel keeps so that its serials agree.
                ymd = (1900, 2, 29)
            } else {
                // Serial 0 is 1904-01-01, 24 107 days before 1970; in the 1900 system it is
                // 1899-12-31 before that false leap day, and 1899-12-30 after it (25 569 days).
                let from1970 = days - (date1904 ? 24_107 : days < 60 ? 25_568 : 25_569)
                let f = UTCTimestamp.fields(from1970 * 86_400)
                ymd = (f.year, f.month, f.day)
            }
        }
        return written(ymd, time ? seconds : nil)
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// OOXML's escape of a character XML cannot hold (`_x000D_` for a carriage return, `_x005F_`
    /// for a `_` that would otherwise start one), undone.
    static func unescaped(_ s: String) -> String {
        guard s.contains("_x") else { return s }
        var out = "", rest = Substring(s)
        while let r = rest.range(of: "_x") {
            out += rest[..<r.lowerBound]
            let hex = rest[r.upperBound...].prefix(5)
            if hex.count == 5, hex.last == "_", let v = UInt32(hex.dropLast(), radix: 16), hex.dropLast().allSatisfy(\.isHexDigit),
               let scalar = Unicode.Scalar(v) {
                out.unicodeScalars.append(scalar)
                rest = rest[rest.index(r.upperBound, offsetBy: 5)...]
            } else {
                out += "_x"
                rest = rest[r.upperBound...]
            }
        }
        return out + rest
    }

    /// A decimal number cut to 15 significant digits, rounded half away from zero on its
    /// written digits (the shortest that read back as the stored double).
    struct Decimal15 {
        var negative: Bool
        /// Significant digits, without leading or trailing zeros; empty for zero.
        var digits: [UInt8]
        /// The value is 0.`digits` × 10^exponent.
        var exponent: Int

        init?(_ raw: String) {
            var bytes = Array(raw.utf8)[...]
            negative = bytes.first == UInt8(ascii: "-")
            if negative || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            var mantissa: [UInt8] = [], point: Int?, seenDigit = false
            while let b = bytes.first, b != UInt8(ascii: "e"), b != UInt8(ascii: "E") {
                bytes = bytes.dropFirst()
                if b == UInt8(ascii: ".") {
                    guard point == nil else { return nil }
                    point = mantissa.count
                } else if b >= 0x30 && b <= 0x39 {
                    mantissa.append(b - 0x30)
                    seenDigit = true
                } else {
                    return nil
                }
            }
            guard seenDigit else { return nil }
            var power = 0
            if !bytes.isEmpty {
                bytes = bytes.dropFirst()
                // A double's range (Excel's numbers are doubles): `1E9999` in 20 bytes of XML
                // was written out as ten thousand digits.
                guard let p = Int(String(decoding: bytes, as: UTF8.self)), abs(p) <= 330 else { return nil }
                power = p
            }
            // 0.mantissa × 10^(point + power), then without leading zeros.
            exponent = (point ?? mantissa.count) + power
            let lead = mantissa.firstIndex { $0 != 0 } ?? mantissa.count
            exponent -= lead
            digits = Array(mantissa[lead...])
            if digits.count > 15 {
                let up = digits[15] >= 5
                digits = Array(digits[..<15])
                if up {
                    var k = 14
                    while k >= 0 && digits[k] == 9 { digits[k] = 0; k -= 1 }
                    if k >= 0 { digits[k] += 1 } else { digits.insert(1, at: 0); digits.removeLast(); exponent += 1 }
                }
            }
            while digits.last == 0 { digits.removeLast() }
            if digits.isEmpty { negative = false }
        }

        /// Plain decimal text: `-12.5`, `0.0031`, `1200`.
        var text: String {
            guard !digits.isEmpty else { return "0" }
            let ds = digits.map { Character(Unicode.Scalar($0 + 0x30)) }
            var s = negative ? "-" : ""
            if exponent <= 0 {
                s += "0." + String(repeating: "0", count: -exponent) + String(ds)
            } else if exponent >= ds.count {
                s += String(ds) + String(repeating: "0", count: exponent - ds.count)
            } else {
                s += String(ds[..<exponent]) + "." + String(ds[exponent...])
            }
            return s
        }
    }
}
