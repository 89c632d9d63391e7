import LibreKit

/// Reads plain-text transcripts, line by line. A line that names a speaker starts a cue:
///
/// - `Speaker: text` (the name passes `SpeakerNames`: recurring or capitalized, no label word);
/// - `[00:01:02] Speaker: text`, `(00:01) Speaker: text` or `00:01:02 Speaker: text`;
/// - `Speaker (00:01): text`, or `Speaker (00:01:02):` with the text on the next lines;
/// - `Name  0:03`, `Name 00:03` or `Name | 00:03` alone on a line (Otter, Zoom and Teams
///   exports), the text on the next lines; the first and last words of the name capitalized.
///
/// Other lines continue the current turn (before the first speaker, a turn without one). A
/// `[00:01:02]` line without a name starts a new cue of the same speaker. A cue without an
/// end time ends where the next timed cue starts.
public enum PlainTranscriptParser {
  public static func parse(
    _ bytes: [UInt8], path: String, limits: InputLimits = InputLimits()
  ) throws(InputError) -> TranscriptCues {
    // Two passes, each line classified in both: the names are judged on the whole file
    // first, and keeping the classified lines between the passes took memory in proportion
    // to the lines of the file (a gigabyte for a 64 MiB file of short lines) before a
    // limit could stop it.
    let names = acceptedNames(bytes, limit: bytes.count)
    var collector = CueCollector(path: path, original: bytes, limits: limits)
    var position = TextLines.bomLength(bytes)
    let end = bytes.count
    var open = false
    var hasText = false
    var speaker: String?
    var previousBreak: Range<Int>?
    while position < end {
      let lineStart = position
      let lineEnd = TextLines.lineEnd(bytes, from: position, to: end)
      position = TextLines.nextLineStart(bytes, after: lineEnd, to: end)
      let line = TextLines.trimmed(bytes, lineStart..<lineEnd)
      if line.isEmpty { continue }
      var textStart = line.lowerBound
      if let label = LineLabel.classify(bytes, line) {
        let name = label.name.map { String(decoding: bytes[$0], as: UTF8.self) }
        if label.timed || name == nil || names.contains(name!) {
          if let name { speaker = name }
          try collector.begin(speaker: speaker, start: label.time, end: nil, at: label.textStart)
          (open, hasText) = (true, false)
          textStart = label.textStart
        }
      }
      guard textStart < line.upperBound else { continue }
      if !open {
        try collector.begin(speaker: nil, start: nil, end: nil, at: textStart)
        (open, hasText) = (true, false)
      }
      if hasText, let previousBreak { collector.lineBreak(previousBreak) }
      collector.verbatim(textStart..<line.upperBound)
      hasText = true
      previousBreak = lineEnd..<position
    }
    var cues = try collector.result()
    var nextStart: Double?
    for index in cues.cues.indices.reversed() {
      if cues.cues[index].end == nil, cues.cues[index].start != nil { cues.cues[index].end = nextStart }
      nextStart = cues.cues[index].start ?? nextStart
    }
    return cues
  }

  /// Whether the start of `bytes` reads as a transcript: at least two speaker lines, two
  /// speakers (or three timed lines), a recurring name or timestamps, and a fifth of the
  /// non-blank lines naming a speaker.
  static func looksLikeTranscript(_ bytes: [UInt8]) -> Bool {
    let limit = min(bytes.count, 1 << 16)
    // One pass classifies the lines; the names are judged once all are counted.
    var labels: [(name: String, timed: Bool)] = []
    var untimedCounts: [String: Int] = [:]
    var position = TextLines.bomLength(bytes)
    var nonBlank = 0
    while position < limit {
      let lineEnd = TextLines.lineEnd(bytes, from: position, to: limit)
      let line = TextLines.trimmed(bytes, position..<lineEnd)
      position = TextLines.nextLineStart(bytes, after: lineEnd, to: limit)
      if line.isEmpty { continue }
      nonBlank += 1
      guard let label = LineLabel.classify(bytes, line), let nameRange = label.name else { continue }
      let name = String(decoding: bytes[nameRange], as: UTF8.self)
      labels.append((name, label.timed))
      if !label.timed { untimedCounts[name, default: 0] += 1 }
    }
    guard labels.count >= 2 else { return false }
    let names = SpeakerNames.accepted(untimedCounts)
    var labelled = 0
    var timed = 0
    var seen: Set<String> = []
    var recurring = false
    for label in labels where label.timed || names.contains(label.name) {
      labelled += 1
      if label.timed { timed += 1 }
      // Once two names are seen and one recurs, more inserts cannot change the answer.
      if recurring && seen.count >= 2 { continue }
      if !seen.insert(label.name).inserted { recurring = true }
    }
    return labelled >= 2 && (seen.count >= 2 || timed >= 3) && (recurring || timed >= 2) && labelled * 5 >= nonBlank
  }

  /// The `Name:` labels without a timestamp that count as speakers in the first `limit` bytes.
  private static func acceptedNames(_ bytes: [UInt8], limit: Int) -> Set<String> {
    var counts: [String: Int] = [:]
    var position = TextLines.bomLength(bytes)
    while position < limit {
      let lineEnd = TextLines.lineEnd(bytes, from: position, to: limit)
      let line = TextLines.trimmed(bytes, position..<lineEnd)
      position = TextLines.nextLineStart(bytes, after: lineEnd, to: limit)
      if !line.isEmpty, let label = LineLabel.classify(bytes, line), !label.timed, let name = label.name {
        counts[String(decoding: bytes[name], as: UTF8.self), default: 0] += 1
      }
    }
    return SpeakerNames.accepted(counts)
  }
}
