/// The lexicons shipped with Libre, compiled into the binary from `lexicons/`.
public enum BuiltInLexicons {
  /// Each file's path relative to `lexicons/` (`en/pressure.json`) and its JSON text.
  public static var files: [(path: String, text: String)] { EmbeddedLexiconFiles.files }
}
