import LibreFormats
import LibreKit
import Testing

/// Loads a hand-written message (lines joined with CRLF unless `lf`).
private func load(_ lines: [String], lf: Bool = false, includeQuoted: Bool = false) throws -> Document {
  let bytes = Array(lines.joined(separator: lf ? "\n" : "\r\n").utf8)
  return try EmailLoader.load(path: "mail.eml", bytes: bytes, options: LoadOptions(includeQuoted: includeQuoted))
}

private func load(bytes: [UInt8]) throws -> Document {
  try EmailLoader.load(path: "mail.eml", bytes: bytes, options: LoadOptions())
}

extension Document {
  /// The text of the segments of `part`, joined by newlines.
  func text(of part: Part) -> String {
    segments.filter { $0.part == part }.map { String(decoding: text[$0.range], as: UTF8.self) }.joined(
      separator: "\n")
  }

  var subjectText: String { text(of: .subject) }
  var bodyText: String { text(of: .body) }

  /// The 1-based line and column, in the original file, of the first occurrence of `word`
  /// in the extracted text, and the original bytes it maps to.
  func originalLocation(of word: String) -> (line: Int, column: Int, original: String)? {
    let needle = Array(word.utf8)
    guard let start = text.indices.first(where: { text[$0...].starts(with: needle) }) else { return nil }
    let range = sourceMap.originalRange(start..<(start + needle.count))
    let location = LineIndex(original, singleByte: originalEncoding == .singleByte).location(of: range.lowerBound)
    return (location.line, location.column, String(decoding: original[range], as: UTF8.self))
  }
}

@Suite struct EmailHeaderTests {
  @Test func subjectIsItsOwnSegmentBeforeTheBody() throws {
    let document = try load(["From: a@example.com", "Subject: Hello there", "", "Body line.", ""])
    #expect(document.format == "eml")
    #expect(document.segments.map(\.part) == [.subject, .body])
    #expect(document.subjectText == "Hello there")
    #expect(String(decoding: document.text, as: UTF8.self) == "Hello there\n\nBody line.\r\n")
    #expect(document.warnings.isEmpty)
  }

  @Test func foldedSubjectIsUnfoldedAndMapsToItsLines() throws {
    let document = try load(["Subject: Last chance", "  to book your seat", "From: a@b.c", "", "Hi", ""])
    #expect(document.subjectText == "Last chance  to book your seat")
    let location = try #require(document.originalLocation(of: "book"))
    #expect(location.line == 2 && location.column == 6 && location.original == "book")
  }

  @Test func encodedWordsBAndQInUTF8AndLatin1() throws {
    let document = try load([
      "Subject: =?UTF-8?B?w4dhIHZhIMOgIHRvaQ==?= =?iso-8859-1?Q?d=E9cid=E9_vite?= end", "From: a@b.c", "", "x",
    ])
    #expect(document.subjectText == "Ça va à toidécidé vite end")
  }

  @Test func adjacentEncodedWordsJoinEvenAcrossASplitCharacter() throws {
    // "é" split across two words: C3 in the first, A9 in the second.
    let document = try load(["Subject: =?utf-8?Q?caf=C3?=", "  =?utf-8?Q?=A9_cr=C3=A8me?=", "From: a@b.c", "", "x"])
    #expect(document.subjectText == "café crème")
  }

  @Test func malformedEncodedWordsAreLeftAsWritten() throws {
    let document = try load(["Subject: =?utf-8?X?abc?= and =?utf-8?Q?unterminated", "From: a@b.c", "", "x"])
    #expect(document.subjectText == "=?utf-8?X?abc?= and =?utf-8?Q?unterminated")
  }

  @Test func rawLatin1SubjectIsReadAsWindows1252() throws {
    var bytes = Array("From: a@b.c\r\nSubject: Caf".utf8) + [0xE9, 0x20, 0x80, 0x35]
    bytes += Array("\r\n\r\nBody\r\n".utf8)
    let document = try load(bytes: bytes)
    #expect(document.subjectText == "Café €5")
    #expect(document.originalEncoding == .singleByte)
  }

  @Test func encodedSubjectWordMapsToItsOriginalColumn() throws {
    let document = try load(["From: a@b.c", "Subject: Offre =?utf-8?Q?sp=C3=A9ciale?= ici", "", "x"])
    #expect(document.subjectText == "Offre spéciale ici")
    let location = try #require(document.originalLocation(of: "spéciale"))
    #expect(location.line == 2)
    #expect(location.column == 26)  // where `sp` starts inside the encoded word
    let after = try #require(document.originalLocation(of: "ici"))
    #expect(after.line == 2 && after.original == "ici")
  }

