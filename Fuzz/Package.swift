// swift-tools-version: 6.0
import PackageDescription

// libFuzzer harnesses for Libre, a package of their own so the main package's executables
// (whose top-level code defines `main`) are never built with `-sanitize=fuzzer`. Build and
// run one with `scripts/fuzz.sh TARGET SECONDS` from the repository root. `LibreLexicons` is
// left out: its build plugin's tool would be linked with libFuzzer's `main` too. The
// harnesses compile the JSON of `lexicons/` instead.
let targets = [
  "tokenizer", "pattern", "lexicon", "config", "eml", "html", "markdown", "transcript", "pipeline", "http", "lsp",
]

func executable(_ name: String) -> Target {
  .executableTarget(
    name: "fuzz-\(name)",
    dependencies: [
      "FuzzSupport", .product(name: "LibreKit", package: "Libre"),
      .product(name: "LibreFormats", package: "Libre"), .product(name: "LibreServer", package: "Libre"),
    ],
    path: "Sources/fuzz-\(name)")
}

let package = Package(
  name: "LibreFuzz",
  dependencies: [.package(name: "Libre", path: "..")],
  targets: [
    .target(
      name: "FuzzSupport",
      dependencies: [
        .product(name: "LibreKit", package: "Libre"), .product(name: "LibreFormats", package: "Libre"),
      ])
  ] + targets.map(executable)
)
