import LibreKit

/// One header field of a message or MIME part, as ranges of the text it was parsed from.
struct HeaderField {
  /// The field name, without the colon.
  var name: Range<Int>
  /// The raw value after the colon, folds included, up to (not including) the last line break.
  var value: Range<Int>
}

/// The header block of a message or MIME part.
struct HeaderBlock {
  var fields: [HeaderField] = []
  /// Where the body starts (after the blank line, or at the first line that is not a header).
  var bodyStart: Int
  /// Whether a line that is not a header field ended the block without a blank line.
  var endedWithoutBlankLine = false

  /// The first field named `name` (ASCII, any case).
  func field(_ name: StaticString, in bytes: [UInt8]) -> HeaderField? {
    fields.first { EmailBytes.equalsIgnoringCase(bytes, $0.name, name) }
  }

  /// The value of the field named `name`, unfolded and trimmed, as bytes (for structured
  /// fields such as Content-Type, whose positions are never reported).
  func unfoldedValue(_ name: StaticString, in bytes: [UInt8]) -> [UInt8]? {
    guard let field = field(name, in: bytes) else { return nil }
    var value: [UInt8] = []
    value.reserveCapacity(field.value.count)
    for byte in bytes[EmailBytes.trimmed(bytes, field.value)] where byte != EmailBytes.cr && byte != EmailBytes.lf {
      value.append(byte)
    }
    return value
  }
}

/// Splits a header block into fields (RFC 5322 §2.2): a field starts at a line beginning with
/// a name and a colon, and continues on lines that begin with a space or a tab.
enum HeaderParser {
  /// Parses the header block at the start of `range` of `bytes`.
  static func parse(_ bytes: [UInt8], _ range: Range<Int>) -> HeaderBlock {
    var block = HeaderBlock(bodyStart: range.lowerBound)
    let end = range.upperBound
    var lineStart = range.lowerBound
    while lineStart < end {
      let lineEnd = EmailBytes.lineEnd(bytes, from: lineStart, end: end)
      let next = min(lineEnd + 1, end)
      let first = bytes[lineStart]
      if first == EmailBytes.lf || (first == EmailBytes.cr && lineStart + 1 == lineEnd) {
        block.bodyStart = next
        return block
      }
      if first == EmailBytes.space || first == EmailBytes.tab, !block.fields.isEmpty {
        block.fields[block.fields.count - 1].value = block.fields[block.fields.count - 1].value.lowerBound..<lineEnd
      } else if let colon = fieldColon(bytes, lineStart, lineEnd) {
        var nameEnd = colon
        while nameEnd > lineStart && (bytes[nameEnd - 1] == EmailBytes.space || bytes[nameEnd - 1] == EmailBytes.tab) {
          nameEnd -= 1
        }
        block.fields.append(HeaderField(name: lineStart..<nameEnd, value: (colon + 1)..<lineEnd))
      } else {
        // Not a header line: the header block ended without its blank line.
        block.bodyStart = lineStart
        block.endedWithoutBlankLine = true
        return block
      }
      lineStart = next
    }
    block.bodyStart = end
    return block
  }

  /// The colon of a header line `name:` (printable ASCII name, spaces tolerated before the
  /// colon), or nil when the line is not a header field.
  static func fieldColon(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int? {
    var index = start
    while index < end {
      let byte = bytes[index]
      if byte == UInt8(ascii: ":") { break }
      if byte <= 0x20 || byte >= 0x7F { break }
      index += 1
    }
    guard index > start else { return nil }
    var colon = index
    while colon < end && (bytes[colon] == EmailBytes.space || bytes[colon] == EmailBytes.tab) { colon += 1 }
    guard colon < end, bytes[colon] == UInt8(ascii: ":") else { return nil }
    return colon
  }

  /// The value of `field` unfolded (line breaks of folds removed, RFC 5322 §2.2.3) and trimmed,
  /// mapped back to `source`, so a finding in the Subject points into the file.
  static func unfolded(_ field: HeaderField, in source: MappedText) -> MappedText {
    let bytes = source.bytes
    let value = EmailBytes.trimmed(bytes, field.value)
    var builder = MappedTextBuilder(reservingCapacity: value.count)
    var pieceStart = value.lowerBound
    var index = value.lowerBound
    while index < value.upperBound {
      let byte = bytes[index]
      if byte == EmailBytes.cr || byte == EmailBytes.lf {
        builder.append(copying: source, pieceStart..<index)
        pieceStart = index + 1
      }
      index += 1
    }
    builder.append(copying: source, pieceStart..<value.upperBound)
    return builder.build()
  }
}