  @Test func rfc2231ParametersGiveBoundaryAndCharset() throws {
    let document = try load([
      "From: a@b.c", "Subject: t", "MIME-Version: 1.0",
      "Content-Type: multipart/mixed; boundary*0=\"abc\"; boundary*1=\"def\"", "", "--abcdef",
      "Content-Type: text/plain; charset*=iso-8859-1'fr'", "Content-Transfer-Encoding: quoted-printable", "",
      "d=E9j=E0 vu", "--abcdef--", "",
    ])
    #expect(document.bodyText == "déjà vu")
  }

  @Test func sniffing() {
    #expect(EmailLoader.looksLikeEmail(Array("From: a@b.c\nTo: d@e.f\nSubject: x\n\nbody".utf8)))
    #expect(EmailLoader.looksLikeEmail(Array("Received: from x\n\tby y\nSubject: s\n\nbody".utf8)))
    #expect(EmailLoader.looksLikeEmail(Array("From someone@x Mon Jan 1 00:00:00 2024\nFrom: a@b\nTo: c\n\nx".utf8)))
    // A plain-text draft with only a Subject line is not an email.
    #expect(!EmailLoader.looksLikeEmail(Array("Subject: Last chance\n\nHi Luis,\n".utf8)))
    #expect(!EmailLoader.looksLikeEmail(Array("Hello: there\nthis is text".utf8)))
    #expect(!EmailLoader.looksLikeEmail([]))
  }
}

@Suite struct EmailBodyTests {
  @Test func quotedPrintableSoftBreaksLowercaseHexAndBrokenEquals() throws {
    let document = try load([
      "From: a@b.c", "Subject: qp", "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: quoted-printable", "", "This is a long line that was wrapp=", "ed by the sender, =",
      "caf=c3=a9 and 1+1=3D2 and a =ZZ broken one and a trailing =  ", "end", "",
    ])
    #expect(
      document.bodyText == "This is a long line that was wrapped by the sender, café and 1+1=2 and a =ZZ broken one "
        + "and a trailing end\r\n")
  }

  @Test func quotedPrintableWordMapsToTheRightLineAndColumn() throws {
    let document = try load([
      "From: a@b.c", "Subject: position", "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: quoted-printable", "", "First line.", "Vous =C3=AAtes libre de refuser, c'est d=",
      "=C3=A9cid=C3=A9.", "",
    ])
    let libre = try #require(document.originalLocation(of: "libre"))
    #expect(libre.line == 7 && libre.column == 16 && libre.original == "libre")
    let etes = try #require(document.originalLocation(of: "êtes"))
    #expect(etes.line == 7 && etes.column == 6 && etes.original == "=C3=AAtes")
    // A word decoded across a soft line break spans both lines of the file.
    let decide = try #require(document.originalLocation(of: "décidé"))
    #expect(decide.line == 7 && decide.original == "d=\r\n=C3=A9cid=C3=A9")
  }

  @Test func base64Body() throws {
    let encoded = "Tm8gb2JsaWdhdGlvbiwgeW91IGFyZSBmcmVlIHRvIHNheSBuby4K"  // "No obligation, you are free to say no.\n"
    let document = try load([
      "From: a@b.c", "Subject: b64", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "",
      String(encoded.prefix(20)), " " + String(encoded.dropFirst(20)) + "!!", "",
    ])
    #expect(document.bodyText == "No obligation, you are free to say no.\n")
    // Base64 bytes map to the encoded line they come from: "free" is decoded from line 7.
    let free = try #require(document.originalLocation(of: "free"))
    #expect(free.line == 7 && free.column == 2)
    let obligation = try #require(document.originalLocation(of: "obligation"))
    #expect(obligation.line == 6 && obligation.column == 1)
  }

  @Test func latin1AndWindows1252Bodies() throws {
    var bytes = Array(
      "From: a@b.c\r\nSubject: w\r\nContent-Type: text/plain; charset=windows-1252\r\n\r\nIt".utf8)
    bytes += [0x92, 0x73, 0x20, 0x80, 0x35, 0x20, 0x93, 0x71, 0x94, 0x0D, 0x0A]
    let document = try load(bytes: bytes)
    #expect(document.bodyText == "It’s €5 “q”\r\n")
    #expect(document.originalEncoding == .singleByte)
    let euro = try #require(document.originalLocation(of: "€5"))
    #expect(euro.line == 5 && euro.column == 6)

    var latin1 = Array("From: a@b.c\r\nSubject: l\r\nContent-Type: text/plain; charset=ISO-8859-1\r\n\r\n".utf8)
    latin1 += [0x44, 0xE9, 0x6A, 0xE0, 0x20, 0x76, 0x75]
    #expect(try load(bytes: latin1).bodyText == "Déjà vu")

    var latin9 = Array("From: a@b.c\r\nSubject: l\r\nContent-Type: text/plain; charset=iso-8859-15\r\n\r\n".utf8)
    latin9 += [0xA4, 0x20, 0xBD, 0x75, 0x76, 0x72, 0x65]
    #expect(try load(bytes: latin9).bodyText == "€ œuvre")
  }

  @Test func undeclared8BitTextThatIsNotUTF8IsReadAsWindows1252() throws {
    var bytes = Array("From: a@b.c\r\nSubject: x\r\n\r\nCaf".utf8) + [0xE9] + Array(" and caf\u{e9}".utf8)
    bytes += [0x0A]
    #expect(try load(bytes: bytes).bodyText == "Café and café\n")
  }

  @Test func otherCharsetsDecodeThroughIconvAndUnknownOnesWarn() throws {
    // KOI8-R "привет" (hello), in the body and in an encoded word of the subject.
    var koi = Array(
      "From: a@b.c\r\nSubject: =?koi8-r?B?0NLJ18XU?=\r\nContent-Type: text/plain; charset=koi8-r\r\n\r\n".utf8)
    koi += [0xD0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]
    let document = try load(bytes: koi)
    #expect(document.warnings.isEmpty)
    #expect(document.bodyText == "привет")
    #expect(document.subjectText == "привет")
    let unknown = try load(["From: a@b.c", "Subject: x", "Content-Type: text/plain; charset=x-nonsense", "", "hi"])
    #expect(unknown.bodyText == "hi")
    #expect(unknown.warnings.map(\.message) == ["unsupported charset \"x-nonsense\"; text kept as UTF-8"])
  }
}

