/// The sentence around a finding, as lowercase words with their byte offsets: what the
/// addressee grammar reads. Built only for findings it judges (a few per document), so it
/// may make strings.
struct SentenceWords {
  struct Word {
    var text: String
    var start: Int
    var end: Int
    /// Written with a capital first letter in the text.
    var capitalized: Bool
  }

  var range: Range<Int>
  var words: [Word] = []
  /// The sentence ends with a question mark.
  var isQuestion = false

  /// How far the sentence is looked for on each side of the finding.
  static let reach = 400

  init(_ text: UnsafeBufferPointer<UInt8>, around span: Range<Int>) {
    var start = span.lowerBound
    let floor = max(0, span.lowerBound - SentenceWords.reach)
    while start > floor {
      let byte = text[start - 1]
      if SentenceWords.endsSentence(text, at: start - 1) { break }
      if byte == 0x0A, start >= 2, text[start - 2] == 0x0A || text[start - 2] == 0x0D { break }
      start -= 1
    }
    var end = span.upperBound
    let ceiling = min(text.count, span.upperBound + SentenceWords.reach)
    while end < ceiling {
      if SentenceWords.endsSentence(text, at: end) {
        isQuestion = text[end] == UInt8(ascii: "?")
        end += 1
        break
      }
      if text[end] == 0x0A, end + 1 < text.count, text[end + 1] == 0x0A || text[end + 1] == 0x0D { break }
      end += 1
    }
    range = start..<end
    var index = start
    while index < end {
      guard SentenceWords.isWordByte(text[index]) else {
        index += 1
        continue
      }
      let wordStart = index
      var bytes: [UInt8] = []
      while index < end {
        let byte = text[index]
        if SentenceWords.isWordByte(byte) {
          bytes.append(byte)
          index += 1
        } else if byte == 0x27, index + 1 < end, SentenceWords.isWordByte(text[index + 1]) {
          bytes.append(0x27)
          index += 1
        } else if byte == 0xE2, index + 3 < end, text[index + 1] == 0x80, text[index + 2] == 0x99,
          SentenceWords.isWordByte(text[index + 3])
        {
          bytes.append(0x27)  // ’ folded to '
          index += 3
        } else {
          break
        }
      }
      let raw = String(decoding: bytes, as: UTF8.self)
      let first = bytes[0]
      words.append(
        Word(
          text: raw.lowercased(), start: wordStart, end: index,
          capitalized: (first >= 0x41 && first <= 0x5A) || (first == 0xC3 && bytes.count > 1 && bytes[1] < 0x9F)))
    }
  }

  static func isWordByte(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0x80 && byte != 0xE2 || byte >= 0x30 && byte <= 0x39
  }

  /// A `.`, `?` or `!` followed by a space, a line break or the end.
  static func endsSentence(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    let byte = text[index]
    guard byte == UInt8(ascii: ".") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!") else { return false }
    return index + 1 >= text.count || text[index + 1] == 0x20 || text[index + 1] == 0x0A || text[index + 1] == 0x0D
  }

  /// The index of the first word starting at or after `offset`.
  func wordIndex(at offset: Int) -> Int {
    words.firstIndex { $0.end > offset } ?? words.count
  }

  /// Whether `sequence` occurs at word `index`.
  func has(_ sequence: [String], at index: Int) -> Bool {
    guard index >= 0, index + sequence.count <= words.count else { return false }
    for (offset, word) in sequence.enumerated() where words[index + offset].text != word { return false }
    return true
  }
}
