import LibreKit

/// Splits a file that holds several templates (a template library, a sequence of
/// follow-ups) into segments, one per template, so the document rules (false freedom,
/// stacked pressure) never pair sentences of two templates and each template gets its own
/// score. A template starts at a title line — "Template 3", "Email 2:", « Relance 2 »,
/// "Day 4 – follow-up" (a Markdown heading keeps its words after extraction) — or after a
/// separator line (`---`, `***`, `===`) in plain text. A file is split only when it has two
/// such boundaries or more.
public enum TemplateSegments {
  /// Words that, followed by a number, title a template.
  static let titleWords: Set<String> = [
    "template", "email", "e-mail", "mail", "message", "follow-up", "followup", "follow", "step", "day", "touch",
    "variant", "version", "option", "sequence", "script", "pattern", "modèle", "relance", "étape", "jour",
    "variante", "séquence", "courriel", "exemple", "example",
  ]
  /// The longest title line, in words.
  static let longestTitle = 10

  /// The segments of `text` (the extracted text of a plain or Markdown file), or nil when
  /// it is not a file of several templates.
  public static func segments(_ text: [UInt8]) -> [Segment]? {
    var boundaries: [(start: Int, title: String?)] = []
    var position = 0
    while position < text.count {
      var end = position
      while end < text.count, text[end] != 0x0A { end += 1 }
      let line = String(decoding: text[position..<end], as: UTF8.self).trimmingSpaces
      if let title = title(line) {
        boundaries.append((position, title))
      } else if isSeparator(line) {
        boundaries.append((min(end + 1, text.count), nil))
      }
      position = end + 1
    }
    guard boundaries.count >= 2 else { return nil }
    var segments: [Segment] = []
    if let first = boundaries.first, first.start > 0, hasWords(text[0..<first.start]) {
      // Before a title, an introduction; before a separator, the first template.
      var leading = Segment(range: 0..<first.start, part: .body)
      if first.title == nil { leading.title = "part 1" }
      segments.append(leading)
    }
    for (index, boundary) in boundaries.enumerated() {
      let end = index + 1 < boundaries.count ? boundaries[index + 1].start : text.count
      guard boundary.start < end, hasWords(text[boundary.start..<end]) else { continue }
      var segment = Segment(range: boundary.start..<end, part: .body)
      segment.title = boundary.title ?? "part \(segments.count + 1)"
      segments.append(segment)
    }
    return segments.filter { $0.title != nil }.count >= 2 ? segments : nil
  }

  /// The title of a template title line ("Template 3: follow-up" → itself), or nil.
  static func title(_ line: String) -> String? {
    let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
    guard words.count >= 2, words.count <= longestTitle else { return nil }
    var head = words[0].lowercased()
    if head.hasPrefix("#") { head = String(head.drop { $0 == "#" }) }
    guard titleWords.contains(head.trimmingCharacters(":")) else { return nil }
    let number = words[1].trimmingCharacters(":.)—–-#°n")
    guard let first = number.first, first.isNumber || (number.count == 1 && first.isLetter && first.isUppercase)
    else { return nil }
    return line
  }

  static func isSeparator(_ line: String) -> Bool {
    line.count >= 3 && Set(line).count == 1 && ["-", "*", "=", "_", "~"].contains(line.first!)
  }

  static func hasWords(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.contains { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 >= 0xC0 }
  }
}

extension String {
  fileprivate var trimmingSpaces: String {
    String(
      drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }
        .reversed())
  }

  fileprivate func trimmingCharacters(_ characters: String) -> String {
    String(drop { characters.contains($0) }.reversed().drop { characters.contains($0) }.reversed())
  }
}

extension Substring {
  fileprivate func trimmingCharacters(_ characters: String) -> String { String(self).trimmingCharacters(characters) }
}
