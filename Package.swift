// swift-tools-version: 6.0
import PackageDescription

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
    // The engine: tokenizer, lexicon language, matcher, rules, scorer. No I/O, no Foundation.
    .target(name: "LibreKit", linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
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
