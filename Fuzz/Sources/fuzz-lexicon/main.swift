import FuzzSupport
import LibreKit

let profile = Array(
  """
  { "language": "en", "classes": { "you": ["you", "your"] }, "negators": ["not", "no"],
    "negationParticles": ["do"], "scopeBreakers": ["but"],
    "pronouns": { "first": ["i"], "second": ["you"], "third": ["they"] }, "stopwords": ["the", "you"] }
  """.utf8)

let sample = Array("You must decide today, but you are free to say no. Vous êtes libre de refuser.".utf8)

/// The input as a lexicon file next to a minimal profile: loaded, and when valid compiled
/// and run on a sample.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzLexicon(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = Fuzz.bytes(data, size)
  do {
    let set = try LexiconLoader.load(files: [("en/language.json", profile), ("en/fuzz.json", bytes)])
    let lexicons = try CompiledLexicons.compile(set)
    _ = Linter(lexicons: lexicons).lint(sample)
  } catch {
    Fuzz.check(!error.description.isEmpty, "a lexicon error without a message")
  }
  return 0
}

Fuzz.run(fuzzLexicon, lints: false)
