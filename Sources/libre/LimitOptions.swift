import LibreFormats
import LibreKit

/// The limit flags of `lint` and `analyze` (defaults and meaning: `InputLimits`, `LexiconLimits`).
extension LintOptions {
  static let limitFlags = [
    "--max-input-size", "--max-line-length", "--max-mime-depth", "--max-mime-parts", "--max-cues",
    "--max-cue-length", "--max-patterns", "--max-pattern-length", "--section-size", "--max-findings",
    "--max-columns",
  ]

  /// Reads `flag` when it is a limit flag; false when it is not one.
  mutating func readLimit(_ flag: String, _ reader: inout ArgumentReader) throws(UsageError) -> Bool {
    guard LintOptions.limitFlags.contains(flag) else { return false }
    let text = try reader.value(for: flag)
    if flag == "--max-findings" || flag == "--max-columns" {
      // 0 lifts the limit.
      guard let value = Int(text), value >= 0 else {
        throw UsageError(description: "\(flag) takes a whole number (0: no limit), not '\(text)'")
      }
      if flag == "--max-findings" { limits.findings = value == 0 ? .max : value } else { limits.columns = value }
      return true
    }
    let sized = ["--max-input-size", "--max-line-length", "--max-cue-length", "--section-size"].contains(flag)
    guard let value = sized ? InputLimits.parseSize(text) : Int(text).flatMap({ $0 > 0 ? $0 : nil }) else {
      let what = sized ? "a size in bytes, or with K, M or G (64M, 1G)" : "a positive whole number"
      throw UsageError(description: "\(flag) takes \(what), not '\(text)'")
    }
    switch flag {
    case "--max-input-size": limits.inputBytes = value
    case "--max-line-length": limits.lineBytes = value
    case "--max-mime-depth": limits.mimeDepth = value
    case "--max-mime-parts": limits.mimeParts = value
    case "--max-cues": limits.cues = value
    case "--max-cue-length": limits.cueBytes = value
    case "--section-size": limits.sectionBytes = value
    case "--max-patterns": lexiconLimits.patterns = value
    default: lexiconLimits.patternBytes = value
    }
    return true
  }

  /// How the loaders read each input.
  var loadOptions: LoadOptions { LoadOptions(includeQuoted: includeQuoted, limits: limits) }
}
