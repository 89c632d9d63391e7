import Foundation
import Testing

/// A target's folders are layers the compiler cannot see: `scripts/folder-graph.py` finds
/// which folder's files name types of which other folder and fails on a cycle. It passes on
/// every target's sources as they are, and fails on two folders that name each other's types.
struct FolderLayerTests {
  /// `python3`, if the machine has one: the script is a check of the sources, not part of Libre.
  static func python() -> URL? {
    let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    return paths.map { URL(fileURLWithPath: String($0)).appendingPathComponent("python3") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  static func graph(_ target: String) throws -> (status: Int32, stdout: String, stderr: String)? {
    guard let python = python() else {
      print("folder graph skipped: no python3 on PATH")
      return nil
    }
    let root = try CLI.packageRoot()
    let ended = try CLI.launch(
      python, [root.appendingPathComponent("scripts/folder-graph.py").path, target], stdin: "", in: root,
      environment: CLI.environment())
    return (ended.status, String(decoding: ended.stdout, as: UTF8.self), ended.stderr)
  }

  @Test func libreKitsFoldersHaveNoCycle() throws {
    guard let run = try Self.graph("Sources/LibreKit") else { return }
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Model → Utilities"), "\(run.stdout)")
  }

  @Test func everyTargetsFoldersHaveNoCycle() throws {
    let sources = try CLI.packageRoot().appendingPathComponent("Sources")
    let targets = try FileManager.default.contentsOfDirectory(atPath: sources.path).sorted()
    #expect(targets.contains("LibreFormats") && targets.contains("libre"), "\(targets)")
    for target in targets {
      guard let run = try Self.graph("Sources/\(target)") else { return }
      #expect(run.status == 0, "Sources/\(target): \(run.stderr)")
    }
  }

  @Test func twoFoldersThatNameEachOtherAreACycle() throws {
    let scratch = try TempDir()
    defer { scratch.remove() }
    try scratch.write("Top/Report.swift", "struct Report { var value: Value }\n")
    try scratch.write("Base/Value.swift", "struct Value { var report: Report? }\n")
    guard let run = try Self.graph(scratch.url.path) else { return }
    #expect(run.status == 1)
    #expect(run.stderr.contains("cycle"), "\(run.stderr)")
    #expect(run.stdout.contains("Base → Top") && run.stdout.contains("Top → Base"), "\(run.stdout)")
  }

  @Test func aNestedTypeIsNotItsFoldersName() throws {
    let scratch = try TempDir()
    defer { scratch.remove() }
    try scratch.write(
      "A/Report.swift", "struct Report {\n  enum Kind { case a }\n  var kind: Kind\n  var value: Value\n}\n")
    try scratch.write("B/Value.swift", "struct Value {\n  enum Kind { case b }\n  var kind: Kind\n}\n")
    guard let run = try Self.graph(scratch.url.path) else { return }
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("A → B") && !run.stdout.contains("B →"), "\(run.stdout)")
  }

  @Test func aNameInACommentOrAStringIsNoUse() throws {
    let scratch = try TempDir()
    defer { scratch.remove() }
    try scratch.write("Top/Report.swift", "struct Report { var value: Value }\n")
    try scratch.write("Base/Value.swift", "/// Read by a Report.\nstruct Value { var name = \"Report\" }\n")
    guard let run = try Self.graph(scratch.url.path) else { return }
    #expect(run.status == 0, "\(run.stderr)")
    #expect(!run.stdout.contains("Base →"), "\(run.stdout)")
  }
}
