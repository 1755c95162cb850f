import Foundation

/// Where a command writes: standard output for results, standard error for problems and
/// progress. Tests pass a `BufferConsole` and read back what was written. Sendable: the
/// progress line writes from the threads that do the work.
public protocol Console: AnyObject, Sendable {
    func out(_ text: String)
    func err(_ text: String)
    /// Whether standard error is a terminal (progress lines are shown only then, by default).
    var errIsTerminal: Bool { get }
    /// The directory relative paths are resolved against.
    var currentDirectory: String { get }
    /// Whether the process ends when the command returns (the executable's console), so that a
    /// command may leave large values for the system to take back (``ProcessEnd``).
    var processEndsAfterCommand: Bool { get }
    /// How many columns standard output shows when it is a terminal; `nil` for a pipe or a
    /// file, where a table keeps its own widths.
    var outWidth: Int? { get }
    /// Whether standard output is a new file (`> 复核清单.csv`, a regular file still empty): CSV
    /// printed there starts with a BOM, as every CSV file kaimen writes, for Excel and WPS; not on
    /// a terminal, a pipe, or a file appended to (`>>`).
    var outIsFile: Bool { get }
    /// Whether standard output is a terminal: then every text written there passes
    /// ``Echo/terminal(_:)``, so that no control or bidirectional character reaches the screen.
    /// Not a file or a pipe, whose bytes are data, written exactly.
    var outIsTerminal: Bool { get }
}

extension Console {
    public var processEndsAfterCommand: Bool { false }
    public var outWidth: Int? { nil }
    public var outIsFile: Bool { false }
    public var outIsTerminal: Bool { false }

    /// A CSV file's bytes (`ExportTable.csv()`, starting with a BOM) on standard output: the BOM
    /// kept when the output is a file, which Excel and WPS read as UTF-8 only with it, and left
    /// off on a terminal, where it is an invisible character, and in a pipe, where the next
    /// program would read it as part of the first header (a tester found `panel` keep it and
    /// `score`, `sensitivity`, `compare` drop it).
    func outCSV(_ bytes: some Collection<UInt8>) {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let text = outIsFile || !bytes.starts(with: bom) ? bytes[...] : bytes.dropFirst(3)
        out(String(decoding: text, as: UTF8.self))
    }

    public func outLine(_ text: String = "") { out(text + "\n") }
    public func errLine(_ text: String) { err(text + "\n") }

    /// The run's warnings under a `提示（n 条）：` heading on standard error, as `score` and
    /// `session close` print them; nothing when there are none.
    func warnings(_ lines: [String], lang: Language) {
        guard !lines.isEmpty else { return }
        errLine(lang.t("\n提示（\(lines.count) 条）：", "\nWarnings (\(lines.count)):"))
        for w in lines { errLine("  " + w) }
    }
}

/// The real terminal.
public final class StandardConsole: Console {
    /// - Parameter processEndsAfterCommand: whether the process exits when the command returns
    ///   (the executable says so; a long-running program that drives commands keeps `false`).
    public init(processEndsAfterCommand: Bool = false) {
        self.processEndsAfterCommand = processEndsAfterCommand
        outIsTerminal = isatty(1) == 1
    }
    public let processEndsAfterCommand: Bool
    /// Asked once: standard output stays what it was when the command started.
    public let outIsTerminal: Bool
    /// Why standard output could not be written, the first time it could not (`nil`: all was).
    private let outFailed = Locked<SystemError?>(nil)
    private let errFailed = Locked(false)

    /// Standard output is written until a write fails (a full disk or a file-size limit under
    /// `> file`): then nothing more is tried, and ``outFailure`` says why, for the executable to
    /// say once and exit 1 (`FileHandle.write(_:)` ended the process with a fatal error).
    public func out(_ text: String) {
        let text = outIsTerminal ? Echo.terminal(text) : text
        outFailed.withLock { failed in
            guard failed == nil else { return }
            do { try FileHandle.standardOutput.write(contentsOf: Data(text.utf8)) } catch {
                failed = Self.cause(error)
            }
        }
    }
    /// Standard error: a write that fails is dropped (there is nowhere left to say it).
    public func err(_ text: String) {
        errFailed.withLock { failed in
            guard !failed else { return }
            do { try FileHandle.standardError.write(contentsOf: Data(text.utf8)) } catch { failed = true }
        }
    }
    /// The `errno` behind a failed write: Foundation wraps it (`NSCocoaErrorDomain` 640, its
    /// underlying error in `NSPOSIXErrorDomain`); `EIO` when none is given.
    static func cause(_ error: any Error) -> SystemError {
        var e: NSError? = error as NSError
        while let current = e {
            if current.domain == NSPOSIXErrorDomain { return SystemError(Int32(current.code)) }
            e = current.userInfo[NSUnderlyingErrorKey] as? NSError
        }
        return SystemError(EIO)
    }

    /// Why standard output could not be written (`nil`: it was, all of it).
    public var outFailure: SystemError? { outFailed.withLock { $0 } }
    public var errIsTerminal: Bool { isatty(2) == 1 }
    public var currentDirectory: String { FileManager.default.currentDirectoryPath }
    public var outWidth: Int? { TerminalWidth.of(1) }
    /// A regular file still empty: `> file`, not `>> file` onto what is there, where a BOM
    /// would land in the middle (a review).
    public var outIsFile: Bool {
        var info = stat()
        return fstat(1, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && info.st_size == 0
    }
}

/// Captures output in memory, for tests.
public final class BufferConsole: Console {
    private let written = Locked((out: "", err: ""))
    public var stdout: String { written.withLock { $0.out } }
    public var stderr: String { written.withLock { $0.err } }
    public let currentDirectory: String
    /// As a terminal this many columns wide would say (`nil`: not a terminal).
    public let outWidth: Int?
    /// As standard output redirected to a file would say.
    public let outIsFile: Bool
    /// As standard output on a terminal: what is written is kept as the terminal is given it
    /// (``Echo/terminal(_:)``).
    public let outIsTerminal: Bool
    public init(currentDirectory: String = FileManager.default.currentDirectoryPath, outWidth: Int? = nil, outIsFile: Bool = false,
                outIsTerminal: Bool = false) {
        self.currentDirectory = currentDirectory
        self.outWidth = outWidth
        self.outIsFile = outIsFile
        self.outIsTerminal = outIsTerminal
    }
    public func out(_ text: String) {
        let text = outIsTerminal ? Echo.terminal(text) : text
        written.withLock { $0.out += text }
    }
    public func err(_ text: String) { written.withLock { $0.err += text } }
    public var errIsTerminal: Bool { false }
}
