import LibreKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns a file that may be an mbox into the inputs `lint` and `analyze` take: a file
/// holding one message (or none) stays one input, read as before; a file holding several
/// gives one input per message, named `FILE#N`, streamed (see `MboxReader`).
public enum MailboxStream {
  /// One input the stream yields.
  public enum Item: Sendable {
    /// The file itself, to read whole as any other file.
    case whole(String)
    /// Message `number` of the mbox at `mailbox`.
    case message(mailbox: String, MboxMessage)
    /// What could not be read (the file, or text before its first message).
    case failed(InputError)
  }

  /// Extensions of mailbox files.
  public static let mailboxExtensions: Set<String> = ["mbox", "mbx"]
  /// Extensions of the formats Libre reads: their files are never sniffed as mailboxes (an
  /// `.eml` or `.txt` holding several messages is read as its first, with a warning saying
  /// so), which spares a batch of such files an extra open and read each.
  static let otherFormats: Set<String> = [
    "md", "markdown", "mdown", "mkd", "html", "htm", "xhtml", "vtt", "webvtt", "srt", "sbv", "json", "jsonl",
    "eml", "txt", "text",
  ]

  /// Whether the file at `path` is read through `read`: an `.mbox`/`.mbx` file, or a file
  /// without an extension Libre reads whose first line is an mbox `From ` line
  /// (Thunderbird's and Evolution's mailboxes have no extension).
  public static func mayBeMailbox(_ path: String) -> Bool {
    guard path != "-" else { return false }
    let ext = FileReader.fileExtension(path)
    if mailboxExtensions.contains(ext) { return true }
    if otherFormats.contains(ext) { return false }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var head = [UInt8](repeating: 0, count: 512)
    let count = head.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, 512, 0) }
    guard count > 5 else { return false }
    head.removeLast(512 - count)
    let lineEnd = head.firstIndex(of: 0x0A) ?? head.count
    var line = head[..<lineEnd]
    if line.last == 0x0D { line = line.dropLast() }
    return MboxSeparator.isSeparator(line)
  }

  /// Reads the file at `path`, calling `each` with its inputs in order.
  public static func read(_ path: String, limits: InputLimits, each: (Item) -> Void) {
    let reader: MboxReader
    do throws(InputError) {
      reader = try MboxReader(path: path, maximumMessageBytes: limits.inputBytes)
    } catch {
      each(.failed(error))
      return
    }
    do throws(InputError) {
      guard let first = try reader.next() else {
        each(.whole(path))
        return
      }
      guard let second = try reader.next() else {
        each(.whole(path))
        return
      }
      if reader.preambleLines > 0 {
        each(
          .failed(
            InputError(
              path: path, line: 1,
              message: "text before the first message's `From ` line (lines 1-\(reader.preambleLines)): "
                + "not part of any message; skipped")))
      }
      each(.message(mailbox: path, first))
      each(.message(mailbox: path, second))
      while let message = try reader.next() { each(.message(mailbox: path, message)) }
    } catch {
      each(.failed(error))
    }
  }

  /// The name of message `number` of `mailbox`.
  public static func name(_ mailbox: String, _ number: Int) -> String { "\(mailbox)#\(number)" }

  /// Loads one message of an mbox. Broken messages are errors of their own: over the size
  /// limit, empty, binary, or without a header block.
  public static func load(
    _ message: MboxMessage, mailbox: String, options: LoadOptions
  ) throws(InputError) -> Document {
    let name = name(mailbox, message.number)
    if let size = message.oversize {
      throw options.limits.inputTooLarge(path: name, size: size)
    }
    let bytes = message.bytes
    if EmailBytes.isBlank(bytes) {
      throw InputError(path: name, line: 1, message: MailboxStream.emptyMessage(message.separatorLine))
    }
    if let line = FileReader.binaryLine(bytes) {
      throw InputError(path: name, line: line, message: "binary message (NUL byte), not an email message; skipped")
    }
    let block = HeaderParser.parse(bytes, 0..<min(bytes.count, 65_536))
    guard let first = block.fields.first, first.name.lowerBound == 0 else {
      throw InputError(
        path: name, line: 1,
        message: "no header fields after the `From ` line on line \(message.separatorLine) of the mbox: "
          + "not an email message; skipped")
    }
    return try EmailLoader.load(path: name, bytes: bytes, options: options)
  }

  static func emptyMessage(_ separatorLine: Int) -> String {
    "empty message after the `From ` line on line \(separatorLine) of the mbox; skipped"
  }

}
