/// Contractions and elisions: how one written word becomes several tokens.
///
/// English contractions are expanded (`don't` → `do` `not`, `you're` → `you` `are`,
/// `won't` → `will` `not`, `let's` → `let` `us`); French elisions are split
/// (`l'offre` → `l'` `offre`, `qu'il` → `qu'` `il`) while words such as `aujourd'hui`
/// stay whole. Each part keeps the exact byte range it came from.
enum Contractions {
  /// Folded prefixes that elide before a vowel in French (`l'`, `jusqu'`).
  static let elisions = KeySet([
    "l", "d", "j", "m", "t", "s", "n", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
  ])
  /// Bases after which `'s` means `is` (or `us`, for `let`).
  static let sIsBases = KeySet([
    "it", "that", "there", "here", "what", "who", "where", "when", "how", "he", "she", "this",
    "everything", "nothing", "something", "someone", "everyone", "why", "now",
  ])

  package static let not = Array("not".utf8)
  package static let will = Array("will".utf8)
  package static let can = Array("can".utf8)
  static let shall = Array("shall".utf8)
  package static let isWord = Array("is".utf8)
  package static let are = Array("are".utf8)
  package static let have = Array("have".utf8)
  package static let am = Array("am".utf8)
  package static let would = Array("would".utf8)
  package static let us = Array("us".utf8)
  static let possessive = Array("'s".utf8)
  static let cannotKey = key("cannot")
  static let tKey = key("t")
  static let sKey = key("s")
  static let letKey = key("let")

  static let suffixExpansions: [(key: UInt64?, word: [UInt8])] = [
    (key("re"), are), (key("ve"), have), (key("ll"), will), (key("m"), am), (key("d"), would),
  ]
  static let negatedStems: [(key: UInt64?, word: [UInt8])] = [
    (key("wo"), will), (key("ca"), can), (key("sha"), shall), (key("ai"), isWord),
  ]

  /// The word a suffix after an apostrophe stands for (`re` → `are`), or nil.
  static func expansion(ofSuffix suffix: UInt64?) -> [UInt8]? {
    suffixExpansions.first { $0.key == suffix }?.word
  }

  /// The stem a `n't` contraction stands for (`wo` → `will`), or nil to keep it as written.
  package static func stem(ofNegated base: UInt64?) -> [UInt8]? {
    negatedStems.first { $0.key == base }?.word
  }

  package static func key(_ word: String) -> UInt64? {
    var bytes = Array(word.utf8)
    return bytes.withUnsafeMutableBufferPointer { Abbreviations.key($0.baseAddress!, count: $0.count) }
  }

}

extension TokenScan {
  /// Emits the word held in the scratch buffer, expanding contractions and splitting elisions.
  mutating func emitWord<Sink: TokenSink>(
    start: Int, end: Int, folded: Int, flags: TokenFlags, _ sink: inout Sink
  ) {
    var flags = flags
    if apostrophes.count == 0 {
      if folded == 6, Abbreviations.key(scratch, count: 6) == Contractions.cannotKey {
        part(start, start + 3, scratch, 3, &flags, &sink)
        emitFixed(start + 3, end, Contractions.not, &flags, &sink)
        return
      }
      sink.token(
        start: start, end: end, kind: .word, flags: flags,
        folded: UnsafeBufferPointer(start: scratch, count: folded))
      return
    }
    var segmentSource = start
    var segmentFolded = 0
    var next = 0
    while next < apostrophes.count {
      let foldedAt = apostrophes.folded(next)
      guard foldedAt < folded,
        let prefix = Abbreviations.key(scratch + segmentFolded, count: foldedAt - segmentFolded),
        Contractions.elisions.contains(prefix), foldedAt + 1 < folded
      else { break }
      let sourceEnd = apostrophes.source(next) + apostrophes.width(next)
      part(segmentSource, sourceEnd, scratch + segmentFolded, foldedAt + 1 - segmentFolded, &flags, &sink)
      segmentSource = sourceEnd
      segmentFolded = foldedAt + 1
      next += 1
    }
    if next < apostrophes.count {
      let last = apostrophes.count - 1
      if splitEnglish(
        apostrophe: last, segmentSource: segmentSource, segmentFolded: segmentFolded, end: end,
        folded: folded, &flags, &sink)
      {
        return
      }
    }
    guard folded > segmentFolded else { return }
    part(segmentSource, end, scratch + segmentFolded, folded - segmentFolded, &flags, &sink)
  }

