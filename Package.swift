// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "foiapipe",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "foiapipe", targets: ["foiapipe"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // `foiapipe review`'s local web server: see README, "Reviewing before publishing".
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
    ],
    targets: [
        // C libraries
        .systemLibrary(
            name: "CPoppler", pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev", "libcairo2-dev"])]),
        .systemLibrary(
            name: "CTesseract", pkgConfig: "tesseract",
            providers: [.apt(["libtesseract-dev", "libleptonica-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // GLib alone, for hashing (SHA-256, HMAC): FoiaCore and Redaction need no poppler.
        .systemLibrary(name: "CGLib", pkgConfig: "glib-2.0", providers: [.apt(["libglib2.0-dev"])]),
        // ICU's regex C API (libicu-dev) behind a small C wrapper: see Sources/CICU/include/cicu.h.
        .target(name: "CICU", linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc")]),
        // libjpeg (libjpeg-dev) behind a C function: its errors longjmp. See Sources/CJPEG/include/cjpeg.h.
        .target(name: "CJPEG", linkerSettings: [.linkedLibrary("jpeg")]),

        // Stages
        .target(name: "FoiaCore", dependencies: ["CGLib"]),
        // The one wrapper of poppler: open (errors as DocumentError), pages, render, text, images.
        .target(name: "Poppler", dependencies: ["FoiaCore", "CPoppler"]),
        .target(name: "TextPatterns", dependencies: ["CICU"]),
        // The one leak matcher: every printed form of a private string (split, reversed, one edit
        // off). Redaction sweeps its own output with it; verify and eval search public files.
        .target(name: "LeakSearch"),
        .target(name: "Rules", dependencies: ["FoiaCore", "Yams"]),
        .target(name: "Extraction", dependencies: ["FoiaCore", "Rules", "Poppler", "CPoppler", "CTesseract"]),
        .target(name: "Segmentation", dependencies: ["FoiaCore", "Rules"]),
        .target(name: "Output", dependencies: ["FoiaCore", "Redaction"]),
        .target(name: "RunStore", dependencies: ["CSQLite"]),
        .target(
            name: "Batch",
            dependencies: ["FoiaCore", "Rules", "Extraction", "Segmentation", "Classification", "Redaction", "Output",
                "RunStore", "Analyst"]),
        // The analyst's public files: report.html, foiapipe.sqlite and its Datasette metadata.
        .target(name: "Analyst", dependencies: ["FoiaCore", "Redaction", "Output", "RunStore"]),
        .target(name: "Evaluation", dependencies: ["Output", "Verification", "LeakSearch"]),
        .target(name: "Classification", dependencies: ["FoiaCore", "Rules", "TextPatterns", "Yams"]),
        // Pseudonym tags are an HMAC through GLib.
        .target(name: "Redaction", dependencies: ["FoiaCore", "Rules", "TextPatterns", "LeakSearch", "Yams", "CGLib"]),
        .target(name: "Publication", dependencies: ["FoiaCore", "Redaction", "Poppler", "CPoppler", "CJPEG", "CTesseract"]),
        .target(name: "Verification", dependencies: ["FoiaCore", "Rules", "Extraction", "RunStore", "LeakSearch", "Poppler"]),

        // The reviewer's web app behind `foiapipe review`.
        .target(
            name: "Review",
            dependencies: [
                "Redaction", "Publication", .product(name: "Hummingbird", package: "hummingbird"),
            ]),

        // CLI
        .executableTarget(
            name: "foiapipe",
            dependencies: [
                "Batch", "Rules", "FoiaCore", "Extraction", "Segmentation", "Output", "Evaluation", "Redaction",
                "Publication", "Verification", "Review", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // libFuzzer entry points; scripts/fuzz builds them with -sanitize=fuzzer.
        .executableTarget(
            name: "FoiaFuzz", dependencies: ["Extraction", "FoiaCore", "Poppler", "Redaction", "Rules", "Segmentation"]),

        // Test support
        .target(name: "FoiaTestSupport", dependencies: ["FoiaCore", "Rules", "Segmentation"], path: "Tests/FoiaTestSupport"),

        // Tests
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "Rules", "FoiaTestSupport"]),
        .testTarget(name: "SegmentationTests", dependencies: ["Segmentation", "Extraction", "Output", "Rules", "FoiaTestSupport"]),
        .testTarget(name: "OutputTests", dependencies: ["Output"]),
        .testTarget(
            name: "ReviewTests", dependencies: ["Review", "Redaction", "FoiaCore", "FoiaTestSupport"], exclude: ["review_browser.py"]),
        .testTarget(name: "TextPatternsTests", dependencies: ["TextPatterns"]),
        .testTarget(name: "BatchTests", dependencies: ["Batch", "FoiaCore"]),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "FoiaTestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["FoiaTestSupport"]),
        .testTarget(name: "AnalystTests", dependencies: ["Analyst", "Output", "RunStore", "FoiaTestSupport"]),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "Verification", "LeakSearch", "FoiaTestSupport"]),
        .testTarget(name: "ClassificationTests", dependencies: ["Classification", "FoiaCore", "FoiaTestSupport"]),
        .testTarget(name: "RedactionTests", dependencies: ["Redaction", "FoiaCore", "FoiaTestSupport"]),
        .testTarget(
            name: "PublicationTests", dependencies: ["Publication", "Redaction", "Extraction", "Rules", "FoiaTestSupport", "CPoppler"]),
        .testTarget(
            name: "VerificationTests",
            dependencies: [
                "Verification", "LeakSearch", "Publication", "Redaction", "Extraction", "Rules", "FoiaCore", "FoiaTestSupport", "CPoppler",
            ]),
    ]
)
