import Foundation

/// How many columns the terminal on a file descriptor shows (`TIOCGWINSZ`): `nil` when the
/// descriptor is not a terminal (a pipe, a file), or the terminal does not say.
enum TerminalWidth {
    static func of(_ fd: Int32) -> Int? {
        guard isatty(fd) == 1 else { return nil }
        var size = winsize()
        let got = withUnsafeMutablePointer(to: &size) { ioctl(fd, UInt(TIOCGWINSZ), $0) }
        return got == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
    }
}
