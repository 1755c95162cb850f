/// Raw DEFLATE (RFC 1951) decoding: how a ZIP archive's method 8 stores the parts of a workbook
/// that Excel, WPS or LibreOffice saved. Safe Swift over a byte array; the output is capped, so a
/// small hostile archive cannot make gigabytes (a "zip bomb"), and every malformed stream ends
/// in a `Failure`, never a trap.
///
/// Each Huffman code of up to nine bits is decoded through a lookup table indexed by the next
/// input bits (least significant first, as DEFLATE packs them), each entry the symbol and its
/// length; a longer code bit by bit (`Huffman`).
enum Inflate {
    enum Failure: Error, Equatable, Sendable {
        /// The stream ended before its final block did.
        case truncated
        /// Block type 3, a stored block whose length and its complement disagree, code lengths
        /// that do not make a prefix code, a symbol DEFLATE does not define, or a distance back
        /// past the start of the output.
        case malformed
        /// More output than `limit` bytes.
        case tooLarge
    }

    /// The bytes `input` encodes, at most `limit` of them.
    static func decompress(_ input: ArraySlice<UInt8>, limit: Int) throws(Failure) -> [UInt8] {
        var out: [UInt8] = []
        try decode(input, limit: limit, into: &out)
        return out
    }

    /// The first bytes `input` encodes, about `count` of them (fewer when it ends or breaks
    /// first): enough to look into a part without inflating all of it.
    static func prefix(_ input: ArraySlice<UInt8>, count: Int) -> [UInt8] {
        var out: [UInt8] = []
        try? decode(input, limit: count, into: &out)
        return out
    }

    private static func decode(_ input: ArraySlice<UInt8>, limit: Int, into out: inout [UInt8]) throws(Failure) {
        var bits = BitReader(input)
        var last = false
        while !last {
            last = try bits.take(1) == 1
            switch try bits.take(2) {
            case 0: try stored(&bits, into: &out, limit: limit)
            case 1: try codes(&bits, Self.fixed.literals, Self.fixed.distances, into: &out, limit: limit)
            case 2:
                let (literals, distances) = try dynamicTables(&bits)
                try codes(&bits, literals, distances, into: &out, limit: limit)
            default: throw .malformed
            }
        }
    }

    private static func stored(_ bits: inout BitReader, into out: inout [UInt8], limit: Int) throws(Failure) {
        bits.alignToByte()
        let length = Int(try bits.take(16)), complement = Int(try bits.take(16))
        guard length == ~complement & 0xFFFF else { throw .malformed }
        guard out.count + length <= limit else { throw .tooLarge }
        try bits.copyBytes(length, into: &out)
    }

