/// UTF-8 bytes with a map back to the file they were extracted from. Loaders pass
/// `MappedText` from stage to stage (transfer decoding, charset, HTML, quoted replies), each
/// stage composing the map, so the last one still points into the original file.
public struct MappedText: Sendable {
  public var bytes: [UInt8]
  public var map: SourceMap

  public init(bytes: [UInt8], map: SourceMap) {
    self.bytes = bytes
    self.map = map
  }

  /// A text that is the file itself.
  public init(original bytes: [UInt8]) {
    self.bytes = bytes
    self.map = .identity
  }

  /// The original offset of byte `offset` of this text.
  public func originalOffset(_ offset: Int) -> Int { map.originalOffset(offset) }

  /// The original range of the bytes `range` of this text.
  public func originalRange(_ range: Range<Int>) -> Range<Int> { map.originalRange(range) }
}

/// Builds a `MappedText` by appending pieces, each saying where in the original file it
/// comes from.
public struct MappedTextBuilder: Sendable {
  public private(set) var bytes: [UInt8] = []
  private var map = SourceMap()

  public init(reservingCapacity capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  public var count: Int { bytes.count }
  public var last: UInt8? { bytes.last }

  /// The original offset just past what was appended so far (where a separator maps to).
  public var originalEnd: Int { map.originalEnd(bytes.count) }

  /// Copies `range` of `input`, keeping its map (verbatim parts stay verbatim).
  public mutating func append(copying input: MappedText, _ range: Range<Int>) {
    guard !range.isEmpty else { return }
    let runs = input.map.runs
    var offset = range.lowerBound
    var index = input.map.runIndex(offset) ?? -1
    while offset < range.upperBound {
      let runEnd = index + 1 < runs.count ? min(runs[index + 1].textStart, range.upperBound) : range.upperBound
      if index < 0 {
        // Before the first run: the text is its own origin.
        map.add(textStart: bytes.count, originalStart: offset, unitLength: nil)
      } else {
        let run = runs[index]
        if let unit = run.unitLength {
          map.add(textStart: bytes.count, originalStart: run.originalStart, unitLength: unit)
        } else {
          map.add(textStart: bytes.count, originalStart: run.originalStart + (offset - run.textStart), unitLength: nil)
        }
      }
      bytes.append(contentsOf: input.bytes[offset..<runEnd])
      offset = runEnd
      index += 1
    }
  }

  /// Appends bytes copied one for one from the original file, starting at `originalStart`.
  public mutating func append<Bytes: Collection<UInt8>>(verbatim piece: Bytes, originalStart: Int) {
    guard !piece.isEmpty else { return }
    map.add(textStart: bytes.count, originalStart: originalStart, unitLength: nil)
    bytes.append(contentsOf: piece)
  }

  /// Appends bytes decoded from the encoded unit `unit` of the original file (`=E9`,
  /// `&amp;`, a base64 quantum): a span touching them points at the whole unit.
  public mutating func append<Bytes: Collection<UInt8>>(decoded piece: Bytes, unit: Range<Int>) {
    guard !piece.isEmpty else { return }
    map.add(textStart: bytes.count, originalStart: unit.lowerBound, unitLength: unit.count)
    bytes.append(contentsOf: piece)
  }

  /// Appends one decoded byte standing for `unit`.
  public mutating func append(decoded byte: UInt8, unit: Range<Int>) {
    map.add(textStart: bytes.count, originalStart: unit.lowerBound, unitLength: unit.count)
    bytes.append(byte)
  }

  /// Appends bytes the file does not hold (a paragraph break between parts), mapped to
  /// where the text so far ends.
  public mutating func append(separator: StaticString) {
    let end = originalEnd
    map.add(textStart: bytes.count, originalStart: end, unitLength: 0)
    separator.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  public func build() -> MappedText { MappedText(bytes: bytes, map: map) }
}
