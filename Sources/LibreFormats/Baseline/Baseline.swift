import LibreKit

/// Today's findings and scores, recorded by `libre lint --write-baseline FILE` so a team
/// can adopt Libre on existing templates: `--baseline FILE` then fails only on findings
/// the baseline does not have, and on a score lower than the one it recorded.
///
/// Findings are keyed by `FindingKey` (rule, normalized text, occurrence), documents by
/// their path relative to the baseline file's folder (`BaselineKeys`), so a baseline works
/// from any working directory and with paths typed any way.
public struct Baseline: Sendable, Equatable {
  public struct Document: Sendable, Equatable {
    public var score: Int
    public var findings: [FindingKey]

    public init(score: Int, findings: [FindingKey]) {
      self.score = score
      self.findings = findings
    }
  }

  public var documents: [String: Document] = [:]
  public static let schemaVersion = 1

  public init(documents: [String: Document] = [:]) { self.documents = documents }

  /// The baseline of a run: every document's score and findings.
  public init(run: RunReport) {
    for report in run.documents { record(report) }
  }

  /// Records one document's score and findings (a run streamed document by document keeps
  /// only these keys, not the findings).
  public mutating func record(_ report: DocumentReport, key: String? = nil) {
    documents[Baseline.normalizedPath(key ?? report.path)] = Document(
      score: report.result.score.score, findings: (report.baselined + report.findings).map(\.key))
  }

  /// `path` without a leading `./`.
  public static func normalizedPath(_ path: String) -> String {
    var path = path
    while path.hasPrefix("./") { path.removeFirst(2) }
    return path
  }

  /// Compares `run` with the baseline: findings it has move to each document's
  /// `baselined`, every finding gets its `baselineState`, and entries of the documents in
  /// the run that no finding matched become `run.fixed`. Documents the run did not lint are
  /// left alone (a pre-commit hook lints only the files that changed).
  public func apply(to run: inout RunReport) {
    run.comparedWithBaseline = true
    for index in run.documents.indices { run.fixed += apply(to: &run.documents[index]) }
  }

  /// Compares one document with the baseline (as `apply(to:)` a run) and returns its fixed
  /// entries.
  /// `key` is the document's key in the baseline (`BaselineKeys.key`), by default its path.
  public func apply(to document: inout DocumentReport, key: String? = nil) -> [BaselineEntry] {
    let path = Baseline.normalizedPath(key ?? document.path)
    guard let recorded = documents[path] else {
      for finding in document.findings.indices { document.findings[finding].baselineState = .new }
      return []
    }
    document.baselineScore = recorded.score
    var remaining = Set(recorded.findings)
    var new: [LocatedFinding] = []
    for var finding in document.findings {
      if remaining.remove(finding.key) != nil {
        finding.baselineState = .unchanged
        document.baselined.append(finding)
      } else {
        finding.baselineState = .new
        new.append(finding)
      }
    }
    document.findings = new
    return recorded.findings.filter(remaining.contains).map { BaselineEntry(path: path, key: $0) }
  }
}
