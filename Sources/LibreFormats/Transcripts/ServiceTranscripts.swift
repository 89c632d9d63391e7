import LibreKit

/// The JSON that speech-to-text services return, read as turns (who spoke, when, what),
/// each turn's text copied from the file piece by piece so findings point back into it.
///
/// | service        | shape read                                                     | times          |
/// |----------------|----------------------------------------------------------------|----------------|
/// | AWS Transcribe | `results.items` (`pronunciation`/`punctuation`, `speaker_label`), speakers also from `results.speaker_labels.segments` | seconds, strings |
/// | Deepgram       | `results.utterances`, else `results.channels[0].alternatives[0].paragraphs.paragraphs`, else its `transcript` | seconds |
/// | AssemblyAI     | `utterances` (`speaker` "A", "B"…), else `text`                | milliseconds   |
/// | Rev.ai         | `monologues[].elements` (`text`, `punct` with its own spaces)  | seconds        |
///
/// WhisperX (`segments` with `speaker`, `start`, `end`, `text`) is the generic segment form
/// `JSONTranscriptParser` already reads. Without speaker labels, a turn has no speaker (AWS
/// items are cut into sentences so turns stay a readable size).
enum ServiceTranscripts {
  /// One piece of a turn's text: a JSON string in the file, and whether a space goes before it.
  struct Piece {
    var quote: Int
    var spaceBefore: Bool
  }

  struct Turn {
    var speaker: String?
    var start: Double?
    var end: Double?
    var pieces: [Piece] = []
  }

  /// The turns of `root` when it is one of the services' shapes; nil otherwise.
  static func turns(_ root: JSONValue) -> [Turn]? {
    if let results = root["results"] {
      if let items = results["items"]?.array { return aws(items, labels: results["speaker_labels"]) }
      if let utterances = results["utterances"]?.array, !utterances.isEmpty {
        return utterances.map { utterance(from: $0, textKey: "transcript", scale: 1) }
      }
      if let alternative = results["channels"]?.array?.first?["alternatives"]?.array?.first {
        return deepgram(alternative)
      }
    }
    if let monologues = root["monologues"]?.array { return monologues.map(rev) }
    if let utterances = root["utterances"]?.array, !utterances.isEmpty {
      return utterances.map { utterance(from: $0, textKey: "text", scale: 0.001) }
    }
    // AssemblyAI without speaker labels: its `utterances` is null, the text is whole.
    if root["words"] != nil || root["utterances"] != nil, let text = root["text"], text.string != nil {
      return [Turn(pieces: [Piece(quote: text.offset, spaceBefore: false)])]
    }
    return nil
  }

  /// Whether the first bytes of a JSON object look like one of the services' results.
  static func looksLikeServiceTranscript(_ head: [UInt8]) -> Bool {
    let has = { (needle: StaticString) in TranscriptLoader.contains(head, needle) }
    if has("\"results\"") && (has("\"items\"") || has("\"utterances\"") || has("\"channels\"")) { return true }
    if has("\"monologues\"") { return true }
    return has("\"utterances\"") || (has("\"words\"") && has("\"text\"") && has("\"audio_duration\""))
  }

  /// AWS Transcribe: words and punctuation one item each; a new turn where the speaker
  /// changes (or, without labels, after a sentence's end).
  private static func aws(_ items: [JSONValue], labels: JSONValue?) -> [Turn] {
    // Older results carry the speakers only in `speaker_labels.segments[].items`, by start time.
    var speakerAt: [String: String] = [:]
    for segment in labels?["segments"]?.array ?? [] {
      for item in segment["items"]?.array ?? [] {
        if let start = item["start_time"]?.string, let label = item["speaker_label"]?.string {
          speakerAt[start] = label
        }
      }
    }
    var turns: [Turn] = []
    var sentenceEnded = false
    for item in items {
      guard let content = item["alternatives"]?.array?.first?["content"], content.string != nil else { continue }
      let isPunctuation = item["type"]?.string == "punctuation"
      let startText = item["start_time"]?.string
      let speaker = item["speaker_label"]?.string ?? startText.flatMap { speakerAt[$0] } ?? turns.last?.speaker
      let start = startText.flatMap(Timestamps.parse)
      let end = item["end_time"]?.string.flatMap(Timestamps.parse)
      let newTurn =
        turns.isEmpty || (!isPunctuation && (speaker != turns.last?.speaker || (speaker == nil && sentenceEnded)))
      if newTurn {
        turns.append(Turn(speaker: speaker, start: start, end: end))
      } else if let end {
        turns[turns.count - 1].end = end
      }
      let first = turns[turns.count - 1].pieces.isEmpty
      turns[turns.count - 1].pieces.append(Piece(quote: content.offset, spaceBefore: !first && !isPunctuation))
      sentenceEnded = isPunctuation && [".", "?", "!"].contains(content.string ?? "")
    }
    return turns
  }

  /// Deepgram without utterances: paragraphs (speakers when diarized), else the transcript.
  private static func deepgram(_ alternative: JSONValue) -> [Turn] {
    if let paragraphs = alternative["paragraphs"]?["paragraphs"]?.array, !paragraphs.isEmpty {
      return paragraphs.map { paragraph in
        var turn = Turn(
          speaker: speakerName(paragraph["speaker"]), start: paragraph["start"]?.number, end: paragraph["end"]?.number)
        for sentence in paragraph["sentences"]?.array ?? [] {
          guard let text = sentence["text"], text.string != nil else { continue }
          turn.pieces.append(Piece(quote: text.offset, spaceBefore: !turn.pieces.isEmpty))
        }
        return turn
      }
    }
    guard let transcript = alternative["transcript"], transcript.string != nil else { return [] }
    return [Turn(pieces: [Piece(quote: transcript.offset, spaceBefore: false)])]
  }

  /// Rev.ai: a monologue's elements carry their own spaces (`punct` elements of " ").
  private static func rev(_ monologue: JSONValue) -> Turn {
    let name = monologue["speaker_name"]?.string
    var turn = Turn(speaker: name ?? speakerName(monologue["speaker"]))
    for element in monologue["elements"]?.array ?? [] {
      // `unknown` elements are Rev's tags (`<inaudible>`, `<laugh>`), not words.
      guard let value = element["value"], value.string != nil, element["type"]?.string != "unknown" else { continue }
      if turn.start == nil { turn.start = element["ts"]?.number }
      if let end = element["end_ts"]?.number { turn.end = end }
      turn.pieces.append(Piece(quote: value.offset, spaceBefore: false))
    }
    return turn
  }

  private static func utterance(from value: JSONValue, textKey: String, scale: Double) -> Turn {
    var turn = Turn(
      speaker: speakerName(value["speaker"]), start: value["start"]?.number.map { $0 * scale },
      end: value["end"]?.number.map { $0 * scale })
    if let text = value[textKey], text.string != nil { turn.pieces = [Piece(quote: text.offset, spaceBefore: false)] }
    return turn
  }

  /// A speaker as the services write it: a label (`spk_0`, `A`, `SPEAKER_00`) as written, a
  /// number as `Speaker N`.
  private static func speakerName(_ value: JSONValue?) -> String? {
    if let text = value?.string, !text.isEmpty { return text }
    if let number = value?.number, number == number.rounded(), abs(number) < 1e9 { return "Speaker \(Int(number))" }
    return nil
  }
}
