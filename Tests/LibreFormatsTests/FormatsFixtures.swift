import Foundation
import LibreFormats
import LibreKit

/// A small inline lexicon and temp-directory helpers for the format tests.
enum Fixtures {
  static let profile = """
    { "language": "en", "classes": { "you": ["you"] }, "negators": ["not"],
      "stopwords": ["the", "you", "to", "is"] }
    """

  static func rule(_ id: String, _ pattern: String, severity: String = "warning", weight: Int = 6) -> String {
    let parts = id.split(separator: ".")
    return """
      { "id": "\(id)", "polarity": "\(parts[0])", "category": "\(parts[1])", "severity": "\(severity)",
        "weight": \(weight), "message": "message of \(id)", "suggestion": "suggestion for \(id)", "source": "test",
        "patterns": ["\(pattern)"], "examples": { "match": ["a", "b"], "noMatch": ["c"] } }
      """
  }

  static let linter: Linter = {
    let rules = [
      rule("pressure.controlling.must", "@you must"),
      rule("pressure.urgency.deadline", "by friday", severity: "error", weight: 8),
      rule("pressure.urgency.sign", "sign *{0,2} today", weight: 5),
      rule("freedom.choice.free", "free to decline", severity: "info", weight: 10),
    ]
    let files: [(path: String, bytes: [UInt8])] = [
      ("en/language.json", Array(profile.utf8)),
      ("en/rules.json", Array("{ \"language\": \"en\", \"rules\": [\(rules.joined(separator: ","))] }".utf8)),
    ]
    do {
      return Linter(lexicons: try CompiledLexicons.compile(try LexiconLoader.load(files: files)))
    } catch {
      fatalError("the test lexicon does not compile:\n\(error)")
    }
  }()

  /// Lints `bytes` as the CLI does and places the findings.
  static func report(_ bytes: [UInt8], path: String = "mail.txt") -> DocumentReport {
    let document = Document(path: path, format: "text", text: bytes)
    return DocumentReport(document: document, result: linter.lint(bytes, language: .english))
  }

  static func report(_ text: String, path: String = "mail.txt") -> DocumentReport {
    report(Array(text.utf8), path: path)
  }
}

/// A fresh directory under the system temp folder, removed by `remove()`.
struct TempDirectory {
  let url: URL
  var path: String { url.path }

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("libre-formats-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// Writes `bytes` at `relative`, creating folders on the way; returns the full path.
  @discardableResult
  func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
    let file = url.appendingPathComponent(relative)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: file)
    return file.path
  }

  @discardableResult
  func write(_ relative: String, _ text: String) throws -> String { try write(relative, Array(text.utf8)) }

  func remove() { try? FileManager.default.removeItem(at: url) }
}
