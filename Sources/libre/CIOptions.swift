import LibreFormats

/// The options of `libre lint` for CI: report formats, `--output`, baselines, profiles,
/// and whether `--lang` and `--fail-on` were given (they then override the configuration).
struct CIOptions {
  var report = ReportFormat.text
  /// `--output FILE`: the report goes there; the exit code still gates.
  var output: String?
  /// `--baseline FILE`: fail only on findings it does not have, or on a lower score.
  var baseline: String?
  /// `--write-baseline FILE`: record today's findings and scores there.
  var writeBaseline: String?
  /// `--profile NAME`: the configuration's profile for every input.
  var profile: Channel?
  var languageGiven = false
  var failOnGiven = false

  /// Reads one of its options; false when `flag` is not one.
  mutating func parse(_ flag: String, _ reader: inout ArgumentReader) throws(UsageError) -> Bool {
    switch flag {
    case "--output", "-o": output = try reader.value(for: flag)
    case "--baseline": baseline = try reader.value(for: flag)
    case "--write-baseline": writeBaseline = try reader.value(for: flag)
    case "--profile":
      let text = try reader.value(for: flag)
      guard let channel = Channel(rawValue: text) else {
        throw UsageError(description: CIMessages.unknownProfile(text))
      }
      profile = channel
    default: return false
    }
    return true
  }
}

extension LintOptions {
  /// `--format`: any report format; `format` follows for the formats it knows.
  mutating func setFormat(_ text: String) throws(UsageError) {
    guard let report = ReportFormat(rawValue: text) else {
      throw UsageError(description: CIMessages.unknownFormat(text))
    }
    ci.report = report
    format = report == .json ? .json : .text
  }
}

/// What the CI options and commands say.
enum CIMessages {
  static func unknownFormat(_ text: String) -> String { "unknown format '\(text)' (\(ReportFormat.names))" }
  static func unknownProfile(_ text: String) -> String {
    "unknown profile '\(text)' (\(Channel.allCases.map(\.rawValue).joined(separator: ", ")))"
  }
  static func baselineWritten(_ path: String, documents: Int, findings: Int) -> String {
    "wrote the baseline \(path): \(documents) document(s), \(findings) finding(s)"
  }
}
