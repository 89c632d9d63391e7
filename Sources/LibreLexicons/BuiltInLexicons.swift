import LibreKit

/// The lexicons shipped with Libre, embedded into the binary from `lexicons/` at build time.
public enum BuiltInLexicons {
  /// Each file's path relative to `lexicons/` (`en/pressure.json`) and its JSON text.
  public static var files: [(path: String, text: String)] { EmbeddedLexiconFiles.files }

  /// The same files as (path, bytes) pairs, paths prefixed with `lexicons/`, ready for
  /// `LexiconLoader.load(files:)` (to merge them with a user's lexicons).
  public static var sourceFiles: [(path: String, bytes: [UInt8])] {
    files.map { (path: "lexicons/" + $0.path, bytes: Array($0.text.utf8)) }
  }

  /// The built-in lexicons, compiled at build time: no JSON parsing at startup.
  public static func compiled() -> CompiledLexicons { decoded }

  /// Decoded once per process and kept until it exits: a run that let them go freed
  /// thousands of rule strings and arrays on the way out, a sixth of linting one email.
  private static let decoded: CompiledLexicons = {
    guard let tables = PackedText.decode(EmbeddedLexiconFiles.compiledTables),
      let lexicons = CompiledLexicons(
        binary: LexiconImage(tables: tables, texts: Array(EmbeddedLexiconFiles.compiledTexts.utf8)))
    else {
      preconditionFailure("the embedded lexicons are corrupt; rebuild Libre")
    }
    return lexicons
  }()
}
