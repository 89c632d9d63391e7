extension Linter {
  /// Lints a document as a whole: its text, then the rules of its kind (email or call),
  /// then the score. Findings carry the index of their segment.
  public func lint(_ document: Document, options: DocumentOptions, workspace: inout LintWorkspace) -> LintResult {
    let suppressions = Suppressions(original: document.original)
    let pass = suppressions.directives.isEmpty ? nil : SuppressionPass(suppressions, document: document)
    var result = document.text.withUnsafeBufferPointer {
      lint($0, segments: document.effectiveSegments, options: options, workspace: &workspace, suppression: pass)
    }
    if let pass {
      result.suppressionNotices += pass.notices(result.language)
      result.suppressedFindings = pass.suppressed
    }
    return result
  }

  /// Lints `document` with a fresh workspace.
  public func lint(_ document: Document, options: DocumentOptions = DocumentOptions()) -> LintResult {
    var workspace = LintWorkspace()
    return lint(document, options: options, workspace: &workspace)
  }

  func lint(
    _ text: UnsafeBufferPointer<UInt8>, segments given: [Segment], options: DocumentOptions,
    workspace: inout LintWorkspace, suppression: SuppressionPass? = nil
  ) -> LintResult {
    var segments = given
    let isCall = segments.contains { $0.speaker != nil }
    // A file of several templates (titled segments): each is scored and judged apart.
    let holdsTemplates = segments.contains { $0.title != nil }
    var scan = self.scan(
      text, language: options.language, segments: segments, workspace: &workspace)
    let language = scan.language
    // Taken out of the scan, so that filtering them in place does not copy them all.
    var findings = scan.findings
    scan.findings = []
    Linter.assignSegments(&findings, segments)
    // Suppressed phrases are gone before the document rules look: a silenced deadline
    // must not take a freedom statement back.
    suppression?.filter(&findings)
    // So are phrases that are not prose aimed at the reader (logs, footers, quotes…). A
    // call's turns are speech, read by the conversation rules (`CallTyping` for capitals).
    let context =
      isCall
      ? (setAside: [], mostlyCapitals: false)
      : ContextStage.apply(&findings, text: text, segments: segments, language: language)
    var result = LintResult(
      language: language, languageDetected: options.language == nil, findings: [], score: ScoreCard.unscored,
      metrics: scan.counter.metrics, tokenizerReport: scan.report)
    result.contextSetAside = context.setAside
    result.mostlyCapitals = context.mostlyCapitals
    result.unsupportedLanguage = scan.unsupportedLanguage
    if isCall {
      let roles = RoleAssigner.assign(&segments, findings: findings, counts: scan.counter.counts, options: options)
      result.roles = roles
      result.segmentRoles = segments.map(\.role)
      findings = CallTyping.droppingEmailOnly(findings)
      result.suppressionNotices = CallTyping.capitalsAsNotes(
        &findings, segments: segments, everyone: options.everyone, language: language)
      // Each speaker's own score reads everything they said, whatever their role.
      var everything = findings
      if !options.everyone { findings = ConversationRules.keepingRoleFindings(findings, segments: segments) }
      Finding.append(
        FalseFreedomRule.apply(to: &findings, language: language, scope: .nearbySentences(1)), to: &findings)
      var metrics = ConversationRules.metrics(
        segments: segments, counts: scan.counter.counts, findings: findings, roles: roles)
      let answers = AfterHesitationRules.apply(
        findings, segments: segments, language: language, metrics: &metrics)
      Finding.append(answers, to: &findings)
      result.conversation = metrics
      Finding.append(answers, to: &everything)
      result.speakerScores = SpeakerScoring.scores(everything, segments: segments, counts: scan.counter.counts)
    } else {
      // Appended only when there is something: appending nothing still costs a call and a
      // uniqueness check per document.
      let falseFreedom = FalseFreedomRule.apply(
        to: &findings, language: language, scope: .nearbySentences(FalseFreedomRule.emailReach))
      Finding.append(falseFreedom, to: &findings)
      let documentFindings = EmailRules.apply(findings, language: language, bySegment: holdsTemplates)
      Finding.append(documentFindings, to: &findings)
      var counts = scan.counter.counts
      for (index, segment) in segments.enumerated() where segment.part == .body && index < counts.count {
        counts[index].syllables = Syllables.count(text, segment.range)
      }
      result.form = EmailRules.formMetrics(segments: segments, counts: counts, language: language)
    }
    if !options.keepsRequestCues {
      func isCue(_ rule: Rule) -> Bool {
        rule.polarity == .role || (rule.polarity == .request && rule.id != BuiltInRules.requestWithoutFreedomID)
      }
      // Tested first without copying a finding: most documents hold no request cue.
      if findings.indices.contains(where: { isCue(findings[$0].rule) }) { findings.removeAll { isCue($0.rule) } }
    }
    // And the document rules' own findings can be silenced too.
    suppression?.filter(&findings)
    Finding.sortForReport(&findings)
    if holdsTemplates {
      result.templateScores = Linter.templateScores(findings, segments: segments)
    }
    result.score = Scorer.score(&findings)
    result.findings = findings
    return result
  }

  /// Each titled template's own score, from its own findings.
  static func templateScores(_ findings: [Finding], segments: [Segment]) -> [TemplateScore] {
    segments.enumerated().compactMap { index, segment in
      guard let title = segment.title else { return nil }
      var own = findings.filter { $0.segment == index }
      let score = Scorer.score(&own)
      return TemplateScore(title: title, segment: index, score: score, findings: own.count)
    }
  }

  /// Sets each finding's segment: the segment its start falls in.
  static func assignSegments(_ findings: inout [Finding], _ segments: [Segment]) {
    guard segments.count > 1 else { return }
    for index in findings.indices {
      let start = findings[index].start
      var low = 0
      var high = segments.count - 1
      while low < high {
        let middle = (low + high + 1) / 2
        if segments[middle].range.lowerBound <= start { low = middle } else { high = middle - 1 }
      }
      findings[index].segment = low
    }
  }
}
