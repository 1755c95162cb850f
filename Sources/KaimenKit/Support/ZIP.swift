/// A ZIP archive of stored (uncompressed) files, as an XLSX workbook needs: each entry's CRC-32
/// and sizes are in its local header (no data descriptors), names are UTF-8 (flag bit 11), and a
/// fixed timestamp keeps the archive the same byte for byte for the same content.
public struct ZIPArchive: Sendable {
    public struct Entry: Sendable {
        public var name: String
        public var data: [UInt8]
    }

    public private(set) var entries: [Entry] = []

    public init() {}

    public mutating func add(_ name: String, _ data: [UInt8]) { entries.append(Entry(name: name, data: data)) }
    public mutating func add(_ name: String, text: String) { add(name, Array(text.utf8)) }

    /// 1980-01-01 00:00, the earliest DOS date: no wall clock in the file.
    static let dosTime: UInt16 = 0, dosDate: UInt16 = (0 << 9) | (1 << 5) | 1

    /// The archive's bytes. Fails (returns `nil`) past ZIP's 32-bit limits, which no workbook
    /// kaimen writes comes near (the caller caps the sheets it puts in).
    public func bytes() -> [UInt8]? {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for e in entries {
            let name = Array(e.name.utf8)
            guard e.data.count < Int(UInt32.max), out.count < Int(UInt32.max), name.count < Int(UInt16.max) else { return nil }
            let crc = CRC32.checksum(e.data)
            let offset = UInt32(out.count)
            // Local file header.
            out.le32(0x0403_4B50); out.le16(20); out.le16(0x0800); out.le16(0)
            out.le16(Self.dosTime); out.le16(Self.dosDate)
            out.le32(crc); out.le32(UInt32(e.data.count)); out.le32(UInt32(e.data.count))
            out.le16(UInt16(name.count)); out.le16(0)
            out += name
            out += e.data
            // Central directory entry.
            central.le32(0x0201_4B50); central.le16(20); central.le16(20); central.le16(0x0800); central.le16(0)
            central.le16(Self.dosTime); central.le16(Self.dosDate)
            central.le32(crc); central.le32(UInt32(e.data.count)); central.le32(UInt32(e.data.count))
            central.le16(UInt16(name.count)); central.le16(0); central.le16(0); central.le16(0); central.le16(0)
            central.le32(0); central.le32(offset)
            central += name
        }
        guard entries.count < Int(UInt16.max), out.count + central.count < Int(UInt32.max) else { return nil }
        let centralOffset = UInt32(out.count)
        out += central
        // End of central directory.
        out.le32(0x0605_4B50); out.le16(0); out.le16(0)
        out.le16(UInt16(entries.count)); out.le16(UInt16(entries.count))
        out.le32(UInt32(central.count)); out.le32(centralOffset); out.le16(0)
        return out
    }
}

extension Array where Element == UInt8 {
    mutating func le16(_ v: UInt16) { append(UInt8(v & 0xFF)); append(UInt8(v >> 8)) }
    mutating func le32(_ v: UInt32) { for s in stride(from: 0, to: 32, by: 8) { append(UInt8((v >> UInt32(s)) & 0xFF)) } }
}
