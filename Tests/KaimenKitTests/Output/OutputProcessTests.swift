import Foundation
import Testing
@testable import KaimenKit

/// The `kaimen` executable as a child process: built by `swift build` / `swift test` next to the
/// test bundle (or in `.build/debug` under the package root).
enum KaimenProcess {
    struct NotBuilt: Error, CustomStringConvertible {
        var description: String { "the kaimen executable is not built next to the tests or in .build/debug (swift build)" }
    }

    static var executable: URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kaimen"),
            Fixtures.packageRoot.appendingPathComponent(".build/debug/kaimen"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Starts `kaimen args…` with its output discarded (standard error to `stderr` if given).
    static func start(_ args: [String], environment: [String: String] = [:], stderr: URL? = nil) throws -> Process {
        let p = Process()
        guard let executable else { throw NotBuilt() }
        p.executableURL = executable
        p.arguments = args
        p.currentDirectoryURL = Fixtures.packageRoot
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        p.standardOutput = FileHandle.nullDevice
        if let stderr {
            _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
            p.standardError = try FileHandle(forWritingTo: stderr)
        } else {
            p.standardError = FileHandle.nullDevice
        }
        try p.run()
        return p
    }

    static func score(_ data: URL, out: URL) -> [String] {
        ["score", "--rules", "rules/xicheng-2014.jsonc", "--units", data.appendingPathComponent("units.csv").path,
         "--roster", data.appendingPathComponent("roster.csv").path, "--ballots", data.appendingPathComponent("ballots.csv").path,
         "--format", "none", "--quiet", "--out", out.path]
    }
}

/// Every file of an output folder, by relative path (manifest.json apart: its time differs per run).
struct OutputSnapshot: Equatable {
    var files: [String: Data]

    init(_ dir: URL) {
        files = [:]
        let e = FileManager.default.enumerator(atPath: dir.path)
        while let name = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            let url = dir.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue, name != "manifest.json" {
                files[name] = (try? Data(contentsOf: url)) ?? Data()
            }
        }
    }

    /// Whether the folder's manifest lists exactly these files with their true SHA-256.
    static func manifestMatches(_ dir: URL) -> Bool {
        guard let data = try? Data(contentsOf: dir.appendingPathComponent("manifest.json")),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let outputs = object["outputs"] as? [[String: Any]] else { return false }
        let snapshot = OutputSnapshot(dir)
        let listed = Dictionary(uniqueKeysWithValues: outputs.compactMap { o in (o["path"] as? String).map { ($0, o["sha256"] as? String) } })
        return listed.count == snapshot.files.count && snapshot.files.allSatisfy { listed[$0.key] == SHA256.hex($0.value) }
    }
}

@Suite("Output folders under real processes: kill -9 and two writers", .serialized)
struct OutputProcessTests {
    /// Two different data sets of the same size, and the output set each gives.
    static func prepare(_ s: ScratchFolder, units: Int) throws -> (a: URL, b: URL, setA: OutputSnapshot, setB: OutputSnapshot) {
        let a = s.url.appendingPathComponent("data-a"), b = s.url.appendingPathComponent("data-b")
        for (dir, seed) in [(a, "1"), (b, "2")] {
            let code = CLI.run(["generate", "--units", "\(units)", "--seed", seed, "--out", dir.path], console: BufferConsole())
            #expect(code == .success)
        }
        var sets: [OutputSnapshot] = []
        for data in [a, b] {
            let out = s.url.appendingPathComponent("ref-\(data.lastPathComponent)")
            let code = CLI.run(KaimenProcess.score(data, out: out), console: BufferConsole(currentDirectory: Fixtures.packageRoot.path))
            #expect(code == .success)
            sets.append(OutputSnapshot(out))
        }
        #expect(sets[0] != sets[1] && sets[0].files.count == 2 * units + 2 + 3)  // + report.html, 公示.html, summary.xlsx
        return (a, b, sets[0], sets[1])
    }

