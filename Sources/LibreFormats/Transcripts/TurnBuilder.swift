import LibreKit

/// Merges cues into turns: consecutive cues of one speaker (or consecutive cues without a
/// speaker) become one `.turn` segment. Turns are separated by a blank line in the text and
/// the cues of a turn by a line break; each cue keeps its start time in `cueStarts`.
enum TurnBuilder {
  static func document(path: String, format: String, original: [UInt8], cues: TranscriptCues) -> Document {
    let source = cues.text
    var builder = MappedTextBuilder(reservingCapacity: source.bytes.count + cues.cues.count * 2)
    var segments: [Segment] = []
    var turn: Segment?
    let sourceBytes = source.bytes
    // The open turn is changed in place and moved out when it ends, rather than copied out
    // of the optional and back for each cue.
    for cue in cues.cues {
      let range = TextLines.trimmed(sourceBytes, cue.range)
      guard !range.isEmpty else { continue }
      if turn != nil, turn!.speaker == cue.speaker {
        builder.append(separator: "\n")
        turn!.endTime = cue.end ?? turn!.endTime
      } else {
        if var finished = turn.take() {
          finished.range = finished.range.lowerBound..<builder.count
          segments.append(finished)
          builder.append(separator: "\n\n")
        }
        turn = Segment(
          range: builder.count..<builder.count, part: .turn, speaker: cue.speaker, startTime: cue.start,
          endTime: cue.end)
      }
      if let start = cue.start { turn!.cueStarts.append(CueStart(textOffset: builder.count, time: start)) }
      if turn!.startTime == nil { turn!.startTime = cue.start }
      builder.append(copying: source, range)
    }
    if var finished = turn.take() {
      finished.range = finished.range.lowerBound..<builder.count
      segments.append(finished)
    }
    return Document(
      path: path, format: format, mapped: builder.build(), original: original, segments: segments,
      warnings: cues.warnings)
  }
}
