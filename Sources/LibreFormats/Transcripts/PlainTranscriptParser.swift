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
    try parse(bytes, path: path, limits: limits, names: nil)
  }

  /// `parse`, with `known` the untimed names of the whole of `bytes` when the sniff that
  /// chose this parser already counted them (`transcriptNames` on the same bytes).
  static func parse(
    _ bytes: [UInt8], path: String, limits: InputLimits, names known: NameTally?
  ) throws(InputError) -> TranscriptCues {
    // Two passes, each line classified in both: the names are judged on the whole file
    // first, and keeping the classified lines between the passes took memory in proportion
    // to the lines of the file (a gigabyte for a 64 MiB file of short lines) before a
    // limit could stop it.
    let names = known ?? speakerNames(bytes, limit: bytes.count)
    let accepted = names.accepted()
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
        // An untimed name counts if the first pass accepted it; that pass read the same
        // lines, so it knows every such name (and has made it a string already).
        var name: String?
        var isSpeaker = true
        if let range = label.name {
          if label.timed {
            name = String(decoding: bytes[range], as: UTF8.self)
          } else if let found = names.find(bytes, range) {
            (name, isSpeaker) = (found.spelling, accepted[found.id])
          } else {
            (name, isSpeaker) = (String(decoding: bytes[range], as: UTF8.self), false)
          }
        }
        if label.timed || name == nil || isSpeaker {
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
  /// non-blank lines naming a speaker; or every non-blank line naming a speaker, two
  /// speakers or one over three lines or more.
  static func looksLikeTranscript(_ bytes: [UInt8]) -> Bool { transcriptNames(bytes) != nil }

  /// The untimed names of the first 64 KiB of `bytes` (what `speakerNames` counts), when
  /// they read as a transcript (`looksLikeTranscript`); nil when they do not.
  static func transcriptNames(_ bytes: [UInt8]) -> NameTally? {
    let limit = min(bytes.count, 1 << 16)
    // One pass classifies the lines; the names are judged once all are counted.
    // A timed label has no id: it is a speaker whatever its name.
    var labels: [(name: String, id: Int?)] = []
    var untimed = NameTally()
    var position = TextLines.bomLength(bytes)
    var nonBlank = 0
    while position < limit {
      let lineEnd = TextLines.lineEnd(bytes, from: position, to: limit)
      let line = TextLines.trimmed(bytes, position..<lineEnd)
      position = TextLines.nextLineStart(bytes, after: lineEnd, to: limit)
      if line.isEmpty { continue }
      nonBlank += 1
      guard let label = LineLabel.classify(bytes, line), let nameRange = label.name else { continue }
      if label.timed {
        labels.append((String(decoding: bytes[nameRange], as: UTF8.self), nil))
      } else {
        let found = untimed.add(bytes, nameRange)
        labels.append((found.spelling, found.id))
      }
    }
    guard labels.count >= 2 else { return nil }
    let accepted = untimed.accepted()
    var labelled = 0
    var timed = 0
    var seen: Set<String> = []
    var recurring = false
    for label in labels where label.id.map({ accepted[$0] }) ?? true {
      labelled += 1
      if label.id == nil { timed += 1 }
      // Once two names are seen and one recurs, more inserts cannot change the answer.
      if recurring && seen.count >= 2 { continue }
      if !seen.insert(label.name).inserted { recurring = true }
    }
    let transcript =
      labelled >= 2 && (seen.count >= 2 || timed >= 3) && (recurring || timed >= 2) && labelled * 5 >= nonBlank
    // A very short call is still a call when every line is a turn: two speakers who
    // speak once each, or one speaker over three lines or more.
    let everyLineATurn = labelled == nonBlank && (seen.count >= 2 || (recurring && labelled >= 3))
    return transcript || everyLineATurn ? untimed : nil
  }

  /// The `Name:` labels without a timestamp in the first `limit` bytes, counted.
  private static func speakerNames(_ bytes: [UInt8], limit: Int) -> NameTally {
    var names = NameTally()
    var position = TextLines.bomLength(bytes)
    while position < limit {
      let lineEnd = TextLines.lineEnd(bytes, from: position, to: limit)
      let line = TextLines.trimmed(bytes, position..<lineEnd)
      position = TextLines.nextLineStart(bytes, after: lineEnd, to: limit)
      if !line.isEmpty, let label = LineLabel.classify(bytes, line), !label.timed, let name = label.name {
        names.add(bytes, name)
      }
    }
    return names
  }
}