    static func leftovers(beside out: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)) ?? [])
            .filter { $0.hasPrefix(".\(out.lastPathComponent).kaimen-") }
    }

    static func staging(beside out: URL) -> [String] {
        leftovers(beside: out).filter { $0.contains(".kaimen-tmp-") }
    }

    @Test("kill -9 at random moments during an --out of 26 files leaves the whole old set or the whole new one")
    func killAtRandom() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let (a, b, setA, setB) = try Self.prepare(s, units: 12)
        let out = s.url.appendingPathComponent("out")
        #expect(CLI.run(KaimenProcess.score(a, out: out), console: BufferConsole(currentDirectory: Fixtures.packageRoot.path)) == .success)
        // How long a whole run takes as a child here, and its writing (from the staging folder's
        // appearance to the end), to spread the kills over them.
        let clock = ContinuousClock()
        let started = clock.now
        let full = try KaimenProcess.start(KaimenProcess.score(b, out: out))
        var writeStarted = started
        while full.isRunning {
            if writeStarted == started && !Self.staging(beside: out).isEmpty { writeStarted = clock.now }
            usleep(1000)
        }
        full.waitUntilExit()
        let runMillis = max(50, Int((clock.now - started) / .milliseconds(1)))
        let writeMillis = max(5, Int((clock.now - writeStarted) / .milliseconds(1)))
        var current = setB
        let seed = UInt64(Date().timeIntervalSince1970 * 1000)
        var random = SplitMix64(seed: seed)
        var outcomes: [String] = []
        for round in 0..<6 {
            let data = current == setA ? b : a
            let child = try KaimenProcess.start(KaimenProcess.score(data, out: out))
            if round % 2 == 0 {
                // Anywhere in the run.
                usleep(UInt32(random.between(0, runMillis)) * 1000)
            } else {
                // While the set is being written: after the staging folder appears.
                let deadline = clock.now + .seconds(120)
                while Self.staging(beside: out).isEmpty && child.isRunning && clock.now < deadline {
                    usleep(1000)
                }
                usleep(UInt32(random.between(0, writeMillis)) * 1000)
            }
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            let now = OutputSnapshot(out)
            let whole = now == setA || now == setB
            #expect(whole, "round \(round) (seed \(seed)): the folder holds a mix of two sets or a partial set")
            #expect(OutputSnapshot.manifestMatches(out), "round \(round) (seed \(seed)): manifest.json does not match the files")
            outcomes.append(now == current ? "old" : "new")
            if whole { current = now }
        }
        // The next run cleans up whatever the killed runs left beside the folder.
        let data = current == setA ? b : a
        #expect(CLI.run(KaimenProcess.score(data, out: out), console: BufferConsole(currentDirectory: Fixtures.packageRoot.path)) == .success)
        #expect(Self.leftovers(beside: out).isEmpty, "left behind: \(Self.leftovers(beside: out)); outcomes \(outcomes)")
        #expect(OutputSnapshot(out) == (data == a ? setA : setB))
    }

    @Test("a second process waits for the first's lock, or fails with a clear message when it waits too long")
    func twoWriters() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let (a, b, setA, setB) = try Self.prepare(s, units: 8)
        let out = s.url.appendingPathComponent("out")
        // This process holds the folder's lock: a kaimen that waits 0.3 s gives up, with a message.
        let lock = try OutputLock(for: OutputBatch.absolutePath(out), timeout: 0)
        let log = s.url.appendingPathComponent("stderr.txt")
        let impatient = try KaimenProcess.start(KaimenProcess.score(a, out: out), environment: ["KAIMEN_LOCK_WAIT": "0.3"], stderr: log)
        impatient.waitUntilExit()
        #expect(impatient.terminationStatus == 75)  // busy: try again later (`ExitCode.busy`)
        let message = String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self)
        #expect(message.contains("另一个 kaimen 进程正在写入 `\(OutputBatch.absolutePath(out))`"), "stderr: \(message)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        // A patient one waits until the lock is released, then writes.
        let patient = try KaimenProcess.start(KaimenProcess.score(a, out: out), environment: ["KAIMEN_LOCK_WAIT": "600"])
        usleep(100_000)
        lock.release()
        patient.waitUntilExit()
        #expect(patient.terminationStatus == 0)
        #expect(OutputSnapshot(out) == setA)
        // Two kaimen processes at once, each writing its set: both succeed, one after the other.
        let first = try KaimenProcess.start(KaimenProcess.score(a, out: out))
        let second = try KaimenProcess.start(KaimenProcess.score(b, out: out))
        first.waitUntilExit()
        second.waitUntilExit()
        #expect(first.terminationStatus == 0 && second.terminationStatus == 0)
        let final = OutputSnapshot(out)
        #expect(final == setA || final == setB)
        #expect(OutputSnapshot.manifestMatches(out))
        #expect(Self.leftovers(beside: out).isEmpty)
    }
}
