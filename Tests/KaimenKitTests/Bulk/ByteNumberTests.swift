import Testing
@testable import KaimenKit

@Suite("Byte numbers: what the checked parsers accept, read from bytes")
struct ByteNumberTests {
    func metric(_ text: String, _ kind: MetricDefinition.Kind) -> ByteNumber.MetricCell {
        var text = text
        return text.withUTF8 { ByteNumber.metric($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: $0.count, kind: kind) }
    }

    func decimal(_ text: String) -> (mantissa: Int64, scale: Int)? {
        var text = text
        return text.withUTF8 { ByteNumber.decimal($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: $0.count) }
    }

    static let texts = ["0", "1", "12", "007", "-0", "+3", "-3", "1.5", "1.50", "0.875", ".5", "5.", ".", "-", "+", "", " ", " 12 ", "\t7",
                        "87.5%", "87.5％", "100%", "120%", "-5%", "%", "1.2.3", "1,5", "1e3", "nan", "inf", "abc", "12a",
                        "是", "否", "有", "无", "空", "true", "FALSE", "Yes", "n", "✓", "×", "N/A", "n/a", "NA", "null", "—",
                        "1.0", "2", "0.0000000001", "123456789012345678", "1234567890123456789", "99999999999999999999"]

    @Test("agrees with MetricValue.parse on every text and kind, or refuses", arguments: MetricDefinition.Kind.allCases)
    func agreesWithMetricValue(kind: MetricDefinition.Kind) {
        for text in Self.texts {
            let checked = MetricValue.parse(text, kind: kind)
            switch metric(text, kind) {
            case .value(let m, let s):
                #expect(checked == .value(Rational(m, BulkData.pow10[s])), "`\(text)` as \(kind)")
                #expect(s == 0 || m % 10 != 0, "`\(text)`: the fewest decimals")
            case .missing:
                #expect(checked == .missing, "`\(text)` as \(kind)")
            case .invalid:
                // Refusing is always safe; it must only be rare for legal text.
                if case .invalid = checked { continue }
                if case .beyondLimits = checked { continue }  // beyond NumberLimits: the checked reader says so
                #expect(["1e3", "99999999999999999999", "1,5"].contains(text), "`\(text)` as \(kind) is legal: \(checked)")
            }
        }
    }

    @Test("reads decimals as mantissa and fewest decimals")
    func decimals() {
        #expect(decimal("1.50")! == (15, 1))
        #expect(decimal("-0")! == (0, 0))
        #expect(decimal("+0.125")! == (125, 3))
        #expect(decimal("100")! == (100, 0))
        #expect(decimal("922337203685477580")! == (922_337_203_685_477_580, 0))
        #expect(decimal("9223372036854775808") == nil)
        #expect(decimal("1e3") == nil)
        #expect(decimal("") == nil)
        #expect(decimal("-") == nil)
    }

    @Test("reads short whole numbers eight bytes at a time, exactly as byte by byte")
    func shortIntegers() {
        var rng = SplitMix64(seed: 3)
        let alphabet = Array("0123456789,\r\n.-a ".utf8)
        for _ in 0 ..< 20000 {
            let bytes = (0 ..< 12).map { _ in alphabet[rng.below(alphabet.count)] }
            bytes.withUnsafeBufferPointer { p in
                let got = ByteNumber.shortInteger(p.baseAddress!, 0, p.count)
                let digits = bytes.prefix { $0 >= 48 && $0 <= 57 }.count
                let ends = digits < bytes.count && [UInt8(ascii: ","), 0x0A, 0x0D].contains(bytes[digits])
                if digits >= 1 && digits <= 7 && ends {
                    #expect(got?.0 == Int64(String(decoding: bytes.prefix(digits), as: UTF8.self)) && got?.1 == digits)
                } else {
                    #expect(got == nil)
                }
            }
        }
        // Too close to the end to load eight bytes.
        #expect([UInt8]("12,".utf8).withUnsafeBufferPointer { ByteNumber.shortInteger($0.baseAddress!, 0, 3) } == nil)
    }

    @Test("10^n without a global array", arguments: 0 ... 18)
    func powers(n: Int) {
        #expect(ByteNumber.pow10(n) == BulkData.pow10[n])
    }
}

@Suite("IDTable: byte strings to indices")
struct IDTableTests {
    @Test("finds every id it was given, at its first index, and nothing else")
    func findsIDs() {
        let ids = (0 ..< 5000).map { "U\($0)" } + ["", "单位甲", "a-much-longer-id-than-eight-bytes-0001", "U1"]
        let table = IDTable(ids)
        #expect(table.count == ids.count - 1)
        for (i, id) in ids.enumerated().dropLast() { #expect(table.find(id) == Int32(i)) }
        #expect(table.find("U1") == 1)
        #expect(table.find("U5000") == nil)
        #expect(table.find("a-much-longer-id-than-eight-bytes-0002") == nil)
        #expect(Array(table.key(5001)) == Array("单位甲".utf8))
    }

    @Test("reports a repeated id on insert")
    func repeats() {
        var table = IDTable(capacity: 2)
        #expect(table.insert("R1") == (0, true))
        #expect(table.insert("R2") == (1, true))
        #expect(table.insert("R1") == (0, false))
    }
}
