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

    /// The calendar date and time in UTC of `seconds` since 1970 (the C library's `gmtime_r`,
    /// proleptic Gregorian): also a workbook's date serials (`WorkbookCellText`).
    static func fields(_ seconds: Int) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        var s = time_t(seconds)
        var t = tm()
        _ = gmtime_r(&s, &t)
        return (Int(t.tm_year) + 1900, Int(t.tm_mon) + 1, Int(t.tm_mday), Int(t.tm_hour), Int(t.tm_min), Int(t.tm_sec))
    }
}
