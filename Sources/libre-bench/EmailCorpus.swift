import LibreFormats
import LibreKit

#if canImport(Glibc)
  import Glibc
#endif

/// `libre-bench --eml N`: N generated RFC 5322 messages in the shapes real mail takes
/// (quoted-printable UTF-8, base64, multipart/alternative with an HTML part, Latin-1,
/// encoded-word subjects), loaded with `DocumentLoader` and then linted, timed apart, so the
/// note can say whether decoding costs less than linting.
enum EmailCorpus {
  static func run(count: Int, seed: UInt64, linter: Linter) {
    var generator = CorpusGenerator(seed: seed)
    var messages: [[UInt8]] = []
    messages.reserveCapacity(count)
    var body: [UInt8] = []
    for index in 0..<count {
      body.removeAll(keepingCapacity: true)
      generator.fill(&body, bytes: 1)
      messages.append(message(number: index, body: body))
    }
    let bytes = messages.reduce(0) { $0 + $1.count }
    var documents: [Document] = []
    documents.reserveCapacity(count)
    var failures = 0
    let loadStart = ContinuousClock.now
    for (index, message) in messages.enumerated() {
      do {
        documents.append(try DocumentLoader.load(path: "m\(index).eml", bytes: message, options: LoadOptions()))
      } catch {
        failures += 1
      }
    }
    let loadTime = ContinuousClock.now - loadStart
    var workspace = LintWorkspace()
    var findings = 0
    let lintStart = ContinuousClock.now
    for document in documents {
      findings += linter.lint(document, options: DocumentOptions(), workspace: &workspace).findings.count
    }
    let lintTime = ContinuousClock.now - lintStart
    let megabytes = Double(bytes) / 1_048_576
    print("eml corpus: \(count) messages, \(String(format2: megabytes)) MB, \(failures) failed to load")
    print(
      "eml decoding (DocumentLoader: MIME, transfer encodings, charsets, HTML, quoted replies): \(String(format2: seconds(loadTime))) s, \(String(format2: megabytes / seconds(loadTime))) MB/s"
    )
    print(
      "lint of the decoded documents: \(String(format2: seconds(lintTime))) s, \(String(format2: megabytes / seconds(lintTime))) MB/s, \(findings) findings"
    )
    print("decoding / lint time: \(String(format2: seconds(loadTime) / seconds(lintTime)))")
  }

  /// Message `number` around `body` (the generator's "Subject:" line becomes the header).
  static func message(
    number: Int, body: [UInt8], from: String = "Sam <sam@example.com>", date: String = "Mon, 2 Nov 2026 09:00:00 +0100"
  ) -> [UInt8] {
    var text = String(decoding: body, as: UTF8.self)
    var subject = "Hello"
    if let newline = text.firstIndex(of: "\n") {
      subject = String(text[..<newline]).replacing("Subject: ", with: "").replacing("Objet : ", with: "")
      text = String(text[newline...])
    }
    var head = "From: \(from)\r\nTo: Alex <alex@example.org>\r\n"
    head += "Date: \(date)\r\nMessage-ID: <\(number)@example.com>\r\nMIME-Version: 1.0\r\n"
    let crlf = text.replacing("\n", with: "\r\n")
    switch number % 5 {
    case 0:
      head += "Subject: \(subject)\r\nContent-Type: text/plain; charset=utf-8\r\n"
      head += "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
      return Array(head.utf8) + quotedPrintable(Array(crlf.utf8))
    case 1:
      head += "Subject: =?UTF-8?B?\(base64(Array(subject.utf8)))?=\r\nContent-Type: text/plain; charset=utf-8\r\n"
      head += "Content-Transfer-Encoding: base64\r\n\r\n"
      return Array(head.utf8) + Array(base64Lines(Array(text.utf8)).utf8)
    case 2:
      let html =
        "<html><head><style>p{margin:0}</style></head><body><p>"
        + text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing("\n\n", with: "</p>\r\n<p>")
        + "</p></body></html>"
      head += "Subject: \(subject)\r\nContent-Type: multipart/alternative; boundary=\"b\(number)\"\r\n\r\n"
      head += "--b\(number)\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
      return Array(head.utf8) + Array(html.utf8) + Array("\r\n--b\(number)--\r\n".utf8)
    case 3:
      head += "Subject: \(subject)\r\nContent-Type: text/plain; charset=iso-8859-1\r\n"
      head += "Content-Transfer-Encoding: 8bit\r\n\r\n"
      let latin1 = crlf.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : UInt8(ascii: "?") }
      return Array(head.utf8) + latin1
    default:
      head += "Subject: \(subject)\r\nContent-Type: multipart/mixed; boundary=\"m\(number)\"\r\n\r\n"
      head += "--m\(number)\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\(crlf)\r\n"
      head += "--m\(number)\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=a.pdf\r\n"
      head +=
        "Content-Transfer-Encoding: base64\r\n\r\n\(base64Lines(Array(repeating: 0x25, count: 3000)))--m\(number)--\r\n"
      return Array(head.utf8)
    }
  }

  static func quotedPrintable(_ bytes: [UInt8]) -> [UInt8] {
    let hex = Array("0123456789ABCDEF".utf8)
    var out: [UInt8] = []
    var column = 0
    for byte in bytes {
      if byte == 0x0A || byte == 0x0D {
        out.append(byte)
        column = 0
        continue
      }
      let encoded: [UInt8] =
        byte >= 0x80 || byte == UInt8(ascii: "=")
        ? [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 15)]] : [byte]
      if column + encoded.count > 75 {
        out += Array("=\r\n".utf8)
        column = 0
      }
      out += encoded
      column += encoded.count
    }
    return out
  }

  static func base64(_ bytes: [UInt8]) -> String {
    let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    var out: [UInt8] = []
    var index = 0
    while index < bytes.count {
      let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
      let value = chunk.enumerated().reduce(0) { $0 | Int($1.element) << (16 - 8 * $1.offset) }
      for position in 0..<4 {
        out.append(position <= chunk.count ? table[(value >> (18 - 6 * position)) & 63] : UInt8(ascii: "="))
      }
      index += 3
    }
    return String(decoding: out, as: UTF8.self)
  }

  static func base64Lines(_ bytes: [UInt8]) -> String {
    let encoded = Array(base64(bytes).utf8)
    var out = ""
    var index = 0
    while index < encoded.count {
      out += String(decoding: encoded[index..<min(index + 76, encoded.count)], as: UTF8.self) + "\r\n"
      index += 76
    }
    return out
  }
}
