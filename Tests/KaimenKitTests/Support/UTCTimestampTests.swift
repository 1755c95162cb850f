import Foundation
import Testing
@testable import KaimenKit

/// The manifest's `created` and a journal record's `time`: expected texts by Python's
/// `datetime` (`Fixtures/reference/timestamp/utc_text.py`), not by kaimen.
@Suite("A moment as UTC text to the second")
struct UTCTimestampTests {
    static let vectors: [(Double, String)] = [
        (0.0, "1970-01-01T00:00:00Z"),
        (0.5, "1970-01-01T00:00:00Z"),
        (0.999, "1970-01-01T00:00:00Z"),
        (1.0, "1970-01-01T00:00:01Z"),
        (-0.5, "1969-12-31T23:59:59Z"),
        (-1.0, "1969-12-31T23:59:59Z"),
        (-0.001, "1969-12-31T23:59:59Z"),
        (59.0, "1970-01-01T00:00:59Z"),
        (86399.75, "1970-01-01T23:59:59Z"),
        (951782400.0, "2000-02-29T00:00:00Z"),
        (4107542399.0, "2100-02-28T23:59:59Z"),
        (1798761599.999999, "2026-12-31T23:59:59Z"),
        (1700000000.9999, "2023-11-14T22:13:20Z"),
        (-2208988800.25, "1899-12-31T23:59:59Z"),
        (-62135596800.0, "0001-01-01T00:00:00Z"),
        (253402300799.0, "9999-12-31T23:59:59Z"),
    ]

    @Test("whole seconds, the fraction dropped, before and after 1970, leap days, years 1 and 9999")
    func vectorsAgree() {
        for (seconds, text) in Self.vectors {
            #expect(UTCTimestamp.text(Date(timeIntervalSince1970: seconds)) == text, "\(seconds)")
        }
    }

    @Test("a moment no clock reads is the nearer end of years 1 to 9999, never a trap")
    func outOfRange() {
        #expect(UTCTimestamp.text(Date(timeIntervalSince1970: -1e300)) == "0001-01-01T00:00:00Z")
        #expect(UTCTimestamp.text(Date(timeIntervalSince1970: 1e300)) == "9999-12-31T23:59:59Z")
        #expect(UTCTimestamp.text(Date(timeIntervalSince1970: .infinity)) == "9999-12-31T23:59:59Z")
        #expect(UTCTimestamp.text(Date(timeIntervalSince1970: .nan)) == "1970-01-01T00:00:00Z")
    }

    @Test("the manifest and the journal write it")
    func usedByTheRecords() {
        let m = Manifest(kaimen: "0", created: Date(timeIntervalSince1970: 951782400.5), inputs: [], outputs: [])
        #expect(m.rendered().contains(#""created": "2000-02-29T00:00:00Z""#))
        let now = JournalRecord.now()
        #expect(now.count == 20 && now.hasSuffix("Z") && now.dropFirst(10).first == "T")
    }
}
