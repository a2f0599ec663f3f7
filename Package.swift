// swift-tools-version: 6.1
import PackageDescription

// Runs on Linux only: leftover workers are found through `/proc`, and `Synchronization`
// (`Mutex`) would need macOS 15, the only Apple platform named below for that reason.
let package = Package(
    name: "sweep",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sweep-cli", targets: ["sweep-cli"]),
        .library(name: "COCOEval", targets: ["COCOEval"]),
        .library(name: "Trainer", targets: ["Trainer"]),
        .library(name: "Sweep", targets: ["Sweep"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .systemLibrary(
            name: "CImageCodecs",
            pkgConfig: "libpng",
            providers: [.apt(["libpng-dev", "libjpeg62-turbo-dev"])]
        ),
        .target(name: "COCOEval"),
        // The trainer's hot loops (the convolutions' GEMMs, the fused SiLU) for AVX2 and AVX-512,
        // chosen at run time.
        .target(name: "CKernels"),
        .target(
            name: "Trainer",
            dependencies: [
                "COCOEval",
                "COpenBLAS",
                "CKernels",
                "CImageCodecs",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Sweep",
            dependencies: [
                "Trainer",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The PostgreSQL store, apart so that `Sweep` stays free of SwiftNIO.
        .target(
            name: "SweepPostgres",
            dependencies: [
                "Sweep",
                "Trainer",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Benchmarks",
            dependencies: ["Trainer", "Sweep"]
        ),
        .executableTarget(
            name: "sweep-cli",
            dependencies: [
                "Trainer",
                "Sweep",
                "SweepPostgres",
                "Benchmarks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "TrainerTests",
            dependencies: [
                "Trainer",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SweepTests",
            dependencies: [
                "Sweep",
                "SweepPostgres",
                "Trainer",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "COCOEvalTests", dependencies: ["COCOEval"], exclude: ["Fixtures"]),
        .testTarget(
            name: "SweepCLITests",
            dependencies: [
                "sweep-cli",
                "Sweep",
                "SweepPostgres",
                "Trainer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "BenchmarksTests", dependencies: ["Benchmarks", "Sweep", "Trainer"]),
    ] + fuzzTargets,
    swiftLanguageModes: [.v6]
)

/// libFuzzer targets (`scripts/fuzz.sh`, `Tests/Fuzz/README.md`): each is a tool that replays the
/// files it is given, and a libFuzzer binary when built with `-sanitize=fuzzer -DFUZZING`.
var fuzzTargets: [Target] {
    let parsers: [(name: String, dependency: Target.Dependency)] = [
        ("FuzzSweepSpec", "Sweep"), ("FuzzDataYAML", "Trainer"), ("FuzzCOCOJSON", "Trainer"),
        ("FuzzPNG", "Trainer"), ("FuzzJPEG", "Trainer"), ("FuzzTrainingConfig", "Trainer"),
    ]
    return [.target(name: "FuzzSupport", path: "Fuzz/FuzzSupport")]
        + parsers.map { parser in
            .executableTarget(
                name: parser.name, dependencies: ["FuzzSupport", parser.dependency],
                path: "Fuzz/\(parser.name)")
        }
}