@Suite struct EmailMIMETests {
  private let alternative = [
    "From: a@b.c", "Subject: alt", "MIME-Version: 1.0", "Content-Type: multipart/alternative; boundary=\"XX\"", "",
    "preamble is ignored", "--XX", "Content-Type: text/html; charset=utf-8", "", "<p>The <b>HTML</b> version</p>",
    "--XX", "Content-Type: text/plain; charset=utf-8", "", "The plain version", "--XX--", "epilogue ignored", "",
  ]

  @Test func alternativePrefersTextPlain() throws {
    let document = try load(alternative)
    #expect(document.bodyText == "The plain version")
    #expect(document.warnings.isEmpty)
  }

  @Test func htmlOnlyMailFallsBackToTheHTMLPart() throws {
    var lines = alternative
    lines.removeSubrange(10..<14)  // drop the text/plain part
    let document = try load(lines)
    #expect(document.segments.map(\.part) == [.subject, .body])
    #expect(document.bodyText.contains("version"))
    #expect(document.bodyText.contains("HTML"))
    #expect(!document.bodyText.contains("plain"))
  }

  @Test func emptyPlainAlternativeFallsBackToHTML() throws {
    var lines = alternative
    lines[13] = "  "
    #expect(try load(lines).bodyText.contains("HTML"))
  }

  @Test func aPlainStubOfANewsletterGivesWayToItsHTML() throws {
    let story = String(repeating: "Our spring issue covers backups, drivers and faster boot times. ", count: 12)
    var lines = alternative
    lines[9] = "<p>\(story)</p>"
    lines[13] = "If you are seeing this message, please visit our site to read the latest stories."
    let document = try load(lines)
    #expect(document.bodyText.contains("faster boot times"))
    #expect(!document.bodyText.contains("If you are seeing this message"))
    // A plain part with the same words as its HTML sibling is still the one read.
    lines[13] = story + "Plain edition."
    #expect(try load(lines).bodyText.contains("Plain edition."))
  }

  @Test func nestedMultipartAndAttachmentsSkipped() throws {
    let document = try load([
      "From: a@b.c", "Subject: nested", "Content-Type: multipart/mixed; boundary=outer", "", "--outer",
      "Content-Type: multipart/alternative; boundary=inner", "", "--inner", "Content-Type: text/plain", "",
      "Inner plain text", "--inner", "Content-Type: text/html", "", "<p>Inner html</p>", "--inner--", "--outer",
      "Content-Type: text/plain; name=notes.txt", "Content-Disposition: attachment; filename=notes.txt", "",
      "attached text must not be linted", "--outer", "Content-Type: application/pdf",
      "Content-Transfer-Encoding: base64",
      "", "JVBERi0xLjQK", "--outer", "Content-Type: text/plain", "", "A footer the list added", "--outer--", "",
    ])
    #expect(document.bodyText == "Inner plain text\nA footer the list added")
    #expect(document.segments.map(\.part) == [.subject, .body, .body])
  }

