/// How a command ended: 0 success, 1 a problem found in the data, 64 a usage error, 75 busy
/// (another kaimen command holds the session's or the output folder's lock: try again later).
public struct ExitCode: Equatable, Sendable, CustomStringConvertible {
    public let rawValue: Int32
    public init(_ rawValue: Int32) { self.rawValue = rawValue }
    public static let success = ExitCode(0)
    public static let failure = ExitCode(1)
    public static let usage = ExitCode(64)
    /// `EX_TEMPFAIL` of sysexits.h: the lock of a session or an output folder is held by another
    /// kaimen command past `KAIMEN_LOCK_WAIT`; nothing was done, and the same command may succeed later.
    public static let busy = ExitCode(75)
    public var description: String { String(rawValue) }
}
