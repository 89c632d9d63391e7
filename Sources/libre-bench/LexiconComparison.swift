import LibreKit

/// Times the lint with two lexicon sets over the same corpus, taking turns every few
/// megabytes, so that both sets see the same minutes of a noisy machine: whole runs one
/// after the other differ by a third on the project's VM, more than the gap being measured.
/// The order alternates from one chunk to the next; each set keeps its own workspace, so
/// each finds its own DFA states cached as it would in a run of its own (less the part of
/// the caches the other set's turn evicted: the comparison is, if anything, hard on the
/// set with the larger tables).
struct LexiconComparison: ~Copyable {
  var reference = Phases()
  var other = Phases()
  /// Per chunk: the other set's lint time over the reference set's.
  var ratios: [Double] = []

  /// Lints one chunk (`documentEnds` as in `Phases.run`) with both sets.
  mutating func run(
    _ buffer: [UInt8], documentEnds: [Int], reference referenceLinter: Linter, other otherLinter: Linter
  ) {
    let referenceBefore = reference.lintTime
    let otherBefore = other.lintTime
    if ratios.count % 2 == 0 {
      reference.run(buffer, documentEnds: documentEnds, linter: referenceLinter, phase: "lint")
      other.run(buffer, documentEnds: documentEnds, linter: otherLinter, phase: "lint")
    } else {
      other.run(buffer, documentEnds: documentEnds, linter: otherLinter, phase: "lint")
      reference.run(buffer, documentEnds: documentEnds, linter: referenceLinter, phase: "lint")
    }
    ratios.append(seconds(other.lintTime - otherBefore) / seconds(reference.lintTime - referenceBefore))
  }

  /// Splits a corpus read from a file (documents ending at `documentEnds`) into chunks of
  /// about `chunkBytes` and runs each.
  mutating func run(
    file bytes: [UInt8], documentEnds: [Int], chunkBytes: Int, reference referenceLinter: Linter,
    other otherLinter: Linter
  ) {
    var chunkStart = 0
    var ends: [Int] = []
    for end in documentEnds {
      ends.append(end - chunkStart)
      if end - chunkStart >= chunkBytes || end == documentEnds.last {
        run(Array(bytes[chunkStart..<end]), documentEnds: ends, reference: referenceLinter, other: otherLinter)
        chunkStart = end
        ends.removeAll()
      }
    }
  }

  borrowing func report(referenceName: String, otherName: String) {
    let megabytes = Double(reference.bytes) / 1_048_576
    print("corpus: \(String(format2: megabytes)) MB, \(reference.documents) documents, \(ratios.count) chunks in turn")
    for (name, phases) in [(referenceName, reference.lintTime), (otherName, other.lintTime)] {
      print(
        "lint, \(name): \(String(format2: seconds(phases))) s, \(String(format2: megabytes / seconds(phases))) MB/s")
    }
    print("findings: \(reference.findings) with \(referenceName), \(other.findings) with \(otherName)")
    let total = seconds(other.lintTime) / seconds(reference.lintTime)
    let sorted = ratios.sorted()
    let median = sorted.isEmpty ? .nan : sorted[sorted.count / 2]
    print(
      "\(otherName) against \(referenceName): time ×\(String(format2: total)) in all (speed \(Self.change(total))), ×\(String(format2: median)) median of the chunks (speed \(Self.change(median)))"
    )
  }

  /// The change in speed a time ratio means, as a signed percentage.
  static func change(_ ratio: Double) -> String {
    let percent = (1 / ratio - 1) * 100
    return "\(percent < 0 ? "−" : "+")\(String(format2: abs(percent))) %"
  }
}
