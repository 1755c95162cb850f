// swift-tools-version: 6.0
// kaimen: a rule-driven assessment and scoring engine for the open-door scoring
// (开门打分) of grassroots trade unions. Toolchain and Foundation only.
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
        // SHA-256's block function on the processor's SHA extensions, used by KaimenKit's
        // SHA256 only where the processor has them. This one small module is compiled with
        // clang's `sha` target feature, which the intrinsics need; no other code gets it.
        .target(
            name: "SHAInstructions",
            path: "Sources/SHAInstructions",
            swiftSettings: [.swiftLanguageMode(.v6),
                            .unsafeFlags(["-Xcc", "-Xclang", "-Xcc", "-target-feature", "-Xcc", "-Xclang", "-Xcc", "+sha"])]
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