  /// Splits `base'suffix` when the suffix is an English contraction; false when it is not one.
  private mutating func splitEnglish<Sink: TokenSink>(
    apostrophe index: Int, segmentSource: Int, segmentFolded: Int, end: Int, folded: Int,
    _ flags: inout TokenFlags, _ sink: inout Sink
  ) -> Bool {
    let foldedAt = apostrophes.folded(index)
    let source = apostrophes.source(index)
    guard foldedAt > segmentFolded, foldedAt < folded else { return false }
    let base = scratch + segmentFolded
    let baseLength = foldedAt - segmentFolded
    let suffixLength = folded - foldedAt - 1
    let suffix = Abbreviations.key(scratch + foldedAt + 1, count: suffixLength)
    if suffix == Contractions.tKey, baseLength >= 2, base[baseLength - 1] == UInt8(ascii: "n") {
      let stemLength = baseLength - 1
      if let stem = Contractions.stem(ofNegated: Abbreviations.key(base, count: stemLength)) {
        emitFixed(segmentSource, source - 1, stem, &flags, &sink)
      } else {
        part(segmentSource, source - 1, base, stemLength, &flags, &sink)
      }
      emitFixed(source - 1, end, Contractions.not, &flags, &sink)
      return true
    }
    if let expansion = Contractions.expansion(ofSuffix: suffix) {
      part(segmentSource, source, base, baseLength, &flags, &sink)
      emitFixed(source, end, expansion, &flags, &sink)
      return true
    }
    if suffix == Contractions.sKey {
      let baseKey = Abbreviations.key(base, count: baseLength)
      part(segmentSource, source, base, baseLength, &flags, &sink)
      if baseKey == Contractions.letKey {
        emitFixed(source, end, Contractions.us, &flags, &sink)
      } else if let baseKey, Contractions.sIsBases.contains(baseKey) {
        emitFixed(source, end, Contractions.isWord, &flags, &sink)
      } else {
        emitFixed(source, end, Contractions.possessive, &flags, &sink)
      }
      return true
    }
    return false
  }

  /// Emits one part of a split word; later parts lose the flags that belong to the word's start.
  private mutating func part<Sink: TokenSink>(
    _ start: Int, _ end: Int, _ folded: UnsafePointer<UInt8>, _ count: Int,
    _ flags: inout TokenFlags, _ sink: inout Sink
  ) {
    sink.token(
      start: start, end: end, kind: .word, flags: flags.union(.expanded),
      folded: UnsafeBufferPointer(start: folded, count: count))
    flags.subtract([.sentenceStart, .clauseStart, .hyphenJoined, .capitalized])
  }

  private mutating func emitFixed<Sink: TokenSink>(
    _ start: Int, _ end: Int, _ word: [UInt8], _ flags: inout TokenFlags, _ sink: inout Sink
  ) {
    // Copied into the padded spare buffer: a sink may read a little past a folded form.
    let count = copyToSpare(word)
    part(start, end, spare, count, &flags, &sink)
  }

  /// Copies a fixed folded form into `spare` (which has slack after it); returns its length.
  mutating func copyToSpare(_ word: [UInt8]) -> Int {
    word.withUnsafeBufferPointer { spare.update(from: $0.baseAddress!, count: $0.count) }
    return word.count
  }
}
