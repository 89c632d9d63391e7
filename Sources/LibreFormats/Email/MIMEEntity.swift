import LibreKit

/// A message or body part: its header block and body, as ranges of the text it was parsed
/// from (the file itself, or a decoded body for an encoded `message/rfc822` part).
struct MIMEEntity {
  var source: MappedText
  var headers: HeaderBlock
  var body: Range<Int>
  /// `type/subtype` and parameters; the default type when the part declares none.
  var contentType: HeaderParameters
  var disposition: HeaderParameters?
  var transferEncoding: TransferEncoding

  /// Parses the entity in `range` of `source`; `defaultType` applies when it has no
  /// Content-Type (`text/plain`, or `message/rfc822` in a digest, RFC 2046 §5.1.5).
  init(source: MappedText, range: Range<Int>, defaultType: String) {
    self.source = source
    let bytes = source.bytes
    headers = HeaderParser.parse(bytes, range)
    body = headers.bodyStart..<range.upperBound
    var contentType = HeaderParameters(value: defaultType)
    if let value = headers.unfoldedValue("Content-Type", in: bytes) {
      let parsed = HeaderParameters(parsing: value)
      if !parsed.value.isEmpty { contentType = parsed }
    }
    if !contentType.value.contains("/") {
      // A type without subtype (`text`, `multipart`) is read as its most common subtype.
      switch contentType.value {
      case "text": contentType.value = "text/plain"
      case "multipart": contentType.value = "multipart/mixed"
      case "message": contentType.value = "message/rfc822"
      default: break
      }
    }
    self.contentType = contentType
    disposition = headers.unfoldedValue("Content-Disposition", in: bytes).map { HeaderParameters(parsing: $0) }
    transferEncoding = TransferEncoding(headerValue: headers.unfoldedValue("Content-Transfer-Encoding", in: bytes))
  }

  /// Where the entity starts in the original file, for warnings.
  var originalOffset: Int {
    source.originalOffset(headers.fields.first?.name.lowerBound ?? body.lowerBound)
  }

  /// Whether the sender attached the part rather than wrote it: `Content-Disposition:
  /// attachment`. An inline text part with a file name is still shown by mail clients, so
  /// it is still read.
  var isAttachment: Bool { disposition?.value == "attachment" }

  /// The body with its transfer encoding undone.
  var decodedBody: MappedText { TransferDecoding.decode(source, body, transferEncoding) }
}
