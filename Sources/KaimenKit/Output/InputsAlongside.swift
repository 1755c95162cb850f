import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The input files' SHA-256 for the manifest, finished while the output folder is written:
/// from where ``InputDigests``' idle thread had got to, alongside the hashing of a streamed
/// output (the summary, half a gigabyte at a million units), two messages at a time on the SHA
/// extensions (``SHA256/update(_:_:alongside:_:)``), and what is left after the outputs, two
/// input files at a time.
///
/// Why: the inputs and the summary are hashed in the same stage, each alone before; the pair
/// costs little more than one of them (on this project's host the inputs' rest came for about
/// a tenth of what it cost alone). The digests are those of the bytes read here, as
/// `Manifest.digest(ofFile:)` reads them: a file whose identity is not the one the idle thread
/// hashed is hashed again from its start.
///
/// An input whose digest ends on another file than the run began with (another size, time of
/// change or inode: `InputDigests.identityAtStart`) makes ``entries()`` throw
/// `OutputError.inputChanged`: the results were worked out from a file that changed meanwhile.
///
/// A streamed output's writer calls ``hash(_:into:)`` with each piece it writes; the inputs are
/// lent to one writer at a time (a second writer at the same moment hashes its piece alone, it
/// never waits). ``entries()``, once no writer is left, hashes the rest and gives the entries.
final class InputsAlongside: Sendable {
    private struct Input: Sendable {
        let path: String, shown: String
        var partial: Manifest.PartialDigest
        /// The open file (−1 before it is opened, and after its end).
        var fd: Int32 = -1
        /// Whether the file has been read to its end.
        var ended = false
        /// How often the file was found changed at its end and read again from its start.
        var restarts = 0
        /// The file as it was when the run began (`InputDigests.identityAtStart`), when known.
        let atStart: Manifest.FileIdentity?
        /// The file's size when this began (0 when it could not be looked at).
        let size: Int64
        /// About how many bytes are left to hash: from the file's size as last seen.
        var left: Int64 { (partial.file?.size ?? size) - Int64(partial.bytes) }
    }
    private struct State: Sendable {
        var inputs: [Input]
        /// Whether a writer has the inputs at the moment.
        var lent = false
    }
    private let state: Locked<State>
    /// Two buffers of a megabyte, one per input file read at the same time; used only by whoever
    /// has the inputs (`lent`), so by one thread at a time.
    private let buffers = (OwnedMemory<UInt8>(uninitialized: 1 << 20), OwnedMemory<UInt8>(uninitialized: 1 << 20))

    /// The files at `inputs` (their path, and how the manifest shows them), each from where
    /// `digests`' idle thread had got to (stopping it), or from the start.
    init(inputs: [(shown: String, path: String)], digests: InputDigests?) {
        state = Locked(State(inputs: inputs.map { input in
            let atStart = digests?.identityAtStart(input.path)
            return Input(path: input.path, shown: input.shown, partial: digests?.takeOver(input.path) ?? Manifest.PartialDigest(),
                         atStart: atStart, size: (atStart ?? Manifest.FileIdentity(path: input.path))?.size ?? 0)
        }))
    }

    deinit {
        state.withLock { s in
            for input in s.inputs where input.fd >= 0 { close(input.fd) }
        }
    }

    /// Adds `raw`, an output's next bytes, to `hash`, and as many bytes of the input file with
    /// the most left to that file's digest, both at once. When another writer has the inputs,
    /// or none is left, `raw` is hashed alone.
    ///
    /// Why the most left: when the inputs have more left than the output has bytes, the rest
    /// is hashed after the output, with a core idle. Left in one file (the ballots, when the
    /// inputs were taken in turn), it is hashed alone; shared between two, two at a time, in
    /// little more than half the time.
    func hash(_ raw: UnsafeRawBufferPointer, into hash: inout SHA256) throws {
        let taken: (index: Int, input: Input)? = state.withLock { s in
            // The input with the most left, so that what the output's bytes leave over is shared
            // between the inputs and hashed two at a time by `entries()`, not one file alone.
            guard !s.lent, let i = s.inputs.indices.filter({ !s.inputs[$0].ended }).max(by: { s.inputs[$0].left < s.inputs[$1].left })
            else { return nil }
            s.lent = true
            return (i, s.inputs[i])
        }
        guard let index = taken?.index, var input = taken?.input else { return hash.update(raw) }
        defer {
            state.withLock { s in
                s.inputs[index] = input
                s.lent = false
            }
        }
        var rest = raw
        while !rest.isEmpty && !input.ended {
            let n = try Self.read(&input, into: buffers.0, upTo: rest.count)
            withExtendedLifetime(buffers.0) {
                SHA256.update(&hash, UnsafeRawBufferPointer(rebasing: rest[..<n]), alongside: &input.partial.hash,
                              UnsafeRawBufferPointer(start: buffers.0.base, count: n))
            }
            input.partial.bytes += n
            rest = UnsafeRawBufferPointer(rebasing: rest[n...])
        }
        hash.update(rest)
    }

