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
        var seconds = time_t(s.isNaN ? 0 : min(max(s, first), last))
        var t = tm()
        _ = gmtime_r(&seconds, &t)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let year = String(Int(t.tm_year) + 1900)
        let y = String(repeating: "0", count: 4 - year.count) + year
        return "\(y)-\(two(t.tm_mon + 1))-\(two(t.tm_mday))T\(two(t.tm_hour)):\(two(t.tm_min)):\(two(t.tm_sec))Z"
    }
}
