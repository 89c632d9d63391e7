import LibreKit

#if canImport(Foundation)
  import Foundation
  #if canImport(CoreFoundation)
    import CoreFoundation
  #endif
#endif

/// Charsets beyond those decoded by hand (Shift_JIS, ISO-2022-JP, KOI8-R, GB2312, Big5, …),
/// decoded with Foundation where it is available. Foundation stays in this one file, off the
/// path of the common charsets.
enum CharsetFallback {
  /// `input` decoded from the charset `name`, or nil when Foundation is absent, does not
  /// know the name, or cannot decode the bytes.
  ///
  /// Decoding goes line by line, each line mapped to its original range: multi-byte charsets
  /// give no byte-to-byte correspondence, and a line is the finest unit that stays exact.
  /// ASCII-only lines are copied as they are, except in 7-bit charsets (ISO-2022-*, UTF-7)
  /// whose escape sequences are ASCII.
  static func decode(_ input: MappedText, charset name: String) -> MappedText? {
    #if canImport(Foundation) && canImport(CoreFoundation)
      guard let encoding = encoding(named: name) else { return nil }
      let bytes = input.bytes
      var cursor = MappedCursor(input)
      let sevenBit = name.hasPrefix("iso-2022") || name == "utf-7" || name.hasPrefix("hz")
      if name.hasPrefix("utf-16") || name.hasPrefix("utf-32") || name.hasPrefix("ucs") {
        // Line breaks are not single bytes there: the whole part is one unit.
        guard let string = String(data: Data(bytes), encoding: encoding) else { return nil }
        var builder = MappedTextBuilder()
        builder.append(decoded: Array(string.utf8), unit: cursor.originalRange(0..<bytes.count))
        return builder.build()
      }
      var builder = MappedTextBuilder(reservingCapacity: bytes.count + bytes.count / 2)
      var failedLines = 0
      var lines = 0
      var lineStart = 0
      while lineStart < bytes.count {
        let lineEnd = min(EmailBytes.lineEnd(bytes, from: lineStart, end: bytes.count) + 1, bytes.count)
        let line = lineStart..<lineEnd
        lines += 1
        if !sevenBit && !bytes[line].contains(where: { $0 >= 0x80 }) {
          builder.append(copying: input, line)
        } else if let string = String(data: Data(bytes[line]), encoding: encoding) {
          builder.append(decoded: Array(string.utf8), unit: cursor.originalRange(line))
        } else {
          // A line the decoder rejects stays as it is (the tokenizer replaces what is not
          // UTF-8); the rest of the part is still decoded.
          builder.append(copying: input, line)
          failedLines += 1
        }
        lineStart = lineEnd
      }
      return failedLines == lines && lines > 0 ? nil : builder.build()
    #else
      return nil
    #endif
  }

  #if canImport(Foundation) && canImport(CoreFoundation)
    /// The Foundation encoding of an IANA charset name, through CoreFoundation's table.
    private static func encoding(named name: String) -> String.Encoding? {
      #if canImport(Darwin)
        let cfEncoding = CFStringConvertIANACharSetNameToEncoding(name as CFString)
      #else
        // swift-corelibs-foundation has no implicit bridge, but an NSString is a CFString there.
        let nsName = NSString(string: name)
        let cfEncoding = withExtendedLifetime(nsName) {
          CFStringConvertIANACharSetNameToEncoding(unsafeBitCast(nsName, to: CFString.self))
        }
      #endif
      guard cfEncoding != kCFStringEncodingInvalidId else { return nil }
      return String.Encoding(rawValue: UInt(CFStringConvertEncodingToNSStringEncoding(cfEncoding)))
    }
  #endif
}
