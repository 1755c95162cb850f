/// Reading a ZIP archive (PKWARE's APPNOTE) as far as a workbook needs: the central directory
/// at the end, stored (method 0) and deflated (method 8) entries, each checked against its
/// CRC-32. Encrypted entries, ZIP64 and archives split over disks are refused; nothing here
/// traps on a damaged archive, and no entry is inflated past a limit.
struct ZIPReader {
    enum Failure: Error, Equatable, Sendable {
        /// No end-of-central-directory record: not a ZIP archive, or one cut short.
        case notAnArchive
        /// The directory or an entry does not hold together (bounds, signatures, CRC-32, its DEFLATE stream).
        case damaged(entry: String?)
        /// An entry with a password, or stored by a method other than 0 or 8.
        case unsupported(entry: String)
        /// An entry larger than the limit once inflated.
        case tooLarge(entry: String?)
        /// ZIP64's marks (a count of 0xFFFF, a size or offset of 0xFFFF_FFFF): an archive past
        /// 4 GiB, or a damaged one.
        case zip64
        /// Two entries of one name (case ignored, as OPC's part names are).
        case duplicate(entry: String)
    }

    struct Entry: Sendable {
        var name: String
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var compressedSize: Int
        var size: Int
        var localOffset: Int
    }

    private let bytes: [UInt8]
    /// By name in lower case: OPC's part names ignore case.
    private(set) var entries: [String: Entry] = [:]

    init(_ bytes: [UInt8]) throws(Failure) {
        self.bytes = bytes
        // The end record is 22 bytes and a comment of at most 65 535; the last signature that
        // fits is the record (a comment could hold the signature's bytes too).
        guard bytes.count >= 22 else { throw .notAnArchive }
        var end: Int?
        var p = bytes.count - 22
        while p >= max(0, bytes.count - 22 - 0xFFFF) {
            if Self.u32(bytes, p) == 0x0605_4B50, p + 22 + Int(Self.u16(bytes, p + 20)) <= bytes.count { end = p; break }
            p -= 1
        }
        guard let end else { throw .notAnArchive }
        let disk = Self.u16(bytes, end + 4), directoryDisk = Self.u16(bytes, end + 6)
        let count = Int(Self.u16(bytes, end + 10))
        let size = Int(Self.u32(bytes, end + 12)), offset = Int(Self.u32(bytes, end + 16))
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF { throw .zip64 }
        guard disk == 0, directoryDisk == 0, offset + size <= end else { throw .damaged(entry: nil) }
        var q = offset
        for _ in 0..<count {
            guard q + 46 <= end, Self.u32(bytes, q) == 0x0201_4B50 else { throw .damaged(entry: nil) }
            let nameLength = Int(Self.u16(bytes, q + 28)), extra = Int(Self.u16(bytes, q + 30)), comment = Int(Self.u16(bytes, q + 32))
            guard q + 46 + nameLength <= end else { throw .damaged(entry: nil) }
            let name = String(decoding: bytes[(q + 46)..<(q + 46 + nameLength)], as: UTF8.self)
            let entry = Entry(name: name, method: Self.u16(bytes, q + 10), flags: Self.u16(bytes, q + 8),
                              crc: Self.u32(bytes, q + 16), compressedSize: Int(Self.u32(bytes, q + 20)),
                              size: Int(Self.u32(bytes, q + 24)), localOffset: Int(Self.u32(bytes, q + 42)))
            if entry.compressedSize == 0xFFFF_FFFF || entry.size == 0xFFFF_FFFF || entry.localOffset == 0xFFFF_FFFF { throw .zip64 }
            let key = name.replacingOccurrences(of: "\\", with: "/").lowercased()
            guard entries[key] == nil else { throw .duplicate(entry: name) }
            entries[key] = entry
            q += 46 + nameLength + extra + comment
        }
    }

    /// The bytes of the entry named `name` (case ignored), `nil` when there is none.
    func data(_ name: String, limit: Int) throws(Failure) -> [UInt8]? {
        guard let (e, raw) = try stored(name) else { return nil }
        let out: [UInt8]
        if e.method == 0 {
            guard e.size == e.compressedSize else { throw .damaged(entry: e.name) }
            guard e.size <= limit else { throw .tooLarge(entry: e.name) }
            out = Array(raw)
        } else {
            do {
                out = try Inflate.decompress(raw, limit: limit)
            } catch .tooLarge {
                throw .tooLarge(entry: e.name)
            } catch {
                throw .damaged(entry: e.name)
            }
        }
        guard out.count == e.size, CRC32.checksum(out) == e.crc else { throw .damaged(entry: e.name) }
        return out
    }

    /// About the first `count` bytes of the entry named `name`, unchecked (its CRC-32 covers
    /// all of it); `nil` when there is none or it cannot be read.
    func prefix(_ name: String, count: Int) -> [UInt8]? {
        guard let (e, raw) = try? stored(name) else { return nil }
        return e.method == 0 ? Array(raw.prefix(count)) : Inflate.prefix(raw, count: count)
    }

    /// The entry named `name` and its bytes as stored (deflated or not); `nil` when there is none.
    private func stored(_ name: String) throws(Failure) -> (Entry, ArraySlice<UInt8>)? {
        guard let e = entries[name.lowercased()] else { return nil }
        guard e.flags & 1 == 0, e.method == 0 || e.method == 8 else { throw .unsupported(entry: e.name) }
        let h = e.localOffset
        guard h + 30 <= bytes.count, Self.u32(bytes, h) == 0x0403_4B50 else { throw .damaged(entry: e.name) }
        let start = h + 30 + Int(Self.u16(bytes, h + 26)) + Int(Self.u16(bytes, h + 28))
        guard start + e.compressedSize <= bytes.count else { throw .damaged(entry: e.name) }
        return (e, bytes[start..<(start + e.compressedSize)])
    }

    private static func u16(_ b: [UInt8], _ p: Int) -> UInt16 { UInt16(b[p]) | UInt16(b[p + 1]) << 8 }
    private static func u32(_ b: [UInt8], _ p: Int) -> UInt32 {
        UInt32(b[p]) | UInt32(b[p + 1]) << 8 | UInt32(b[p + 2]) << 16 | UInt32(b[p + 3]) << 24
    }
}
