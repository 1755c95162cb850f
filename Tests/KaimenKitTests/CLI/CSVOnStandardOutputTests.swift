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
    }
}
