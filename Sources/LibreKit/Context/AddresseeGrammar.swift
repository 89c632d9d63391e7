/// Who is addressed, and how: a small grammar over the words of a finding's sentence that
/// tells when words that look like an order, a guilt trip or a freedom statement are not
/// aimed at the reader: quoted or reported speech, a generic "you", a prerequisite stated as
/// information, an epistemic modal ("you should be able to"), a question, a future necessity
/// without a deadline ("you will need to fill out the form").
///
/// Each check returns the reason it gives (`ContextReason`), shown by `--explain-suppressed`.
struct AddresseeGrammar {
  let words: ContextWords
  let language: Language

  init(language: Language) {
    self.language = language
    words = ContextWords.of(language)
  }

  /// Categories whose findings must be aimed at the reader (beside rules with
  /// `"subject": "addressee"` and freedom statements).
  static let addressedCategories: Set<String> = ["controlling", "guilt", "assumptive-close"]

  /// Whether the grammar judges findings of `rule`.
  static func judges(_ rule: Rule) -> Bool {
    rule.requiresAddressee || rule.polarity == .freedom || addressedCategories.contains(rule.category)
  }

  /// Why a pressure finding the grammar does not otherwise judge (urgency, scarcity, a
  /// threat…) is someone else's words: quoted ("“Act now!” is a spam trigger") or reported
  /// ("… to act immediately,” said the chairman"). Nil when the writer says it.
  func speechReason(for rule: Rule, span: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> ContextReason? {
    // Marketing mail is full of stray straight quotes (markup, "It"s"), so here a quote
    // counts only when it closes on the same line: a quoted example, not an open count.
    // (Checked on the line's bytes, before the sentence's words are built.)
    if rule.category != "guilt" && AddresseeGrammar.isQuotedOnItsLine(text, span) { return .quoted }
    let sentence = SentenceWords(text, around: span)
    return otherSpeaker(rule, sentence, first: sentence.wordIndex(at: span.lowerBound))
  }

  /// Reported speech, or for pressure, a task the reader is to give someone else: the
  /// words of another, whatever the rule.
  private func otherSpeaker(_ rule: Rule, _ sentence: SentenceWords, first: Int) -> ContextReason? {
    if isReported(sentence, before: first) { return .reported }
    return rule.polarity == .pressure && isThirdPartyTask(sentence, before: first) ? .thirdParty : nil
  }

  /// "Instruct them to respond immediately", « demandez-leur de répondre » : the phrase is
  /// what the reader should ask of someone else.
  private func isThirdPartyTask(_ sentence: SentenceWords, before first: Int) -> Bool {
    guard first >= 2, first <= sentence.words.count else { return false }
    return words.infinitiveMarkers.contains(sentence.words[first - 1].text)
      && words.thirdPartyObjects.contains(sentence.words[first - 2].text)
  }

  /// Why the finding at `span` is not aimed at the reader, or nil when it is.
  func reason(for rule: Rule, span: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> ContextReason? {
    // A guilt trip may quote the button it shames ("choose “No, I'd rather pay full
    // price”"): quotation marks clear orders and freedom statements only.
    let sentence = SentenceWords(text, around: span)
    if rule.category != "guilt" && AddresseeGrammar.isQuoted(text, span, from: sentence.range.lowerBound) {
      return .quoted
    }
    let first = sentence.wordIndex(at: span.lowerBound)
    let last = max(first, sentence.wordIndex(at: span.upperBound - 1))
    if let other = otherSpeaker(rule, sentence, first: first) { return other }
    // Freedom statements are judged for whose words they are, and a "no need to …" for
    // what the reader need not do: a decision or an answer left to them is freedom; a
    // task ("you don't need to be an expert to earn…") is a claim of ease.
    guard rule.polarity != .freedom else {
      return rule.category == "no-obligation" && !leavesAChoice(sentence, span: span, last: last) ? .notAChoice : nil
    }
    // Mood and modality concern the findings built on a modal ("you must", « vous devez »).
    let modal = sentence.words[min(first, sentence.words.count)..<min(last + 1, sentence.words.count)]
      .last { words.modals.contains($0.text) }?.text
    // "Make sure you enter the same address", « n'oubliez pas de joindre le reçu »: a
    // reminder of a step, unless a deadline or a decision rides on it.
    if rule.category == "controlling", modal == nil, isReminder(sentence, at: first), !hasTimePressure(sentence),
      !asksForDecision(sentence, after: last)
    {
      return .reminder
    }
    if rule.category == "controlling", let modal {
      if sentence.isQuestion && startsAsQuestion(sentence) { return .question }
      if isEpistemic(sentence, modal: modal, after: last) { return .epistemic }
      if words.genericYou.contains(where: { idiom in (first...last + 1).contains { sentence.has(idiom, at: $0) } }) {
        return .genericYou
      }
      if !hasTimePressure(sentence) {
        if isPrerequisite(sentence, before: first) { return .prerequisite }
        // "You must dial 1 first", « vous devez noter que… »: a step or a statement, not a
        // decision asked of the reader.
        if let verb = verbAfter(sentence, last), words.procedureVerbs.contains(verb) { return .futureInstruction }
        if isHedged(sentence, before: first) { return .hedgedAdvice }
        if isFutureNecessity(sentence, from: first, to: last) && !asksForDecision(sentence, after: last) {
          return .futureInstruction
        }
      }
    }
    return nil
  }

  /// Whether a "no need to", « pas besoin de » ending `span` is followed by a verb of
  /// choice or answer; true when the finding does not end on such an opening.
  private func leavesAChoice(_ sentence: SentenceWords, span: Range<Int>, last: Int) -> Bool {
    guard last < sentence.words.count else { return true }
    let final = sentence.words[last]
    let opening = words.infinitiveMarkers
    // « besoin d'attendre »: the elided marker and its verb are one word here.
    if let apostrophe = final.text.firstIndex(of: "'"), opening.contains(String(final.text[...apostrophe])),
      final.end > span.upperBound
    {
      return words.choiceVerbs.contains(String(final.text[final.text.index(after: apostrophe)...]))
    }
    guard opening.contains(final.text) else { return true }
    var index = last + 1
    while index < sentence.words.count, words.pronounsBeforeVerb.contains(sentence.words[index].text) { index += 1 }
    guard index < sentence.words.count else { return true }
    var verb = sentence.words[index].text
    if let apostrophe = verb.firstIndex(of: "'") { verb = String(verb[verb.index(after: apostrophe)...]) }
    return words.choiceVerbs.contains(verb)
  }

  /// Inside quotation marks opened earlier in its sentence and not closed. Only opening
  /// marks count: a straight quote after `=` or a letter belongs to markup or a word.
  static func isQuoted(_ text: UnsafeBufferPointer<UInt8>, _ span: Range<Int>, from sentenceStart: Int) -> Bool {
    var index = span.lowerBound
    let floor = max(sentenceStart, span.lowerBound - SentenceWords.reach)
    var straight = 0
    var curlyOpen = 0
    var guillemetOpen = 0
    while index > floor {
      index -= 1
      let byte = text[index]
      if byte == 0x0A, index > 0, text[index - 1] == 0x0A { break }
      if byte == 0x22, index == 0 || text[index - 1] != UInt8(ascii: "=") { straight += 1 }
      if byte == 0xE2, index + 2 < text.count, text[index + 1] == 0x80 {
        if text[index + 2] == 0x9C { curlyOpen += 1 }  // “
        if text[index + 2] == 0x9D { curlyOpen -= 1 }  // ”
      }
      if byte == 0xC2, index + 1 < text.count {
        if text[index + 1] == 0xAB { guillemetOpen += 1 }  // «
        if text[index + 1] == 0xBB { guillemetOpen -= 1 }  // »
      }
    }
    return straight % 2 == 1 || curlyOpen > 0 || guillemetOpen > 0
  }

  /// Between an opening quotation mark (after a space, a colon, a dash or a bracket, or
  /// at the line's start) and its closing mark on the same line: a phrase cited as an
  /// example ("avoid subject lines such as “Act now”").
  static func isQuotedOnItsLine(_ text: UnsafeBufferPointer<UInt8>, _ span: Range<Int>) -> Bool {
    let newline = UInt8(ascii: "\n")
    var start = span.lowerBound
    while start > 0, text[start - 1] != newline { start -= 1 }
    var end = span.upperBound
    while end < text.count, text[end] != newline { end += 1 }
    let openers: Set<UInt8> = [0x20, 0x09, 0x3A, 0x2D, 0x28, 0x5B]  // space, tab, : - ( [
    var open: Int? = nil  // where the open quotation's mark is, nil when none is open
    var index = start
    while index < end {
      let byte = text[index]
      var width = 1
      var mark: (opens: Bool, closes: Bool) = (false, false)
      if byte == 0x22 {
        let before = index == start ? 0x20 : text[index - 1]
        mark = open == nil ? (openers.contains(before), false) : (false, true)
      } else if byte == 0xE2, index + 2 < end, text[index + 1] == 0x80,
        text[index + 2] == 0x9C || text[index + 2] == 0x9D
      {
        width = 3
        mark = (text[index + 2] == 0x9C, text[index + 2] == 0x9D)
      } else if byte == 0xC2, index + 1 < end, text[index + 1] == 0xAB || text[index + 1] == 0xBB {
        width = 2
        mark = (text[index + 1] == 0xAB, text[index + 1] == 0xBB)
      }
      if mark.opens && open == nil {
        open = index
      } else if mark.closes, let opened = open {
        if opened < span.lowerBound && index >= span.upperBound { return true }
        open = nil
      }
      index += width
    }
    return false
  }

  /// A reporting verb ("says", « a déclaré ») with someone else as its subject, or
  /// "according to", anywhere in the sentence.
  private func isReported(_ sentence: SentenceWords, before first: Int) -> Bool {
    for (index, word) in sentence.words.enumerated() where words.reportingVerbs.contains(word.text) {
      // "According to Gartner", « selon Martin »: a source speaks. Not "according to your
      // needs", « selon la règle »: a manner, not a speaker.
      if word.text == "according" || word.text == "selon" {
        let after = index + (word.text == "according" ? 2 : 1)
        if after < sentence.words.count {
          let source = sentence.words[after]
          if source.capitalized || ["him", "her", "them", "lui", "elle", "eux", "elles"].contains(source.text) {
            return true
          }
        }
        continue
      }
      guard index > 0 else { continue }
      let subject = sentence.words[index - 1]
      let notThirdParty = ["i", "we", "je", "j'", "nous", "you", "vous", "to", "and", "or", "et", "ou", "can", "may"]
      if notThirdParty.contains(subject.text) { continue }
      // "Smith says", "he said", "the report says": a third party speaks.
      if words.otherSubjects.contains(subject.text) || (subject.capitalized && index > 1) { return true }
      // "…,” said Abraham", « …, a déclaré Martin »: the speaker after a verb in the past
      // ("claims Today" is a noun before a heading, not a report).
      if index + 1 < sentence.words.count, word.text.hasSuffix("d") || word.text.hasSuffix("é") {
        let speaker = sentence.words[index + 1]
        if speaker.capitalized || ["he", "she", "they", "il", "elle", "ils", "elles"].contains(speaker.text) {
          return true
        }
      }
    }
    return false
  }

  private func startsAsQuestion(_ sentence: SentenceWords) -> Bool {
    guard let head = sentence.words.first?.text else { return false }
    let openers: Set<String> = [
      "do", "does", "did", "will", "would", "should", "must", "can", "could", "have", "has", "are", "is", "what",
      "why", "how", "when", "where", "who", "which", "devez", "faut", "est", "pourquoi", "comment", "quand", "que",
      "qu'est", "avez", "pourriez", "voulez", "devriez",
    ]
    return openers.contains(head)
  }

  /// The modal followed by a word that makes it about likelihood: "should be able",
  /// "must have received", « devriez pouvoir ».
  private func isEpistemic(_ sentence: SentenceWords, modal: String, after last: Int) -> Bool {
    var index = last + 1
    // "you should *also* be able", "you should *now* have received".
    if index < sentence.words.count,
      ["also", "now", "still", "already", "aussi", "déjà"].contains(sentence.words[index].text)
    {
      index += 1
    }
    guard index < sentence.words.count else { return false }
    let next = sentence.words[index].text
    guard words.epistemicAfterModal.contains(next) else { return false }
    let after = index + 1 < sentence.words.count ? sentence.words[index + 1].text : ""
    switch next {
    case "be", "être":
      return [
        "able", "aware", "getting", "receiving", "seeing", "hearing", "pleased", "happy", "glad", "busy",
        "tired", "swamped", "wondering", "thinking", "familiar", "there", "capable", "surpris", "surprise",
        "capable", "occupé", "occupée", "au",
      ].contains(after) || after.hasSuffix("ing")
    case "have", "avoir":
      return after.hasSuffix("ed") || after.hasSuffix("en") || after.hasSuffix("é") || after.hasSuffix("u")
        || ["got", "had", "seen", "heard", "read", "been", "reçu", "vu", "eu", "lu"].contains(after)
    case "probably", "surely", "certainly", "already", "probablement", "sûrement", "déjà":
      return true
    default:
      // "you should receive it Monday", « vous devriez recevoir »: only a conditional modal
      // predicts; "you must see it" is still an order.
      return ["should", "devriez", "devrais", "devrait"].contains(modal)
    }
  }

  /// The first word after the modal phrase, past an adverb or two ("you must *first* dial").
  private func verbAfter(_ sentence: SentenceWords, _ last: Int) -> String? {
    var index = last + 1
    while index < sentence.words.count, index <= last + 2,
      ["first", "also", "then", "still", "simply", "just", "however", "d'abord", "ensuite", "simplement"].contains(
        sentence.words[index].text)
    {
      index += 1
    }
    return index < sentence.words.count ? sentence.words[index].text : nil
  }

  /// Whether the finding opens on a reminder ("make sure", "don't forget"), at its first
  /// word or right after "please", « merci de ».
  private func isReminder(_ sentence: SentenceWords, at first: Int) -> Bool {
    words.reminders.contains { sentence.has($0, at: first) }
  }

  /// "I think you need to…", « je pense que vous devriez… »: advice the writer hedges.
  private func isHedged(_ sentence: SentenceWords, before first: Int) -> Bool {
    let before = sentence.words[max(0, first - 4)..<min(first, sentence.words.count)].map(\.text)
    return words.hedges.contains { hedge in
      before.count >= hedge.count
        && (0...(before.count - hedge.count)).contains { Array(before[$0..<$0 + hedge.count]) == hedge }
    }
  }

  /// The verb after the modal asks for a decision ("choose", "sign", « choisir »), which a
  /// neutral instruction does not.
  private func asksForDecision(_ sentence: SentenceWords, after last: Int) -> Bool {
    let next = sentence.words[min(last + 1, sentence.words.count)..<min(last + 3, sentence.words.count)]
    return next.contains { words.decisionVerbs.contains($0.text) }
  }

  /// "If you want the report, you need to…", "To register, you will need…": the finding
  /// comes after a condition or purpose clause that opens its sentence.
  private func isPrerequisite(_ sentence: SentenceWords, before first: Int) -> Bool {
    guard first > 0 else { return false }
    return words.conditionOpeners.contains { sentence.has($0, at: 0) }
  }

  /// "You will need to fill out…", « vous devrez remplir… »: a future necessity, which
  /// instructions state without asking for a decision.
  private func isFutureNecessity(_ sentence: SentenceWords, from first: Int, to last: Int) -> Bool {
    let span = sentence.words[min(first, sentence.words.count)..<min(last + 1, sentence.words.count)].map(\.text)
    if language == .french { return span.contains { $0.hasPrefix("devr") && $0 != "devriez" && $0 != "devrais" } }
    return span.contains("will") || span.contains { $0.hasSuffix("'ll") }
  }

  private func hasTimePressure(_ sentence: SentenceWords) -> Bool {
    sentence.words.contains { words.timePressure.contains($0.text) }
  }
}

/// Why the context stage set a finding aside (`--explain-suppressed`).
public enum ContextReason: String, Sendable, CaseIterable {
  case region = "not prose"
  case quoted = "quoted speech"
  case reported = "reported speech"
  case question = "a question, not an order"
  case epistemic = "epistemic modal (likelihood, not obligation)"
  case genericYou = "generic 'you' (an idiom, not the reader)"
  case prerequisite = "a prerequisite stated as information"
  case futureInstruction = "a neutral instruction (future necessity, no deadline)"
  case capitalsWithoutPressure = "capitals without a pressure word, an order or a call to action"
  case mostlyCapitals = "the document is mostly in capitals"
  case warmExclamation = "exclamation marks after thanks or good news"
  case enthusiasm = "exclamation marks in a message that neither sells nor presses"
  case footerFreedom = "an unsubscribe or legal footer, not a freedom statement"
  case notAChoice = "a task the reader need not do, not a decision left to them"
  case hedgedAdvice = "advice the writer hedges (\"I think you need to\")"
  case reminder = "a reminder of a step, with no deadline and no decision asked"
  case thirdParty = "what someone else is to do, not the reader"
}
