/// Splits UTF-8 text into tokens in one pass over the bytes.
///
/// It folds each token (case, accents, ligatures, apostrophes), expands English
/// contractions, splits French elisions, recognises placeholders, URLs, e-mail addresses
/// and emoji, and marks sentence and clause boundaries. It allocates nothing per token:
/// folded forms are written to a reused scratch buffer and handed to a `TokenSink`.
/// Malformed UTF-8 never stops it: each bad sequence is a separator, counted in the report.
public struct Tokenizer: ~Copyable {
  /// Longest folded form kept per token; longer words keep their span but a cut form.
  public static let foldCapacity = 256
  package let scratch: UnsafeMutablePointer<UInt8>
  let spare: UnsafeMutablePointer<UInt8>

  public init() {
    scratch = .allocate(capacity: Tokenizer.foldCapacity + 16)
    spare = .allocate(capacity: Tokenizer.foldCapacity + 16)
  }

  deinit {
    scratch.deallocate()
    spare.deallocate()
  }

  /// Tokenizes `text`, calling `sink` for each token in order.
  @discardableResult
  public func tokenize<Sink: TokenSink>(
    _ text: UnsafeBufferPointer<UInt8>, into sink: inout Sink
  ) -> TokenizerReport {
    guard let base = text.baseAddress, !text.isEmpty else { return TokenizerReport() }
    var scan = TokenScan(base: base, count: text.count, scratch: scratch, spare: spare)
    scan.run(&sink)
    return scan.report
  }

  /// Tokenizes `bytes`, calling `sink` for each token in order.
  @discardableResult
  public func tokenize<Sink: TokenSink>(_ bytes: [UInt8], into sink: inout Sink) -> TokenizerReport {
    bytes.withUnsafeBufferPointer { tokenize($0, into: &sink) }
  }
}

/// The state of one tokenizer pass.
struct TokenScan {
  package let base: UnsafePointer<UInt8>
  package let count: Int
  package let scratch: UnsafeMutablePointer<UInt8>
  let spare: UnsafeMutablePointer<UInt8>
  package var report = TokenizerReport()

  /// Flags for the next token emitted.
  package var pending: TokenFlags = [.sentenceStart, .clauseStart]
  /// The word being read: source start (-1 when none) and end, folded length.
  package var wordStart = -1
  package var wordEnd = 0
  package var length = 0
  /// Non-ASCII letters of the word by case (ASCII case is read from `asciiBits`).
  var upperCount = 0
  var lowerCount = 0
  /// The OR of the word's ASCII letter and digit bytes: bit 0x20 clear = no lowercase
  /// letter and no digit among them.
  var asciiBits: UInt8 = 0
  var firstIsUpper = false
  /// An apostrophe just read after a letter, not yet known to be inside the word.
  var pendingApostrophe = -1
  var pendingApostropheWidth = 0
  /// Apostrophes inside the current word: source offset, width in bytes, folded offset.
  var apostrophes = ApostropheList()
  /// The last word emitted, for abbreviation checks: source end and folded key.
  package var lastWordEnd = -1
  var lastWordKey: UInt64?
  var lastWordWasInitial = false

  package init(
    base: UnsafePointer<UInt8>, count: Int, scratch: UnsafeMutablePointer<UInt8>,
    spare: UnsafeMutablePointer<UInt8>
  ) {
    self.base = base
    self.count = count
    self.scratch = scratch
    self.spare = spare
  }

