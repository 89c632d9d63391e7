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
  @usableFromInline var storage: [UInt8] = []
  @usableFromInline var map = SourceMap()

  /// The text built so far.
  public var bytes: [UInt8] { storage }

  public init(reservingCapacity capacity: Int = 0) { storage.reserveCapacity(capacity) }

  public var count: Int { storage.count }
  public var last: UInt8? { storage.last }

  /// The original offset just past what was appended so far (where a separator maps to).
  public var originalEnd: Int { map.originalEnd(storage.count) }

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
        map.add(textStart: storage.count, originalStart: offset, unitLength: nil)
      } else {
        let run = runs[index]
        if let unit = run.unitLength {
          map.add(textStart: storage.count, originalStart: run.originalStart, unitLength: unit)
        } else {
          map.add(
            textStart: storage.count, originalStart: run.originalStart + (offset - run.textStart), unitLength: nil)
        }
      }
      storage.append(contentsOf: input.bytes[offset..<runEnd])
      offset = runEnd
      index += 1
    }
  }

  /// Appends bytes copied one for one from the original file, starting at `originalStart`.
  // Inlinable: loaders in other modules call these per decoded unit, on their hot path.
  @inlinable
  public mutating func append<Bytes: Collection<UInt8>>(verbatim piece: Bytes, originalStart: Int) {
    guard !piece.isEmpty else { return }
    map.add(textStart: storage.count, originalStart: originalStart, unitLength: nil)
    storage.append(contentsOf: piece)
  }

  /// Appends bytes decoded from the encoded unit `unit` of the original file (`=E9`,
  /// `&amp;`, a base64 quantum): a span touching them points at the whole unit.
  // Inlinable: loaders in other modules call these per decoded unit, on their hot path.
  @inlinable
  public mutating func append<Bytes: Collection<UInt8>>(decoded piece: Bytes, unit: Range<Int>) {
    guard !piece.isEmpty else { return }
    map.add(textStart: storage.count, originalStart: unit.lowerBound, unitLength: unit.count)
    storage.append(contentsOf: piece)
  }

  /// Appends one decoded byte standing for `unit`.
  // Inlinable: loaders in other modules call these per decoded unit, on their hot path.
  @inlinable
  public mutating func append(decoded byte: UInt8, unit: Range<Int>) {
    map.add(textStart: storage.count, originalStart: unit.lowerBound, unitLength: unit.count)
    storage.append(byte)
  }

  /// Appends bytes the file does not hold (a paragraph break between parts), mapped to
  /// where the text so far ends.
  public mutating func append(separator: StaticString) {
    let end = originalEnd
    map.add(textStart: storage.count, originalStart: end, unitLength: 0)
    separator.withUTF8Buffer { storage.append(contentsOf: $0) }
  }

  public func build() -> MappedText { MappedText(bytes: storage, map: map) }
}
