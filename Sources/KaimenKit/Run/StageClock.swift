import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The time each stage of a run took: wall-clock seconds, and the processor time of all the
/// process's threads (which shows, on a busy machine, what a stage costs apart from waiting).
public struct StageClock: Sendable {
    public struct Stage: Sendable, Equatable {
        public var name: String
        public var seconds: Double
        public var cpuSeconds: Double
    }

    public private(set) var stages: [Stage] = []
    private var wall = StageClock.wallNow()
    private var cpu = StageClock.cpuNow()

    public init() {}

    /// Ends the current stage, naming it, and starts the next.
    public mutating func lap(_ name: String) {
        let (w, c) = (Self.wallNow(), Self.cpuNow())
        stages.append(Stage(name: name, seconds: w - wall, cpuSeconds: c - cpu))
        (wall, cpu) = (w, c)
    }

    /// Adds stages timed elsewhere, and starts the next stage now.
    public mutating func append(_ earlier: [Stage]) {
        stages += earlier
        (wall, cpu) = (Self.wallNow(), Self.cpuNow())
    }

    static func wallNow() -> Double { Date().timeIntervalSinceReferenceDate }

    static func cpuNow() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
