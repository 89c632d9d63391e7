import Foundation
import LibreKit

// Build-time tool: embeds the lexicon files in one Swift source file. Each file's JSON goes
// in as one raw string literal (array literals of many strings compile slowly), and the
// lexicons are compiled here, once, into a binary blob, so `libre` starts without parsing
// JSON or building automata. A broken lexicon fails the build with FILE:LINE:COL.
// Usage: EmbedLexiconsTool OUTPUT.swift LEXICON_ROOT FILE.json…

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data((message + "\n").utf8))
  exit(1)
}

/// `text` escaped for a one-line Swift string literal: backslashes, quotes and control
/// characters; and, so the generated file shows nothing invisible or misleading, combining
/// marks (none sits on a quote or backslash), format characters (bidi controls, joiners)
/// and line and paragraph separators.
func stringLiteralBody(_ text: String) -> String {
  var body = ""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\\": body += "\\\\"
    case "\"": body += "\\\""
    case _
    where scalar.value < 0x20 || scalar.value == 0x7F || scalar.properties.generalCategory == .nonspacingMark
      || scalar.properties.generalCategory == .enclosingMark || scalar.properties.generalCategory == .spacingMark
      || scalar.properties.generalCategory == .format || scalar.properties.generalCategory == .lineSeparator
      || scalar.properties.generalCategory == .paragraphSeparator:
      body += "\\u{" + String(scalar.value, radix: 16) + "}"
    default: body.unicodeScalars.append(scalar)
    }
  }
  return body
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else { fail("usage: EmbedLexiconsTool OUTPUT ROOT FILE…") }
let root = URL(fileURLWithPath: arguments[2]).standardizedFileURL.path
var files: [(path: String, text: String)] = []
for path in arguments.dropFirst(3) {
  let url = URL(fileURLWithPath: path).standardizedFileURL
  guard let text = try? String(contentsOf: url, encoding: .utf8) else { fail("error: cannot read \(path) as UTF-8") }
  var relative = url.path
  if relative.hasPrefix(root + "/") { relative.removeFirst(root.count + 1) }
  files.append((relative, text))
}

let compiled: CompiledLexicons
do {
  let set = try LexiconLoader.load(files: files.map { ("lexicons/" + $0.path, Array($0.text.utf8)) })
  compiled = try CompiledLexicons.compile(set)
} catch {
  fail(error.errors.map { "\($0.location): error: \($0.message)" }.joined(separator: "\n"))
}

var source = """
  // Generated at build time from lexicons/ by the EmbedLexicons plugin; do not edit.

  enum EmbeddedLexiconFiles {
    static let files: [(path: String, text: String)] = [

  """
for file in files {
  var delimiter = "#"
  while file.text.contains("\"" + delimiter) { delimiter += "#" }
  source += "    (\"\(file.path)\", \(delimiter)\"\"\"\n\(file.text)\n\"\"\"\(delimiter)),\n"
}
let image = compiled.binary()
source += "  ]\n\n  /// The same lexicons, compiled (see `CompiledLexicons.binary()`): the tables as `PackedText`,\n"
source += "  /// the rules' texts (netstrings) as they are.\n"
// The packed alphabet holds one character a string literal escapes: the backslash.
let packed = PackedText.encode(image.tables).replacingOccurrences(of: "\\", with: "\\\\")
source += "  static let compiledTables = \"\(packed)\"\n"
source += "  static let compiledTexts = \"\(stringLiteralBody(String(decoding: image.texts, as: UTF8.self)))\"\n}\n"
do {
  try source.write(toFile: arguments[1], atomically: true, encoding: .utf8)
} catch {
  fail("error: cannot write \(arguments[1]): \(error)")
}
