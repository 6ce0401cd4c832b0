// swift-tools-version:6.1
import PackageDescription

// Layers, from the pure centre outwards. No target imports one listed after it.
//   PathwayModel    – domain types and their invariants (no Foundation I/O, no SQLite, no ncurses)
//   PathwayEngine   – checks and learner progression over the model (pure)
//   PathwayStore    – the SQLite document (GRDB): schema, migrations, transactions, search
//   PathwayExchange – file formats: project files, ESCO, CASE, Moodle, Open Badges 3.0, ELM, reports
//   PathwayTUI      – terminal UI as state → view into an in-memory screen buffer (no ncurses)
//   PathwayCurses   – the one small backend that talks to ncurses
//   PathwayCLI      – the `pathway` commands; `pathway` is its thin executable
// Release builds link the Swift runtime and Foundation into the executables (as
// `--static-swift-stdlib` does): a process then maps one binary instead of a dozen shared
// libraries, about 6 MB less resident memory at ESCO scale (see README, Speed).
let staticRuntimeInRelease: [LinkerSetting] = [
    .unsafeFlags(["-static-stdlib", "-lFoundation", "-lFoundationInternationalization", "-lFoundationEssentials",
                  "-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCollections", "-l_FoundationCShims",
                  "-lswiftSynchronization", "-lswift_RegexParser", "-lswift_StringProcessing", "-lswift_Concurrency"],
                 .when(platforms: [.linux], configuration: .release)),
]

let package = Package(
    name: "PathwayDesigner",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "pathway", targets: ["pathway"]),
        .executable(name: "pathway-bench", targets: ["PathwayBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        .target(name: "PathwayModel"),
        .target(name: "PathwayEngine", dependencies: ["PathwayModel"]),
        .target(name: "PathwayStore", dependencies: [
            "PathwayModel",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "PathwayExchange", dependencies: ["PathwayModel", "PathwayEngine"]),
        .target(
            name: "PathwaySamples",
            path: "SampleData",
            exclude: ["README.md"],
            sources: ["SampleDataBundle.swift"],
            resources: [.copy("projects")]
        ),
        .target(name: "PathwayTUI", dependencies: ["PathwayModel", "PathwayEngine", "PathwayExchange"]),
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw"),
        .target(name: "PathwayCurses", dependencies: ["CNcursesw", "PathwayTUI"]),
        .target(name: "PathwayCLI", dependencies: [
            "PathwayModel", "PathwayEngine", "PathwayStore", "PathwayExchange",
            "PathwaySamples", "PathwayTUI", "PathwayCurses",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "pathway", dependencies: ["PathwayCLI"], linkerSettings: staticRuntimeInRelease),
        // The benchmark's workload generator, shared with its guard test.
        .target(name: "PathwayWorkload", dependencies: ["PathwayModel"]),
        .executableTarget(name: "PathwayBench", dependencies: [
            "PathwayModel", "PathwayEngine", "PathwayStore", "PathwayExchange", "PathwayTUI", "PathwayWorkload",
        ], linkerSettings: staticRuntimeInRelease),
        .testTarget(name: "PathwayModelTests", dependencies: ["PathwayModel", "PathwayWorkload"]),
        .testTarget(name: "PathwayEngineTests", dependencies: ["PathwayEngine", "PathwayExchange", "PathwaySamples", "PathwayWorkload"]),
        .testTarget(name: "PathwayStoreTests", dependencies: ["PathwayStore", "PathwayExchange", "PathwaySamples"]),
        .testTarget(name: "PathwayExchangeTests", dependencies: ["PathwayExchange", "PathwayStore", "PathwaySamples"]),
        .testTarget(name: "PathwayTUITests", dependencies: ["PathwayTUI", "PathwayExchange", "PathwaySamples", "PathwayWorkload"]),
        // What the end-to-end tests share: the built binary, temporary folders, tmux. Only test
        // targets depend on it, so building the products never compiles it.
        .target(name: "PathwayTestSupport", dependencies: ["PathwayWorkload"], path: "Tests/PathwayTestSupport"),
        .testTarget(name: "PathwayCLITests", dependencies: ["PathwayCLI", "PathwayTestSupport"]),
        .testTarget(name: "PathwayBenchTests", dependencies: ["PathwayBench", "PathwayWorkload", "PathwayModel", "PathwayEngine", "PathwayTUI"]),
        .testTarget(name: "PathwayReliabilityTests", dependencies: [
            "PathwayModel", "PathwayStore", "PathwayExchange", "PathwayTUI", "PathwaySamples", "PathwayTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ]
)
