/// A tokenizer kept for folding the many literals of one compile, instead of one per literal.
/// Not shared between threads: each compile makes its own.
package final class WordFolder {
  private let tokenizer = Tokenizer()

  package init() {}

  package func fold(_ text: String) -> [String] {
    var text = text
    return text.withUTF8 { fold(buffer: $0) }
  }

  /// Folds `bytes` into `run`, reusing its storage: a literal of a pattern costs no `String`.
  package func fold(_ bytes: UnsafeBufferPointer<UInt8>, into run: inout FoldedRun) {
    run.bytes.removeAll(keepingCapacity: true)
    run.ends.removeAll(keepingCapacity: true)
    tokenizer.tokenize(bytes, into: &run)
  }

  private func fold(buffer: UnsafeBufferPointer<UInt8>) -> [String] {
    var collector = FoldedWordList()
    tokenizer.tokenize(buffer, into: &collector)
    return collector.words
  }
}

/// The folded forms of one run of text, end to end in one buffer.
package struct FoldedRun: TokenSink {
  package var bytes: [UInt8] = []
  /// Where each folded form ends in `bytes` (the next one starts there).
  package var ends: [Int] = []

  package mutating func token(
    start: Int, end: Int, kind: TokenKind, flags: TokenFlags, folded: UnsafeBufferPointer<UInt8>
  ) {
    bytes.append(contentsOf: folded)
    ends.append(bytes.count)
  }
}

/// A sink that keeps only the folded forms, as strings.
struct FoldedWordList: TokenSink {
  package var words: [String] = []

  package mutating func token(
    start: Int, end: Int, kind: TokenKind, flags: TokenFlags, folded: UnsafeBufferPointer<UInt8>
  ) {
    words.append(String(decoding: folded, as: UTF8.self))
  }
}

/// A sink that keeps each token's folded form as a `String` (for patterns and tests, not the hot path).
public struct FoldedWordCollector: TokenSink {
  /// Every token so far: its byte span, kind, flags and folded form.
  public var tokens: [(start: Int, end: Int, kind: TokenKind, flags: TokenFlags, folded: String)] = []
  /// The folded forms alone.
  public var words: [String] { tokens.map(\.folded) }

  /// An empty collector.
  public init() {}

  /// Keeps one token (the tokenizer calls this).
  public mutating func token(
    start: Int, end: Int, kind: TokenKind, flags: TokenFlags, folded: UnsafeBufferPointer<UInt8>
  ) {
    tokens.append((start, end, kind, flags, String(decoding: folded, as: UTF8.self)))
  }
}

extension StringProtocol {
  package func trimmingSpaces() -> String {
    if utf8.allSatisfy({ $0 < 0x80 }) {
      // ASCII's White_Space is tab through carriage return, and space.
      let isSpace = { (byte: UInt8) in byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
      var bytes = Substring(self).utf8[...]
      while let first = bytes.first, isSpace(first) { bytes.removeFirst() }
      while let last = bytes.last, isSpace(last) { bytes.removeLast() }
      return String(Substring(bytes))
    }
    var scalars = Substring(self).unicodeScalars[...]
    while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
    return String(String.UnicodeScalarView(scalars))
  }
}
