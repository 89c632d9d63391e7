import Foundation
import Testing

/// A baseline keys documents by their path relative to the baseline file, so it holds from
/// any working directory and however the paths are typed.
@Suite struct BaselineTravelTests {
  static func repository() throws -> TempDir {
    let dir = try TempDir()
    try dir.write("templates/a.md", "Act now! You must sign today.\n")
    try dir.write("templates/sub/b.md", "Only 2 spots left, hurry!\n")
    return dir
  }

  @Test func fromASubfolderAndWithAbsolutePaths() throws {
    let dir = try Self.repository()
    defer { dir.remove() }
    let write = try dir.run(["--write-baseline", "baseline.json", "templates"])
    #expect(write.status == 0, "\(write.stderr)")
    let written = try String(contentsOf: dir.url.appendingPathComponent("baseline.json"), encoding: .utf8)
    #expect(written.contains(#""path": "templates/a.md""#), "\(written)")

    let same = try dir.run(["--baseline", "baseline.json", "templates"])
    #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
    #expect(same.stdout.contains("baseline: 0 new finding(s)"), "\(same.stdout)")

    let fromSubfolder = try CLI.run(
      ["--baseline", "../baseline.json", "."], in: dir.url.appendingPathComponent("templates"))
    #expect(fromSubfolder.status == 0, "\(fromSubfolder.stdout)\(fromSubfolder.stderr)")
    #expect(fromSubfolder.stdout.contains("baseline: 0 new finding(s)"))

    let absolute = try CLI.run(["--baseline", dir.path + "/baseline.json", dir.path + "/templates/sub/b.md"])
    #expect(absolute.status == 0, "\(absolute.stdout)\(absolute.stderr)")
    #expect(absolute.stdout.contains("baseline: 0 new finding(s)"))

    // A new finding is still new, wherever it is run from.
    try dir.write("templates/sub/b.md", "Only 2 spots left, hurry! Last chance!\n")
    let changed = try CLI.run(
      ["--baseline", "../../baseline.json", "b.md"], in: dir.url.appendingPathComponent("templates/sub"))
    #expect(changed.status == 1)
    #expect(!changed.stdout.contains("baseline: 0 new"), "\(changed.stdout)")
  }

  /// A baseline kept inside the linted folder is never linted (nor read as a transcript).
  @Test func aBaselineInsideTheTreeIsNotLinted() throws {
    let dir = try Self.repository()
    defer { dir.remove() }
    let write = try dir.run(["--write-baseline", "templates/.baseline.json", "templates"])
    #expect(write.status == 0)
    let write2 = try dir.run(["--write-baseline", "templates/baseline.json", "templates"])
    #expect(write2.status == 0, "\(write2.stderr)")
    let again = try dir.run(["--baseline", "templates/baseline.json", "--format", "json", "templates"])
    #expect(again.status == 0, "\(again.stderr)")
    let paths = try again.documents().compactMap { $0.string("path") }
    #expect(paths == ["templates/a.md", "templates/sub/b.md"])
  }
}
