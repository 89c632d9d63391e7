import LibreKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A document's overall tone: what an annotator says, and what Libre's findings predict.
public enum DocumentLabel: String, Sendable, CaseIterable, Comparable {
  case respectful
  case neutral
  case pushy

  public static func < (left: DocumentLabel, right: DocumentLabel) -> Bool {
    allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
  }
}

/// One annotated span, resolved to a byte range of its document.
public struct GoldSpan: Sendable, Equatable {
  /// Byte range in the document (start inclusive, end exclusive).
  public var start: Int
  public var end: Int
  public var polarity: Polarity
  public var category: String
  /// The rule the annotator expects, if they named one.
  public var rule: String?
  /// The excerpt as written in the sidecar.
  public var text: String

  public init(start: Int, end: Int, polarity: Polarity, category: String, rule: String? = nil, text: String = "") {
    self.start = start
    self.end = end
    self.polarity = polarity
    self.category = category
    self.rule = rule
    self.text = text
  }
}

/// The gold annotation of one document (its `.gold.json` sidecar), spans resolved.
public struct GoldDocument: Sendable, Equatable {
  public var language: Language
  public var label: DocumentLabel
  /// `email`, `followup`, `reply`, `template` or `transcript`.
  public var kind: String?
  /// Matched-pair id: the respectful and the pushy version of one text share it (per language).
  public var pair: String?
  /// A trap: a text full of words that look like pressure but are not; any pressure finding
  /// in it that matches no gold pressure span is a trap false alarm.
  public var trap: Bool
  public var spans: [GoldSpan]
  /// For a call: the rep's speaker names (as `--rep` would give them); empty = the heuristic.
  public var reps: [String] = []

  public init(
    language: Language, label: DocumentLabel, kind: String? = nil, pair: String? = nil, trap: Bool = false,
    spans: [GoldSpan] = [], reps: [String] = []
  ) {
    self.reps = reps
    self.language = language
    self.label = label
    self.kind = kind
    self.pair = pair
    self.trap = trap
    self.spans = spans
  }
}

/// Reads gold sidecars: `X.txt` is annotated by `X.gold.json`.
///
///     { "language": "en", "label": "pushy", "kind": "email", "pair": "p01", "trap": false,
///       "spans": [ { "text": "reply by Friday", "occurrence": 1, "polarity": "pressure",
///                    "category": "urgency", "rule": "pressure.urgency.deadline" } ] }
///
/// A span is an exact excerpt of the document and which occurrence of it (1 = the first),
/// so the annotation survives edits elsewhere in the text; it is resolved to bytes here.
public enum GoldFile {
  public static let kinds: Set<String> = ["email", "followup", "reply", "template", "transcript"]
  static let topKeys: Set<String> = ["language", "label", "kind", "pair", "trap", "note", "spans", "rep"]
  static let spanKeys: Set<String> = ["text", "occurrence", "polarity", "category", "rule", "note"]

  /// The sidecar path of a document: its last extension replaced by `.gold.json`.
  public static func sidecarPath(for document: String) -> String {
    let slash = document.lastIndex(of: "/")
    if let dot = document.lastIndex(of: "."), slash.map({ dot > $0 }) ?? true, dot != document.startIndex {
      return String(document[..<dot]) + ".gold.json"
    }
    return document + ".gold.json"
  }

