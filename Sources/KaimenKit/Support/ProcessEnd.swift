/// Values a command leaves for the system to take back when the process exits, right after it.
///
/// Why: at the end of `score` on a million units, freeing the report (a million ids, names and
/// categories, each a string released one by one, and the lists that hold them) took tens of
/// milliseconds on one core, work the system does at exit in one sweep of the address space.
/// Used only where the console says the process ends after the command
/// (`Console.processEndsAfterCommand`): a program that runs commands in-process, such as the
/// tests, frees everything as usual.
enum ProcessEnd {
    private final class Kept<Value: Sendable>: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// How many units make a report worth leaving to the system.
    static let largeReport = 100_000

    /// Keeps `value` alive until the process exits (one reference that is never released).
    static func keep<Value: Sendable>(_ value: Value) {
        _ = Unmanaged.passRetained(Kept(value))
    }

    /// Keeps `value`, a report of `units` units or what it was made from, when the process ends
    /// after the command and the report is large.
    static func keep<Value: Sendable>(_ value: Value, units: Int, console: Console) {
        if console.processEndsAfterCommand && units > largeReport { keep(value) }
    }
}
