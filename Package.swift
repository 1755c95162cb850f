// swift-tools-version: 6.0
// kaimen: a rule-driven assessment and scoring engine for the open-door scoring
// (开门打分) of grassroots trade unions. Toolchain and Foundation only (and the toolchain's
// C compiler for processor instructions Swift cannot name: SHA-256's, and a vector byte compare).
import PackageDescription

// CI's sanitizer step (.ci/sanitizers.sh) sets KAIMEN_SANITIZER_TESTS=1 and so builds only the
// tests of the code with threads and raw memory (byte readers, IDTable, ScoreStore, mapped files and their SIGBUS guard,
// the fast number form, the summary writer's chunks, the progress line, locks, Parallel.alongside and inOrder,
// SHA-256, the inputs' hashes) with the support files they use: under a sanitizer the other tests
// took two thirds of each build's time. This list is the step's whole selection: every test in
// these files runs under AddressSanitizer and ThreadSanitizer.
let sanitizerTests = [
    "Fixtures.swift", "GeneratedSession.swift", "ScratchFolder.swift",
    "Bulk/BallotQuickRowsTests.swift", "Bulk/BallotGroupTests.swift", "Bulk/BallotRepresentativesTests.swift", "Bulk/BulkBallotsFastPathTests.swift",
    "Bulk/BulkBallotsLongTests.swift",
    "Bulk/BulkBallotsReaderTests.swift", "Bulk/BulkComparisonTests.swift", "Bulk/BulkExtremesTests.swift",
    "Bulk/BulkHandOverTests.swift", "Bulk/BulkPreferenceTests.swift", "Bulk/BulkRosterReaderTests.swift",
    "Bulk/BulkTestSupport.swift", "Bulk/BulkUnitsReaderTests.swift", "Bulk/BulkWidthTests.swift",
    "Bulk/ByteNumberTests.swift", "Bulk/EngineFormsTests.swift", "Bulk/IDTableBulkTests.swift",
    "Bulk/LockedTests.swift", "Bulk/MappedReadTests.swift", "Bulk/MappedFileGuardTests.swift", "Bulk/ScoreStoreTests.swift",
    "Bulk/UninitializedArrayTests.swift", "Bulk/ParallelAlongsideTests.swift", "Bulk/ParallelInOrderTests.swift", "CLI/ProgressLineTests.swift", "Export/SummaryWriterTests.swift",
    "Evaluation/SessionTestSupport.swift", "Expression/FormulaTestSupport.swift", "Output/DirectWriterTests.swift",
    "Output/InputDigestsTests.swift",
    "Support/SHA256Tests.swift", "Instructions/ByteMaskTests.swift",
]
// Under ThreadSanitizer (KAIMEN_SANITIZER_TESTS=thread) only the tests of code that runs on several
// threads: the byte readers, the parallel helpers, the locks, the progress line, the summary
// writer's chunks and the inputs' hashes. The tests of raw memory (SHA-256, the byte compare, the
// score store, the byte numbers, the direct writer, mapped files, …) and the generated sessions of
// both number forms run under AddressSanitizer only, and in the suite: CI has 15 minutes.
let threadSanitizerTests = [
    "Fixtures.swift", "GeneratedSession.swift", "ScratchFolder.swift",
    "Bulk/BulkBallotsReaderTests.swift", "Bulk/BulkRosterReaderTests.swift", "Bulk/BulkUnitsReaderTests.swift",
    "Bulk/BulkTestSupport.swift", "Bulk/IDTableBulkTests.swift", "Bulk/LockedTests.swift",
    "Bulk/ParallelAlongsideTests.swift", "Bulk/ParallelInOrderTests.swift", "CLI/ProgressLineTests.swift",
    "Export/SummaryWriterTests.swift", "Evaluation/SessionTestSupport.swift", "Expression/FormulaTestSupport.swift",
    "Output/InputDigestsTests.swift", "Support/SHA256Tests.swift",
]
let sanitizerSelection = Context.environment["KAIMEN_SANITIZER_TESTS"]
let onlySanitizerTests = sanitizerSelection == "1" || sanitizerSelection == "thread"
// CI (KAIMEN_CI_NO_DEBUG_INFO=1, set by .ci/run) builds without debug information: about a tenth
// less build time. A test's failure still names its file and line (Swift Testing records them
// without it); only a crash's backtrace loses its line numbers.
let ciSettings: [SwiftSetting] = Context.environment["KAIMEN_CI_NO_DEBUG_INFO"] == "1" ? [.unsafeFlags(["-gnone"])] : []

let package = Package(
    name: "kaimen",
    products: [
        .executable(name: "kaimen", targets: ["kaimen"]),
        .library(name: "KaimenKit", targets: ["KaimenKit"]),
    ],
    targets: [
        .target(
            name: "KaimenKit",
            dependencies: ["Instructions", "SignalGuard"],
            path: "Sources/KaimenKit",
            swiftSettings: [.swiftLanguageMode(.v6)] + ciSettings
        ),
        // Processor instructions Swift cannot name. SHA-256's block function on the SHA
        // extensions (the instructions are enabled for its functions only, by attribute; no
        // build flags), used by KaimenKit's SHA256 where CPUID says the processor has them; the
        // summary's cells of points eight at a time on AVX-512 (likewise, where CPUID and
        // XGETBV say so); and where a byte occurs in sixteen bytes (SSE2's compare and mask move,
        // on every x86-64; a header function, so it is compiled into its Swift callers).
        .target(
            name: "Instructions",
            path: "Sources/Instructions"
        ),
        // The guard of mapped input files: a SIGBUS handler, in C because a signal handler may
        // only do what is safe in one (no allocation, no locks), which Swift code cannot promise.
        .target(
            name: "SignalGuard",
            path: "Sources/SignalGuard"
        ),
        .executableTarget(
            name: "kaimen",
            dependencies: ["KaimenKit"],
            path: "Sources/kaimen",
            swiftSettings: [.swiftLanguageMode(.v6)] + ciSettings
        ),
        .testTarget(
            name: "KaimenKitTests",
            dependencies: ["KaimenKit", "Instructions", "SignalGuard"],
            path: "Tests/KaimenKitTests",
            exclude: ["Fixtures"],
            sources: onlySanitizerTests ? (sanitizerSelection == "thread" ? threadSanitizerTests : sanitizerTests) : nil,
            swiftSettings: [.swiftLanguageMode(.v6)] + ciSettings
        ),
    ]
)
