import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Large arrays on 2 MB pages: Linux's transparent huge pages, asked for (`MADV_HUGEPAGE`) on
/// the whole 2 MB pages inside an array before anything is written to it.
///
/// A million units' score table, columns and tables are some 500 MB written once: on 4 KiB
/// pages, each of about 130 000 pages is a fault of its own, and reading the table in rank order
/// misses the address cache at almost every unit. On 2 MB pages the faults are some 500 times
/// fewer and the rank-order reads stay within pages the processor has at hand
/// (Benchmarks/README.md, "Session 38"). Where the system's setting is `never`, or the kernel
/// has no such pages, the advice changes nothing; where it is `always`, it is what happens
/// anyway. An array smaller than 2 MB has no whole page inside it and is left as it is.
///
/// Not asked for on a virtual machine that hands free blocks of 2 MB or less back to its host
/// (a virtio balloon with free page reporting): there a 2 MB page is taken from memory the
/// host has let go, and clearing it waits for the host to give it back, page by page; 4 KiB
/// pages come from smaller free pieces, which stay. A million units then took 0.25–0.4 s
/// longer on 2 MB pages after the machine had been idle a few seconds (`wanted`).
enum HugePages {
    static let size = 2 << 20

    /// Whether large arrays ask for 2 MB pages on this machine (looked at once).
    static let wanted = !reportsFreeBlocks(sys: "/sys", pageSize: Int(getpagesize()))

    /// Whether a virtio balloon reports free memory to the host (feature bit 5,
    /// `VIRTIO_BALLOON_F_REPORTING`, in a device's `features`) in blocks no larger than a
    /// 2 MB page (`page_reporting_order`, pages of `pageSize` bytes; 9 when not said: the
    /// kernel's default, a 2 MB block of 4 KiB pages). `sys` is where sysfs is (tests give
    /// their own).
    static func reportsFreeBlocks(sys: String, pageSize: Int = 4096) -> Bool {
        let balloons = sys + "/bus/virtio/drivers/virtio_balloon"
        let devices = (try? FileManager.default.contentsOfDirectory(atPath: balloons)) ?? []
        let reporting = devices.contains { device in
            guard device.hasPrefix("virtio"), let features = text(balloons + "/" + device + "/features") else { return false }
            let bits = Array(features.utf8)
            return bits.count > 5 && bits[5] == UInt8(ascii: "1")
        }
        guard reporting else { return false }
        let order = text(sys + "/module/page_reporting/parameters/page_reporting_order").flatMap { Int($0) } ?? 9
        return order >= 0 && order < 40 && pageSize << order <= size
    }

    /// A sysfs file's text without its line end; `nil` when it cannot be read.
    private static func text(_ path: String) -> String? {
        guard let file = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? file.close() }
        guard let data = try? file.readToEnd() else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The whole 2 MB pages inside `bytes` (`nil`: none).
    static func interior(of bytes: UnsafeMutableRawBufferPointer) -> UnsafeMutableRawBufferPointer? {
        guard let p = bytes.baseAddress else { return nil }
        let mask = UInt(size - 1), address = UInt(bitPattern: p)
        let start = (address + mask) & ~mask, end = (address + UInt(bytes.count)) & ~mask
        guard end > start else { return nil }
        return UnsafeMutableRawBufferPointer(start: UnsafeMutableRawPointer(bitPattern: start), count: Int(end - start))
    }

    /// Asks for 2 MB pages for the whole pages inside `bytes`, which nothing has written yet,
    /// where `wanted` (the tests ask regardless).
    static func advise(_ bytes: UnsafeMutableRawBufferPointer, wanted: Bool = HugePages.wanted) {
        #if os(Linux)
        guard wanted, let inside = interior(of: bytes) else { return }
        _ = madvise(inside.baseAddress, inside.count, MADV_HUGEPAGE)
        #endif
    }

    static func advise<T>(_ buffer: UnsafeMutableBufferPointer<T>) { advise(UnsafeMutableRawBufferPointer(buffer)) }
}
