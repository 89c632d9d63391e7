import FuzzSupport
import LibreKit

/// A minimal English profile, so a rule can be compiled around the fuzzed pattern.
let profile = Array(
  """
  { "language": "en", "classes": { "you": ["you", "your"], "day": ["today", "by friday"] },
    "negators": ["not", "no"], "negationParticles": ["do"], "scopeBreakers": ["but"],
    "pronouns": { "first": ["i"], "second": ["you"], "third": ["they"] }, "stopwords": ["the", "you"] }
  """.utf8)

let sample = Array("You must decide today, but you are free to say no. No obligation at all, really.".utf8)

/// The input's first line is a pattern, the rest an `unless` exception: both go through the
/// parser, then a one-rule lexicon through the compiler and the matcher.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzPattern(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let text = String(decoding: Fuzz.bytes(data, size), as: UTF8.self)
  let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
  guard (try? PatternParser.parse(lines[0])) != nil else { return 0 }
  var rule = """
    { "id": "pressure.fuzz.pattern", "polarity": "pressure", "category": "fuzz", "severity": "warning",
      "weight": 5, "message": "m", "suggestion": "s", "source": "fuzz",
      "patterns": [\(JSONQuote.quoted(lines[0]))],
      "examples": { "match": ["a", "b"], "noMatch": ["c"] }
    """
  if lines.count > 1 { rule += ", \"unless\": [\(JSONQuote.quoted(lines[1]))]" }
  rule += " }"
  let rules = Array("{ \"language\": \"en\", \"rules\": [\(rule)] }".utf8)
  do {
    let set = try LexiconLoader.load(files: [("en/language.json", profile), ("en/fuzz.json", rules)])
    let linter = Linter(lexicons: try CompiledLexicons.compile(set))
    let result = linter.lint(sample + Array(lines[0].utf8), language: .english)
    for finding in result.findings {
      Fuzz.check(finding.end <= sample.count + lines[0].utf8.count, "finding past the end")
    }
  } catch {
    Fuzz.check(!error.description.isEmpty, "a lexicon error without a message")
  }
  return 0
}

Fuzz.run(fuzzPattern, lints: false)
