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
            path: "Sources/KaimenKit",
            swiftSettings: [.swiftLanguageMode(.v6)]
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
