import LibreFormats

/// What a command says about the files a walk or a configuration passed by.
enum WalkMessages {
  static func ignoredNamed(_ path: String) -> String {
    "\(path): skipped: its configuration's \"ignore\" matches it (name it with --config another file, or edit "
      + "\"ignore\", to lint it)"
  }
  static func ignoredCount(_ count: Int) -> String {
    "skipped \(count): matched by a configuration's \"ignore\""
  }
  static func loop(_ path: String) -> String { "\(path): symbolic link to a folder already walked; skipped" }
}

extension BatchWalker {
  /// The lines that say what the walk passed by (loops, then each reason).
  var report: [String] { skipSummary }

  /// Writes the warnings of the walk (files it cannot open, loops): said as soon as the
  /// walk is done.
  func warn() {
    if let warning = specialWarning { Output.warning(warning) }
    for loop in loops { Output.warning(WalkMessages.loop(loop)) }
  }
}
