import Foundation
import LibreLexicons
import Testing

@testable import LibreKit

/// Every rule says what it rests on, and points only at what ships with Libre: a study, or
/// a section of docs/research.md — never a path outside the repository.
@Suite struct RuleSourceTests {
  static let rules = BuiltInLexicons.compiled().rules + BuiltInRules.all

  static func research(source: String = #filePath) throws -> String {
    let root = URL(fileURLWithPath: source).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return try String(contentsOf: root.appendingPathComponent("docs/research.md"), encoding: .utf8)
  }

  @Test func noSourcePointsOutsideTheRepository() {
    #expect(!Self.rules.isEmpty)
    for rule in Self.rules {
      #expect(!rule.source.isEmpty, "\(rule.id) (\(rule.language)): no source")
      #expect(!rule.source.contains("../"), "\(rule.id) (\(rule.language)): \(rule.source)")
    }
  }

  @Test func everyCitedResearchSectionExists() throws {
    let research = try Self.research()
    let headings = research.split(separator: "\n").filter { $0.hasPrefix("#") }.joined(separator: "\n")
    for rule in Self.rules where rule.source.contains("docs/research.md") {
      for match in rule.source.matches(of: /§(\d+(?:\.\d+)?)/) {
        #expect(headings.contains("§\(match.1)"), "\(rule.id): §\(match.1) is not a heading of docs/research.md")
      }
    }
  }
}
