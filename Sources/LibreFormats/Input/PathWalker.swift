#if canImport(Glibc)
  import Glibc
#endif

/// Folder walking shared by the commands' walker (`BatchWalker`) and the lexicon loader:
/// the extensions Libre reads, and the files of a folder with given extensions.
public enum PathWalker {
  /// Extensions taken when walking a directory.
  public static let extensions: Set<String> = [
    "txt", "text", "md", "markdown", "html", "htm", "eml", "vtt", "srt", "json", "mbox", "mbx", "sbv",
  ]

  /// The files under `directory` with one of `extensions`, sorted.
  public static func files(under directory: String, extensions: Set<String>) -> [String] {
    var result: [String] = []
    var visited: Set<String> = []
    var skipped: [String] = []
    var inDelivery: [String] = []
    walk(
      directory, into: &result, visited: &visited, skipped: &skipped, inDelivery: &inDelivery, extensions: extensions)
    return result
  }

  private static func walk(
    _ directory: String, into result: inout [String], visited: inout Set<String>, skipped: inout [String],
    inDelivery: inout [String], extensions: Set<String> = PathWalker.extensions
  ) {
    guard let real = realpath(directory, nil) else { return }
    let canonical = String(cString: real)
    free(real)
    guard visited.insert(canonical).inserted else { return }
    // A Maildir's messages have no extension: it is walked by its structure.
    if Maildir.isMaildir(directory) {
      let listing = Maildir.list(directory)
      result += listing.messages
      skipped += listing.skipped
      inDelivery += listing.inDelivery
      return
    }
    guard let handle = opendir(directory) else { return }
    var names: [String] = []
    while let entry = readdir(handle) {
      let (name, isUTF8) = entryName(entry)
      if name == "." || name == ".." || name.hasPrefix(".") { continue }
      guard isUTF8 else {
        // A Swift path is UTF-8: this name, read back with U+FFFD, names no file.
        skipped.append(directory.hasSuffix("/") ? directory + name : directory + "/" + name)
        continue
      }
      // A folder's README documents the folder; it is not one of the texts in it.
      if PathWalker.isReadme(name) { continue }
      // Evaluation sidecars (`X.gold.json`) annotate a text; they are not one.
      if name.lowercased().hasSuffix(".gold.json") { continue }
      names.append(name)
    }
    closedir(handle)
    for name in names.sorted() {
      let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
      let kind = kind(of: path)
      if kind == .folder {
        walk(
          path, into: &result, visited: &visited, skipped: &skipped, inDelivery: &inDelivery, extensions: extensions)
      } else if kind == .special {
        skipped.append(path)
      } else if let dot = name.lastIndex(of: "."),
        extensions.contains(String(name[name.index(after: dot)...]).lowercased())
      {
        result.append(path)
      }
    }
  }

  /// `README`, `README.md`, `readme.txt`…: skipped when walking a directory (naming the
  /// file itself still lints it).
  public static func isReadme(_ name: String) -> Bool {
    let lowered = name.lowercased()
    return lowered == "readme" || lowered.hasPrefix("readme.")
  }

  /// The name of a folder entry, and whether it was valid UTF-8 (else it is shown with
  /// U+FFFD in place of the bad bytes, and cannot be opened under that name).
  static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> (name: String, isUTF8: Bool) {
    withUnsafePointer(to: entry.pointee.d_name) {
      $0.withMemoryRebound(to: CChar.self, capacity: 256) { pointer in
        if let valid = String(validatingCString: pointer) { return (valid, true) }
        let bytes = UnsafeBufferPointer(
          start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
        return (String(decoding: bytes, as: UTF8.self), false)
      }
    }
  }

  /// What a walk finds at a path (through symbolic links).
  enum Kind { case folder, file, special, missing }

  static func kind(of path: String) -> Kind {
    var info = stat()
    guard stat(path, &info) == 0 else { return .missing }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: return .folder
    case S_IFREG: return .file
    default: return .special
    }
  }

  public static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }
}
