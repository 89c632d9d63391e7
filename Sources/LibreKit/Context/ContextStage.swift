/// The context stage: after matching, before the document rules, it sets aside the phrase
/// findings that are not pressure or freedom aimed at the reader, for the reason it gives:
///
/// 1. **Regions**: a finding whose line is not a region its rule reads (a log line, a
///    table, a signature, a footer, a forwarded header; shouting reads sentences only).
/// 2. **Shouting**: a run of capitals counts only when it carries a pressure word, an order
///    or a call to action; a document mostly in capitals gets one note instead; `!!` after
///    thanks or good news is enthusiasm.
/// 3. **Addressee**: controlling, guilt, assumptive and freedom findings must be aimed at
///    the reader (`AddresseeGrammar`); any other pressure phrase must be the writer's own
///    words, not quoted or reported speech.
///
/// Findings set aside are kept with their reason for `--explain-suppressed`.
public struct ContextStage {
  /// A finding the stage set aside, and why.
  public struct SetAside: Sendable {
    public var finding: Finding
    public var reason: ContextReason
    /// The region of the finding's line.
    public var region: TextRegions
  }

  /// Share of capital letters over which a document counts as typed in capitals.
  static let mostlyCapitalsShare = 0.6
  /// Letters a document needs before its share of capitals means anything.
  static let mostlyCapitalsMinimumLetters = 40

  /// Words a run of capitals needs to read as a sentence typed in capitals.
  static let shoutedSentenceWords = 6

  /// Filters `findings` of a text in `language` whose segments are `segments` (a subject
  /// line reads as prose whatever its shape); returns those set aside, and whether the text
  /// is mostly in capitals (the document gets one note, and at most one shouting finding).
  static func apply(
    _ findings: inout [Finding], text: UnsafeBufferPointer<UInt8>, segments: [Segment], language: Language
  ) -> (setAside: [SetAside], mostlyCapitals: Bool) {
    // Only pressure and freedom are judged: engagement and request cues are counts that
    // read every region, and most texts have nothing else, so they need no region map.
    guard findings.contains(where: { ContextStage.judges($0.rule) }) else { return ([], false) }
    let regions = RegionMap(text, only: findings.compactMap { judges($0.rule) ? $0.start : nil })
    let grammar = AddresseeGrammar(language: language)
    let words = ContextWords.of(language)
    let mostlyCapitals = findings.contains { $0.rule.category == "shouting" } && isMostlyCapitals(text)
    var shoutedOnce = false
    var setAside: [SetAside] = []
    // The findings kept are moved down in place: a second array as long as the first
    // doubled the memory of a document with millions of findings.
    var keptCount = 0
    for index in findings.indices {
      let finding = findings[index]
      guard ContextStage.judges(finding.rule) else {
        findings[keptCount] = finding
        keptCount += 1
        continue
      }
      let inSubject = finding.segment < segments.count && segments[finding.segment].part == .subject
      let region = inSubject ? TextRegions.prose : regions.region(at: finding.start)
      var why = reason(finding, text: text, region: region, grammar: grammar, words: words)
      if why == nil && mostlyCapitals && finding.rule.category == "shouting" {
        if shoutedOnce { why = .mostlyCapitals } else { shoutedOnce = true }
      }
      if let why {
        setAside.append(SetAside(finding: finding, reason: why, region: region))
      } else {
        findings[keptCount] = finding
        keptCount += 1
      }
    }
    findings.removeLast(findings.count - keptCount)
    // `!!` is shouting in a message that sells or presses; in one that does neither
    // ("OOPs!!! The correct time is 11:15", "Okay, it's done!!!!") it is only enthusiasm.
    if findings.contains(where: { isExclamation($0, text) }) {
      let presses = findings.contains { $0.rule.polarity == .pressure && !isExclamation($0, text) }
      if !presses {
        findings.removeAll { finding in
          guard isExclamation(finding, text), !sentenceSells(finding, text: text, words: words) else { return false }
          setAside.append(SetAside(finding: finding, reason: .enthusiasm, region: regions.region(at: finding.start)))
          return true
        }
      }
    }
    return (setAside, mostlyCapitals)
  }

  /// Whether the stage judges findings of `rule`: pressure and freedom, and in an email
  /// the other party's hesitation cues, which the writer may only be quoting ("just reply
  /// “no thanks”").
  static func judges(_ rule: Rule) -> Bool {
    rule.polarity == .pressure || rule.polarity == .freedom || rule.polarity == .hesitation
  }

