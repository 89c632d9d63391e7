import LibreFormats
import LibreKit

#if canImport(Glibc)
  import Glibc
#endif

/// `libre-bench --emit-folder DIR --size MB`: a deterministic folder corpus for timing
/// `libre analyze` end to end: emails as `.txt` and `.eml`, calls as `.vtt`, `.srt` and
/// plain transcripts, a thousand files a subfolder. The same seed gives the same files.
/// An email is one generated document (about 1.2 KB); a call strings several of the same
/// language together (about 8 KB, some 150 turns), as long as a half-hour call's transcript.
enum FolderCorpus {
  static let reps = ["Sam Lee", "Dana Whitfield", "Léa Martin", "Hugo Bernard", "Priya Raman"]
  static let prospects = ["Alex Kim", "Owen Marsh", "Chloé Petit", "Marc Dubois", "Tasha Grant"]
  static let hesitations = [
    "I need to think about it.", "We don't have budget for this right now.", "I'm not sure.",
    "Je vais réfléchir.", "Ce n'est pas le bon moment.", "Let me talk to my manager first.",
  ]

  static let callBytes = 7_000

  static func emit(to directory: String, megabytes: Int, seed: UInt64) {
    makeFolders(directory)
    var generator = CorpusGenerator(seed: seed)
    var written = 0
    var files = 0
    var text: [UInt8] = []
    while written < megabytes << 20 {
      if files % 1000 == 0 { makeFolders(directory + "/part\(files / 1000)") }
      text.removeAll(keepingCapacity: true)
      if files % 5 >= 2 {
        // A call: one language throughout, several documents long.
        generator.language = generator.below(100) < 45 ? .french : .english
        generator.fill(&text, bytes: callBytes)
        generator.language = nil
      } else {
        generator.fill(&text, bytes: 1)
      }
      let body = String(decoding: text, as: UTF8.self)
      let (name, bytes) = file(number: files, body: body)
      let path = directory + "/part\(files / 1000)/" + name
      let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
      guard descriptor >= 0 else { fail("cannot write \(path): \(String(cString: strerror(errno)))") }
      _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      close(descriptor)
      written += bytes.count
      files += 1
    }
    print("wrote \(files) files, \(written) bytes, under \(directory)")
  }

  /// Makes `path` and the folders above it that are missing, as `mkdir -p` does.
  static func makeFolders(_ path: String) {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") {
      prefix += component + "/"
      if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
        fail("cannot make the folder \(prefix): \(String(cString: strerror(errno)))")
      }
    }
    var status = stat()
    guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { fail("\(path) is not a folder") }
  }

  static func fail(_ message: String) -> Never {
    let line = Array("libre-bench: error: \(message)\n".utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(2)
  }

  /// File `number`: its name and bytes, the kind cycling through the five formats.
  static func file(number: Int, body: String) -> (String, [UInt8]) {
    let sentences = sentences(of: Array(body.utf8))
    let rep = reps[number % reps.count]
    let prospect = prospects[number / reps.count % prospects.count]
    // Each turn lasts six seconds and starts seven after the previous one.
    let call = turns(sentences, rep: rep, prospect: prospect).enumerated()
    func lines(_ cue: (_ index: Int, _ start: Int, _ speaker: String, _ text: String) -> String) -> [UInt8] {
      Array(call.map { cue($0.offset, $0.offset * 7, $0.element.speaker, $0.element.text) }.joined().utf8)
    }
    switch number % 5 {
    case 0: return ("mail\(number).txt", Array(body.utf8))
    case 1: return ("mail\(number).eml", EmailCorpus.message(number: number, body: Array(body.utf8)))
    case 2:
      let cues = lines { _, start, speaker, text in
        "\(clock(start, comma: false)) --> \(clock(start + 6, comma: false))\n<v \(speaker)>\(text)\n\n"
      }
      return ("call\(number).vtt", Array("WEBVTT\n\n".utf8) + cues)
    case 3:
      let cues = lines { index, start, speaker, text in
        "\(index + 1)\n\(clock(start, comma: true)) --> \(clock(start + 6, comma: true))\n\(speaker): \(text)\n\n"
      }
      return ("call\(number).srt", cues)
    default:
      let cues = lines { _, start, speaker, text in "[\(clock(start, comma: false).prefix(8))] \(speaker): \(text)\n" }
      return ("call\(number).txt", cues)
    }
  }

  /// Alternating turns, two sentences each, the prospect hesitating every third turn.
  static func turns(_ sentences: [String], rep: String, prospect: String) -> [(speaker: String, text: String)] {
    var turns: [(String, String)] = []
    var index = 0
    while index < sentences.count {
      let isRep = turns.count % 2 == 0
      var text = sentences[index..<min(index + 2, sentences.count)].joined(separator: " ")
      if !isRep && turns.count % 3 == 1 { text = hesitations[(index / 2) % hesitations.count] + " " + text }
      turns.append((isRep ? rep : prospect, text))
      index += 2
    }
    return turns
  }

  /// The sentences of `text` (split after `.`, `?`, `!` and `…`; line breaks read as
  /// spaces), each trimmed and ended with a period; fragments of three bytes or less dropped.
  /// Over bytes: a gigabyte corpus is generated through this.
  static func sentences(of text: [UInt8]) -> [String] {
    var sentences: [String] = []
    var start = 0
    var index = 0
    func flush(_ end: Int) {
      var low = start
      var high = end
      while low < high && (text[low] == 0x20 || text[low] == 0x0A) { low += 1 }
      while high > low && (text[high - 1] == 0x20 || text[high - 1] == 0x0A) { high -= 1 }
      guard high - low > 3 else { return }
      var sentence = text[low..<high].map { $0 == 0x0A ? 0x20 : $0 }
      sentence.append(UInt8(ascii: "."))
      sentences.append(String(decoding: sentence, as: UTF8.self))
    }
    while index < text.count {
      let byte = text[index]
      if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!") {
        flush(index)
        start = index + 1
      } else if byte == 0xE2 && index + 2 < text.count && text[index + 1] == 0x80 && text[index + 2] == 0xA6 {
        flush(index)
        start = index + 3
        index += 2
      }
      index += 1
    }
    flush(text.count)
    return sentences
  }

  static func clock(_ seconds: Int, comma: Bool) -> String {
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))\(comma ? "," : ".")000"
  }
}
