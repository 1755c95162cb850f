/// How a command ended: 0 success, 1 a problem found in the data, 64 a usage error.
public struct ExitCode: Equatable, Sendable, CustomStringConvertible {
    public let rawValue: Int32
    public init(_ rawValue: Int32) { self.rawValue = rawValue }
    public static let success = ExitCode(0)
    public static let failure = ExitCode(1)
    public static let usage = ExitCode(64)
    public var description: String { String(rawValue) }
}
