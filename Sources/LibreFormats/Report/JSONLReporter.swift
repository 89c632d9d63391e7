import LibreKit

/// JSON Lines for `libre lint`: per document, a `{"type": "finding", "path", …}` record per
/// finding (the fields of the JSON report's findings), then a `{"type": "document"}`
/// record with its score; a `{"type": "error"}` record per input error; a last
/// `{"type": "summary"}` record.
public enum JSONLReporter {
  public static func render(_ run: RunReport) -> String {
    var out = ""
    for document in run.documents {
      for located in document.findings {
        guard case .object(let members) = JSONReporter.finding(located) else { continue }
        out += line([("type", .string("finding")), ("path", .string(document.path))] + members)
      }
      let score = document.result.score
      out += line([
        ("type", .string("document")), ("path", .string(document.path)), ("format", .string(document.format)),
        ("language", .string(document.result.language.rawValue)), ("score", .int(score.score)),
        ("grade", .string(score.grade)), ("findings", .int(document.findings.count)),
        ("gateFailures", .array(document.gateFailures.map(JSONOutput.string))),
      ])
    }
    for error in run.errors {
      var members: [(String, JSONOutput)] = [("type", .string("error")), ("path", .string(error.path))]
      if let line = error.line { members.append(("line", .int(line))) }
      members.append(("message", .string(error.message)))
      out += line(members)
    }
    out += line([
      ("type", .string("summary")), ("documents", .int(run.documents.count)), ("errors", .int(run.errors.count)),
      ("findings", .int(run.findingCount)),
    ])
    return out
  }

  static func line(_ members: [(String, JSONOutput)]) -> String {
    JSONOutput.object(members).serialized(pretty: false) + "\n"
  }
}
