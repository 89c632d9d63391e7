import LibreKit

/// Merges cues into turns: consecutive cues of one speaker (or consecutive cues without a
/// speaker) become one `.turn` segment. Turns are separated by a blank line in the text and
/// the cues of a turn by a line break; each cue keeps its start time in `cueStarts`.
enum TurnBuilder {
  static func document(path: String, format: String, original: [UInt8], cues: TranscriptCues) -> Document {
    let source = cues.text
    var builder = MappedTextBuilder(reservingCapacity: source.bytes.count + cues.cues.count * 2)
    var segments: [Segment] = []
    // At most a turn per cue (most calls change speaker at nearly every cue).
    segments.reserveCapacity(cues.cues.count)
    let sourceBytes = source.bytes
    // The open turn lives in plain variables and becomes a `Segment` when it ends: an
    // optional `Segment` changed through `!` was copied out and back for each cue (with
    // its strings retained), and its `cueStarts` copied whole on each append.
    var open = false
    var turnStart = 0
    var speaker: String?
    var startTime: Double?
    var endTime: Double?
    var cueStarts: [CueStart] = []
    for cue in cues.cues {
      let range = TextLines.trimmed(sourceBytes, cue.range)
      guard !range.isEmpty else { continue }
      if open && speaker == cue.speaker {
        builder.append(separator: "\n")
        endTime = cue.end ?? endTime
      } else {
        if open {
          segments.append(
            Segment(
              range: turnStart..<builder.count, part: .turn, speaker: speaker, startTime: startTime, endTime: endTime,
              cueStarts: cueStarts))
          builder.append(separator: "\n\n")
        }
        open = true
        turnStart = builder.count
        speaker = cue.speaker
        (startTime, endTime) = (cue.start, cue.end)
        cueStarts = []
      }
      if let start = cue.start { cueStarts.append(CueStart(textOffset: builder.count, time: start)) }
      if startTime == nil { startTime = cue.start }
      builder.append(copying: source, range)
    }
    if open {
      segments.append(
        Segment(
          range: turnStart..<builder.count, part: .turn, speaker: speaker, startTime: startTime, endTime: endTime,
          cueStarts: cueStarts))
    }
    return Document(
      path: path, format: format, mapped: builder.build(), original: original, segments: segments,
      warnings: cues.warnings)
  }
}
