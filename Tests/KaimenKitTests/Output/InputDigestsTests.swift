import Foundation
import Testing
@testable import KaimenKit

/// The inputs' hashes for the manifest, begun on an idle thread when the run starts and taken
/// over by the writer wherever the idle thread had got to (`InputsAlongside`), alongside a
/// streamed output's bytes. Expected digests from Python:
///
///     import hashlib
///     big = bytes((i * 7) % 251 for i in range((3 << 20) + 17))
///     hashlib.sha256(big).hexdigest()   # 9e4bfb50…34e6, 3 145 745 bytes
///     hashlib.sha256(b"").hexdigest()   # e3b0c442…b855
///     hashlib.sha256(b"x").hexdigest()  # 2d711642…4881
@Suite("Input digests: hashed while the run works, finished by the writer alongside its own")
struct InputDigestsTests {
    static let big = Data((0 ..< (3 << 20) + 17).map { (i: Int) -> UInt8 in UInt8((i * 7) % 251) })
    static let expected: [String: (Int, String)] = [
        "big.csv": (3_145_745, "9e4bfb50c618e8bde50fc019b449385ee970923d02b68c5a6c0a32344e6e34e6"),
        "empty.csv": (0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        "x.csv": (1, "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"),
    ]

    static func files(_ s: ScratchFolder) throws -> [String: String] {
        try big.write(to: s.url.appendingPathComponent("big.csv"))
        try Data().write(to: s.url.appendingPathComponent("empty.csv"))
        try Data("x".utf8).write(to: s.url.appendingPathComponent("x.csv"))
        return Dictionary(uniqueKeysWithValues: expected.keys.map { ($0, s.url.appendingPathComponent($0).path) })
    }

    @Test("a hashing stopped after any megabyte and taken up again gives the file's digest")
    func resumes() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let path = try Self.files(s)["big.csv"]!
        for stopAfter in 1...4 {
            var seen = 0
            var last = Manifest.PartialDigest()
            let stopped = try Manifest.digest(ofFile: path) { partial in
                seen += 1
                last = partial
                return seen < stopAfter
            }
            #expect(stopped == nil)
            #expect(last.bytes == min(stopAfter << 20, Self.big.count))
            #expect(last.file == Manifest.FileIdentity(path: path))
            let digest = try #require(try Manifest.digest(ofFile: path, from: last) { _ in true })
            Self.expectDigest(of: "big.csv", bytes: digest.bytes, sha256: digest.sha256)
        }
    }

