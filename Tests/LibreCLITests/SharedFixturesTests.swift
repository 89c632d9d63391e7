import Foundation
import Testing

/// Every file of the shared fixtures (`../shared/fixtures` from the repository, or
/// `$LIBRE_FIXTURES`: real emails and transcripts from other projects' test suites, never
/// copied here) goes through `libre lint` without a crash: each is a document or a clear
/// error, once.
@Suite struct SharedFixturesTests {
  static func fixturesFolder() throws -> URL? {
    if let given = ProcessInfo.processInfo.environment["LIBRE_FIXTURES"], !given.isEmpty {
      return URL(fileURLWithPath: given)
    }
    let beside = try CLI.packageRoot().deletingLastPathComponent().appendingPathComponent("shared/fixtures")
    return FileManager.default.fileExists(atPath: beside.path) ? beside : nil
  }

  @Test(.timeLimit(.minutes(5))) func everyFixtureIsADocumentOrAClearError() throws {
    guard let folder = try Self.fixturesFolder() else {
      print("SharedFixturesTests: skipped: no ../shared/fixtures next to the repository and no $LIBRE_FIXTURES")
      return
    }
    var files: [String] = []
    let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
    while let url = walker?.nextObject() as? URL {
      if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true { files.append(url.path) }
    }
    files.sort()
    #expect(!files.isEmpty)
    var documents = 0
    var errors = 0
    var messages: [String: Int] = [:]
    // In batches, each file named directly (a folder walk would skip the unknown extensions).
    for start in stride(from: 0, to: files.count, by: 200) {
      let batch = Array(files[start..<min(start + 200, files.count)])
      let run = try RobustRun.run(["lint", "--format", "json", "--fail-on", "none"] + batch, in: folder)
      #expect(run.status == 0 || run.status == 2, "\(run.stderr.prefix(2000))")
      let output = try run.json()
      let reported = (output.documents + output.errors).compactMap { $0["path"] as? String }
      #expect(reported.sorted() == batch, "each fixture once")
      documents += output.documents.count
      errors += output.errors.count
      for error in output.errors {
        let message = error["message"] as? String ?? ""
        #expect(!message.isEmpty)
        messages[String(message.prefix(40)), default: 0] += 1
      }
    }
    print("SharedFixturesTests: \(files.count) fixture files: \(documents) document(s), \(errors) clear error(s)")
    for (message, count) in messages.sorted(by: { $0.value > $1.value }).prefix(8) {
      print("  \(count) × \(message)…")
    }
    #expect(documents + errors == files.count)
  }
}
