import Foundation

/// How the commands that write a folder (`score --out`, `generate --out`) fill in
/// ``OutputBatch/CommitOptions`` from the command line and the environment.
enum OutputOptions {
    /// The environment variable that sets how long to wait for another kaimen writing the same
    /// folder, in seconds (default 30).
    static let lockWaitVariable = "KAIMEN_LOCK_WAIT"

    /// `--force`, the input files (as written on the command line, read from the current
    /// folder), the current folder (never replaced) and the lock's patience.
    static func commitOptions(_ args: ParsedArguments, console: Console, inputs: [String]) -> OutputBatch.CommitOptions {
        let here = console.currentDirectory
        let wait = ProcessInfo.processInfo.environment[lockWaitVariable].flatMap(Double.init).map { max(0, $0) } ?? 30
        return OutputBatch.CommitOptions(force: args.has("--force"),
                                         inputs: inputs.map { (shown: $0, url: URL(fileURLWithPath: resolve($0, in: here))) },
                                         protected: [URL(fileURLWithPath: here)],
                                         lockTimeout: wait)
    }
}
