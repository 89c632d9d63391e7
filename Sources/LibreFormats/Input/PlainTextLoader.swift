import LibreKit

/// Plain text and Markdown read as plain text: the bytes are the text.
public enum PlainTextLoader {
  /// Bytes that give a file away as binary rather than text.
  static func looksBinary(_ bytes: [UInt8]) -> Int? {
    bytes.prefix(1 << 16).firstIndex(of: 0)
  }

  /// Loads `bytes` read from `path`; a UTF-8 BOM is kept (the tokenizer ignores it) so
  /// offsets stay those of the file.
  /// Quoted reply lines (`>` first) are blanked unless `includeQuoted`: the sender did not
  /// write them. Blanking keeps every byte offset, so findings still point into the file.
  public static func load(path: String, bytes: [UInt8], includeQuoted: Bool = false) throws(InputError) -> Document {
    if let nul = looksBinary(bytes) {
      let line = bytes[..<nul].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
      throw InputError(path: path, line: line, message: "binary file (NUL byte), not text; skipped")
    }
    let text = includeQuoted ? bytes : blankingQuotedLines(bytes)
    return Document(path: path, format: "text", mapped: MappedText(bytes: text, map: .identity), original: bytes)
  }

  /// `bytes` with every line that starts with `>` (after spaces) turned into spaces.
  public static func blankingQuotedLines(_ bytes: [UInt8]) -> [UInt8] {
    var text = bytes
    var lineStart = 0
    while lineStart < text.count {
      var end = lineStart
      while end < text.count && text[end] != 0x0A { end += 1 }
      var first = lineStart
      while first < end && (text[first] == 0x20 || text[first] == 0x09) { first += 1 }
      if first < end && text[first] == UInt8(ascii: ">") {
        for index in lineStart..<end where text[index] != 0x0D { text[index] = 0x20 }
      }
      lineStart = end + 1
    }
    return text
  }
}
