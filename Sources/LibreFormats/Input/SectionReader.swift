import LibreKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One part of a plain text read in sections: whole lines, and where they start.
public struct TextSection: Sendable {
  public var bytes: [UInt8]
  /// The 1-based line of the file the section's first byte is on (sections start a line).
  public var firstLine: Int
  /// The byte offset of the section in the file.
  public var offset: Int
  /// Whether this is the file's first section (the only one a `Subject:` line can open).
  public var isFirst: Bool { offset == 0 }
}

/// Reads a plain-text file in sections of about `InputLimits.sectionBytes`, so a file of any
/// size is linted with memory bounded by the section size (`libre lint` of a gigabyte log).
///
/// A section ends at a blank line (a paragraph break) when there is one in its second half,
/// else at its last line break; so every section holds whole lines and line numbers and
/// columns stay exact. A line that does not end within the section makes it longer, up to
/// `InputLimits.lineBytes`: past that, reading stops with the line-length error.
public final class SectionReader {
  public let path: String
  private let descriptor: Int32
  private let limits: InputLimits
  private var pending: [UInt8] = []
  private var atEnd = false
  private var lines: LineScan
  /// The line and offset of `pending`'s first byte.
  private var nextLine = 1
  private var nextOffset = 0

  /// Opens the file at `path` (a regular file: `FileReader` has already refused the rest).
  public init(path: String, limits: InputLimits) throws(InputError) {
    self.path = path
    self.limits = limits
    lines = LineScan(limit: limits.lineBytes)
    descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw InputError(path: path, message: "cannot open: \(FileReader.errorText())") }
  }

  deinit { close(descriptor) }

  /// The size of the regular file at `path`, nil for anything else (a pipe, a folder).
  public static func regularFileSize(_ path: String) -> Int? {
    var info = stat()
    guard path != "-", stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    return Int(info.st_size)
  }

  /// The first `count` bytes of the file at `path`, to choose its format before reading it.
  public static func head(_ path: String, count: Int) throws(InputError) -> [UInt8] {
    let reader = try SectionReader(path: path, limits: InputLimits())
    var bytes = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
      let got = bytes.withUnsafeMutableBytes { read(reader.descriptor, $0.baseAddress! + filled, count - filled) }
      if got < 0 && errno == EINTR { continue }
      if got < 0 { throw InputError(path: path, message: "cannot read: \(FileReader.errorText())") }
      if got == 0 { break }
      filled += got
    }
    return Array(bytes[0..<filled])
  }

  /// The next section, nil at the end of the file.
  public func next() throws(InputError) -> TextSection? {
    let size = limits.sectionBytes
    while !atEnd && pending.count < size { try fill() }
    var cut = SectionReader.cut(pending, limit: size, floor: size / 2)
    // No line break yet: the line goes on past the section size; read until it ends (or
    // grows past the line limit, which `fill` reports).
    while cut == 0 && !atEnd {
      try fill()
      cut = SectionReader.cut(pending, limit: size, floor: size / 2)
    }
    if atEnd && (cut == 0 || pending.count <= size) { cut = pending.count }
    guard cut > 0 else { return nil }
    let section = TextSection(bytes: Array(pending[0..<cut]), firstLine: nextLine, offset: nextOffset)
    pending.removeFirst(cut)
    nextLine += SectionReader.lineEnds(section.bytes)
    nextOffset += cut
    return section
  }

  /// Reads one more chunk into `pending`, checking line lengths as it comes.
  private func fill() throws(InputError) {
    var chunk = [UInt8](repeating: 0, count: min(1 << 20, max(limits.sectionBytes, 4096)))
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count < 0 { throw InputError(path: path, message: "cannot read: \(FileReader.errorText())") }
      if count == 0 {
        atEnd = true
        return
      }
      if let line = chunk.withUnsafeBufferPointer({ lines.feed(UnsafeBufferPointer(rebasing: $0[0..<count])) }) {
        throw limits.lineTooLong(path: path, line: line)
      }
      pending.append(contentsOf: chunk[0..<count])
      return
    }
  }

  /// Where to end a section of `bytes` of about `limit` bytes: after the last blank line
  /// between `floor` and `limit`, else after the last line break before `limit`, else after
  /// the first line break past it; 0 when there is no line break.
  static func cut(_ bytes: [UInt8], limit: Int, floor: Int) -> Int {
    let end = min(limit, bytes.count)
    let floor = max(0, min(floor, end))
    let breaks = bytes.withUnsafeBufferPointer { TextCut.breaks($0, start: 0, floor: floor, limit: end) }
    if let blankLine = breaks.blankLine { return blankLine }
    if let lineBreak = breaks.lineBreak { return lineBreak }
    if let before = bytes[..<floor].lastIndex(of: 0x0A) { return before + 1 }
    var forward = end
    while forward < bytes.count {
      if bytes[forward] == 0x0A { return forward + 1 }
      forward += 1
    }
    return 0
  }

  /// The line ends in `bytes` as `LineIndex` counts them: LF, CRLF, and a lone CR.
  static func lineEnds(_ bytes: [UInt8]) -> Int {
    var count = 0
    for index in bytes.indices {
      if bytes[index] == 0x0A || (bytes[index] == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) {
        count += 1
      }
    }
    return count
  }
}

extension DocumentLoader {
  /// Whether the start of a file gives it away as binary (a NUL byte in its first 64 KiB).
  public static func looksBinary(_ head: [UInt8]) -> Bool { FileReader.binaryLine(head) != nil }

  /// A section of a plain text as a document of its own (format `text`): quoted replies
  /// left out unless asked, and a `Subject:` line taken as the subject in the first section.
  public static func section(_ section: TextSection, path: String, options: LoadOptions) -> Document {
    var text = MappedText(original: section.bytes)
    if !options.includeQuoted { text = QuotedReplies.strip(text) }
    var document = Document(path: path, format: Format.text.rawValue, mapped: text, original: section.bytes)
    if section.isFirst { document.segments = subjectAndBody(text.bytes) }
    return document
  }
}
