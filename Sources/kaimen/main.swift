import Foundation
import KaimenKit

// The executable is thin: the command line lives in KaimenKit so tests can drive it.
let code = CLI.run(Array(CommandLine.arguments.dropFirst()), console: StandardConsole())
exit(code.rawValue)
