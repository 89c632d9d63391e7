import LibreFormats
import LibreKit
import LibreLexicons

/// Loads the built-in lexicons plus the user's, and compiles them.
enum Lexicons {
  static func compile(extra paths: [String], limits: LexiconLimits = LexiconLimits()) throws(UsageError)
    -> CompiledLexicons
  {
    // The built-in lexicons alone were compiled at build time; only a user's lexicon makes
    // Libre compile them again, merged with it.
    if paths.isEmpty { return BuiltInLexicons.compiled() }
    var files = BuiltInLexicons.sourceFiles
    for path in paths {
      do {
        files += try LexiconFiles.read(path)
      } catch {
        throw UsageError(description: error.description)
      }
    }
    do {
      let set = try LexiconLoader.load(files: files)
      try limits.check(set)
      return try CompiledLexicons.compile(set)
    } catch {
      throw UsageError(description: error.description)
    }
  }
}
