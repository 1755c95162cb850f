import Testing
@testable import KaimenKit

/// `BulkCSV.fieldEnd` reads eight bytes at a time: it must find the same end as a byte-by-byte
/// scan for every start and limit, whatever lies around the delimiter.
@Suite("The end of a field, eight bytes at a time, is where a byte-by-byte scan finds it")
struct FieldEndTests {
    static func byByte(_ b: [UInt8], _ from: Int, _ limit: Int) -> Int {
        var i = from
        while i < limit && b[i] != 0x2C && b[i] != 0x0A && b[i] != 0x0D { i += 1 }
        return i
    }

    @Test("every start and limit in rows of ids, UTF-8, bytes 0x01 and 0x80 beside delimiters, and runs with none")
    func agrees() {
        // 0x01 right after a delimiter is where a word-at-a-time zero test can misfire (the
        // borrow); 0x2D, 0x0B and 0x0E are one away from the delimiters; 0xE5 0xBC 0x80 is 开.
        let rows: [[UInt8]] = [
            Array("U0001,R03,S08,7.5\r\nU0002,R04,S09,10\n".utf8),
            Array("单位,代表,,\n,,x".utf8),
            [0x2C, 0x01, 0x01, 0x2C, 0x01, 0x0A, 0x01, 0x0D, 0x01, 0x80, 0x2D, 0x0B, 0x0E, 0x2B, 0x09, 0x0C, 0x2C],
            Array(repeating: 0x41, count: 40) + [0x2C] + Array(repeating: 0x01, count: 9) + [0x0D, 0x0A],
            Array(repeating: 0x2D, count: 33),
        ]
        var rng = SplitMix64(seed: 20261202)
        let alphabet: [UInt8] = [0x2C, 0x0A, 0x0D, 0x01, 0x00, 0x80, 0xFF, 0x2D, 0x2B, 0x0B, 0x0C, 0x0E, 0x30, 0x41, 0xE5]
        let random = (0 ..< 200).map { _ in (0 ..< Int.random(in: 0 ... 30, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! } }
        for row in rows + random {
            row.withUnsafeBufferPointer { p in
                guard let base = p.baseAddress else { return }
                for limit in 0 ... row.count {
                    for from in 0 ... limit {
                        let got = BulkCSV.fieldEnd(base, from, limit), want = Self.byByte(row, from, limit)
                        if got != want { Issue.record("\(row) from \(from) limit \(limit): \(got), not \(want)") }
                    }
                }
            }
        }
    }

    @Test("the delimiter mask flags exactly the commas, LFs and CRs of a word, whatever their neighbours")
    func mask() {
        var rng = SplitMix64(seed: 20261202)
        let alphabet: [UInt8] = [0x2C, 0x0A, 0x0D, 0x2D, 0x0B, 0x0E, 0x01, 0x00, 0x80, 0xAC, 0x8A, 0xFF, 0x7F, 0x30]
        let words = (0 ..< 20_000).map { _ in (0 ..< 8).map { _ in alphabet.randomElement(using: &rng)! } }
            + [[0x2C, 0x2D, 0x2C, 0x2D, 0x0A, 0x0B, 0x0D, 0x0E], [0x00, 0x01, 0x2C, 0x01, 0x01, 0x01, 0x01, 0x01]]
        for bytes in words {
            let w = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
            let want = bytes.enumerated().reduce(UInt64(0)) { acc, b in
                [0x2C, 0x0A, 0x0D].contains(b.element) ? acc | UInt64(0x80) << UInt64(8 * b.offset) : acc
            }
            #expect(BulkCSV.delimiters(w) == want, "\(bytes)")
        }
    }
}
