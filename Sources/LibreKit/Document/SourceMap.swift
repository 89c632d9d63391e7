/// Maps byte offsets of an extracted text back to byte offsets of the file it came from,
/// through decoding, tag stripping and header unfolding.
///
/// The map is a sorted list of runs. A *verbatim* run copied bytes one for one, so offset
/// `t` maps to `originalStart + (t - textStart)`. A *decoded* run stands for one encoded unit
/// of the file (`=C3=A9`, `&eacute;`, a base64 line, a Latin-1 byte): every byte of it maps
/// to the unit's start, and a span ending inside it ends where the unit ends.
public struct SourceMap: Sendable, Equatable {
  public struct Run: Sendable, Equatable {
    @inlinable
    public init(textStart: Int, originalStart: Int, unitLength: Int?) {
      self.textStart = textStart
      self.originalStart = originalStart
      self.unitLength = unitLength
    }

    /// First text offset of the run.
    public var textStart: Int
    /// First original offset the run stands for.
    public var originalStart: Int
    /// For a decoded run, the length of the encoded unit in the file; nil for verbatim.
    public var unitLength: Int?
  }

  public internal(set) var runs: [Run] = []

  public init() {}

  /// The identity map of a text that is the file itself.
  public static let identity: SourceMap = {
    var map = SourceMap()
    map.runs = [Run(textStart: 0, originalStart: 0, unitLength: nil)]
    return map
  }()

  /// The index of the run holding text offset `offset` (the last run starting at or before it).
  func runIndex(_ offset: Int) -> Int? {
    var low = 0
    var high = runs.count
    while low < high {
      let middle = (low + high) / 2
      if runs[middle].textStart <= offset { low = middle + 1 } else { high = middle }
    }
    return low == 0 ? nil : low - 1
  }

  /// The original offset of text offset `offset` (a span's start).
  public func originalOffset(_ offset: Int) -> Int {
    guard let index = runIndex(offset) else { return offset }
    let run = runs[index]
    return run.unitLength == nil ? run.originalStart + (offset - run.textStart) : run.originalStart
  }

  /// The original offset just past the byte before `offset` (a span's exclusive end).
  public func originalEnd(_ offset: Int) -> Int {
    guard offset > 0, let index = runIndex(offset - 1) else { return offset }
    let run = runs[index]
    if let unit = run.unitLength { return run.originalStart + unit }
    return run.originalStart + (offset - run.textStart)
  }

  /// The original range of the text range `range`.
  public func originalRange(_ range: Range<Int>) -> Range<Int> {
    let start = originalOffset(range.lowerBound)
    return start..<max(start, originalEnd(range.upperBound))
  }

  /// Adds a run, merging it with the last one when it simply continues it.
  @usableFromInline
  mutating func add(textStart: Int, originalStart: Int, unitLength: Int?) {
    if let last = runs.last {
      if last.textStart == textStart {
        runs[runs.count - 1] = Run(textStart: textStart, originalStart: originalStart, unitLength: unitLength)
        return
      }
      let continues: Bool
      if let lastUnit = last.unitLength {
        continues = unitLength == lastUnit && originalStart == last.originalStart
      } else {
        continues = unitLength == nil && originalStart == last.originalStart + (textStart - last.textStart)
      }
      if continues { return }
    }
    runs.append(Run(textStart: textStart, originalStart: originalStart, unitLength: unitLength))
  }
}
