import LibreKit

/// One line of `libre analyze --stdin-jsonl`: a JSON object with an `id` and either a
/// `text` (any format `lint` reads, detected from the id's extension, then the content) or
/// `segments` (a call: `[{speaker, text, start, end}]`, as in JSON transcripts), plus
/// optional `rep` (a name or a list: the seller's side) and any other fields (`group`,
/// `team`…) that `--group-by` can name.
public struct JSONLInput: Sendable {
  public var document: Document
  /// The rep names the line gives, added to `--rep`.
  public var reps: [String]
  /// The line's top-level string and number fields, for `--group-by FIELD`.
  public var fields: [String: String]

  /// Reads line `lineNumber` of standard input; errors name `<stdin>:LINE`.
  public static func parse(_ line: [UInt8], lineNumber: Int, options: LoadOptions) throws(InputError) -> JSONLInput {
    func failure(_ message: String) -> InputError { InputError(path: "<stdin>", line: lineNumber, message: message) }
    let root: JSONValue
    do {
      root = try JSONParser.parse(line)
    } catch {
      throw failure("invalid JSON at column \(error.offset + 1): \(error.message)")
    }
    guard let members = root.members else { throw failure("expected a JSON object, found \(root.typeName)") }
    var fields: [String: String] = [:]
    for member in members {
      if let text = member.value.string { fields[member.key] = text }
      if let number = member.value.number {
        fields[member.key] = number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
      }
    }
    let id = fields["id"] ?? "<stdin>:\(lineNumber)"
    var reps: [String] = []
    if let rep = root["rep"] {
      if let name = rep.string {
        reps = [name]
      } else if let names = rep.array, names.allSatisfy({ $0.string != nil }) {
        reps = names.compactMap(\.string)
      } else {
        throw failure("\"rep\" must be a name or a list of names")
      }
    }
    let document: Document
    do throws(InputError) {
      if let text = root["text"] {
        guard let string = text.string else { throw failure("\"text\" must be a string") }
        let bytes = Array(string.utf8)
        // The text's own lines are held to the line limit, as a file's are when it is read.
        if bytes.count <= options.limits.inputBytes, let overlong = options.limits.firstOverlongLine(bytes) {
          throw failure(
            "\(id): line \(overlong) of \"text\" is longer than the maximum line length of "
              + "\(InputLimits.size(options.limits.lineBytes)); not read (raise it with --max-line-length SIZE)")
        }
        document = try DocumentLoader.load(path: id, bytes: bytes, options: options)
      } else if let segments = root["segments"] {
        guard segments.array != nil else { throw failure("\"segments\" must be an array") }
        if line.count > options.limits.inputBytes {
          throw options.limits.inputTooLarge(path: id, size: line.count)
        }
        document = try TranscriptLoader.load(path: id, bytes: line, format: .json, options: options)
      } else {
        throw failure("expected a \"text\" string or a \"segments\" array")
      }
    } catch {
      // A loader's error names the id; the user needs the line to find it.
      if error.path == "<stdin>" { throw error }
      throw failure("\(id): \(error.message)")
    }
    return JSONLInput(document: document, reps: reps, fields: fields)
  }
}
