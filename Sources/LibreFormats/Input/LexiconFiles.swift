/// Reads user lexicons from disk: one JSON file, or every `*.json` under a directory.
public enum LexiconFiles {
  public static func read(_ path: String) throws(InputError) -> [(path: String, bytes: [UInt8])] {
    if PathWalker.isDirectory(path) {
      var files: [(path: String, bytes: [UInt8])] = []
      // `schema.json` describes lexicons for editors; it is not one.
      for file in PathWalker.files(under: path, extensions: ["json"]) where !file.hasSuffix("/schema.json") {
        files.append((file, try FileReader.readSettings(file)))
      }
      if files.isEmpty { throw InputError(path: path, message: "no *.json lexicon files in this directory") }
      return files
    }
    return [(path, try FileReader.readSettings(path))]
  }
}
