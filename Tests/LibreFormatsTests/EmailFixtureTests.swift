import Foundation
import LibreFormats
import LibreKit
import Testing

/// The shared email fixtures (`../shared/fixtures/emails` next to the repository, or
/// `$LIBRE_FIXTURES/emails`), or nil with the reason when they are absent (a fresh clone).
private func emailFixtures(source: String = #filePath) -> (root: URL?, reason: String) {
  var candidates: [URL] = []
  if let custom = ProcessInfo.processInfo.environment["LIBRE_FIXTURES"] {
    candidates.append(URL(fileURLWithPath: custom).appendingPathComponent("emails"))
  }
  // Tests/LibreFormatsTests/<this file> → the repository root, then its sibling `shared`.
  let repository = URL(fileURLWithPath: source).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  candidates.append(repository.deletingLastPathComponent().appendingPathComponent("shared/fixtures/emails"))
  for candidate in candidates {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
      return (candidate, "")
    }
  }
  return (nil, "email fixtures not found (tried \(candidates.map(\.path).joined(separator: ", ")))")
}

private func loadFixture(_ root: URL, _ relative: String) throws -> Document {
  let path = root.appendingPathComponent(relative).path
  return try EmailLoader.load(path: path, bytes: try FileReader.read(path), options: LoadOptions(includeQuoted: true))
}

@Suite struct EmailFixtureTests {
  @Test func everyFixtureLoadsIntoADocumentOrAnError() throws {
    let (found, reason) = emailFixtures()
    guard let root = found else {
      print("EmailFixtureTests: skipped: \(reason)")
      return
    }
    var counts: [String: (documents: Int, errors: Int)] = [:]
    let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
    var files: [URL] = []
    while let url = walker?.nextObject() as? URL {
      if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { files.append(url) }
    }
    #expect(!files.isEmpty)
    for url in files.sorted(by: { $0.path < $1.path }) {
      let folder = String(url.path.dropFirst(root.path.count + 1).prefix { $0 != "/" })
      let bytes = try FileReader.read(url.path)
      do {
        let document = try EmailLoader.load(path: url.path, bytes: bytes, options: LoadOptions())
        counts[folder, default: (0, 0)].documents += 1
        // Every segment lies in the text and every byte maps into the file.
        for segment in document.segments { #expect(segment.range.upperBound <= document.text.count) }
        let whole = document.sourceMap.originalRange(0..<document.text.count)
        #expect(whole.upperBound <= bytes.count, "\(url.path)")
      } catch {
        counts[folder, default: (0, 0)].errors += 1
        #expect(!error.message.isEmpty)
      }
    }
    for (folder, count) in counts.sorted(by: { $0.key < $1.key }) {
      print("EmailFixtureTests: \(folder): \(count.documents) document(s), \(count.errors) error(s)")
    }
  }

  /// Messages whose extracted text is checked against what they say: (file, subject, phrases
  /// the body must hold, phrases it must not).
  private static let expectations: [(file: String, subject: String?, body: [String], absent: [String])] = [
    ("cpython-test_email/msg_01.txt", "This is a test message", ["Do you like this message?"], []),
    (
      "cpython-test_email/msg_10.txt", "Lyrics",
      ["¡This is a Quoted Printable encoded message!", "This is a Base64 encoded message.", "no Content-Transfer"], []
    ),
    ("cpython-test_email/msg_07.txt", "Here is your dingus fish", ["This is the dingus fish."], ["R0lGODdh"]),
    ("cpython-test_email/msg_14.txt", nil, ["header with no subtype"], []),
    ("cpython-test_email/msg_31.txt", nil, ["message 1", "message 2"], ["--BOUNDARY"]),
    ("cpython-test_email/msg_11.txt", "The enclosing message", ["Here is the body of the message."], []),
    (
      "mail-mime-parser/emails/m0001.txt", "Die Hasen und   die Frösche (Microsoft Outlook 00)",
      ["Die Hasen klagten einst über ihre mißliche Lage"], []
    ),
    ("mail-mime-parser/emails/m2004.txt", "Die Hasen und die Frösche", ["Die Hasen und die Frösche"], []),
    ("mail-mime-parser/emails/m4007.txt", "Test multipart-digest", ["m1 body", "m2 body"], []),
    ("mail-mime-parser/emails/m3004.txt", "Die Hasen und die Frösche", [], ["Hasen klagten"]),
    (
      "ruby-mail/attachment_emails/attachment_pdf.eml", "Another PDF with 🎉 Unicode chars in it 🍿",
      ["Just attaching another PDF"], ["%PDF"]
    ),
    ("ruby-mail/multi_charset/japanese_iso_2022.eml", "まみむめも", ["すみません。"], []),
    ("ruby-mail/multi_charset/japanese_shift_jis.eml", "test", ["このメールはテスト用のメールです。"], []),
    ("ruby-mail/multi_charset/ks_c_5601-1987.eml", "test", ["스티해"], []),
    ("ruby-mail/rfc6532/utf8_headers.eml", "Säying Hello", ["body"], []),
    (
      "ruby-mail/plain_emails/raw_email_with_partially_quoted_subject.eml", "Re: Test: \"漢字\" mid \"漢字\" tail",
      ["제 이름은 Jamis입니다."], []
    ),
    ("ruby-mail/rfc2822/example14.eml", "Re: TEST \tテストテスト", ["Hello"], []),
    ("ruby-mail/mime_emails/email_with_similar_boundaries.eml", "Xxxxxx", ["Test"], []),
    ("mimekit/messages/japanese.txt", "日本語メールテスト (testing Japanese emails)", ["日本語が"], []),
    (
      "mimekit/messages/simple-embedded-message.eml", "test of simple embedded message/rfc822 part",
      ["This is the message body.", "This is the embedded message body."], []
    ),
    (
      "nodemailer-mailparser/nodemailer.eml", "Nodemailer is unicode friendly ✔ (1476358788189)", ["Hello to myself!"],
      []
    ),
    ("nodemailer-mailparser/nested.eml", nil, ["Dear Sir,", "Good evening."], []),
    ("nodemailer-mailparser/large_text.eml", nil, ["Exception during installation"], []),
    ("mimekit/messages/body.1.txt", "MimeMessage.TextBody and HtmlBody tests", ["This is the text body."], ["html"]),
  ]

  @Test func chosenFixturesSayWhatTheMessageSays() throws {
    let (found, reason) = emailFixtures()
    guard let root = found else {
      print("EmailFixtureTests: skipped: \(reason)")
      return
    }
    for expected in Self.expectations {
      let document = try loadFixture(root, expected.file)
      let subject = document.segments.first { $0.part == .subject }.map {
        String(decoding: document.text[$0.range], as: UTF8.self)
      }
      if let wanted = expected.subject { #expect(subject == wanted, "\(expected.file)") }
      let body = document.segments.filter { $0.part == .body }.map {
        String(decoding: document.text[$0.range], as: UTF8.self)
      }.joined(separator: "\n")
      for phrase in expected.body { #expect(body.contains(phrase), "\(expected.file): \(phrase)") }
      for phrase in expected.absent { #expect(!body.contains(phrase), "\(expected.file): \(phrase)") }
    }
    let attachmentOnly = try loadFixture(root, "ruby-mail/attachment_emails/attachment_only_email.eml")
    #expect(attachmentOnly.segments.map(\.part) == [.subject])
    #expect(attachmentOnly.warnings.contains { $0.message.contains("no text part") })
  }
}
