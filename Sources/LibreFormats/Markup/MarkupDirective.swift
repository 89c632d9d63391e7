/// Inline suppression directives, found by the rules stage in the text: HTML and Markdown
/// keep a comment holding one as a line of text of its own.
enum MarkupDirective {
  /// Whether `range` of `bytes` mentions `libre-disable` or `libre-enable`.
  static func mentionsLibre(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    let prefix: [UInt8] = Array("libre-".utf8)
    var at = range.lowerBound
    while at + prefix.count + 6 <= range.upperBound {
      if bytes[at] | 0x20 == prefix[0] && bytes[at..<at + prefix.count].elementsEqual(prefix) {
        let rest = bytes[(at + prefix.count)..<min(range.upperBound, at + prefix.count + 7)]
        if rest.starts(with: "disable".utf8) || rest.starts(with: "enable".utf8) { return true }
      }
      at += 1
    }
    return false
  }

  /// The body of a directive comment without the spaces around it: the line of text it
  /// becomes.
  static func trimmedBody(_ bytes: [UInt8], _ body: Range<Int>) -> Range<Int> {
    var start = body.lowerBound
    var end = body.upperBound
    while start < end && HTMLText.isSpace(bytes[start]) { start += 1 }
    while end > start && HTMLText.isSpace(bytes[end - 1]) { end -= 1 }
    return start..<end
  }
}