    /// For the tests: how many bytes of the input shown as `shown` are hashed so far.
    func hashedBytes(_ shown: String) -> Int? {
        state.withLock { s in s.inputs.first { $0.shown == shown }?.partial.bytes }
    }

    /// The manifest's entries of the inputs, in the order given: what no writer hashed is read
    /// now, two files at a time while two are left. Only once no writer is left.
    func entries() throws -> [Manifest.Entry] {
        var inputs = state.withLock { s in
            precondition(!s.lent, "the inputs' digests finished while a writer has them")
            s.lent = true
            return s.inputs
        }
        defer {
            state.withLock { s in
                s.inputs = inputs
                s.lent = false
            }
        }
        while true {
            let left = inputs.indices.filter { !inputs[$0].ended }
            guard let a = left.first else { break }
            if left.count >= 2 {
                var (first, second) = (inputs[a], inputs[left[1]])
                defer { (inputs[a], inputs[left[1]]) = (first, second) }
                let na = try Self.read(&first, into: buffers.0, upTo: buffers.0.count)
                let nb = try Self.read(&second, into: buffers.1, upTo: buffers.1.count)
                withExtendedLifetime(buffers) {
                    SHA256.update(&first.partial.hash, UnsafeRawBufferPointer(start: buffers.0.base, count: na),
                                  alongside: &second.partial.hash, UnsafeRawBufferPointer(start: buffers.1.base, count: nb))
                }
                first.partial.bytes += na
                second.partial.bytes += nb
            } else {
                let n = try Self.read(&inputs[a], into: buffers.0, upTo: buffers.0.count)
                withExtendedLifetime(buffers.0) { inputs[a].partial.hash.update(UnsafeRawBufferPointer(start: buffers.0.base, count: n)) }
                inputs[a].partial.bytes += n
            }
        }
        return try inputs.map { input in
            // A digest of another file than the run began with is not a record of what was
            // scored: the run read a file that changed meanwhile (or was replaced).
            if let start = input.atStart, input.partial.file != start { throw OutputError.inputChanged(path: input.shown) }
            var hash = input.partial.hash
            return Manifest.Entry(path: input.shown, bytes: input.partial.bytes, sha256: SHA256.hexString(hash.finish()))
        }
    }

    /// Reads up to `limit` bytes of `input` from where its digest is into `buffer`, opening the
    /// file first (and starting its digest again when the file is not the one it was begun on);
    /// 0, and the file closed and `ended`, at its end.
    private static func read(_ input: inout Input, into buffer: OwnedMemory<UInt8>, upTo limit: Int) throws -> Int {
        if input.fd < 0 {
            do {
                input.fd = try Manifest.openToContinue(input.path, &input.partial).fd
            } catch {
                // Gone (deleted, or moved away) since the run began: a changed input, whose
                // results are not shown either, not a failure to read (from a review).
                if input.atStart != nil && Manifest.FileIdentity(path: input.path) == nil { throw OutputError.inputChanged(path: input.shown) }
                throw error
            }
        }
        while true {
            let n = try Manifest.readPiece(input.fd, path: input.path, into: buffer, upTo: limit, at: input.partial.bytes)
            if n == 0 {
                // Rewritten in place while it was read (the file stays open through the summary's
                // writing): its digest would be of neither version. Read again from the start, a
                // few times at most; the identity then recorded is the last one seen.
                if input.restarts < 3, let now = Manifest.FileIdentity(descriptor: input.fd), now != input.partial.file {
                    input.restarts += 1
                    input.partial = Manifest.PartialDigest(file: now)
                    continue
                }
                close(input.fd)
                input.fd = -1
                input.ended = true
            }
            return n
        }
    }
}