    @Test("the entries are the files' digests, asked at once (the writer does the work) or after the idle thread is done")
    func entries() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let paths = try Self.files(s)
        for wait in [0.0, 0.5] {
            let digests = InputDigests(paths: Array(paths.values))
            if wait > 0 { Thread.sleep(forTimeInterval: wait) }
            let named = paths.sorted(by: { $0.key < $1.key })
            let entries = try InputsAlongside(inputs: named.map { (shown: $0.key, path: $0.value) }, digests: digests).entries()
            #expect(entries.map(\.path) == named.map(\.key))
            for entry in entries { Self.expectDigest(of: entry.path, bytes: entry.bytes, sha256: entry.sha256) }
        }
    }

    /// The size and digest Python gave for the file `name`.
    /// Four bytes added at the end of the file at `path`, as a program saving it in pieces would.
    static func append(to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("more".utf8))
        try handle.close()
    }

    static func expectDigest(of name: String, bytes: Int, sha256: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(bytes == expected[name]!.0, sourceLocation: sourceLocation)
        #expect(sha256 == expected[name]!.1, sourceLocation: sourceLocation)
    }

    /// Waits (up to 30 s) until `done`.
    static func wait(_ done: () -> Bool) {
        let deadline = Date().addingTimeInterval(30)
        while !done() && Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
    }

    @Test("the writer goes on from where the thread stopped: 2 MB taken from it, the digest whole")
    func takesOver() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let path = try Self.files(s)["big.csv"]!
        let digests = InputDigests(paths: [path], stopAfter: 2 << 20, idle: false)
        Self.wait { digests.stopped }
        #expect(digests.stopped)
        let entry = try #require(try InputsAlongside(inputs: [(shown: "big.csv", path: path)], digests: digests).entries().first)
        #expect(digests.reusedBytes(path) == 2 << 20)
        #expect(digests.hashedAhead == (2 << 20, Self.big.count))
        Self.expectDigest(of: "big.csv", bytes: entry.bytes, sha256: entry.sha256)
    }

    /// Since 0.26.1 a digest that ends on another file than the run began with is an error
    /// (`OutputError.inputChanged`): the results were worked out from a file that changed
    /// meanwhile. Before, the entry was the new file's digest.
    @Test("a file changed after the thread looked at it is not taken from the thread, and is an error naming it")
    func changedFile() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let paths = try Self.files(s)
        let (big, x) = (paths["big.csv"]!, paths["x.csv"]!)
        // x.csv hashed whole, then changed (same size); big.csv stopped after 1 MB, then changed.
        let whole = InputDigests(paths: [x], stopAfter: nil, idle: false)
        Self.wait { whole.hasFinished(x) }
        #expect(whole.hasFinished(x))
        let part = InputDigests(paths: [big], stopAfter: 1 << 20, idle: false)
        Self.wait { part.stopped }
        Thread.sleep(forTimeInterval: 0.01)
        try Data("y".utf8).write(to: URL(fileURLWithPath: x))
        var changed = Self.big
        changed[0] ^= 1
        try changed.write(to: URL(fileURLWithPath: big))
        #expect(throws: OutputError.inputChanged(path: "x.csv")) {
            try InputsAlongside(inputs: [(shown: "x.csv", path: x)], digests: whole).entries()
        }
        #expect(whole.reusedBytes(x) == 0)
        #expect(throws: OutputError.inputChanged(path: "big.csv")) {
            try InputsAlongside(inputs: [(shown: "big.csv", path: big)], digests: part).entries()
        }
        #expect(part.reusedBytes(big) == 0)
        // Without the run's start to compare with, the entry is the file as it is now.
        let bigEntry = try #require(try InputsAlongside(inputs: [(shown: "big.csv", path: big)], digests: nil).entries().first)
        #expect(bigEntry.sha256 == SHA256.hex([UInt8](changed)))
    }

    @Test("a file the idle thread was not given is hashed from its start; a file that cannot be read is an error naming it")
    func notGivenAndUnreadable() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let paths = try Self.files(s)
        let gone = s.url.appendingPathComponent("gone.csv").path
        let digests = InputDigests(paths: [paths["x.csv"]!, gone])
        let entries = try InputsAlongside(inputs: [(shown: "big.csv", path: paths["big.csv"]!)], digests: digests).entries()
        #expect(digests.reusedBytes(paths["big.csv"]!) == nil)
        Self.expectDigest(of: "big.csv", bytes: entries[0].bytes, sha256: entries[0].sha256)
        #expect(throws: OutputError.self) { try InputsAlongside(inputs: [(shown: "gone.csv", path: gone)], digests: digests).entries() }
        do {
            _ = try InputsAlongside(inputs: [(shown: "x.csv", path: paths["x.csv"]!), (shown: "gone.csv", path: gone)], digests: digests).entries()
            Issue.record("a file that cannot be read gave an entry")
        } catch let error as OutputError {
            #expect(error.diagnostic.rendered(.en).contains(gone))
        }
    }

    @Test("a file changed after the writer took it over, before it opened it, is an error naming it")
    func changedAfterTakeOver() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let big = try Self.files(s)["big.csv"]!
        let digests = InputDigests(paths: [big], stopAfter: 1 << 20, idle: false)
        Self.wait { digests.stopped }
        let alongside = InputsAlongside(inputs: [(shown: "big.csv", path: big)], digests: digests)
        #expect(digests.reusedBytes(big) == 1 << 20)
        Thread.sleep(forTimeInterval: 0.01)
        var changed = Self.big
        changed[0] ^= 1
        try changed.write(to: URL(fileURLWithPath: big))
        #expect(throws: OutputError.inputChanged(path: "big.csv")) { try alongside.entries() }
    }

    /// From a review: a deleted input was a failure to read (`output-io`), after the table was shown.
    @Test("a file deleted since the run began is a changed input; one never pinned is still a failure to read")
    func deleted() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let paths = try Self.files(s)
        let digests = InputDigests(paths: [paths["x.csv"]!])
        try FileManager.default.removeItem(atPath: paths["x.csv"]!)
        let alongside = InputsAlongside(inputs: [(shown: "x.csv", path: paths["x.csv"]!)], digests: digests)
        #expect(throws: OutputError.inputChanged(path: "x.csv")) { try alongside.entries() }
        try FileManager.default.removeItem(atPath: paths["empty.csv"]!)
        let unpinned = InputsAlongside(inputs: [(shown: "empty.csv", path: paths["empty.csv"]!)], digests: nil)
        do {
            _ = try unpinned.entries()
            Issue.record("a missing file was hashed")
        } catch let error as OutputError {
            #expect(error.code == "output-io", "\(error)")
        }
    }

    @Test("a file changed since the run began stops the output folder: nothing written, nothing left behind")
    func changedStopsTheFolder() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let paths = try Self.files(s)
        let digests = InputDigests(paths: [paths["x.csv"]!, paths["big.csv"]!])
        // Appended to, as a program saving the file in pieces would, after the run began.
        try Self.append(to: paths["big.csv"]!)
        var batch = OutputBatch()
        batch.add(Data("a".utf8), at: "a.txt")
        let out = s.url.appendingPathComponent("out")
        let options = OutputBatch.CommitOptions(inputs: [(shown: "x.csv", url: URL(fileURLWithPath: paths["x.csv"]!)),
                                                         (shown: "big.csv", url: URL(fileURLWithPath: paths["big.csv"]!))],
                                                digests: digests)
        do {
            try batch.commit(into: out, options: options)
            Issue.record("a folder was written with a changed input")
        } catch let error as OutputError {
            #expect(error == .inputChanged(path: "big.csv"))
            #expect(error.code == "input-changed-during-run")
            #expect(error.diagnostic.rendered(.zh).contains("`big.csv` 在本次运行中被改动了"))
            #expect(error.diagnostic.rendered(.en).contains("`big.csv` changed during the run"))
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
        // No staging folder or lock left beside it (this file is built alone under the sanitizers: no helpers from elsewhere).
        let beside = try FileManager.default.contentsOfDirectory(atPath: s.url.path)
        #expect(!beside.contains { $0.hasPrefix(".out.kaimen-") })
        // The same files left alone: the folder is written.
        let again = InputDigests(paths: [paths["x.csv"]!, paths["big.csv"]!])
        try batch.commit(into: out, options: OutputBatch.CommitOptions(inputs: options.inputs, digests: again))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("a.txt").path))
    }

    /// Found by a review: the file stays open while the summary is written, and one rewritten
    /// in place meanwhile would get a digest of neither version.
    @Test("a file rewritten in place while it is hashed is hashed again from its start, as it is at the end")
    func rewrittenWhileRead() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let big = try Self.files(s)["big.csv"]!
        let alongside = InputsAlongside(inputs: [(shown: "big.csv", path: big)], digests: nil)
        var hash = SHA256()
        let piece = [UInt8](repeating: 0x61, count: 1 << 20)
        try piece.withUnsafeBytes { try alongside.hash($0, into: &hash) }  // the first megabyte of big.csv read
        Thread.sleep(forTimeInterval: 0.01)
        var changed = Self.big
        changed[(2 << 20) + 5] ^= 1
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: big))
        try handle.seek(toOffset: 0)
        try handle.write(contentsOf: changed)
        try handle.close()
        let entry = try #require(try alongside.entries().first)
        #expect(entry.sha256 == SHA256.hex([UInt8](changed)))
        #expect(entry.bytes == changed.count)
    }

    /// The xorshift megabyte of `SHA256Tests` (its digest from Python there), as a writer's pieces.
    static func stream(_ alongside: InputsAlongside, step first: Int) throws -> String {
        var hash = SHA256()
        var at = 0, step = first
        let bytes = SHA256Tests.xorshift
        try bytes.withUnsafeBytes { raw in
            while at < bytes.count {
                let n = min(bytes.count - at, step)
                try alongside.hash(UnsafeRawBufferPointer(rebasing: raw[at ..< at + n]), into: &hash)
                at += n
                step = step * 3 % 300_007 + 1
            }
        }
        return SHA256.hexString(hash.finish())
    }

    @Test("a writer's bytes hashed alongside the inputs: each digest its own, from wherever the idle thread stopped")
    func alongsideAWriter() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let paths = try Self.files(s)
        let named = paths.sorted(by: { $0.key < $1.key }).map { (shown: $0.key, path: $0.value) }
        for stopAfter in [nil, 1 << 20] {
            let digests = stopAfter.map { InputDigests(paths: [paths["big.csv"]!], stopAfter: $0, idle: false) }
            if let digests { Self.wait { digests.stopped } }
            // Pieces from one byte up, so that the stream outlasts the inputs and is outlasted by them.
            for first in [1, 100_000] {
                let alongside = InputsAlongside(inputs: named, digests: digests)
                #expect(try Self.stream(alongside, step: first) == SHA256Tests.xorshiftDigest)
                let entries = try alongside.entries()
                #expect(entries.map(\.path) == named.map(\.shown))
                for entry in entries { Self.expectDigest(of: entry.path, bytes: entry.bytes, sha256: entry.sha256) }
            }
        }
    }

    @Test("a writer's bytes go alongside the input with the most left, so that what is left over is in both files")
    func mostLeftFirst() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let small = [UInt8]((0 ..< 1 << 20).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let large = [UInt8]((0 ..< 3 << 20).map { UInt8(truncatingIfNeeded: $0 &* 17 &+ 5) })
        try Data(small).write(to: s.url.appendingPathComponent("small.csv"))
        try Data(large).write(to: s.url.appendingPathComponent("large.csv"))
        // The small file first: taken in turn, it would have been hashed first, alone at the end the large one's last 2 MB.
        let alongside = InputsAlongside(inputs: [(shown: "small.csv", path: s.url.appendingPathComponent("small.csv").path),
                                                 (shown: "large.csv", path: s.url.appendingPathComponent("large.csv").path)], digests: nil)
        let piece = [UInt8](repeating: 0x62, count: 1 << 20)
        var hash = SHA256()
        for _ in 0 ..< 2 { try piece.withUnsafeBytes { try alongside.hash($0, into: &hash) } }
        #expect(alongside.hashedBytes("large.csv") == 2 << 20)
        #expect(alongside.hashedBytes("small.csv") == 0)
        // 1 MB left in each, hashed two at a time; each digest its own file's.
        let entries = try alongside.entries()
        #expect(entries.map(\.bytes) == [small.count, large.count])
        #expect(entries.map(\.sha256) == [SHA256.hex(small), SHA256.hex(large)])
        #expect(SHA256.hexString(hash.finish()) == SHA256.hex(piece + piece))
    }

    @Test("two writers at once: one has the inputs, the other hashes its bytes alone, and every digest is right")
    func twoWriters() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let paths = try Self.files(s)
        let named = paths.sorted(by: { $0.key < $1.key }).map { (shown: $0.key, path: $0.value) }
        let alongside = InputsAlongside(inputs: named, digests: nil)
        let (a, b) = Parallel.alongside({ try? Self.stream(alongside, step: 1_000) }, { try? Self.stream(alongside, step: 7_000) })
        #expect(a == SHA256Tests.xorshiftDigest)
        #expect(b == SHA256Tests.xorshiftDigest)
        for entry in try alongside.entries() { Self.expectDigest(of: entry.path, bytes: entry.bytes, sha256: entry.sha256) }
    }

    @Test("score --out records the inputs' digests in the manifest, the same as hashing them afterwards")
    func scoreManifest() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let dir = "samples/dongcheng-2019"
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        let out = s.url.appendingPathComponent("out").path
        let code = CLI.run(["score", "--rules", "rules/dongcheng-2019.jsonc", "--units", "\(dir)/units.csv", "--roster", "\(dir)/roster.csv",
                            "--ballots", "\(dir)/ballots.csv", "--out", out, "--summary-only", "--quiet", "--format", "none"], console: console)
        #expect(code == .success, "\(console.stderr)")
        let text = try #require(s.read("out/manifest.json"))
        let m = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let inputs = try #require(m["inputs"] as? [[String: Any]])
        let recorded = Dictionary(uniqueKeysWithValues: inputs.map { ($0["path"] as! String, $0["sha256"] as! String) })
        for name in ["units.csv", "roster.csv", "ballots.csv"] {
            let path = "\(dir)/\(name)"
            let bytes = try Data(contentsOf: Fixtures.packageRoot.appendingPathComponent(path))
            #expect(recorded[path] == SHA256.hex([UInt8](bytes)), "\(path)")
        }
    }

    @Test("a file pinned later (a rules file's base, as it is read) and changed after stops the folder; a second pin keeps the first")
    func pinnedLater() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let paths = try Self.files(s)
        let digests = InputDigests(paths: [paths["x.csv"]!])
        #expect(digests.identityAtStart(paths["big.csv"]!) == nil)
        digests.pin(paths["big.csv"]!)
        let pinned = try #require(digests.identityAtStart(paths["big.csv"]!))
        try Self.append(to: paths["big.csv"]!)
        digests.pin(paths["big.csv"]!)
        #expect(digests.identityAtStart(paths["big.csv"]!) == pinned)
        var batch = OutputBatch()
        batch.add(Data("a".utf8), at: "a.txt")
        let out = s.url.appendingPathComponent("out")
        let inputs = [(shown: "x.csv", url: URL(fileURLWithPath: paths["x.csv"]!)), (shown: "big.csv", url: URL(fileURLWithPath: paths["big.csv"]!))]
        #expect(throws: OutputError.inputChanged(path: "big.csv")) {
            try batch.commit(into: out, options: OutputBatch.CommitOptions(inputs: inputs, digests: digests))
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
        // Never pinned, a file is recorded as it is at the end, as before.
        try batch.commit(into: out, options: OutputBatch.CommitOptions(inputs: inputs, digests: InputDigests(paths: [paths["x.csv"]!])))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("a.txt").path))
    }

    /// Found in session 41's second look at 0.26.1's known gaps: only the rules file given was
    /// pinned, so a base it `extends`, edited while a large run went on, was recorded as edited.
    @Test("both readers of the rules name every rules file, the base included, before reading it")
    func rulesFilesAnnounced() throws {
        let root = Fixtures.packageRoot.path
        let read = Locked<[String]>([])
        var inputs = ScoringSession.Inputs(rules: "rules/dongcheng-2019.jsonc", units: "samples/dongcheng-2019/units.csv",
                                           roster: "samples/dongcheng-2019/roster.csv", ballots: "samples/dongcheng-2019/ballots.csv",
                                           baseDirectory: root)
        inputs.rulesFileRead = { path in read.withLock { $0.append(path) } }
        let session = try ScoringSession.run(inputs)
        #expect(read.withLock { $0 } == session.rules.sourceFiles)
        #expect(session.rules.sourceFiles.count == 2)
        read.withLock { $0 = [] }
        _ = try BulkRun.attempt(inputs, threads: 2)
        #expect(read.withLock { $0 } == session.rules.sourceFiles)
    }
}
