import Foundation

/// Seconds on the monotonic clock, for a wait's deadline (a lock's patience): unaffected by the
/// wall clock being set.
enum MonotonicClock {
    static func seconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
