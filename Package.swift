// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Libre",
  products: [
    .library(name: "LibreKit", targets: ["LibreKit"]),
    // For the fuzz harnesses of `Fuzz/`, a package of its own that depends on this one by path.
    .library(name: "LibreFormats", targets: ["LibreFormats"]),
    .executable(name: "libre", targets: ["libre"]),
  ],
  targets: [
    // The engine: tokenizer, lexicon language, matcher, rules, scorer. No I/O, no Foundation.
    .target(name: "LibreKit", linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
    // The built-in lexicons of `lexicons/`, embedded at build time so a copied binary needs no bundle.
    .target(name: "LibreLexicons", dependencies: ["LibreKit"], plugins: ["EmbedLexicons"]),
    // Loaders (input formats) and reporters (output formats).
    .target(name: "LibreFormats", dependencies: ["LibreKit"]),
    .executableTarget(name: "libre", dependencies: ["LibreKit", "LibreFormats", "LibreLexicons"]),
    .executableTarget(name: "libre-bench", dependencies: ["LibreKit", "LibreFormats", "LibreLexicons"]),
    .executableTarget(name: "EmbedLexiconsTool", dependencies: ["LibreKit"]),
    .plugin(name: "EmbedLexicons", capability: .buildTool(), dependencies: ["EmbedLexiconsTool"]),
    .testTarget(name: "LibreKitTests", dependencies: ["LibreKit", "LibreLexicons"]),
    .testTarget(name: "LibreFormatsTests", dependencies: ["LibreKit", "LibreFormats", "LibreLexicons"]),
    .testTarget(name: "LibreCLITests", dependencies: ["LibreKit", "LibreLexicons"]),
  ]
)
