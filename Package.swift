// swift-tools-version: 6.0
// kaimen: a rule-driven assessment and scoring engine for the open-door scoring
// (开门打分) of grassroots trade unions. Toolchain and Foundation only (and the toolchain's
// C compiler for one file: the SHA-256 instructions, which Swift cannot name).
import PackageDescription

let package = Package(
    name: "kaimen",
    products: [
        .executable(name: "kaimen", targets: ["kaimen"]),
        .library(name: "KaimenKit", targets: ["KaimenKit"]),
    ],
    targets: [
        .target(
            name: "KaimenKit",
            dependencies: ["SHAInstructions"],
            path: "Sources/KaimenKit",
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        // SHA-256's block function on the processor's SHA extensions (one C file: the
        // instructions are enabled for its two functions only, by attribute; no build flags),
        // used by KaimenKit's SHA256 where CPUID says the processor has them.
        .target(
            name: "SHAInstructions",
            path: "Sources/SHAInstructions"
        ),
        .executableTarget(
            name: "kaimen",
            dependencies: ["KaimenKit"],
            path: "Sources/kaimen",
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .testTarget(
            name: "KaimenKitTests",
            dependencies: ["KaimenKit"],
            path: "Tests/KaimenKitTests",
            exclude: ["Fixtures"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)
