import Foundation

/// How the commands that write a folder (`score --out`, `generate --out`) fill in
/// ``OutputBatch/CommitOptions`` from the command line and the environment.
enum OutputOptions {
    /// The environment variable that sets how long to wait for another kaimen writing the same
    /// folder (or using the same session), in seconds (default 30).
    static let lockWaitVariable = "KAIMEN_LOCK_WAIT"

    /// The longest wait `KAIMEN_LOCK_WAIT` may set: a day (`1e20` trapped when the seconds were
    /// said, `inf` was said as such; a review).
    static let longestLockWait = 86_400.0

    /// `KAIMEN_LOCK_WAIT`, or 30 s; between 0 and a day.
    static var lockWait: Double {
        lockWaitSeconds(ProcessInfo.processInfo.environment[lockWaitVariable]).map { min(max(0, $0), longestLockWait) } ?? 30
    }

    /// The seconds a value of `KAIMEN_LOCK_WAIT` gives (spaces around it ignored); `nil` for none,
    /// an empty one, or one that is not a number (which `lockWaitProblem` refuses).
    static func lockWaitSeconds(_ value: String?) -> Double? {
        value.flatMap { Double($0.trimmingSpaces()) }.flatMap { $0.isNaN ? nil : $0 }
    }

    /// `KAIMEN_LOCK_WAIT` set to what is not a number of seconds (`abc`): every command refuses to
    /// run (64) rather than wait 30 s as if it were not set (a district IT tester's finding).
    static func lockWaitProblem(_ value: String? = ProcessInfo.processInfo.environment[lockWaitVariable]) -> Localized? {
        guard let value, !value.trimmingSpaces().isEmpty, lockWaitSeconds(value) == nil else { return nil }
        return CommandMessages.lockWaitNotSeconds(lockWaitVariable, Echo.shown(value))
    }

    /// `--force`, the input files (as written on the command line, read from the current
    /// folder), the current folder (never replaced) and the lock's patience.
    /// Starts hashing `inputs` (as written on the command line) for the manifest, to be handed
    /// to `commitOptions` when the run writes its folder.
    static func inputDigests(_ inputs: [String], console: Console) -> InputDigests {
        let here = console.currentDirectory
        return InputDigests(paths: inputs.map { absolute($0, in: here) })
    }

    /// An input file as written on the command line (or as a rules file names its base), as
    /// the manifest's digests look it up: read from `here` when relative.
    static func absolute(_ input: String, in here: String) -> String {
        URL(fileURLWithPath: resolve(input, in: here)).path
    }

    static func commitOptions(_ args: ParsedArguments, console: Console, inputs: [String],
                              digests: InputDigests? = nil) -> OutputBatch.CommitOptions {
        let here = console.currentDirectory
        let wait = lockWait
        return OutputBatch.CommitOptions(force: args.has("--force"),
                                         inputs: inputs.map { (shown: $0, url: URL(fileURLWithPath: absolute($0, in: here))) },
                                         protected: [URL(fileURLWithPath: here)],
                                         lockTimeout: wait, digests: digests)
    }
}
