import LibreFormats

/// The options of `libre lint` for CI: report formats, `--output`, baselines.
struct CIOptions: Sendable {
  var report = ReportFormat.text
  /// `--output FILE`: the report goes there; the exit code still gates.
  var output: String?
  /// `--baseline FILE`: fail only on findings it does not have, or on a lower score.
  var baseline: String?
  /// `--write-baseline FILE`: record today's findings and scores there.
  var writeBaseline: String?
}

/// What the CI options and commands say.
enum CIMessages {
  static func baselineWritten(_ path: String, documents: Int, findings: Int) -> String {
    "wrote the baseline \(path): \(documents) document(s), \(findings) finding(s)"
  }
}
