/// Why an output file could not be written.
public enum OutputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A relative path that would leave the output folder, or is not a usable path at all.
    case unsafePath(path: String, reason: String)
    /// Two files of one batch have the same path.
    case duplicatePath(path: String)
    /// A system call failed: what we were doing, on which path, and the system's message.
    case io(operation: String, path: String, message: String)

    public var description: String {
        switch self {
        case .unsafePath(let path, let reason):
            return "refusing to write `\(path)`: \(reason)"
        case .duplicatePath(let path):
            return "two output files would both be written to `\(path)`"
        case .io(let operation, let path, let message):
            return "could not \(operation) `\(path)`: \(message)"
        }
    }
}
