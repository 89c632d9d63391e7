import LibreFormats
import LibreKit

/// The limit options of `lint` and `analyze` (defaults and meaning: `InputLimits`, `LexiconLimits`).
extension LintOptions {
  static let limitGroup = "LIMITS (past one: an error naming it, or for MIME a warning)"

  static let limitTable: [OptionSpec<LintOptions>] = [
    size(
      "--max-input-size",
      "largest input file (default 64M; K, M, G suffixes); lint reads a larger plain-text file in sections instead"
    ) { $0.limits.inputBytes = $1 },
    size(
      "--section-size",
      "lint: a plain-text file larger than this is linted in sections of about this size (default 1M; document "
        + "rules run per section)"
    ) { $0.limits.sectionBytes = $1 },
    size("--max-line-length", "longest line (default 4M)") { $0.limits.lineBytes = $1 },
    count("--max-mime-depth", "MIME nesting depth read (default 32)") { $0.limits.mimeDepth = $1 },
    count("--max-mime-parts", "MIME parts read per message (default 1000)") { $0.limits.mimeParts = $1 },
    count("--max-cues", "cues per transcript (default 1000000)") { $0.limits.cues = $1 },
    size("--max-cue-length", "text per cue (default 1000000 bytes)") { $0.limits.cueBytes = $1 },
    count("--max-patterns", "patterns in all lexicons with --lexicon (default 50000)") {
      $0.lexiconLimits.patterns = $1
    },
    count("--max-pattern-length", "bytes per pattern with --lexicon (default 1000)") {
      $0.lexiconLimits.patternBytes = $1
    },
    unlimited(
      "--max-findings",
      "findings reported per document (default 1000; 0: all); past it a warning gives the total, and the score "
        + "counts them all"
    ) { $0.limits.findings = $1 == 0 ? .max : $1 },
    unlimited(
      "--max-columns",
      "characters of a source line shown around a finding (default 200; a longer line is cut with …; 0: whole "
        + "lines)"
    ) { $0.limits.columns = $1 },
  ]

  /// A limit in bytes (`64M`).
  static func size(
    _ flag: String, _ help: String, _ set: @escaping @Sendable (inout LintOptions, Int) -> Void
  ) -> OptionSpec<LintOptions> {
    OptionSpec([flag], "SIZE", group: limitGroup, help) { options, text throws(UsageError) in
      guard let value = InputLimits.parseSize(text) else {
        throw UsageError(description: "\(flag) takes a size in bytes, or with K, M or G (64M, 1G), not '\(text)'")
      }
      set(&options, value)
    }
  }

  /// A positive count.
  static func count(
    _ flag: String, _ help: String, _ set: @escaping @Sendable (inout LintOptions, Int) -> Void
  ) -> OptionSpec<LintOptions> {
    OptionSpec([flag], "N", group: limitGroup, help) { options, text throws(UsageError) in
      guard let value = Int(text), value > 0 else {
        throw UsageError(description: "\(flag) takes a positive whole number, not '\(text)'")
      }
      set(&options, value)
    }
  }

  /// A count where 0 lifts the limit.
  static func unlimited(
    _ flag: String, _ help: String, _ set: @escaping @Sendable (inout LintOptions, Int) -> Void
  ) -> OptionSpec<LintOptions> {
    OptionSpec([flag], "N", group: limitGroup, help) { options, text throws(UsageError) in
      guard let value = Int(text), value >= 0 else {
        throw UsageError(description: "\(flag) takes a whole number (0: no limit), not '\(text)'")
      }
      set(&options, value)
    }
  }
}
