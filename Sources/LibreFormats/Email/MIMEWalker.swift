import LibreKit

/// Walks a MIME tree and gathers the texts a reader would see, the way a mail client shows a
/// message: text/plain preferred in alternatives (unless it is a stub that points at the
/// HTML), text/html otherwise, attachments and
/// machine parts skipped. Deep or huge trees end in a warning, never a crash or a blow-up.
struct MIMEWalker {
  let options: LoadOptions
  private(set) var warnings: [DocumentWarning] = []
  private var partCount = 0
  private var warnedParts = false
  private var warnedDepth = false

  init(options: LoadOptions) { self.options = options }

  /// A warning at `offset`, once per message text.
  mutating func warn(_ message: String, at offset: Int?) {
    if !warnings.contains(where: { $0.message == message }) {
      warnings.append(DocumentWarning(originalOffset: offset, message: message))
    }
  }

  /// The texts of `entity` at nesting depth `depth`, in order.
  mutating func texts(of entity: MIMEEntity, depth: Int) -> [MappedText] {
    partCount += 1
    if partCount > options.limits.mimeParts {
      if !warnedParts {
        warnedParts = true
        warn(
          "more than \(options.limits.mimeParts) MIME parts, the maximum part count; the rest is skipped "
            + "(raise it with --max-mime-parts N)", at: entity.originalOffset)
      }
      return []
    }
    if entity.isAttachment { return [] }
    let type = entity.contentType
    switch type.type {
    case "multipart":
      guard let children = children(of: entity, depth: depth) else { return leafText(entity, html: false) }
      if type.subtype == "alternative" { return alternative(children, depth: depth + 1) }
      var texts: [MappedText] = []
      for child in children { texts += self.texts(of: child, depth: depth + 1) }
      return texts
    case "message":
      guard ["rfc822", "global", "news"].contains(type.subtype) else { return [] }
      guard checkDepth(depth, entity) else { return [] }
      let inner: MIMEEntity
      if entity.transferEncoding == .identity {
        inner = MIMEEntity(source: entity.source, range: entity.body, defaultType: "text/plain")
      } else {
        let decoded = entity.decodedBody
        inner = MIMEEntity(source: decoded, range: 0..<decoded.bytes.count, defaultType: "text/plain")
      }
      return texts(of: inner, depth: depth + 1)
    case "text":
      switch type.subtype {
      case "plain", "enriched", "richtext", "": return leafText(entity, html: false)
      case "html", "xhtml+xml": return leafText(entity, html: true)
      default: return []
      }
    default: return []
    }
  }

  /// Whether `depth` is within the limit; warns once when it is not.
  private mutating func checkDepth(_ depth: Int, _ entity: MIMEEntity) -> Bool {
    guard depth >= options.limits.mimeDepth else { return true }
    if !warnedDepth {
      warnedDepth = true
      warn(
        "MIME parts nested deeper than \(options.limits.mimeDepth) levels, the maximum MIME depth, are skipped "
          + "(raise it with --max-mime-depth N)", at: entity.originalOffset)
    }
    return false
  }

  /// The body parts of a multipart entity, or nil when it has no delimiter at all (the body
  /// is then read as plain text, the best guess for a mislabelled message).
  private mutating func children(of entity: MIMEEntity, depth: Int) -> [MIMEEntity]? {
    guard checkDepth(depth, entity) else { return [] }
    let bytes = entity.source.bytes
    var boundary = entity.contentType["boundary"].map { Array($0.utf8) } ?? []
    if boundary.isEmpty {
      guard let guessed = MultipartSplitter.guessBoundary(bytes, entity.body) else {
        warn("multipart part without a boundary; read as plain text", at: entity.originalOffset)
        return nil
      }
      warn("multipart part without a boundary parameter; boundary guessed from the body", at: entity.originalOffset)
      boundary = guessed
    }
    let limit = max(options.limits.mimeParts - partCount + 1, 1)
    var split = MultipartSplitter.split(bytes, entity.body, boundary: boundary, limit: limit)
    if split.firstDelimiter == nil {
      // A boundary parameter that does not match the body (a typo, a mangled relay): the
      // body's own first `--` line is the next best guess.
      if let guessed = MultipartSplitter.guessBoundary(bytes, entity.body), guessed != boundary {
        split = MultipartSplitter.split(bytes, entity.body, boundary: guessed, limit: limit)
      }
      guard split.firstDelimiter != nil else {
        warn("multipart part whose boundary never occurs; read as plain text", at: entity.originalOffset)
        return nil
      }
      warn("multipart part whose boundary never occurs; boundary guessed from the body", at: entity.originalOffset)
    }
    if !split.closed && split.parts.count < limit {
      warn("multipart part without its closing boundary (truncated message?)", at: entity.originalOffset)
    }
    let defaultType = entity.contentType.subtype == "digest" ? "message/rfc822" : "text/plain"
    return split.parts.map { MIMEEntity(source: entity.source, range: $0, defaultType: defaultType) }
  }

  /// multipart/alternative: the first text/plain child with some text (unless it is a stub
  /// of its HTML sibling), else the first nested multipart or message that yields text,
  /// else the first text/html child.
  private mutating func alternative(_ children: [MIMEEntity], depth: Int) -> [MappedText] {
    func rank(_ child: MIMEEntity) -> Int {
      let type = child.contentType
      switch type.type {
      case "text": return type.subtype == "plain" || type.subtype.isEmpty ? 0 : type.subtype == "html" ? 2 : 3
      case "multipart", "message": return 1
      default: return 3
      }
    }
    for wanted in 0..<3 {
      for child in children where rank(child) == wanted {
        let texts = self.texts(of: child, depth: depth)
        guard texts.contains(where: { !EmailBytes.isBlank($0.bytes) }) else { continue }
        // A plain part that only says "see the HTML version" stands for a newsletter
        // whose words are all in its HTML sibling: read what the reader's client shows.
        if wanted == 0, Self.letters(in: texts) < Self.stubLetters,
          let html = children.first(where: { rank($0) == 2 })
        {
          let rendered = self.texts(of: html, depth: depth)
          if Self.letters(in: rendered) > Self.letters(in: texts) * Self.stubRatio { return rendered }
        }
        return texts
      }
    }
    return []
  }

  /// Below this many letters a plain alternative may be a stub ("view this in HTML").
  static let stubLetters = 400
  /// How many times more letters the HTML alternative must hold to replace such a stub.
  static let stubRatio = 4

  private static func letters(in texts: [MappedText]) -> Int {
    texts.reduce(0) { count, text in
      count + text.bytes.reduce(0) { $0 + ((($1 | 0x20) >= 0x61 && ($1 | 0x20) <= 0x7A) || $1 >= 0xC0 ? 1 : 0) }
    }
  }

  /// A text part decoded down to the words: transfer encoding, charset, HTML, and quoted
  /// replies left out unless asked for.
  private mutating func leafText(_ entity: MIMEEntity, html: Bool) -> [MappedText] {
    if case .unknown(let name) = entity.transferEncoding {
      warn("unsupported transfer encoding \"\(name)\"; part kept as is", at: entity.originalOffset)
    }
    let charset = entity.contentType["charset"].map { Charset.normalizedName($0.utf8) }
    let (decoded, problem) = Charsets.decode(entity.decodedBody, charset: charset)
    if let problem { warn(problem, at: entity.originalOffset) }
    var text = html ? HTMLText.extract(decoded) : decoded
    if !options.includeQuoted { text = QuotedReplies.strip(text) }
    return [text]
  }
}
