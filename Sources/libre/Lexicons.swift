import LibreFormats
import LibreKit
import LibreLexicons

/// Loads the built-in lexicons plus the user's, and compiles them.
enum Lexicons {
  static func compile(extra paths: [String]) throws(UsageError) -> CompiledLexicons {
    var files = BuiltInLexicons.files.map { (path: "lexicons/" + $0.path, bytes: Array($0.text.utf8)) }
    for path in paths {
      do {
        files += try LexiconFiles.read(path)
      } catch {
        throw UsageError(description: error.description)
      }
    }
    do {
      let set = try LexiconLoader.load(files: files)
      return try CompiledLexicons.compile(set)
    } catch {
      throw UsageError(description: error.description)
    }
  }
}
