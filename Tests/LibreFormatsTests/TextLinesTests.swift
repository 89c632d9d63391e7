import Testing

@testable import LibreFormats

/// `TextLines.lineEnd` tests eight bytes at a time for anything below 0x0E: a CR or LF at
/// any offset, after tabs and other control bytes in the same word, must be found where a
/// byte-by-byte search finds it.
@Suite struct LineEndTests {
  static func naive(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
    (start..<end).first { bytes[$0] == 0x0A || bytes[$0] == 0x0D } ?? end
  }

  @Test(arguments: [0x0A, 0x0D] as [UInt8])
  func findsTheBreakAtEveryOffsetPastFalseAlarms(lineBreak: UInt8) {
    let fillers: [[UInt8]] = [
      Array("plain text, no controls".utf8), Array("tab\there\u{0B}\u{0C}\u{1}\u{0}é—".utf8),
      [0x09, 0x09, 0x09, 0x09, 0x09, 0x09, 0x09, 0x09, 0x09, 0x09, 0x0E, 0x0F, 0x7F, 0x80, 0xFF],
    ]
    for filler in fillers {
      for offset in 0..<filler.count {
        var bytes = filler
        bytes.insert(lineBreak, at: offset)
        for start in 0...min(offset + 1, bytes.count) {
          for end in [bytes.count, offset, offset + 1, max(start, bytes.count - 3)]
          where end >= start && end <= bytes.count {
            #expect(
              TextLines.lineEnd(bytes, from: start, to: end) == LineEndTests.naive(bytes, from: start, to: end),
              "offset \(offset), start \(start), end \(end)")
          }
        }
      }
      #expect(TextLines.lineEnd(filler, from: 0, to: filler.count) == filler.count, "no break: the end")
    }
  }
}

/// `SpeakerNames.isLabel` settles most ASCII names by length and initial before it builds a
/// string: every label, in any case, must still be found, and only labels.
@Suite struct SpeakerLabelFilterTests {
  @Test func everyLabelInAnyCaseIsALabel() {
    for label in SpeakerNames.labels {
      for written in [label, label.uppercased(), label.prefix(1).uppercased() + label.dropFirst()] {
        #expect(SpeakerNames.isLabel(ArraySlice(written.utf8)), "\(written)")
      }
    }
  }

  /// The byte-by-byte comparison is complete only if every label is ASCII or Latin-1.
  @Test func everyLabelIsASCIIOrLatin1() {
    for label in SpeakerNames.labels {
      let bytes = Array(label.utf8)
      let lowered = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
      defer { lowered.deallocate() }
      #expect(bytes.withUnsafeBufferPointer { SpeakerNames.latin1Lowercased($0, into: lowered) }, "\(label)")
      #expect(Array(lowered) == bytes, "\(label) is lowercase")
    }
  }

  /// A name outside Latin-1 is lowercased as a string: the Kelvin sign (3 bytes) becomes
  /// `k`, so `\u{212A}ind` is the label `kind` though no label has its length in bytes.
  @Test func namesBeyondLatin1AreLoweredAsStrings() {
    #expect(SpeakerNames.isLabel(ArraySlice("\u{212A}ind".utf8)))
    #expect(SpeakerNames.isLabel(ArraySlice("R\u{C9}SUM\u{C9}".utf8)))
    #expect(!SpeakerNames.isLabel(ArraySlice("\u{212A}indly".utf8)))
    #expect(!SpeakerNames.isLabel(ArraySlice("Z\u{C9}NO".utf8)))
  }

  @Test func wordsNextToALabelAreNot() {
    for label in SpeakerNames.labels {
      for other in ["x" + label, label + "s", "z" + label.dropFirst(), String(label.dropLast())]
      where !SpeakerNames.labels.contains(other) && !other.isEmpty {
        #expect(!SpeakerNames.isLabel(ArraySlice(other.utf8)), "\(other)")
        #expect(!SpeakerNames.isLabel(ArraySlice(other.uppercased().utf8)), "\(other)")
      }
    }
  }
}