  package mutating func run<Sink: TokenSink>(_ sink: inout Sink) {
    let table = ASCIIClass.pointer
    var index = 0
    while index < count {
      let byte = base[index]
      if byte < 0x80 {
        let role = table[Int(byte)]
        if role >= 0x30 {
          if wordStart < 0 {
            if byte &- 0x61 < 26, let next = shortLowercaseWord(at: index, &sink) {
              index = next
              continue
            }
            // Only `http…` and `www.` can start a URL: one byte test keeps most words off the check.
            if role == UInt8(ascii: "h") || role == UInt8(ascii: "w"), index + 1 < count,
              base[index + 1] | 0x20 == UInt8(ascii: "t") || base[index + 1] | 0x20 == UInt8(ascii: "w"),
              let end = urlEnd(at: index)
            {
              emitWhole(index, end, .url, &sink)
              index = end
              continue
            }
            wordStart = index
            let capital = byte &- 0x41 < 26
            firstIsUpper = capital
            upperCount = 0
            lowerCount = 0
            apostrophes.count = 0
            index = asciiRun(from: index, table: table, fresh: true, capital: capital)
            // Most words end at a plain space: flushed here, without a second dispatch.
            if index < count && base[index] == 0x20 {
              flushWordInline(&sink)
              index &+= 1
            }
            continue
          } else if pendingApostrophe >= 0 {
            acceptPendingApostrophe()
          }
          index = asciiRun(from: index, table: table, fresh: false)
          continue
        }
        if role == ASCIIClass.space {
          if pendingApostrophe >= 0 { settleApostrophe(&sink) }
          flushWordInline(&sink)
          index &+= 1
          continue
        }
        index = punctuation(byte, role, at: index, &sink)
        continue
      }
      // An accented Latin letter (two bytes, below U+0250, where the fold table ends; lead
      // byte 0xC9 goes on to U+027F) is folded here: through `nonASCII` and `appendLetter`
      // it cost some two hundred instructions.
      if byte >= 0xC2 && byte <= 0xC9, index + 1 < count, base[index + 1] & 0xC0 == 0x80 {
        let value = Int(UInt32(byte & 0x1F) << 6 | UInt32(base[index + 1] & 0x3F))
        let folded = value < 0x250 ? latinFoldTable[value - 0x80] : 0
        if folded != 0 {
          if wordStart < 0 {
            beginWord(at: index)
          } else if pendingApostrophe >= 0 {
            acceptPendingApostrophe()
          }
          appendFolded(folded)
          index &+= 2
          wordEnd = index
          continue
        }
      }
      index = nonASCII(at: index, &sink)
    }
    settleApostrophe(&sink)
    flushWord(&sink)
  }

  // MARK: Words

  /// Reads a run of ASCII letters and digits into the current word, in local variables:
  /// the hot loop of the tokenizer. Case is gathered as one OR of the bytes.
  @inline(__always)
  mutating func asciiRun(from start: Int, table: UnsafePointer<UInt8>, fresh: Bool, capital: Bool = false)
    -> Int
  {
    var index = start
    // A fresh word starts from zeros held in registers, not from fields just stored.
    var folded = fresh ? 0 : length
    var bits: UInt8 = fresh ? 0 : asciiBits
    let limit = min(count, index + max(0, Tokenizer.foldCapacity - folded))
    if capital {
      // The capital of a capitalized word, so that the rest goes eight bytes at a time.
      scratch[0] = base[index] | 0x20
      bits = base[index]
      folded = 1
      index &+= 1
    }
    // Eight bytes at a time while they are lowercase letters, which fold to themselves: the
    // common case, copied whole (scratch has room past its capacity for the spare bytes).
    let fastStart = index
    while index + 8 <= limit {
      let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
      let run = TokenScan.lowercaseRun(word)
      UnsafeMutableRawPointer(scratch + folded).storeBytes(of: word, as: UInt64.self)
      folded &+= run
      index &+= run
      if run < 8 { break }
    }
    // Once for the loop, not per eight bytes (a conditional OR cost seven instructions a word).
    if index != fastStart { bits |= 0x61 }
    while index < limit {
      let byte = base[index]
      if byte >= 0x80 { break }
      let role = table[Int(byte)]
      if role < 0x30 { break }
      scratch[folded] = role
      folded &+= 1
      bits |= byte
      index &+= 1
    }
    if index == limit && index < count && folded >= Tokenizer.foldCapacity {
      // An overlong word: the rest keeps its span, not its folded form.
      while index < count, base[index] < 0x80, table[Int(base[index])] >= 0x30 {
        bits |= base[index]
        index &+= 1
      }
      if folded == Tokenizer.foldCapacity {
        report.overlongWords += 1
        folded += 1
      }
    }
    length = folded
    asciiBits = bits
    wordEnd = index
    return index
  }

