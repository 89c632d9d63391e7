/// A structured MIME header value: `type/subtype; name=value; …` (RFC 2045 §5.1), with
/// parameters in RFC 2231 form (`name*=charset'lang'%xx`, continuations `name*0=`, `name*1*=`).
struct HeaderParameters {
  /// The value before the first `;`, lowercased (`text/plain`, `attachment`, `base64`).
  var value: String
  /// Parameters by lowercased name, continuations joined and RFC 2231 decoding applied.
  var parameters: [String: String]

  subscript(name: String) -> String? { parameters[name] }

  /// The media type (`text` of `text/plain`).
  var type: Substring { value.split(separator: "/", maxSplits: 1).first ?? "" }
  /// The media subtype (`plain` of `text/plain`), empty when missing.
  var subtype: Substring {
    let pieces = value.split(separator: "/", maxSplits: 1)
    return pieces.count > 1 ? pieces[1] : ""
  }

  init(value: String, parameters: [String: String] = [:]) {
    self.value = value
    self.parameters = parameters
  }

  /// Parses an unfolded header value.
  init(parsing bytes: [UInt8]) {
    var index = 0
    let count = bytes.count
    var head: [UInt8] = []
    while index < count && bytes[index] != UInt8(ascii: ";") {
      let byte = bytes[index]
      if !EmailBytes.isWhitespace(byte) && byte != UInt8(ascii: "\"") { head.append(EmailBytes.lowercased(byte)) }
      index += 1
    }
    value = String(decoding: head, as: UTF8.self)
    var pieces: [String: [Int: (bytes: [UInt8], extended: Bool)]] = [:]
    var plain: [String: [UInt8]] = [:]
    while index < count {
      index += 1  // the `;`
      while index < count && (EmailBytes.isWhitespace(bytes[index]) || bytes[index] == UInt8(ascii: ";")) {
        index += 1
      }
      var nameBytes: [UInt8] = []
      while index < count && bytes[index] != UInt8(ascii: "=") && bytes[index] != UInt8(ascii: ";") {
        if !EmailBytes.isWhitespace(bytes[index]) { nameBytes.append(EmailBytes.lowercased(bytes[index])) }
        index += 1
      }
      guard index < count, bytes[index] == UInt8(ascii: "=") else { continue }
      index += 1
      while index < count && EmailBytes.isWhitespace(bytes[index]) { index += 1 }
      var valueBytes: [UInt8] = []
      if index < count && bytes[index] == UInt8(ascii: "\"") {
        index += 1
        while index < count && bytes[index] != UInt8(ascii: "\"") {
          if bytes[index] == UInt8(ascii: "\\") && index + 1 < count { index += 1 }
          valueBytes.append(bytes[index])
          index += 1
        }
        // Skip the closing quote and anything up to the next parameter.
        while index < count && bytes[index] != UInt8(ascii: ";") { index += 1 }
      } else {
        while index < count && bytes[index] != UInt8(ascii: ";") {
          valueBytes.append(bytes[index])
          index += 1
        }
        while let last = valueBytes.last, EmailBytes.isWhitespace(last) { valueBytes.removeLast() }
      }
      guard !nameBytes.isEmpty else { continue }
      Self.classify(nameBytes, valueBytes, pieces: &pieces, plain: &plain)
    }
    var parameters: [String: String] = [:]
    for (name, bytes) in plain { parameters[name] = String(decoding: bytes, as: UTF8.self) }
    for (name, sections) in pieces { parameters[name] = Self.join(sections) }
    self.parameters = parameters
  }

  /// Files `name=value` as a plain parameter or a section of an RFC 2231 one.
  private static func classify(
    _ name: [UInt8], _ value: [UInt8], pieces: inout [String: [Int: (bytes: [UInt8], extended: Bool)]],
    plain: inout [String: [UInt8]]
  ) {
    guard let star = name.firstIndex(of: UInt8(ascii: "*")) else {
      let key = String(decoding: name, as: UTF8.self)
      if plain[key] == nil { plain[key] = value }
      return
    }
    let base = String(decoding: name[..<star], as: UTF8.self)
    var rest = name[(star + 1)...]
    var extended = false
    if rest.last == UInt8(ascii: "*") {
      extended = true
      rest = rest.dropLast()
    }
    var section = 0
    if rest.isEmpty {
      extended = true  // `name*=`: a single extended value
    } else {
      for byte in rest {
        guard byte >= 0x30 && byte <= 0x39, section < 1_000 else { return }
        section = section * 10 + Int(byte - 0x30)
      }
    }
    pieces[base, default: [:]][section] = (value, extended)
  }

  /// Joins RFC 2231 sections in order; extended ones are percent-decoded in the charset the
  /// first one names.
  private static func join(_ sections: [Int: (bytes: [UInt8], extended: Bool)]) -> String {
    var joined: [UInt8] = []
    var charset = "us-ascii"
    for (order, key) in sections.keys.sorted().enumerated() {
      guard let (bytes, extended) = sections[key] else { continue }
      guard extended else {
        joined.append(contentsOf: bytes)
        continue
      }
      var slice = bytes[...]
      if order == 0 {
        // charset'language'value
        let quotes = bytes.indices.filter { bytes[$0] == UInt8(ascii: "'") }.prefix(2)
        if quotes.count == 2 {
          charset = String(decoding: bytes[..<quotes[0]], as: UTF8.self).lowercased()
          slice = bytes[(quotes[1] + 1)...]
        }
      }
      var index = slice.startIndex
      while index < slice.endIndex {
        let byte = slice[index]
        if byte == UInt8(ascii: "%"), index + 2 < slice.endIndex,
          let high = EmailBytes.hexValue(slice[index + 1]), let low = EmailBytes.hexValue(slice[index + 2])
        {
          joined.append(high << 4 | low)
          index += 3
        } else {
          joined.append(byte)
          index += 1
        }
      }
    }
    return String(decoding: Charsets.decode(bytes: joined, charset: charset), as: UTF8.self)
  }
}
