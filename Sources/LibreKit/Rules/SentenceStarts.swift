/// The sentence a token is in, from the tokens that start sentences in a window: a search
/// among the few starts per finding, where a table of every token's sentence cost a write
/// per token.
struct SentenceStarts {
  /// Indices of the tokens that start a sentence, ascending; the first token always does.
  let starts: UnsafeBufferPointer<Int32>
  /// The number of sentences in the windows before this one.
  let base: Int

  /// The document-wide index of the sentence token `index` is in.
  func sentence(of index: Int32) -> Int {
    // The number of starts at or before `index`, less the one it is in.
    var lower = 0
    var upper = starts.count
    while lower < upper {
      let middle = (lower + upper) >> 1
      if starts[middle] <= index { lower = middle + 1 } else { upper = middle }
    }
    return base + max(0, lower - 1)
  }
}
