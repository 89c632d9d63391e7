import Foundation
import Testing

/// `libre-bench --emit-folder`, the corpus BENCHMARKS times `libre analyze` on, through the
/// built binary.
@Suite struct BenchFolderTests {
  /// The files under `folder`, by path relative to it, with their bytes.
  static func files(under folder: URL) throws -> [String: Data] {
    var found: [String: Data] = [:]
    let walker = try #require(FileManager.default.enumerator(atPath: folder.path))
    for case let relative as String in walker {
      let url = folder.appendingPathComponent(relative)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
        found[relative] = try Data(contentsOf: url)
      }
    }
    return found
  }

  /// A folder that does not exist yet, two levels deep, is made (it failed at the first
  /// file before); the same seed writes the same files, byte for byte.
  @Test func emitFolderMakesMissingFoldersAndRepeatsItselfForASeed() throws {
    let bench = try CLI.binary(named: "libre-bench")
    let scratch = try TempDir()
    defer { scratch.remove() }
    let first = scratch.url.appendingPathComponent("new/deeper")
    let second = scratch.url.appendingPathComponent("again")
    for folder in [first, second] {
      let result = try CLI.run(["--emit-folder", folder.path, "--size", "1", "--seed", "3"], executable: bench)
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.contains("under \(folder.path)"))
    }
    let written = try BenchFolderTests.files(under: first)
    #expect(written.count > 100)
    #expect(Set(written.keys.map { ($0 as NSString).pathExtension }) == ["txt", "eml", "vtt", "srt"])
    #expect(written == (try BenchFolderTests.files(under: second)))
  }

  /// A path through a file is a clear error on stderr and exit 2, not a silent stop.
  @Test func emitFolderThroughAFileFailsClearly() throws {
    let bench = try CLI.binary(named: "libre-bench")
    let scratch = try TempDir()
    defer { scratch.remove() }
    let file = try scratch.write("plain", "not a folder")
    for target in [file.path, file.appendingPathComponent("inside").path] {
      let result = try CLI.run(["--emit-folder", target, "--size", "1"], executable: bench)
      #expect(result.status == 2)
      #expect(result.stderr.hasPrefix("libre-bench: error: "), "\(result.stderr)")
      #expect(result.stderr.contains(file.path))
    }
  }
}
