import Foundation
import Testing

/// Every input under `Tests/FuzzRegressions/` (ones a fuzzer crashed on) goes through
/// `libre lint` in text and JSON: a document or a clear error, never a signal.
@Suite struct FuzzRegressionTests {
  static var inputs: [String] {
    guard let root = try? CLI.packageRoot().appendingPathComponent("Tests/FuzzRegressions"),
      let names = try? FileManager.default.contentsOfDirectory(atPath: root.path)
    else { return [] }
    return names.filter { $0 != "README.md" }.sorted()
  }

  @Test func thereAreRegressionInputs() {
    #expect(!Self.inputs.isEmpty)
  }

  @Test(arguments: inputs) func lintsWithoutACrash(_ name: String) throws {
    let folder = try CLI.packageRoot().appendingPathComponent("Tests/FuzzRegressions")
    for format in ["text", "json"] {
      let run = try RobustRun.run(["lint", "--format", format, "--fail-on", "none", name], in: folder)
      #expect(run.status == 0 || run.status == 2, "\(name) (\(format)): \(run.stderr)")
      #expect(run.status == 0 || run.stderr.contains("libre: error: \(name)"))
    }
  }
}
