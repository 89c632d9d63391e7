import LibreFormats

/// A document the client opened: its text as the client sees it, and the last lint of it.
struct OpenDocument {
  let uri: String
  /// The file's path (a `file:` URI), else a name whose extension gives the format.
  let path: String
  let languageId: String
  var version: Int
  var text: [UInt8]
  /// The last lint, with the positions of the text it read; nil before the first.
  var report: DocumentReport?
  var positions: TextPositions?
  /// The error the last lint ended with (a broken transcript, a broken configuration).
  var error: InputError?

  init(uri: String, languageId: String, version: Int, text: [UInt8]) {
    self.uri = uri
    self.languageId = languageId
    self.version = version
    self.text = text
    path = OpenDocument.path(uri: uri, languageId: languageId)
  }

  /// Applies one `contentChanges` entry: with a range, that range replaced (positions in
  /// UTF-16 units); without, the whole text.
  mutating func apply(range: (start: (Int, Int), end: (Int, Int))?, text replacement: String) {
    guard let range else {
      text = Array(replacement.utf8)
      return
    }
    let positions = TextPositions(text)
    let start = positions.byteOffset(line: range.start.0, character: range.start.1)
    let end = max(start, positions.byteOffset(line: range.end.0, character: range.end.1))
    text.replaceSubrange(start..<end, with: replacement.utf8)
  }

  /// The file path of a `file:` URI (percent-decoded), else a made-up name with the
  /// extension of the client's language id, so the format is still picked right.
  static func path(uri: String, languageId: String) -> String {
    if uri.hasPrefix("file://") {
      var path = String(uri.dropFirst(7))
      if let slash = path.firstIndex(of: "/") { path = String(path[slash...]) }
      return percentDecoded(path)
    }
    let extensions = [
      "markdown": "md", "html": "html", "plaintext": "txt", "email": "eml", "eml": "eml", "vtt": "vtt",
      "webvtt": "vtt", "srt": "srt", "subrip": "srt", "json": "json",
    ]
    return "untitled." + (extensions[languageId.lowercased()] ?? "txt")
  }

  static func percentDecoded(_ text: String) -> String {
    var bytes: [UInt8] = []
    var utf8 = Array(text.utf8)[...]
    while let byte = utf8.popFirst() {
      if byte == UInt8(ascii: "%"), utf8.count >= 2, let high = FormDecoding.hexValue(utf8[utf8.startIndex]),
        let low = FormDecoding.hexValue(utf8[utf8.startIndex + 1])
      {
        bytes.append(high << 4 | low)
        utf8 = utf8.dropFirst(2)
      } else {
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
