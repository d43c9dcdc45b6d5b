// swift-tools-version: 6.0
// Lucky Gas (幸福氣體) branch back office. Module arrows: Docs/architecture.md.
import PackageDescription

let package = Package(
    name: "LuckyGas",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "luckygas", targets: ["LuckyGasApp"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
    ],
    targets: [
        .target(name: "LuckyGasCore"),
        // The outbox event contract (Docs/events.md): typed, versioned payloads; Core only.
        .target(name: "LuckyGasWire", dependencies: ["LuckyGasCore"]),
        // Interchange formats (MIG XML, 401 media file, ledger, ESC/POS, Turnkey results); AES for the QR check code.
        .target(
            name: "LuckyGasFormats",
            dependencies: [
                "LuckyGasCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "LuckyGasStore",
            dependencies: [
                "LuckyGasCore", "LuckyGasFormats", "LuckyGasWire",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // No pkgConfig: SwiftPM drops its -D flags anyway; shim.h defines NCURSES_WIDECHAR itself.
        .systemLibrary(name: "CNcursesw"),
        .systemLibrary(name: "CQrencode"),
        .target(name: "LuckyGasTerminal", dependencies: ["CNcursesw", "CQrencode"]),
        .target(
            name: "LuckyGasTUI", dependencies: ["LuckyGasCore", "LuckyGasFormats", "LuckyGasStore", "LuckyGasTerminal"]),
        .executableTarget(
            name: "LuckyGasApp",
            dependencies: [
                "LuckyGasCore", "LuckyGasFormats", "LuckyGasStore", "LuckyGasTUI", "LuckyGasTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(name: "LuckyGasTestSupport", dependencies: ["LuckyGasCore", "LuckyGasFormats", "LuckyGasStore"]),
        .testTarget(name: "LuckyGasCoreTests", dependencies: ["LuckyGasCore", "LuckyGasTestSupport"]),
        .testTarget(name: "LuckyGasWireTests", dependencies: ["LuckyGasWire", "LuckyGasCore"]),
        .testTarget(
            name: "LuckyGasStoreTests",
            dependencies: [
                "LuckyGasStore", "LuckyGasTestSupport", "LuckyGasWire",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "LuckyGasFormatsTests", dependencies: ["LuckyGasFormats", "LuckyGasCore", "LuckyGasTestSupport"]),
        .testTarget(name: "LuckyGasTerminalTests", dependencies: ["LuckyGasTerminal"]),
        .testTarget(
            name: "LuckyGasTUITests",
            dependencies: ["LuckyGasTUI", "LuckyGasTerminal", "LuckyGasStore", "LuckyGasCore", "LuckyGasTestSupport"]
        ),
        .testTarget(
            name: "LuckyGasAppTests",
            dependencies: [
                "LuckyGasApp", "LuckyGasStore", "LuckyGasTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
