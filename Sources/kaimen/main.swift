import Foundation
import KaimenKit

// Freed blocks are reused between stages rather than faulted in afresh (see ProcessMemory).
ProcessMemory.keepFreedBlocks()
// A mapped input that shrinks while it is read stops the run with a message, not a crash (MappedFile).
MappedFile.installGuard()
// A write past a file-size limit (`ulimit -f`) fails with EFBIG, which the writers report and
// undo (nothing recorded, no staging files left), instead of the signal ending the process.
signal(SIGXFSZ, SIG_IGN)
// The executable is thin: the command line lives in KaimenKit so tests can drive it.
// The process exits after the command: a large report is left for the system (ProcessEnd).
let console = StandardConsole(processEndsAfterCommand: true)
let arguments = Array(CommandLine.arguments.dropFirst())
let code = CLI.run(arguments, console: console)
// Output that could not be written (a full disk under `> file`) is said once, and fails the run.
if let failure = console.outFailure {
    console.errLine(CLI.outputFailed(failure, arguments: arguments))
    exit(ExitCode.failure.rawValue)
}
exit(code.rawValue)
