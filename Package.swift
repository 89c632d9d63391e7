// swift-tools-version: 6.0
import PackageDescription

// The layers below LibreKit are compiled for cross-module optimization: the hot path crosses
// them once per token (the tokenizer is generic over its sink; the matcher's loop reads tokens),
// and without their bodies in the module interface the callers above could not inline or
// specialize them.
let layerSettings: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
  name: "Libre",
  products: [
    .library(name: "LibreKit", targets: ["LibreKit"]),
    // For the fuzz harnesses of `Fuzz/`, a package of its own that depends on this one by path.
    .library(name: "LibreFormats", targets: ["LibreFormats"]),
    .library(name: "LibreServer", targets: ["LibreServer"]),
    .executable(name: "libre", targets: ["libre"]),
  ],
  targets: [
    // The engine in layers, each a target so the compiler holds them apart (docs/architecture.md).
    // No I/O, no Foundation in any of them.
    // The model: languages, severities, polarities, tokens.
    .target(name: "LibreModel", swiftSettings: layerSettings),
    // Text: the tokenizer, the vocabulary and its frozen lookup, the recording sink.
    .target(name: "LibreText", dependencies: ["LibreModel"], swiftSettings: layerSettings),
    // The automaton: pattern syntax, NFA, compiled automaton, lazy-DFA search.
    .target(name: "LibreAutomaton", dependencies: ["LibreText"], swiftSettings: layerSettings),
    // Lexicons, rules, context, documents, conversations, scoring and the `Linter` facade;
    // re-exports the layers below, so `import LibreKit` is the one import clients need.
    .target(
      name: "LibreKit", dependencies: ["LibreAutomaton"],
      linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
    // The built-in lexicons of `lexicons/`, embedded at build time so a copied binary needs no bundle.
    .target(name: "LibreLexicons", dependencies: ["LibreKit"], plugins: ["EmbedLexicons"]),
    // Loaders (input formats) and reporters (output formats). No Foundation either: the rare
    // charsets go through the C library's iconv (libiconv on Darwin).
    .target(
      name: "LibreFormats", dependencies: ["LibreKit"],
      linkerSettings: [.linkedLibrary("iconv", .when(platforms: [.macOS]))]),
    // `libre serve` and `libre lsp`: the HTTP and language servers, on POSIX sockets and
    // threads (no Foundation, no Dispatch), so the static `libre` binary stays as it is.
    .target(name: "LibreServer", dependencies: ["LibreKit", "LibreFormats"]),
    // The command-line tool links the Swift runtime statically: a run of `libre` is mostly
    // startup for one short email, and the dynamic loader's relocation of libswiftCore and
    // its siblings was a large share of it (nothing else of Swift is loaded: no Foundation,
    // no Dispatch). The binary then needs only glibc, libstdc++ and libgcc_s.
    .executableTarget(
      name: "libre", dependencies: ["LibreKit", "LibreFormats", "LibreLexicons", "LibreServer"],
      linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux]))]),
    // The benchmark is linked the same way, so it measures the code `libre` runs (calls
    // into the Swift runtime, such as reference counting, go through no dynamic-link stubs).
    .executableTarget(
      name: "libre-bench", dependencies: ["LibreKit", "LibreFormats", "LibreLexicons"],
      linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux]))]),
    .executableTarget(name: "EmbedLexiconsTool", dependencies: ["LibreKit"]),
    .plugin(name: "EmbedLexicons", capability: .buildTool(), dependencies: ["EmbedLexiconsTool"]),
    .testTarget(name: "LibreKitTests", dependencies: ["LibreKit", "LibreLexicons"]),
    .testTarget(name: "LibreFormatsTests", dependencies: ["LibreKit", "LibreFormats", "LibreLexicons"]),
    .testTarget(name: "LibreServerTests", dependencies: ["LibreKit", "LibreFormats", "LibreLexicons", "LibreServer"]),
    .testTarget(name: "LibreCLITests", dependencies: ["LibreKit", "LibreLexicons"]),
  ]
)
