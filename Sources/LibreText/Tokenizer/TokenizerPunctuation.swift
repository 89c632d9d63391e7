/// Everything between words: punctuation, boundaries, and the non-ASCII scalars.
extension TokenScan {
  /// Handles an ASCII byte that is not a letter or digit; returns where to go on.
  package mutating func punctuation<Sink: TokenSink>(
    _ byte: UInt8, _ role: UInt8, at index: Int, _ sink: inout Sink
  ) -> Int {
    if role == ASCIIClass.apostrophe {
      if wordStart >= 0 && pendingApostrophe < 0 {
        pendingApostrophe = index
        pendingApostropheWidth = 1
        return index + 1
      }
      settleApostrophe(&sink)
      emitWhole(index, index + 1, .punctuation, &sink)
      return index + 1
    }
    if role == ASCIIClass.space {
      if pendingApostrophe >= 0 { settleApostrophe(&sink) }
      flushWord(&sink)
      return index + 1
    }
    if pendingApostrophe >= 0 { settleApostrophe(&sink) }
    if wordStart >= 0 {
      if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":"),
        let next = continueWord(byte, at: index)
      {
        return next
      }
      // An address goes on with a letter or digit right after the mark; a sentence end does not.
      if index + 1 < count, base[index + 1] < 0x80, ASCIIClass.pointer[Int(base[index + 1])] >= 0x30,
        let end = emailEnd(from: wordStart, trigger: byte)
      {
        let start = wordStart
        wordStart = -1
        emitWhole(start, end, .email, &sink)
        return end
      }
    }
    switch role {
    case ASCIIClass.newline:
      flushWord(&sink)
      return lineBreak(at: index)
    case ASCIIClass.sentenceEnd:
      return sentenceEnd(at: index, &sink)
    case ASCIIClass.clausePunctuation:
      if byte == UInt8(ascii: "["), let end = placeholderEnd(at: index) {
        emitWhole(index, end, .placeholder, &sink)
        return end
      }
      emitWhole(index, index + 1, .punctuation, &sink)
      pending.insert(.clauseStart)
      return index + 1
    case ASCIIClass.hyphen:
      return hyphen(at: index, &sink)
    default:
      if let end = placeholderEnd(at: index) {
        emitWhole(index, end, .placeholder, &sink)
        return end
      }
      emitWhole(index, index + 1, .punctuation, &sink)
      return index + 1
    }
  }

  /// A byte that continues the current word: a decimal point or separator inside a number,
  /// or the periods of `e.g.`.
  @inline(__always)
  private mutating func continueWord(_ byte: UInt8, at index: Int) -> Int? {
    guard index + 1 < count else { return nil }
    let next = base[index + 1]
    let isDigit = { (value: UInt8) in value >= 0x30 && value <= 0x39 }
    if isDigit(scratch[0]), byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":"),
      isDigit(next)
    {
      append(byte)
      return index + 1
    }
    let isLetter = { (value: UInt8) in (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
    if byte == UInt8(ascii: "."), length == 1, !isDigit(scratch[0]), isLetter(next), index + 2 < count,
      base[index + 2] == UInt8(ascii: ".")
    {
      append(byte)
      append(next | 0x20)
      wordEnd = index + 3
      return index + 3
    }
    return nil
  }

  /// A trailing apostrophe (`students'`) turns out not to be inside a word.
  mutating func settleApostrophe<Sink: TokenSink>(_ sink: inout Sink) {
    guard pendingApostrophe >= 0 else { return }
    let position = pendingApostrophe
    let width = pendingApostropheWidth
    pendingApostrophe = -1
    if let key = Abbreviations.key(scratch, count: min(length, Tokenizer.foldCapacity)),
      Contractions.elisions.contains(key)
    {
      // A written elision with nothing after it (`n'` in a lexicon, `l' offre`) stays one token.
      append(UInt8(ascii: "'"))
      wordEnd = position + width
      flushWord(&sink)
      return
    }
    flushWord(&sink)
    emitWhole(position, position + width, .punctuation, &sink)
  }

  /// A line break ends a sentence before a blank line, a capital, a digit or a bullet;
  /// otherwise it is a wrapped line and only ends a clause.
  private mutating func lineBreak(at index: Int) -> Int {
    var next = index
    var newlines = 0
    while next < count {
      let byte = base[next]
      if byte == 0x0A {
        newlines += 1
      } else if byte != 0x20 && byte != 0x09 && byte != 0x0D {
        break
      }
      next += 1
    }
    if newlines >= 2 || next >= count || startsSentence(at: next) {
      pending = [.sentenceStart, .clauseStart]
    } else {
      pending.insert(.clauseStart)
    }
    return next
  }

  /// Whether the text at `index` starts like a new sentence: a capital, a digit, a bullet.
  /// Mutating and inlined, as the helpers below: a call of a non-mutating method from a
  /// mutating one copied the whole scan state (its inline apostrophe list makes it some
  /// 300 bytes), and `@inline(__always)` alone did not stop it after a sentence's end.
  @inline(__always)
  mutating func startsSentence(at index: Int) -> Bool {
    let byte = base[index]
    if byte < 0x80 {
      return (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
        || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: ">")
    }
    guard let (value, _) = decode(at: index) else { return false }
    if value == 0x2022 { return true }
    if value < 0x250 { return latinFoldTable[Int(value) - 0x80] & 0x8000 != 0 }
    return Unicode.Scalar(value)?.properties.isUppercase ?? false
  }

  /// A hyphen between letters joins the parts of a compound (`dites-le-moi`), which become
  /// separate tokens; any other dash is punctuation and, spaced or doubled, a clause boundary.
  private mutating func hyphen<Sink: TokenSink>(at index: Int, _ sink: inout Sink) -> Int {
    let next = index + 1 < count ? base[index + 1] : 0
    let nextIsLetter = next >= 0x80 || (ASCIIClass.table[Int(next)] >= 0x61)
    if wordStart >= 0 && nextIsLetter {
      flushWord(&sink)
      pending.insert(.hyphenJoined)
      return index + 1
    }
    let spaced = next == 0x20 || next == UInt8(ascii: "-") || index == 0 || base[index - 1] == 0x20
    emitWhole(index, index + 1, .punctuation, &sink)
    if spaced { pending.insert(.clauseStart) }
    return index + 1
  }

  /// A run of `.`, `!`, `?` and `…`, with the closing quotes and brackets after it.
  mutating func sentenceEnd<Sink: TokenSink>(at index: Int, _ sink: inout Sink) -> Int {
    if wordStart >= 0 {
      lastWordKey = Abbreviations.key(scratch, count: min(length, Tokenizer.foldCapacity))
      lastWordWasInitial = length == 1 && firstIsUpper
    } else {
      lastWordKey = nil
      lastWordWasInitial = false
    }
    flushWord(&sink)
    var end = index
    var dots = 0
    var bangs = 0
    var questions = 0
    var ellipsis = false
    while end < count {
      let byte = base[end]
      if byte == UInt8(ascii: ".") {
        dots += 1
      } else if byte == UInt8(ascii: "!") {
        bangs += 1
      } else if byte == UInt8(ascii: "?") {
        questions += 1
      } else if byte == 0xE2, end + 2 < count, base[end + 1] == 0x80, base[end + 2] == 0xA6 {
        ellipsis = true
        end += 3
        continue
      } else {
        break
      }
      end += 1
    }
    end = closingMarksEnd(from: end)
    let boundary: Bool
    if questions > 0 || bangs > 0 {
      boundary = true
    } else if dots >= 2 || ellipsis {
      boundary = nextStartsSentence(after: end)
    } else {
      boundary = periodEndsSentence(at: index, next: end)
    }
    // Tested here: the word was flushed above, and the call alone cost fifteen instructions.
    if wordStart >= 0 { flushWord(&sink) }
    let flags = pending.union(bangs >= 2 ? .shout : [])
    pending = []
    // The run folds to one mark: `?!` to `?`, `!!!` to `!`, `…` and `...` to `...`.
    var length = 1
    if questions > 0 {
      spare[0] = UInt8(ascii: "?")
    } else if bangs > 0 {
      spare[0] = UInt8(ascii: "!")
    } else if dots >= 2 || ellipsis {
      spare.update(repeating: UInt8(ascii: "."), count: 3)
      length = 3
    } else {
      spare[0] = UInt8(ascii: ".")
    }
    sink.token(
      start: index, end: end, kind: .punctuation, flags: flags, folded: UnsafeBufferPointer(start: spare, count: length)
    )
    pending = boundary ? [.sentenceStart, .clauseStart] : []
    return end
  }

  /// Whether a single period at `index` ends a sentence, given the word before it.
  @inline(__always)
  private mutating func periodEndsSentence(at index: Int, next: Int) -> Bool {
    guard lastWordEnd == index else { return true }
    if lastWordWasInitial { return false }
    guard let key = lastWordKey else { return true }
    if Abbreviations.neverFinal.contains(key) { return false }
    if Abbreviations.finalBeforeCapital.contains(key) { return nextStartsSentence(after: next) }
    return true
  }

  /// Whether the first non-space character after `index` starts a new sentence.
  @inline(__always)
  private mutating func nextStartsSentence(after index: Int) -> Bool {
    var next = index
    while next < count, base[next] == 0x20 || base[next] == 0x09 || base[next] == 0x0D { next += 1 }
    if next >= count || base[next] == 0x0A { return true }
    return startsSentence(at: next)
  }

  /// Skips closing quotes and brackets that belong to the sentence just ended.
  @inline(__always)
  private mutating func closingMarksEnd(from index: Int) -> Int {
    var end = index
    while end < count {
      let byte = base[end]
      if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "]")
        || byte == UInt8(ascii: "'")
      {
        end += 1
      } else if byte == 0xC2, end + 1 < count, base[end + 1] == 0xBB {
        end += 2
      } else if byte == 0xE2, end + 2 < count, base[end + 1] == 0x80, base[end + 2] == 0x9D || base[end + 2] == 0x99 {
        end += 3
      } else {
        break
      }
    }
    return end
  }

  // MARK: Non-ASCII

  /// Handles the scalar that starts at `index` (its lead byte is `>= 0x80`).
  mutating func nonASCII<Sink: TokenSink>(at index: Int, _ sink: inout Sink) -> Int {
    guard let (value, width) = decode(at: index) else {
      report.invalidUTF8Sequences += 1
      if report.firstInvalidOffset == nil { report.firstInvalidOffset = index }
      settleApostrophe(&sink)
      flushWord(&sink)
      return index + invalidSequenceLength(at: index)
    }
    let role: ScalarRole =
      value < 0x250 && latinFoldTable[Int(value) - 0x80] != 0 ? .letter : ScalarRole.of(value)
    switch role {
    case .letter:
      if wordStart < 0 {
        beginWord(at: index)
      } else if pendingApostrophe >= 0 {
        acceptPendingApostrophe()
      }
      appendLetter(value)
      wordEnd = index + width
      return index + width
    case .apostrophe:
      if wordStart >= 0 && pendingApostrophe < 0 {
        pendingApostrophe = index
        pendingApostropheWidth = width
        return index + width
      }
      settleApostrophe(&sink)
      emitWhole(index, index + width, .punctuation, &sink)
      return index + width
    case .ignorable:
      if wordStart >= 0 { return index + width }
      return index + width
    default:
      break
    }
    settleApostrophe(&sink)
    flushWord(&sink)
    switch role {
    case .space:
      return index + width
    case .ellipsis:
      return sentenceEnd(at: index, &sink)
    case .clausePunctuation:
      emitWhole(index, index + width, .punctuation, &sink)
      pending.insert(.clauseStart)
      return index + width
    case .emoji:
      let end = emojiEnd(after: index + width, first: value)
      emitWhole(index, end, .emoji, &sink)
      return end
    default:
      emitWhole(index, index + width, .punctuation, &sink)
      return index + width
    }
  }

  /// The bytes one malformed sequence covers: a valid lead byte with the continuation bytes
  /// that follow it (a truncated scalar is one error), else a single byte.
  private func invalidSequenceLength(at index: Int) -> Int {
    let lead = base[index]
    guard lead >= 0xC2 && lead <= 0xF4 else { return 1 }
    let expected = utf8Width(lead)
    var length = 1
    while length < expected, index + length < count, base[index + length] & 0xC0 == 0x80 { length += 1 }
    return length
  }

  /// Decodes the UTF-8 scalar at `index`, or nil for a malformed or truncated sequence.
  @inline(__always)
  package func decode(at index: Int) -> (UInt32, Int)? {
    // A closure over `self` here copied the whole scan state (some 300 bytes) per scalar.
    let base = self.base
    let count = self.count
    let lead = base[index]
    func isContinuation(_ offset: Int) -> Bool {
      index + offset < count && base[index + offset] & 0xC0 == 0x80
    }
    switch lead {
    case 0xC2...0xDF:
      guard isContinuation(1) else { return nil }
      return (UInt32(lead & 0x1F) << 6 | UInt32(base[index + 1] & 0x3F), 2)
    case 0xE0...0xEF:
      guard isContinuation(1), isContinuation(2) else { return nil }
      let second = base[index + 1]
      if lead == 0xE0 && second < 0xA0 { return nil }
      if lead == 0xED && second > 0x9F { return nil }
      let value = UInt32(lead & 0x0F) << 12 | UInt32(second & 0x3F) << 6 | UInt32(base[index + 2] & 0x3F)
      return (value, 3)
    case 0xF0...0xF4:
      guard isContinuation(1), isContinuation(2), isContinuation(3) else { return nil }
      let second = base[index + 1]
      if lead == 0xF0 && second < 0x90 { return nil }
      if lead == 0xF4 && second > 0x8F { return nil }
      let value =
        UInt32(lead & 0x07) << 18 | UInt32(second & 0x3F) << 12 | UInt32(base[index + 2] & 0x3F) << 6
        | UInt32(base[index + 3] & 0x3F)
      return (value, 4)
    default:
      return nil
    }
  }
}
