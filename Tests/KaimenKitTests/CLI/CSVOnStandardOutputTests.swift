import Foundation
import Testing
@testable import KaimenKit

/// A tester found `panel --format csv` start with a BOM and `score`, `sensitivity`, `compare`
/// and `rules template` without one: redirected to a `.csv` file, those read as garbled Chinese in
/// Excel on Chinese Windows. Now every command's CSV on standard output has the BOM when the
/// output is a regular file, and none on a terminal or a pipe.
@Suite("CSV on standard output: a BOM when redirected to a file, none on a terminal or a pipe")
struct CSVOnStandardOutputTests {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    static var inputs: [String] { EndToEndTests.sample("xicheng-2014", rules: "xicheng-2014") }
    static let commands: [[String]] = [
        ["score", "--format", "csv"] + inputs,
        ["panel", "--format", "csv", "--resamples", "100"] + inputs,
        ["sensitivity", "--format", "csv", "--scenarios", "20"] + inputs,
        ["compare", "--rules", "rules/xicheng-2014.jsonc", "--format", "csv"] + inputs,
        ["rules", "template", "rules/xicheng-2014.jsonc"],
    ]

    @Test("each command's CSV: the BOM first only when standard output is a file", arguments: commands)
    func bomOnlyToAFile(_ args: [String]) {
        for toFile in [true, false] {
            let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path, outIsFile: toFile)
            let code = CLI.run(args, console: console)
            #expect(code == .success, "\(args) \(console.stderr)")
            let first = Array(console.stdout.utf8.prefix(3))
            #expect((first == Self.bom) == toFile, "\(args.prefix(2)) to a file: \(toFile)")
            #expect(!console.stdout.dropFirst(toFile ? 1 : 0).contains("\u{FEFF}"))
        }
    }

    /// The real process: `kaimen score --format csv > file` and `| cat` (a pipe).
    @Test("the executable's standard output redirected to a file gets the BOM, a pipe does not")
    func realProcess() throws {
        guard let executable = KaimenProcess.executable else { throw KaimenProcess.NotBuilt() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-bom-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // `kaimen score --format csv` with its standard output to `output` (a file or a pipe).
        func start(_ output: Any) throws -> Process {
            let p = Process()
            p.executableURL = executable
            p.arguments = ["score", "--format", "csv"] + Self.inputs
            p.currentDirectoryURL = Fixtures.packageRoot
            p.standardOutput = output
            p.standardError = FileHandle.nullDevice
            try p.run()
            return p
        }
        let file = dir.appendingPathComponent("ranking.csv")
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        let toFile = try start(handle)
        toFile.waitUntilExit()
        try handle.close()
        #expect(toFile.terminationStatus == 0)
        #expect(Array(try Data(contentsOf: file).prefix(3)) == Self.bom)
        let pipe = Pipe()
        let piping = try start(pipe)
        let piped = pipe.fileHandleForReading.readDataToEndOfFile()
        piping.waitUntilExit()
        #expect(piping.terminationStatus == 0)
        #expect(piped.starts(with: "排名,".utf8))
        // `>>` onto a file with something in it: no BOM in the middle of the file (a review).
        let appended = try FileHandle(forWritingTo: file)
        try appended.seekToEnd()
        let again = try start(appended)
        again.waitUntilExit()
        try appended.close()
        let both = try Data(contentsOf: file)
        #expect(both.count > 0 && both.dropFirst(3).firstRange(of: Data(Self.bom)) == nil)
    }

    /// A review: `> file` on a full disk (or past `ulimit -f`) ended kaimen with a Swift fatal
    /// error (exit 132, a backtrace); now it says so once and exits 1.
    @Test("standard output that cannot be written (a full disk: /dev/full) is said once, exit 1, no crash")
    func fullDisk() throws {
        guard let executable = KaimenProcess.executable else { throw KaimenProcess.NotBuilt() }
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-full-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: errors) }
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let errHandle = try FileHandle(forWritingTo: errors)
        let p = Process()
        p.executableURL = executable
        p.arguments = ["score", "--format", "csv", "--quiet"] + Self.inputs
        p.currentDirectoryURL = Fixtures.packageRoot
        p.standardOutput = full
        p.standardError = errHandle
        try p.run()
        p.waitUntilExit()
        try errHandle.close()
        let said = try String(contentsOf: errors, encoding: .utf8)
        #expect(p.terminationStatus == 1, "\(said)")
        #expect(said == "错误：标准输出没有写完：磁盘已满（ENOSPC）；输出不完整，请腾出空间（或放宽 `ulimit -f`）后重新运行，或用 --out 写到别的文件夹\n", "\(said)")
    }
}