  static func reason(
    _ finding: Finding, text: UnsafeBufferPointer<UInt8>, region: TextRegions, grammar: AddresseeGrammar,
    words: ContextWords
  ) -> ContextReason? {
    let rule = finding.rule
    if rule.polarity == .hesitation {
      let span = finding.start..<max(finding.start, min(finding.end, text.count))
      let sentence = SentenceWords(text, around: span)
      return AddresseeGrammar.isQuoted(text, span, from: sentence.range.lowerBound) ? .quoted : nil
    }
    if !rule.regions.contains(region) {
      return rule.polarity == .freedom && region == .footer ? .footerFreedom : .region
    }
    let span = finding.start..<max(finding.start, min(finding.end, text.count))
    if rule.category == "shouting", let reason = shoutingReason(span, text: text, words: words) { return reason }
    if AddresseeGrammar.judges(rule) { return grammar.reason(for: rule, span: span, in: text) }
    // Any other pressure phrase may still be someone else's words, quoted or reported.
    return rule.polarity == .pressure ? grammar.speechReason(for: rule, span: span, in: text) : nil
  }

  /// Why a shouting finding is not shouting at the reader, or nil.
  static func shoutingReason(_ span: Range<Int>, text: UnsafeBufferPointer<UInt8>, words: ContextWords)
    -> ContextReason?
  {
    let letters = span.contains { (text[$0] | 0x20) >= 0x61 && (text[$0] | 0x20) <= 0x7A }
    if letters {
      let sentence = SentenceWords(text, around: span)
      let inside = sentence.words.filter {
        $0.start >= span.lowerBound && $0.end <= span.upperBound
      }
      // One word in capitals is shouting only when it is more than a call's last word
      // ("Sign up NOW!" closes many an internal announcement; "GUARANTEED!" sells).
      let pressureWords = inside.filter { words.shoutPressure.contains($0.text) }
      if inside.count == 1 && !pressureWords.isEmpty
        && pressureWords.allSatisfy({ words.mildAlone.contains($0.text) })
      {
        return .capitalsWithoutPressure
      }
      if !pressureWords.isEmpty { return nil }
      // "please READ THIS", « merci de LIRE CECI »: an order in capitals.
      if let before = sentence.words.lastIndex(where: { $0.end <= span.lowerBound }),
        sentence.words[max(0, before - 1)...before].contains(where: { words.imperativeMarkers.contains($0.text) })
      {
        return nil
      }
      // A whole sentence typed in capitals at the reader, not a name or a title.
      let toReader = inside.contains { words.readerWords.contains($0.text) }
      if inside.count >= shoutedSentenceWords && toReader { return nil }
      return .capitalsWithoutPressure
    }
    // `!!`: warm when its sentence thanks or cheers.
    let sentence = SentenceWords(text, around: span.lowerBound..<span.lowerBound)
    return sentence.words.contains { $0.end <= span.lowerBound && words.warmWords.contains($0.text) }
      ? .warmExclamation : nil
  }

  /// Whether `finding` is shouting made of exclamation and question marks only (`!!`, `?!`).
  static func isExclamation(_ finding: Finding, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard finding.rule.category == "shouting" else { return false }
    let span = finding.start..<max(finding.start, min(finding.end, text.count))
    return !span.isEmpty && span.allSatisfy { text[$0] == UInt8(ascii: "!") || text[$0] == UInt8(ascii: "?") }
  }

  /// Whether the sentence of `finding` carries a selling or pressing word ("FREE", "order",
  /// "today", "win"): its exclamation marks then sell even in a message that presses nowhere else.
  static func sentenceSells(_ finding: Finding, text: UnsafeBufferPointer<UInt8>, words: ContextWords) -> Bool {
    let sentence = SentenceWords(text, around: finding.start..<finding.start)
    return sentence.words.contains { words.shoutPressure.contains($0.text) }
  }

  /// Whether the prose of `text` is mostly capitals (a chat or a notice typed in caps).
  static func isMostlyCapitals(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    var letters = 0
    var capitals = 0
    for index in 0..<text.count {
      let byte = text[index]
      guard (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A else { continue }
      letters += 1
      if byte < 0x61 { capitals += 1 }
    }
    return letters >= mostlyCapitalsMinimumLetters && Double(capitals) >= Double(letters) * mostlyCapitalsShare
  }
}
