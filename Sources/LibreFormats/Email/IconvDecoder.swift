#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A converter from one charset to UTF-8 through the C library's `iconv` (glibc's gconv
/// modules on Linux), for `CharsetFallback`. It decodes whole units only: a unit with an
/// invalid or incomplete sequence fails as a whole rather than being skipped over
/// (`//IGNORE` is not used), so the caller can keep that unit's bytes as they are.
struct IconvDecoder: ~Copyable {
  /// The open conversion descriptor.
  private let converter: iconv_t

  /// A decoder from the charset iconv calls `charset`; nil when iconv does not know it.
  init?(charset: String) {
    let converter = iconv_open("UTF-8", charset)
    // `(iconv_t) -1` is the failure value.
    guard let converter, Int(bitPattern: converter) != -1 else { return nil }
    self.converter = converter
  }

  deinit { iconv_close(converter) }

  /// Whether the charset writes a line feed as the single byte 0x0A, as ASCII does, so a
  /// text can be cut into lines before decoding (not so in UTF-16 or UCS-4, whatever iconv
  /// calls them).
  var keepsLineFeedsAsBytes: Bool { decode(ArraySlice([0x61, 0x0A])) == [0x61, 0x0A] }

  /// `input` decoded to UTF-8 as one unit, starting from the charset's initial shift state;
  /// nil when it holds a sequence invalid in the charset (`EILSEQ`) or ends inside one
  /// (`EINVAL`).
  ///
  /// The output starts at `initialCapacity` bytes (by default half as much again as the
  /// input, enough for the double-byte charsets of East Asia) and doubles whenever iconv
  /// runs out of room (`E2BIG`).
  func decode(_ input: ArraySlice<UInt8>, initialCapacity: Int? = nil) -> [UInt8]? {
    // Back to the initial state: each unit is decoded on its own.
    _ = iconv(converter, nil, nil, nil, nil)
    var capacity = max(1, initialCapacity ?? input.count + input.count / 2 + 16)
    var output = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    defer { output.deallocate() }
    var written = 0
    let succeeded = input.withUnsafeBufferPointer { source -> Bool in
      var inputLeft = source.count
      var inputNext = source.baseAddress.map {
        UnsafeMutablePointer(mutating: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
      }
      // Once the input is consumed, a last call with no input writes what a stateful charset
      // still holds; an empty input goes straight there (a null input pointer means that call).
      var flushing = inputLeft == 0
      while true {
        var outputNext: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(output + written).assumingMemoryBound(
          to: CChar.self)
        var outputLeft = capacity - written
        let result =
          flushing
          ? iconv(converter, nil, nil, &outputNext, &outputLeft)
          : iconv(converter, &inputNext, &inputLeft, &outputNext, &outputLeft)
        let failure = result == -1 ? errno : 0
        written = capacity - outputLeft
        switch failure {
        case 0:
          if flushing { return true }
          flushing = true
        case E2BIG:
          let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
          grown.initialize(from: output, count: written)
          output.deallocate()
          output = grown
          capacity *= 2
        default:
          // EILSEQ, EINVAL, or anything else iconv may report: the unit fails.
          return false
        }
      }
    }
    guard succeeded else { return nil }
    return Array(UnsafeBufferPointer(start: output, count: written))
  }
}
