/// A set of lowercase ASCII-or-UTF-8 phrases looked for in a line without ASCII case: each
/// byte of the line is a candidate start only for the phrases that begin with it, so one
/// pass over the line serves every phrase (the footer list has some fifty).
struct NeedleSet: Sendable {
  /// The phrases by their first byte.
  private let byFirstByte: [[[UInt8]]]

  init(_ phrases: [String]) {
    var table = [[[UInt8]]](repeating: [], count: 256)
    for phrase in phrases {
      let bytes = Array(phrase.utf8)
      guard let first = bytes.first else { continue }
      table[Int(first)].append(bytes)
    }
    byFirstByte = table
  }

  /// Whether any phrase occurs in `text[range]`, ASCII letters compared without case.
  func occurs(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    var index = range.lowerBound
    while index < range.upperBound {
      let candidates = byFirstByte[Int(RegionMap.lowered(text[index]))]
      for needle in candidates where needle.count <= range.upperBound - index {
        var offset = 1
        while offset < needle.count, RegionMap.lowered(text[index + offset]) == needle[offset] { offset += 1 }
        if offset == needle.count { return true }
      }
      index += 1
    }
    return false
  }
}
