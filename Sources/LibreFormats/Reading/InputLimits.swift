import LibreKit

/// How much one input may hold before Libre stops reading it. Past a limit the input is an
/// error (or, for MIME parts and depth, the rest is skipped with a warning) that names the
/// limit and the flag that raises it; nothing is ever cut silently.
///
/// | limit                | default  | flag                   | past it                       |
/// |----------------------|----------|------------------------|-------------------------------|
/// | input size           | 64 MiB   | `--max-input-size`     | error, the file is not read   |
/// | line length          | 4 MiB    | `--max-line-length`    | error, reading stops there    |
/// | section (plain text) | 1 MiB    | `--section-size`       | read and linted in sections   |
/// | MIME nesting depth   | 32       | `--max-mime-depth`     | deeper parts skipped, warning |
/// | MIME parts           | 1,000    | `--max-mime-parts`     | later parts skipped, warning  |
/// | cues per transcript  | 1,000,000| `--max-cues`           | error                         |
/// | bytes per cue        | 1,000,000| `--max-cue-length`     | error                         |
public struct InputLimits: Sendable, Equatable {
  public static let defaultInputBytes = 64 << 20
  public static let defaultLineBytes = 4 << 20
  public static let defaultSectionBytes = 1 << 20
  /// How deep multiparts and attached messages may nest by default (`--max-mime-depth`,
  /// `LoadOptions.limits`); deeper parts are skipped with a
  /// warning. Real mail nests a handful of levels; the limit stops crafted messages from
  /// costing time (each level rescans its body) or stack.
  public static let defaultMIMEDepth = 32
  /// How many MIME parts one message may hold by default (`--max-mime-parts`); the rest
  /// are skipped with a warning.
  public static let defaultMIMEParts = 1_000
  /// The most cues a file may hold by default (`--max-cues`); a file beyond it is an input
  /// error rather than a long stall.
  public static let defaultCues = 1_000_000
  /// The longest text one cue may hold by default, in UTF-8 bytes (`--max-cue-length`; a
  /// plain transcript's turn is one cue).
  public static let defaultCueBytes = 1_000_000

  /// The largest input, in bytes.
  public var inputBytes = InputLimits.defaultInputBytes
  /// The longest line, in bytes (a line break is LF, or CR alone).
  public var lineBytes = InputLimits.defaultLineBytes
  /// Plain text larger than this is read and linted in sections of about this size
  /// (`libre lint`; `SectionReader`), whatever its total size. One section's findings are
  /// what memory holds at once: about 64 MB at most for 1 MiB of text with a finding in every
  /// sentence.
  public var sectionBytes = InputLimits.defaultSectionBytes
  /// How deep multiparts and attached messages may nest.
  public var mimeDepth = InputLimits.defaultMIMEDepth
  /// How many MIME parts one message may hold.
  public var mimeParts = InputLimits.defaultMIMEParts
  /// How many cues one transcript may hold.
  public var cues = InputLimits.defaultCues
  /// The most text one cue may hold, in UTF-8 bytes.
  public var cueBytes = InputLimits.defaultCueBytes
  /// Findings reported per document (`--max-findings`); the score counts them all.
  public var findings = InputLimits.defaultFindings
  /// Columns of a source line shown around a finding (`--max-columns`; 0: the whole line).
  public var columns = InputLimits.defaultColumns

  public static let defaultFindings = 1000
  public static let defaultColumns = 200

  public init() {}

  /// `64 MiB`, `4 KiB`, `17 bytes`: a size as the messages print it (exact when not round).
  public static func size(_ bytes: Int) -> String {
    for (shift, unit) in [(30, "GiB"), (20, "MiB"), (10, "KiB")] where bytes >= 1 << shift && bytes % (1 << shift) == 0
    {
      return "\(bytes >> shift) \(unit)"
    }
    return bytes == 1 ? "1 byte" : "\(bytes) bytes"
  }

  /// Reads a size flag's value: a number of bytes, or with a suffix `K`, `M`, `G` (powers
  /// of 1024, `KiB`/`KB` alike). Nil when it is not a positive size.
  public static func parseSize(_ text: String) -> Int? {
    var digits = Substring(text.uppercased())
    for suffix in ["IB", "B"] where digits.hasSuffix(suffix) && digits.count > suffix.count {
      digits = digits.dropLast(suffix.count)
      break
    }
    var shift = 0
    switch digits.last {
    case "K": shift = 10
    case "M": shift = 20
    case "G": shift = 30
    default: break
    }
    if shift > 0 { digits = digits.dropLast() }
    guard let value = Int(digits), value > 0, value <= Int.max >> shift else { return nil }
    return value << shift
  }

  /// The error for an input of `size` bytes over `inputBytes`.
  func inputTooLarge(path: String, size: Int, atLeast: Bool = false) -> InputError {
    InputError(
      path: path,
      message: "\(atLeast ? "more than " : "")\(InputLimits.size(size)) is over the maximum input size of "
        + "\(InputLimits.size(inputBytes)); not read (raise it with --max-input-size SIZE)")
  }

  /// The error for line `line` longer than `lineBytes`.
  func lineTooLong(path: String, line: Int) -> InputError {
    InputError(
      path: path, line: line,
      message: "line longer than the maximum line length of \(InputLimits.size(lineBytes)); not read "
        + "(raise it with --max-line-length SIZE)")
  }

  /// The error for line `line` of `--stdin-jsonl` longer than `inputBytes` (a line is one
  /// document).
  public func jsonlLineTooLarge(line: Int) -> InputError {
    InputError(
      path: "<stdin>", line: line,
      message: "line longer than the maximum input size of \(InputLimits.size(inputBytes)) (one JSONL line is one "
        + "document); not read (raise it with --max-input-size SIZE)")
  }

  /// The line of the first line in `bytes` longer than `lineBytes`, if any.
  func firstOverlongLine(_ bytes: [UInt8]) -> Int? {
    var scan = LineScan(limit: lineBytes)
    return bytes.withUnsafeBufferPointer { scan.feed($0) }
  }
}

/// Follows line lengths across the chunks of a read, so an overlong line is caught before
/// the rest of the file is read.
struct LineScan {
  let limit: Int
  /// Bytes in the current line so far, and its 1-based number.
  private(set) var current = 0
  private(set) var line = 1

  init(limit: Int) { self.limit = limit }

  /// Takes the next chunk; returns the number of the first line past the limit, if any.
  mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>) -> Int? {
    // Line to line with the word-wide search: every byte of every input passes here.
    let raw = UnsafeRawBufferPointer(chunk)
    var index = 0
    while index < chunk.count {
      let lineEnd = ByteSearch.firstLineBreak(in: raw, from: index, to: chunk.count)
      current += lineEnd - index
      if current > limit { return line }
      guard lineEnd < chunk.count else { break }
      // A lone CR ends a line too (old Mac files); only LFs are counted as line numbers.
      if chunk[lineEnd] == 0x0A { line += 1 }
      current = 0
      index = lineEnd + 1
    }
    return nil
  }
}