  @inline(__always)
  mutating func beginWord(at index: Int) {
    wordStart = index
    length = 0
    upperCount = 0
    lowerCount = 0
    asciiBits = 0
    firstIsUpper = false
    apostrophes.count = 0
  }

  @inline(__always)
  package mutating func append(_ byte: UInt8) {
    if length < Tokenizer.foldCapacity {
      scratch[length] = byte
      length &+= 1
    } else if length == Tokenizer.foldCapacity {
      report.overlongWords += 1
      length &+= 1
    }
  }

  @inline(__always)
  mutating func noteUpper() {
    if length == 0 { firstIsUpper = true }
    upperCount &+= 1
  }

  mutating func acceptPendingApostrophe() {
    apostrophes.append(
      source: pendingApostrophe, width: pendingApostropheWidth, folded: min(length, Tokenizer.foldCapacity))
    append(UInt8(ascii: "'"))
    pendingApostrophe = -1
  }

  /// Reads a letter that is not ASCII: folds it through the table or the slow path.
  /// Appends a Latin letter from its fold-table entry: one or two ASCII letters, and
  /// whether it was a capital.
  @inline(__always)
  mutating func appendFolded(_ folded: UInt16) {
    if folded & 0x8000 != 0 { noteUpper() } else { lowerCount &+= 1 }
    append(UInt8(folded & 0x7F))
    let second = UInt8((folded >> 8) & 0x7F)
    if second != 0 { append(second) }
  }

  mutating func appendLetter(_ value: UInt32) {
    if value < 0x250 {
      appendFolded(latinFoldTable[Int(value) - 0x80])
      return
    }
    guard let scalar = Unicode.Scalar(value) else { return }
    if scalar.properties.isUppercase { noteUpper() } else { lowerCount &+= 1 }
    for lowered in scalar.properties.lowercaseMapping.utf8 { append(lowered) }
  }

  mutating func flushWord<Sink: TokenSink>(_ sink: inout Sink) {
    flushWordInline(&sink)
  }

  /// `flushWord`, inlined where a space ends a word (most words): the call and its prologue
  /// cost as much as the rest of a word's emission.
  @inline(__always)
  mutating func flushWordInline<Sink: TokenSink>(_ sink: inout Sink) {
    guard wordStart >= 0 else { return }
    if pendingApostrophe >= 0 {
      pendingApostrophe = -1
    }
    let kind: TokenKind = scratch[0] < 0x3A ? .number : .word
    var flags = pending
    if length >= 2 && lowerCount == 0 && asciiBits & 0x20 == 0 && (asciiBits != 0 || upperCount >= 2) {
      flags.insert(.allCaps)
    }
    if firstIsUpper { flags.insert(.capitalized) }
    pending = []
    let folded = min(length, Tokenizer.foldCapacity)
    lastWordEnd = wordEnd
    // Most words have no apostrophe and are not `cannot`: emitted here, since the call
    // into `emitWord` (a large function) cost a fifth of a word's emission in its prologue.
    if kind == .word && (apostrophes.count != 0 || (folded == 6 && TokenScan.isCannot(scratch))) {
      emitWord(start: wordStart, end: wordEnd, folded: folded, flags: flags, &sink)
    } else {
      sink.token(
        start: wordStart, end: wordEnd, kind: kind, flags: flags,
        folded: UnsafeBufferPointer(start: scratch, count: folded))
    }
    wordStart = -1
  }

