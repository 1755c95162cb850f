#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

import Foundation

/// A moment as the text the manifest's `created` and a journal record's `time` hold: RFC 3339
/// in UTC, to the second (`2026-12-01T19:30:00Z`), the fraction of a second dropped. A moment
/// outside the years 1 to 9999 (no clock reads one) is written as the nearer end of them.
///
/// Worked out by the C library's `gmtime_r` from the whole seconds since 1970, so no
/// time-zone database is read: Foundation's `ISO8601DateFormatter` opened three zone files
/// and took 2–7 ms, at the end of every run that writes a folder.
enum UTCTimestamp {
    static func text(_ date: Date) -> String {
        // 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
        let first = -62_135_596_800.0, last = 253_402_300_799.0
        let s = date.timeIntervalSince1970.rounded(.down)
        let t = fields(Int(s.isNaN ? 0 : min(max(s, first), last)))
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let year = String(t.year)
        let y = String(repeating: "0", count: 4 - year.count) + year
        return "\(y)-\(two(t.month))-\(two(t.day))T\(two(t.hour)):\(two(t.minute)):\(two(t.second))Z"
    }

    /// Whether `text` is one that ``text(_:)`` writes: `2014-07-08T09:30:00Z`, a real date and
    /// time (no month 13, no 99 o'clock). The replay of a journal checks each record's `time` so.
    static func isWritten(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count == 20, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":"),
              b[16] == UInt8(ascii: ":"), b[19] == UInt8(ascii: "Z") else { return false }
        func number(_ from: Int, _ count: Int) -> Int? {
            var n = 0
            for c in b[from ..< from + count] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) else { return nil }
                n = n * 10 + Int(c - UInt8(ascii: "0"))
            }
            return n
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
              let minute = number(14, 2), let second = number(17, 2), (1...12).contains(month), (1...31).contains(day),
              hour < 24, minute < 60, second < 60 else { return false }
        // The day is one its month has: written again from its seconds, it reads the same.
        var t = tm()
        t.tm_year = Int32(year - 1900); t.tm_mon = Int32(month - 1); t.tm_mday = Int32(day)
        t.tm_hour = Int32(hour); t.tm_min = Int32(minute); t.tm_sec = Int32(second)
        let seconds = timegm(&t)
        return text == Self.text(Date(timeIntervalSince1970: Double(seconds)))
    }

    /// The calendar date and time in UTC of `seconds` since 1970 (the C library's `gmtime_r`,
    /// proleptic Gregorian): also a workbook's date serials (`WorkbookCellText`).
    static func fields(_ seconds: Int) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        var s = time_t(seconds)
        var t = tm()
        _ = gmtime_r(&s, &t)
        return (Int(t.tm_year) + 1900, Int(t.tm_mon) + 1, Int(t.tm_mday), Int(t.tm_hour), Int(t.tm_min), Int(t.tm_sec))
    }
}