    /// The literal/length and distance codes of a block with its own (type 2), read from the stream.
    private static func dynamicTables(_ bits: inout BitReader) throws(Failure) -> (Huffman, Huffman) {
        let literalCount = Int(try bits.take(5)) + 257, distanceCount = Int(try bits.take(5)) + 1
        let lengthCodeCount = Int(try bits.take(4)) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw .malformed }
        var codeLengthLengths = [UInt8](repeating: 0, count: 19)
        for i in 0..<lengthCodeCount { codeLengthLengths[Self.codeLengthOrder[i]] = UInt8(try bits.take(3)) }
        guard let lengthCode = Huffman(lengths: codeLengthLengths[...]) else { throw .malformed }
        var lengths: [UInt8] = []
        lengths.reserveCapacity(literalCount + distanceCount)
        while lengths.count < literalCount + distanceCount {
            let symbol = try lengthCode.decode(&bits)
            switch symbol {
            case 0...15: lengths.append(UInt8(symbol))
            case 16:
                guard let previous = lengths.last else { throw .malformed }
                lengths += repeatElement(previous, count: 3 + Int(try bits.take(2)))
            case 17: lengths += repeatElement(0, count: 3 + Int(try bits.take(3)))
            default: lengths += repeatElement(0, count: 11 + Int(try bits.take(7)))
            }
        }
        // A repeat may not run past the two lists together, and a block must have an end code.
        guard lengths.count == literalCount + distanceCount, lengths[256] != 0,
              let literals = Huffman(lengths: lengths[..<literalCount]),
              let distances = Huffman(lengths: lengths[literalCount...]) else { throw .malformed }
        return (literals, distances)
    }

    /// One block's literals and back references, up to its end code (256).
    private static func codes(_ bits: inout BitReader, _ literals: Huffman, _ distances: Huffman,
                              into out: inout [UInt8], limit: Int) throws(Failure) {
        while true {
            let symbol = try literals.decode(&bits)
            if symbol < 256 {
                guard out.count < limit else { throw .tooLarge }
                out.append(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            let l = symbol - 257
            guard l < 29 else { throw .malformed }
            let length = Int(Self.lengthBase[l]) + Int(try bits.take(Int(Self.lengthExtra[l])))
            let d = try distances.decode(&bits)
            guard d < 30 else { throw .malformed }
            let distance = Int(Self.distanceBase[d]) + Int(try bits.take(Int(Self.distanceExtra[d])))
            guard distance <= out.count else { throw .malformed }
            guard out.count + length <= limit else { throw .tooLarge }
            // Byte by byte: a copy may overlap what it writes (distance 1 repeats one byte).
            let start = out.count - distance
            for i in 0..<length { out.append(out[start + i]) }
        }
    }

    static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
    static let lengthBase: [UInt16] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                       35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                                       3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase: [UInt16] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
                                         257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra: [UInt8] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
                                         7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    /// The codes of a block of type 1 (RFC 1951 §3.2.6). Symbols 286, 287 and distances 30, 31
    /// have codes but no meaning; decoding one is `malformed`.
    static let fixed: (literals: Huffman, distances: Huffman) = {
        var lengths = [UInt8](repeating: 8, count: 288)
        for i in 144..<256 { lengths[i] = 9 }
        for i in 256..<280 { lengths[i] = 7 }
        // Both lists are complete prefix codes, so neither initialiser can fail.
        return (Huffman(lengths: lengths[...])!, Huffman(lengths: [UInt8](repeating: 5, count: 32)[...])!)
    }()

    /// A canonical Huffman code (RFC 1951 §3.2.2): a lookup table for the codes of up to
    /// `fastBits` bits, indexed by the next input bits, and for longer (rarer) codes the
    /// symbols by length, walked a bit at a time as zlib's `puff` does. A table as wide as the
    /// longest code (2^15 entries) cost more to fill than a block's symbols took to read: a
    /// small file of many empty blocks, each with a 15-bit code, kept the decoder for minutes.
    struct Huffman: Sendable {
        static let fastBits = 9
        /// Indexed by the next `width` input bits: `symbol << 4 | length`, or 0 where no code
        /// of at most `width` bits starts (a longer code, or none).
        private var table: [UInt32]
        private var width: Int
        /// How many codes each length has, and the symbols in order of length, then value.
        private var count: [Int]
        private var symbols: [UInt16]
        private var longest: Int

        /// `nil` when the lengths over-fill the code space (no prefix code has them). An
        /// incomplete code is accepted (zlib writes one for a block with a single distance);
        /// reading one of its missing codes is `malformed`.
        init?(lengths: ArraySlice<UInt8>) {
            var count = [Int](repeating: 0, count: 16)
            for l in lengths { count[Int(l)] += 1 }
            var left = 1
            for l in 1...15 {
                left = left << 1 - count[l]
                if left < 0 { return nil }
            }
            count[0] = 0
            longest = max(1, (1...15).last { count[$0] > 0 } ?? 1)
            width = min(Self.fastBits, longest)
            table = [UInt32](repeating: 0, count: 1 << width)
            var offset = [Int](repeating: 0, count: 16)
            for l in 1..<15 { offset[l + 1] = offset[l] + count[l] }
            symbols = [UInt16](repeating: 0, count: offset[15] + count[15])
            // The first code of each length: the canonical rule, first(l) = (first(l-1) + count(l-1)) << 1.
            var next = [Int](repeating: 0, count: 16)
            for l in 1...15 { next[l] = (next[l - 1] + count[l - 1]) << 1 }
            for (i, l) in zip(0..., lengths) where l > 0 {
                let length = Int(l)
                symbols[offset[length]] = UInt16(i)
                offset[length] += 1
                var reversed = 0, c = next[length]
                next[length] += 1
                guard length <= width else { continue }
                for _ in 0..<length { reversed = reversed << 1 | (c & 1); c >>= 1 }
                for slot in stride(from: reversed, to: 1 << width, by: 1 << length) {
                    table[slot] = UInt32(i) << 4 | UInt32(length)
                }
            }
            self.count = count
        }

        func decode(_ bits: inout BitReader) throws(Failure) -> Int {
            let entry = table[Int(bits.peek(width))]
            let length = Int(entry & 15)
            if length > 0 {
                try bits.drop(length)
                return Int(entry >> 4)
            }
            // A code longer than the table, or none: bit by bit, the first code of each length
            // and how many there are say whether the bits so far are one (RFC 1951 §3.2.2).
            let v = bits.peek(longest)
            var code = 0, first = 0, index = 0
            for l in 1...longest {
                code |= Int(v >> UInt64(l - 1) & 1)
                if code < first + count[l] {
                    try bits.drop(l)
                    return Int(symbols[index + code - first])
                }
                index += count[l]
                first = (first + count[l]) << 1
                code <<= 1
            }
            throw .malformed
        }
    }

    /// DEFLATE's bits, least significant first, one byte at a time. Peeking past the end reads
    /// zeros; taking them is `truncated`.
    struct BitReader {
        private let bytes: ArraySlice<UInt8>
        private var position: Int
        private var buffer: UInt64 = 0
        /// Bits in `buffer`, of which the top `padding` are zeros from past the end.
        private var count = 0, padding = 0

        init(_ bytes: ArraySlice<UInt8>) { self.bytes = bytes; position = bytes.startIndex }

        private mutating func fill(_ n: Int) {
            while count < n {
                if position < bytes.endIndex {
                    buffer |= UInt64(bytes[position]) << UInt64(count)
                    position += 1
                } else {
                    padding += 8
                }
                count += 8
            }
        }

        mutating func peek(_ n: Int) -> UInt64 {
            fill(n)
            return buffer & (1 << UInt64(n) - 1)
        }

        mutating func drop(_ n: Int) throws(Failure) {
            fill(n)
            guard count - n >= padding else { throw .truncated }
            buffer >>= UInt64(n)
            count -= n
        }

        mutating func take(_ n: Int) throws(Failure) -> UInt64 {
            guard n > 0 else { return 0 }
            let v = peek(n)
            try drop(n)
            return v
        }

        mutating func alignToByte() {
            let n = (count - padding) & 7
            buffer >>= UInt64(n)
            count -= n
        }

        /// `n` bytes from a byte boundary: first any whole bytes already in the buffer, then the rest at once.
        mutating func copyBytes(_ n: Int, into out: inout [UInt8]) throws(Failure) {
            var n = n
            while n > 0, count - padding >= 8 {
                out.append(UInt8(try take(8)))
                n -= 1
            }
            guard n > 0 else { return }
            guard bytes.endIndex - position >= n else { throw .truncated }
            out += bytes[position..<(position + n)]
            position += n
        }
    }
}
