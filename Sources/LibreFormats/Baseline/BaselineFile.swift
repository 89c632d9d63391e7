import LibreKit

extension Baseline {
  /// The baseline as JSON, documents and findings in a stable order so the file diffs well.
  public func rendered() -> String {
    let items = documents.keys.sorted().map { path -> JSONOutput in
      let document = documents[path]!
      let findings = document.findings.map { key -> JSONOutput in
        .object([("rule", .string(key.rule)), ("text", .string(key.text)), ("occurrence", .int(key.occurrence))])
      }
      return .object([("path", .string(path)), ("score", .int(document.score)), ("findings", .array(findings))])
    }
    let root: JSONOutput = .object([
      ("schemaVersion", .int(Baseline.schemaVersion)),
      ("tool", .object([("name", .string(ToolInfo.name)), ("version", .string(ToolInfo.version))])),
      ("documents", .array(items)),
    ])
    return root.serialized(pretty: true) + "\n"
  }

  /// Reads a baseline written by `rendered()`; a mistake throws `FILE:LINE: what is wrong`.
  public static func parse(_ bytes: [UInt8], path: String) throws(InputError) -> Baseline {
    let lines = LineIndex(bytes)
    func fail(_ message: String, _ offset: Int) -> InputError {
      InputError(path: path, line: lines.location(of: offset).line, message: message)
    }
    let root: JSONValue
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      let column = LineIndex(bytes).location(of: error.offset).column
      throw fail(BaselineMessages.invalidJSON(error.message, column: column), error.offset)
    }
    guard root["schemaVersion"]?.number == Double(schemaVersion) else {
      throw fail(BaselineMessages.version, root["schemaVersion"]?.offset ?? root.offset)
    }
    guard let items = root["documents"]?.array else { throw fail(BaselineMessages.documents, root.offset) }
    var baseline = Baseline()
    for item in items {
      guard let documentPath = item["path"]?.string, let score = item["score"]?.number,
        let findings = item["findings"]?.array
      else { throw fail(BaselineMessages.document, item.offset) }
      var keys: [FindingKey] = []
      for finding in findings {
        guard let rule = finding["rule"]?.string, let text = finding["text"]?.string,
          let occurrence = finding["occurrence"]?.number
        else { throw fail(BaselineMessages.finding, finding.offset) }
        keys.append(FindingKey(rule: rule, text: text, occurrence: Int(occurrence)))
      }
      baseline.documents[normalizedPath(documentPath)] = Document(score: Int(score), findings: keys)
    }
    return baseline
  }
}

/// What baseline mistakes say (after `FILE:LINE: `).
enum BaselineMessages {
  static func invalidJSON(_ detail: String, column: Int) -> String { "invalid JSON at column \(column): \(detail)" }
  static let version = "not a Libre baseline (\"schemaVersion\": 1 expected; write one with --write-baseline)"
  static let documents = "a baseline needs a \"documents\" list"
  static let document = "each baseline document needs \"path\", \"score\" and \"findings\""
  static let finding = "each baseline finding needs \"rule\", \"text\" and \"occurrence\""
}
