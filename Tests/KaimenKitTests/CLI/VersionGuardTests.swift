import Foundation
import Testing
@testable import KaimenKit

/// Manifests and seals name the kaimen version that wrote a folder, and `session verify` judges
/// a seal by it; so two builds that write different bytes must not share a version. Every
/// golden file of the bundled samples (`Fixtures/golden/`: the output folder, the ranking in
/// each format, the explanations and warnings, which `EndToEndTests` holds to what kaimen
/// writes) is hashed here, and `Fixtures/golden/versions.txt` records each version with the
/// hash of its golden files. A change of those bytes fails here until `CLI.version` is raised
/// and the new pair is added as the file's last line. The recorded digest is worked out
/// independently by `Fixtures/reference/versions/versions_digest.py`.
@Suite("CLI.version: raised whenever the samples' golden files change")
struct VersionGuardTests {
    /// SHA-256 over every file under `golden/` but `versions.txt`, in order of relative path
    /// (UTF-8 bytes): for each, its path, a NUL, its size in decimal, a NUL, its bytes.
    static func outputsDigest() throws -> String {
        let golden = Fixtures.url("golden")
        var files: [(path: String, url: URL)] = []
        guard let walker = FileManager.default.enumerator(atPath: golden.path) else { throw CocoaError(.fileReadNoSuchFile) }
        for case let relative as String in walker where relative != "versions.txt" {
            let url = golden.appendingPathComponent(relative)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files.append((relative, url))
            }
        }
        files.sort { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
        var hasher = SHA256()
        for f in files {
            let bytes = try Data(contentsOf: f.url)
            hasher.update(Array(f.path.utf8) + [0] + Array("\(bytes.count)".utf8) + [0])
            hasher.update(Array(bytes))
        }
        return SHA256.hexString(hasher.finish())
    }

    static func recorded() throws -> [(version: String, digest: String)] {
        let text = try String(contentsOf: Fixtures.url("golden/versions.txt"), encoding: .utf8)
        // A checkout with CRLF line ends reads the same.
        return text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).compactMap { line in
            let fields = line.split(separator: " ")
            guard !line.hasPrefix("#"), fields.count == 2 else { return nil }
            return (String(fields[0]), String(fields[1]))
        }
    }

    /// What is wrong with `pairs` for a build of `version` that writes outputs hashing to
    /// `digest`; `nil` when nothing is.
    static func problem(version: String, digest: String, pairs: [(version: String, digest: String)]) -> String? {
        guard let last = pairs.last else { return "golden/versions.txt records no version" }
        var seen: [String: String] = [:]
        for p in pairs {
            if let other = seen[p.version], other != p.digest {
                return "golden/versions.txt records \(p.version) with two different outputs: each change of output needs a new version"
            }
            seen[p.version] = p.digest
        }
        if (version, digest) == (last.version, last.digest) { return nil }
        if let earlier = seen[version], earlier != digest {
            return "the samples' golden files changed since \(version) was recorded, but CLI.version is still \(version): "
                + "raise CLI.version (Sources/KaimenKit/CLI/CLI.swift) and add `NEW-VERSION \(digest)` as the last line of "
                + "Tests/KaimenKitTests/Fixtures/golden/versions.txt"
        }
        return "add `\(version) \(digest)` as the last line of Tests/KaimenKitTests/Fixtures/golden/versions.txt"
    }

    @Test("the last recorded pair is this version and these outputs; no version is recorded with two outputs")
    func versionMatchesOutputs() throws {
        if let problem = Self.problem(version: CLI.version, digest: try Self.outputsDigest(), pairs: try Self.recorded()) {
            Issue.record(Comment(rawValue: problem))
        }
    }

    @Test("changed bytes under an old version fail; a new version recorded passes; a version twice with two outputs fails")
    func rules() {
        let history = [(version: "0.11.0", digest: "aa"), (version: "0.12.0", digest: "bb")]
        #expect(Self.problem(version: "0.12.0", digest: "bb", pairs: history) == nil)
        #expect(Self.problem(version: "0.12.0", digest: "cc", pairs: history)?.contains("raise CLI.version") == true)
        #expect(Self.problem(version: "0.11.0", digest: "cc", pairs: history)?.contains("raise CLI.version") == true)
        #expect(Self.problem(version: "0.13.0", digest: "cc", pairs: history)?.hasPrefix("add `0.13.0 cc`") == true)
        #expect(Self.problem(version: "0.13.0", digest: "cc", pairs: history + [("0.13.0", "cc")]) == nil)
        #expect(Self.problem(version: "0.12.0", digest: "cc", pairs: history + [("0.12.0", "cc")])?.contains("two different outputs") == true)
        #expect(Self.problem(version: "0.12.0", digest: "bb", pairs: []) != nil)
    }
}