  /// Whether `path` names a regular file (a document's sidecar, say).
  public static func isFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
  }

  /// Parses `bytes`, the sidecar at `path`, against the text of its document. Every mistake
  /// is reported (not only the first), each with the sidecar's line.
  public static func parse(_ bytes: [UInt8], path: String, document: [UInt8]) -> Result<GoldDocument, GoldErrors> {
    let lines = LineIndex(bytes)
    var errors: [InputError] = []
    func fail(_ offset: Int, _ message: String) {
      errors.append(InputError(path: path, line: lines.location(of: offset).line, message: message))
    }
    let root: JSONValue
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      let at = lines.location(of: error.offset)
      return .failure(
        GoldErrors(errors: [InputError(path: path, line: at.line, message: "column \(at.column): \(error.message)")]))
    }
    guard let members = root.members else {
      return .failure(
        GoldErrors(errors: [InputError(path: path, line: 1, message: "expected an object, found \(root.typeName)")]))
    }
    for member in members where !topKeys.contains(member.key) {
      fail(member.keyOffset, "unknown key \"\(member.key)\" (expected: \(topKeys.sorted().joined(separator: ", ")))")
    }
    var language = Language.english
    if let value = root["language"] {
      if let parsed = value.string.flatMap(Language.init(rawValue:)) {
        language = parsed
      } else {
        fail(value.offset, "\"language\" must be \"en\" or \"fr\"")
      }
    } else {
      fail(root.offset, "missing \"language\"")
    }
    var label = DocumentLabel.neutral
    if let value = root["label"] {
      if let parsed = value.string.flatMap(DocumentLabel.init(rawValue:)) {
        label = parsed
      } else {
        fail(value.offset, "\"label\" must be \"respectful\", \"neutral\" or \"pushy\"")
      }
    } else {
      fail(root.offset, "missing \"label\"")
    }
    var kind: String?
    if let value = root["kind"] {
      if let text = value.string, kinds.contains(text) {
        kind = text
      } else {
        fail(value.offset, "\"kind\" must be one of \(kinds.sorted().joined(separator: ", "))")
      }
    }
    var pair: String?
    if let value = root["pair"] {
      if let text = value.string, !text.isEmpty {
        pair = text
      } else {
        fail(value.offset, "\"pair\" must be a non-empty string")
      }
    }
    var trap = false
    if let value = root["trap"] {
      if let flag = value.bool { trap = flag } else { fail(value.offset, "\"trap\" must be true or false") }
    }
    if let value = root["note"], value.string == nil { fail(value.offset, "\"note\" must be a string") }
    var reps: [String] = []
    if let value = root["rep"] {
      if let names = value.array?.compactMap(\.string), names.count == value.array?.count, !names.isEmpty {
        reps = names
      } else {
        fail(value.offset, "\"rep\" must be a non-empty array of speaker names")
      }
    }
    var spans: [GoldSpan] = []
    if let value = root["spans"] {
      if let items = value.array {
        for item in items {
          if let span = parseSpan(item, document: document, fail: fail) { spans.append(span) }
        }
      } else {
        fail(value.offset, "\"spans\" must be an array")
      }
    } else {
      fail(root.offset, "missing \"spans\" (use [] for a text with nothing to mark)")
    }
    if !errors.isEmpty { return .failure(GoldErrors(errors: sortedByLine(errors))) }
    return .success(
      GoldDocument(language: language, label: label, kind: kind, pair: pair, trap: trap, spans: spans, reps: reps))
  }

  private static func parseSpan(_ item: JSONValue, document: [UInt8], fail: (Int, String) -> Void) -> GoldSpan? {
    guard let members = item.members else {
      fail(item.offset, "a span must be an object, not \(item.typeName)")
      return nil
    }
    var valid = true
    func bad(_ offset: Int, _ message: String) {
      fail(offset, message)
      valid = false
    }
    for member in members where !spanKeys.contains(member.key) {
      bad(
        member.keyOffset, "unknown span key \"\(member.key)\" (expected: \(spanKeys.sorted().joined(separator: ", ")))")
    }
    let text = item["text"]?.string ?? ""
    if text.isEmpty { bad(item["text"]?.offset ?? item.offset, "a span needs a non-empty \"text\"") }
    var occurrence = 1
    if let value = item["occurrence"] {
      if let number = value.number, number >= 1, number == number.rounded(), number < 1e15 {
        occurrence = Int(number)
      } else {
        bad(value.offset, "\"occurrence\" must be a whole number from 1")
      }
    }
    var polarity = Polarity.freedom
    if let parsed = item["polarity"]?.string.flatMap(Polarity.init(rawValue:)) {
      polarity = parsed
    } else {
      bad(
        item["polarity"]?.offset ?? item.offset,
        "a span needs a \"polarity\": freedom, pressure, engagement or hesitation")
    }
    let category = item["category"]?.string ?? ""
    if !isIdentifierPart(category) {
      bad(
        item["category"]?.offset ?? item.offset,
        "a span needs a \"category\" in lowercase letters, digits and '-' (\"urgency\")")
    }
    var rule: String?
    if let value = item["rule"] {
      let parts = value.string?.split(separator: ".", omittingEmptySubsequences: false).map(String.init) ?? []
      if parts.count == 3, parts[0] == polarity.rawValue, parts[1] == category, isIdentifierPart(parts[2]) {
        rule = value.string
      } else {
        bad(
          value.offset,
          "\"rule\" must be \(polarity.rawValue).\(category).NAME, matching the span's polarity and category")
      }
    }
    guard valid else { return nil }
    guard let start = find(Array(text.utf8), in: document, occurrence: occurrence) else {
      let count = occurrences(Array(text.utf8), in: document)
      let offset = item["text"]?.offset ?? item.offset
      if count == 0 {
        fail(offset, "excerpt \"\(text)\" is not in the document")
      } else {
        fail(offset, "occurrence \(occurrence) of \"\(text)\" asked, the document has \(count)")
      }
      return nil
    }
    return GoldSpan(
      start: start, end: start + text.utf8.count, polarity: polarity, category: category, rule: rule, text: text)
  }

  /// Errors in file order (a stable sort, so errors of one line keep their order).
  static func sortedByLine(_ errors: [InputError]) -> [InputError] {
    errors.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
  }

  static func isIdentifierPart(_ text: String) -> Bool {
    !text.isEmpty && text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
  }

  /// The byte offset of the `occurrence`-th (1-based) occurrence of `needle`.
  static func find(_ needle: [UInt8], in haystack: [UInt8], occurrence: Int) -> Int? {
    guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
    var seen = 0
    var index = 0
    while index + needle.count <= haystack.count {
      if haystack[index] == needle[0], haystack[index..<index + needle.count].elementsEqual(needle) {
        seen += 1
        if seen == occurrence { return index }
      }
      index += 1
    }
    return nil
  }

  static func occurrences(_ needle: [UInt8], in haystack: [UInt8]) -> Int {
    var count = 0
    while find(needle, in: haystack, occurrence: count + 1) != nil { count += 1 }
    return count
  }
}

/// Every mistake found in one sidecar.
public struct GoldErrors: Error, Sendable {
  public var errors: [InputError]
}