  @Test func similarBoundariesAreNotConfused() throws {
    let document = try load([
      "From: a@b.c", "Subject: s", "Content-Type: multipart/mixed; boundary=\"b\"", "", "--b",
      "Content-Type: multipart/alternative; boundary=\"b-1\"", "", "--b-1", "Content-Type: text/plain", "", "one",
      "--b-1--", "--b", "Content-Type: text/plain", "", "two", "--b--",
    ])
    #expect(document.bodyText == "one\ntwo")
  }

  @Test func attachedMessageIsRecursedAndDigestDefaultsToMessages() throws {
    let forwarded = try load([
      "From: a@b.c", "Subject: fwd", "Content-Type: multipart/mixed; boundary=m", "", "--m", "Content-Type: text/plain",
      "", "See below.", "--m", "Content-Type: message/rfc822", "", "From: c@d.e", "Subject: inner",
      "Content-Type: text/plain", "", "Inner message body.", "--m--",
    ])
    #expect(forwarded.bodyText == "See below.\nInner message body.")
    let digest = try load([
      "From: a@b.c", "Subject: digest", "Content-Type: multipart/digest; boundary=d", "", "--d", "", "From: x@y",
      "Subject: one", "", "First digest message.", "--d", "", "From: x@y", "Subject: two", "", "Second one.", "--d--",
    ])
    #expect(digest.bodyText == "First digest message.\nSecond one.")
  }

  @Test func truncatedMessageGivesBestEffortAndAWarning() throws {
    let document = try load([
      "From: a@b.c", "Subject: cut", "Content-Type: multipart/mixed; boundary=cut", "", "--cut",
      "Content-Type: text/plain", "", "Text before the cut", "and more",
    ])
    #expect(document.bodyText == "Text before the cut\r\nand more")
    #expect(document.warnings.contains { $0.message.contains("closing boundary") })
  }

  @Test func onlyAttachmentsGivesTheSubjectAndAWarning() throws {
    let document = try load([
      "From: a@b.c", "Subject: Your invoice", "Content-Type: multipart/mixed; boundary=z", "", "--z",
      "Content-Type: application/pdf", "Content-Disposition: attachment; filename=invoice.pdf",
      "Content-Transfer-Encoding: base64", "", "JVBERi0xLjQK", "--z--",
    ])
    #expect(String(decoding: document.text, as: UTF8.self) == "Your invoice")
    #expect(document.warnings.map(\.message) == ["no text part (only attachments or machine parts)"])
  }

  @Test func depthLimitStopsDeepNestingWithAWarning() throws {
    var lines = ["From: a@b.c", "Subject: deep"]
    let depth = EmailLoader.maximumDepth + 10
    for level in 0..<depth {
      lines += ["Content-Type: multipart/mixed; boundary=b\(level)", "", "--b\(level)"]
    }
    lines += ["Content-Type: text/plain", "", "deep text"]
    for level in (0..<depth).reversed() { lines.append("--b\(level)--") }
    let document = try load(lines)
    #expect(document.subjectText == "deep")
    #expect(!document.bodyText.contains("deep text"))
    #expect(document.warnings.contains { $0.message.contains("nested deeper") })
  }

  @Test func partLimitStopsHugeMessagesWithAWarning() throws {
    var lines = ["From: a@b.c", "Subject: many", "Content-Type: multipart/mixed; boundary=p", ""]
    for index in 0..<(EmailLoader.maximumParts + 50) { lines += ["--p", "", "part \(index)"] }
    lines.append("--p--")
    let document = try load(lines, lf: true)
    let bodies = document.segments.filter { $0.part == .body }
    #expect(bodies.count == EmailLoader.maximumParts - 1)
    #expect(document.warnings.contains { $0.message.contains("MIME parts") })
  }

  @Test func headerlessTextIsABodyWithAWarningAndBinaryIsAnError() throws {
    let document = try load(["Just some text", "without headers"], lf: true)
    #expect(document.bodyText == "Just some text\nwithout headers")
    #expect(document.warnings.count == 1)
    #expect(throws: InputError.self) { try load(bytes: [0x00, 0x01, 0x02, 0xFF]) }
  }

  @Test func quotedRepliesGoThroughTheStripperUnlessIncluded() throws {
    let lines = ["From: a@b.c", "Subject: re", "", "My answer.", "> their text", ""]
    #expect(try load(lines, includeQuoted: true).bodyText == "My answer.\r\n> their text\r\n")
  }

  @Test func mboxFromLineIsSkipped() throws {
    let document = try load(
      [
        "From someone@example.com Mon Jan  1 00:00:00 2024", "From: a@b.c", "Subject: mbox", "", "hello", "",
        "From other@example.com Mon Jan  1 00:00:01 2024", "Subject: second", "", "second body",
      ], lf: true)
    #expect(document.subjectText == "mbox")
    #expect(document.bodyText == "hello\n")
    #expect(document.warnings.count == 1)
  }
}
