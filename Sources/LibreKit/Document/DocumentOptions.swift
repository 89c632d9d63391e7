/// How to lint a document beyond its text.
public struct DocumentOptions: Sendable {
  /// nil: detect the language from the text.
  public var language: Language?
  /// The rep's speaker names in a call (`--rep`, `speakers.rep`), matched without case.
  public var reps: [String]
  /// `--role all`: lint every speaker alike instead of the rep only.
  public var everyone: Bool
  /// Keep the request cues (`request.call-to-action.*`) and role cues (`role.*`) in the
  /// findings. They are internal to the document and call rules, so reports leave them out;
  /// lexicon example tests need them.
  public var keepsRequestCues: Bool

  public init(language: Language? = nil, reps: [String] = [], everyone: Bool = false, keepsRequestCues: Bool = false) {
    self.language = language
    self.reps = reps
    self.everyone = everyone
    self.keepsRequestCues = keepsRequestCues
  }
}
