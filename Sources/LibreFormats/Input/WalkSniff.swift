/// What a folder walk looks at, beyond a file's extension, to decide whether a file is an
/// input: a `.json` file only when it reads as a transcript; a file without an extension
/// only when it reads as a message (a Maildir's `cur/` and `new/` files, an Enron-style
/// tree of numbered files).
public enum WalkSniff {
  /// How much of a file is read to decide.
  public static let headBytes = 4096

  /// Whether the file `name` in the folder `folder` (its name) is one the walk cannot take
  /// by its extension alone but may take by its content: no extension (`12`, `1.`), or a
  /// Maildir message (`…:2,S`, or any file of a `cur`, `new` or `tmp` folder).
  public static func needsMailSniff(name: String, folder: String) -> Bool {
    if maildirFolders.contains(folder) || name.contains(":2,") { return true }
    guard let dot = name.lastIndex(of: ".") else { return true }
    return name.index(after: dot) == name.endIndex
  }

  /// The folders of a Maildir that hold one message per file.
  static let maildirFolders: Set<String> = ["cur", "new", "tmp"]

  /// Whether `head`, the start of a file, is a single message: a header block at the top
  /// (the loader reads such a file as email whatever its name).
  public static func looksLikeMail(_ head: [UInt8]) -> Bool {
    !head.isEmpty && EmailLoader.looksLikeEmail(head)
  }

  /// Whether `head`, the start of a `.json` file, reads as a transcript the loader takes
  /// (`package.json`, `tsconfig.json` and other settings do not).
  public static func looksLikeTranscript(_ head: [UInt8]) -> Bool {
    JSONTranscriptParser.looksLikeTranscript(head)
  }

  /// The first `count` bytes of the file at `path`; nil when it cannot be read (the walk
  /// then takes the file, so reading it reports the error).
  static func head(_ path: String, count: Int = headBytes) -> [UInt8]? {
    try? SectionReader.head(path, count: count)
  }

  /// How much of a `.json` file is read: metadata may come before the segments.
  static let jsonHeadBytes = 1 << 16
}
