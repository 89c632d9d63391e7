import LibreKit

/// JSON Lines for `libre lint`: per document, a `{"type": "finding", "path", …}` record per
/// finding (the fields of the JSON report's findings), then a `{"type": "document"}`
/// record with its score; a `{"type": "error"}` record per input error; a last
/// `{"type": "summary"}` record.
public enum JSONLReporter {
  public static func render(_ run: RunReport) -> String {
    var out = ""
    for document in run.documents {
      for located in document.findings { out += finding(located, path: document.path) }
      out += documentRecord(document)
    }
    return out + errorsAndSummary(run.errors, documents: run.documents.count, findings: run.findingCount)
  }

  /// The record of one finding.
  static func finding(_ located: LocatedFinding, path: String) -> String {
    var out = JSONStream(pretty: false)
    out.beginObject()
    out.member("type", "finding")
    out.member("path", path)
    JSONReporter.findingMembers(located, into: &out)
    out.endObject()
    out.bytes.append(UInt8(ascii: "\n"))
    return String(decoding: out.bytes, as: UTF8.self)
  }

  /// The record of a document, after its findings.
  static func documentRecord(_ document: DocumentReport) -> String {
    let score = document.result.score
    return line([
      ("type", .string("document")), ("path", .string(document.path)), ("format", .string(document.format)),
      ("language", .string(document.result.language.rawValue)), ("score", .int(score.score)),
      ("grade", .string(score.grade)), ("findings", .int(document.findingCount)),
      ("gateFailures", .array(document.gateFailures.map(JSONOutput.string))),
    ])
  }

  /// An error record per input error, then the summary record.
  static func errorsAndSummary(_ errors: [InputError], documents: Int, findings: Int) -> String {
    var out = ""
    for error in errors {
      var members: [(String, JSONOutput)] = [("type", .string("error")), ("path", .string(error.path))]
      if let line = error.line { members.append(("line", .int(line))) }
      members.append(("message", .string(error.message)))
      out += line(members)
    }
    out += line([
      ("type", .string("summary")), ("documents", .int(documents)), ("errors", .int(errors.count)),
      ("findings", .int(findings)),
    ])
    return out
  }

  static func line(_ members: [(String, JSONOutput)]) -> String {
    JSONOutput.object(members).serialized(pretty: false) + "\n"
  }
}
