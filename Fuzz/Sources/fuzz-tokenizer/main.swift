import FuzzSupport
import LibreKit

/// Checks each token the tokenizer hands over: in order, inside the text, folded form
/// within the fold buffer.
struct CheckingSink: TokenSink {
  let count: Int
  var lastStart = 0
  var tokens = 0

  mutating func token(
    start: Int, end: Int, kind: TokenKind, flags: TokenFlags, folded: UnsafeBufferPointer<UInt8>
  ) {
    Fuzz.check(start >= 0 && start <= end && end <= count, "token \(start)..<\(end) of \(count)")
    Fuzz.check(start >= lastStart, "token at \(start) after one at \(lastStart)")
    Fuzz.check(folded.count <= Tokenizer.foldCapacity, "folded form of \(folded.count) bytes")
    lastStart = start
    tokens += 1
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzTokenizer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = Fuzz.bytes(data, size)
  let tokenizer = Tokenizer()
  var sink = CheckingSink(count: bytes.count)
  let report = tokenizer.tokenize(bytes, into: &sink)
  if let offset = report.firstInvalidOffset {
    Fuzz.check(offset >= 0 && offset < bytes.count, "invalid UTF-8 at \(offset) of \(bytes.count)")
  }
  let counted = bytes.withUnsafeBufferPointer { tokenizer.countTokens($0) }
  Fuzz.check(counted.tokens == sink.tokens, "countTokens \(counted.tokens) vs \(sink.tokens) tokens")
  return 0
}

Fuzz.run(fuzzTokenizer, lints: false)
