import LibreKit

/// SARIF 2.1.0 (the format of GitHub code scanning): one run, the rules of the findings
/// with their help text, one result per pressure finding with its region (end column
/// exclusive, columns in Unicode code points) and a `libre/v1` partial fingerprint (see
/// `FindingKey.fingerprint`), and input errors as tool notifications.
public enum SARIFReporter {
  public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
  public static let fingerprintName = "libre/v1"

  public static func render(_ run: RunReport) -> String {
    var rules: [Rule] = []
    var ruleIndex: [String: Int] = [:]
    var results: [JSONOutput] = []
    for document in run.documents {
      for located in Problems.of(document) {
        let rule = located.finding.rule
        if ruleIndex[rule.id] == nil {
          ruleIndex[rule.id] = rules.count
          rules.append(rule)
        }
        results.append(result(located, path: document.path, index: ruleIndex[rule.id]!))
      }
    }
    return root(rules: rules, errors: run.errors, results: .array(results)).serialized(pretty: true) + "\n"
  }

  /// The SARIF log, with `results` as its results array.
  static func root(rules: [Rule], errors: [InputError], results: JSONOutput) -> JSONOutput {
    let notifications = errors.map(notification)
    let driver: JSONOutput = .object([
      ("name", .string(ToolInfo.name)),
      ("version", .string(ToolInfo.version)),
      ("semanticVersion", .string(ToolInfo.version)),
      ("rules", .array(rules.map(descriptor))),
    ])
    let invocation: JSONOutput = .object([
      ("executionSuccessful", .bool(errors.isEmpty)),
      ("toolExecutionNotifications", .array(notifications)),
    ])
    return .object([
      ("$schema", .string(schemaURI)),
      ("version", .string("2.1.0")),
      (
        "runs",
        .array([
          .object([
            ("tool", .object([("driver", driver)])),
            ("invocations", .array([invocation])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", results),
          ])
        ])
      ),
    ])
  }

  /// SARIF's level for a severity.
  static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: return "error"
    case .warning: return "warning"
    case .info: return "note"
    }
  }

  static func descriptor(_ rule: Rule) -> JSONOutput {
    let markdown = "\(rule.message)\n\n**Suggestion:** \(rule.suggestion)\n\n*Source:* \(rule.source)"
    return .object([
      ("id", .string(rule.id)),
      ("name", .string(rule.id)),
      ("shortDescription", .object([("text", .string(rule.message))])),
      ("fullDescription", .object([("text", .string(rule.message + " " + rule.suggestion))])),
      ("help", .object([("text", .string(rule.suggestion)), ("markdown", .string(markdown))])),
      ("defaultConfiguration", .object([("level", .string(level(rule.severity)))])),
      (
        "properties",
        .object([
          ("polarity", .string(rule.polarity.rawValue)), ("category", .string(rule.category)),
          ("source", .string(rule.source)),
          ("tags", .array([.string(rule.polarity.rawValue), .string(rule.category)])),
        ])
      ),
    ])
  }

  static func result(_ located: LocatedFinding, path: String, index: Int) -> JSONOutput {
    let rule = located.finding.rule
    let region: JSONOutput = .object([
      ("startLine", .int(located.line)),
      ("startColumn", .int(located.column)),
      ("endLine", .int(located.endLine)),
      ("endColumn", .int(located.endColumn + 1)),
      ("snippet", .object([("text", .string(located.excerpt))])),
    ])
    var members: [(String, JSONOutput)] = [
      ("ruleId", .string(rule.id)),
      ("ruleIndex", .int(index)),
      ("level", .string(level(rule.severity))),
      ("message", .object([("text", .string(Problems.text(located)))])),
      ("locations", .array([location(path, region: region)])),
      ("partialFingerprints", .object([(fingerprintName, .string(located.key.fingerprint))])),
    ]
    if let state = located.baselineState { members.append(("baselineState", .string(state.rawValue))) }
    var properties: [(String, JSONOutput)] = [("contribution", .number(located.finding.contribution))]
    if let speaker = located.speaker { properties.append(("speaker", .string(speaker))) }
    if let time = located.time { properties.append(("time", .number(time))) }
    members.append(("properties", .object(properties)))
    return .object(members)
  }

  static func location(_ path: String, region: JSONOutput?) -> JSONOutput {
    var physical: [(String, JSONOutput)] = [("artifactLocation", .object([("uri", .string(uri(path)))]))]
    if let region { physical.append(("region", region)) }
    return .object([("physicalLocation", .object(physical))])
  }

  static func notification(_ error: InputError) -> JSONOutput {
    var region: JSONOutput?
    if let line = error.line { region = .object([("startLine", .int(line))]) }
    return .object([
      ("level", .string("error")),
      ("message", .object([("text", .string(error.message))])),
      ("locations", .array([location(error.path, region: region)])),
    ])
  }

  /// A path as a relative URI reference: unreserved characters and `/` as they are, every
  /// other byte of its UTF-8 percent-encoded.
  static func uri(_ path: String) -> String {
    var out = ""
    for byte in Baseline.normalizedPath(path).utf8 {
      let scalar = Unicode.Scalar(byte)
      if byte < 0x80,
        scalar.properties.isASCIIHexDigit || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
          || "-._~/".unicodeScalars.contains(scalar)
      {
        out.unicodeScalars.append(scalar)
      } else {
        let hex = String(byte, radix: 16, uppercase: true)
        out += "%" + (hex.count == 1 ? "0" : "") + hex
      }
    }
    return out
  }
}
