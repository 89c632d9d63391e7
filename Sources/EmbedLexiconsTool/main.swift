import Foundation

// Build-time tool: writes the lexicon files given on the command line into one Swift source
// file, each as a single raw string literal (array literals of many strings compile slowly).
// Usage: EmbedLexiconsTool OUTPUT.swift LEXICON_ROOT FILE.json…

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
  FileHandle.standardError.write(Data("usage: EmbedLexiconsTool OUTPUT ROOT FILE…\n".utf8))
  exit(2)
}
let root = URL(fileURLWithPath: arguments[2]).standardizedFileURL.path
var source = """
  // Generated at build time from lexicons/ by the EmbedLexicons plugin; do not edit.

  enum EmbeddedLexiconFiles {
    static let files: [(path: String, text: String)] = [

  """
for path in arguments.dropFirst(3) {
  let url = URL(fileURLWithPath: path).standardizedFileURL
  guard let text = try? String(contentsOf: url, encoding: .utf8) else {
    FileHandle.standardError.write(Data("error: cannot read \(path) as UTF-8\n".utf8))
    exit(1)
  }
  var relative = url.path
  if relative.hasPrefix(root + "/") { relative.removeFirst(root.count + 1) }
  var delimiter = "#"
  while text.contains("\"" + delimiter) { delimiter += "#" }
  source += "    (\"\(relative)\", \(delimiter)\"\"\"\n\(text)\n\"\"\"\(delimiter)),\n"
}
source += "  ]\n}\n"
do {
  try source.write(toFile: arguments[1], atomically: true, encoding: .utf8)
} catch {
  FileHandle.standardError.write(Data("error: cannot write \(arguments[1]): \(error)\n".utf8))
  exit(1)
}
