/// Counts the speaker names of a transcript read as byte ranges, making a `String` of each
/// distinct name once: a name is asked of every line or cue, and building and hashing a
/// string for each cost more than finding the name.
///
/// Names are told apart as `String`s are, by canonical equivalence: bytes equal to those of
/// a name already seen are that name at once; other bytes are made a string and looked up,
/// so `é` written precomposed and decomposed stay one name, as a `[String: Int]` counts them.
struct NameTally {
  /// The distinct names, in order of first appearance, each as first written.
  private(set) var names: [String] = []
  /// How often each name was added.
  private(set) var counts: [Int] = []
  /// The UTF-8 of each name, compared with new bytes before any string is built.
  private var utf8: [[UInt8]] = []
  private var ids: [String: Int] = [:]
  /// The name found last: transcripts name the same few speakers over and over.
  private var last = 0

  /// Beyond this many names, bytes are compared with the last name found only, then looked
  /// up as a string: a file of many names must not cost a comparison with each.
  static let scannedNames = 8

  /// A name found in the tally: its index in `names`, and the name as written at the place
  /// asked (which differs from `names[id]` only for a canonically equivalent spelling).
  struct Found {
    var id: Int
    var spelling: String
  }

  /// Counts the name written at `range` of `bytes`.
  @discardableResult
  mutating func add(_ bytes: [UInt8], _ range: Range<Int>) -> Found {
    if let found = find(bytes, range) {
      counts[found.id] += 1
      last = found.id
      return found
    }
    let spelling = String(decoding: bytes[range], as: UTF8.self)
    names.append(spelling)
    counts.append(1)
    utf8.append(Array(bytes[range]))
    ids[spelling] = names.count - 1
    last = names.count - 1
    return Found(id: names.count - 1, spelling: spelling)
  }

  /// The name written at `range` of `bytes`, if the tally has it.
  func find(_ bytes: [UInt8], _ range: Range<Int>) -> Found? {
    if last < utf8.count, written(last, bytes, range) { return Found(id: last, spelling: names[last]) }
    if utf8.count <= NameTally.scannedNames {
      for id in utf8.indices where written(id, bytes, range) { return Found(id: id, spelling: names[id]) }
    }
    let spelling = String(decoding: bytes[range], as: UTF8.self)
    guard let id = ids[spelling] else { return nil }
    return Found(id: id, spelling: spelling)
  }

  /// Whether name `id` is written with exactly the bytes at `range`.
  private func written(_ id: Int, _ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    let name = utf8[id]
    guard name.count == range.count else { return false }
    var offset = 0
    while offset < name.count {
      if name[offset] != bytes[range.lowerBound + offset] { return false }
      offset += 1
    }
    return true
  }

  /// For each name, whether it counts as a speaker: it recurs, or it is capitalized.
  func accepted() -> [Bool] {
    names.indices.map { counts[$0] >= 2 || SpeakerNames.isCapitalized(names[$0]) }
  }
}
