#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file into one byte array with `read(2)`: one copy of the file in memory,
/// for the bulk readers to parse and then drop.
public enum BulkFile {
    /// The file's bytes, or `nil` when it cannot be opened or read.
    public static func bytes(atPath path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let n = read(fd, buffer.baseAddress! + done, size - done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { failed = n < 0; break }
                done += n
            }
            count = done
        }
        return failed ? nil : bytes
    }
}
