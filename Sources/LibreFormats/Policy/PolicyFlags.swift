import LibreKit

/// What the command line (or an editor's request) says about linting: each value given
/// overrides the configuration and its profile. nil means "not given".
public struct PolicyFlags: Sendable, Equatable {
  /// `--lang`: `auto` or a language; nil when not given.
  public var language: LanguageChoice?
  /// `--min-score`.
  public var minScore: Int?
  /// `--fail-on`.
  public var failOn: FailLevel?
  /// `--rep`: the seller's side of a call; empty when not given.
  public var reps: [String] = []
  /// `--role all`: every speaker of a call linted alike.
  public var everyone = false
  /// `--profile`: the configuration's profile for every input.
  public var profile: Channel?
  /// `--config`: this configuration for every input instead of the nearest `.libre.json`.
  public var configuration: String?
  /// `--lexicon`: lexicon files or folders added to the built-in ones.
  public var lexicons: [String] = []

  public init() {}

  /// The gate values the flags set, each marked as coming from its flag.
  public var gate: GateSettings {
    var gate = GateSettings()
    if let minScore { gate.set(minScore: minScore, origin: "--min-score") }
    if let failOn { gate.set(failOn: failOn, origin: "--fail-on") }
    return gate
  }
}