  /// Whether `bytes` start with `cannot`, read as one load (the scratch buffer has slack).
  @inline(__always)
  static func isCannot(_ bytes: UnsafeMutablePointer<UInt8>) -> Bool {
    isCannot(UnsafeRawPointer(bytes).loadUnaligned(as: UInt64.self))
  }

  /// Emits a token that is not a word (URL, e-mail, placeholder, emoji, punctuation).
  mutating func emitWhole<Sink: TokenSink>(
    _ start: Int, _ end: Int, _ kind: TokenKind, _ sink: inout Sink, extra: TokenFlags = []
  ) {
    flushWord(&sink)
    let folded = foldVerbatim(start, end, kind: kind)
    let flags = pending.union(extra)
    pending = []
    sink.token(
      start: start, end: end, kind: kind, flags: flags,
      folded: UnsafeBufferPointer(start: spare, count: folded))
  }

  /// The folded form of a non-word token: ASCII lowercased, emoji reduced to their first scalar.
  mutating func foldVerbatim(_ start: Int, _ end: Int, kind: TokenKind) -> Int {
    if end == start + 1 {
      // Most of these are one mark (`,` `(` `-`): no loop.
      let byte = base[start]
      spare[0] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
      return 1
    }
    var width = min(end - start, Tokenizer.foldCapacity)
    if kind == .emoji { width = min(width, utf8Width(base[start])) }
    for offset in 0..<width {
      let byte = base[start + offset]
      spare[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
    return width
  }
}

/// Up to eight apostrophe positions inside one word, without allocating.
struct ApostropheList {
  package var count = 0
  private var sources: (Int, Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0, 0)
  private var widths: (Int, Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0, 0)
  private var foldeds: (Int, Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0, 0)

  package mutating func append(source: Int, width: Int, folded: Int) {
    guard count < 8 else { return }
    withUnsafeMutableBytes(of: &sources) { $0.storeBytes(of: source, toByteOffset: count * 8, as: Int.self) }
    withUnsafeMutableBytes(of: &widths) { $0.storeBytes(of: width, toByteOffset: count * 8, as: Int.self) }
    withUnsafeMutableBytes(of: &foldeds) { $0.storeBytes(of: folded, toByteOffset: count * 8, as: Int.self) }
    count += 1
  }

  package func source(_ index: Int) -> Int {
    withUnsafeBytes(of: sources) { $0.load(fromByteOffset: index * 8, as: Int.self) }
  }
  package func width(_ index: Int) -> Int {
    withUnsafeBytes(of: widths) { $0.load(fromByteOffset: index * 8, as: Int.self) }
  }
  package func folded(_ index: Int) -> Int {
    withUnsafeBytes(of: foldeds) { $0.load(fromByteOffset: index * 8, as: Int.self) }
  }
}

/// The number of bytes of the UTF-8 sequence that `lead` starts.
@inline(__always)
func utf8Width(_ lead: UInt8) -> Int {
  if lead < 0x80 { return 1 }
  if lead < 0xE0 { return 2 }
  if lead < 0xF0 { return 3 }
  return 4
}

extension Tokenizer {
  /// Tokenizes `text` and returns the number of tokens and of folded bytes: the tokenizer
  /// alone, specialized in this module (for the benchmark; a sink from another module would
  /// go through a generic, unspecialized call per token).
  public func countTokens(_ text: UnsafeBufferPointer<UInt8>) -> (tokens: Int, foldedBytes: Int) {
    var sink = TokenCounter()
    tokenize(text, into: &sink)
    return (sink.tokens, sink.foldedBytes)
  }
}

/// Counts tokens and folded bytes.
struct TokenCounter: TokenSink {
  package var tokens = 0
  var foldedBytes = 0

  @inline(__always)
  package mutating func token(
    start: Int, end: Int, kind: TokenKind, flags: TokenFlags, folded: UnsafeBufferPointer<UInt8>
  ) {
    tokens &+= 1
    foldedBytes &+= folded.count
  }
}
