#if canImport(Glibc)
  import Glibc
#endif

/// The progress line of `libre analyze` on stderr: documents done out of the total (when
/// it is known), the rate and the time left. Drawn only on a terminal and without
/// `--quiet`, at most ten times a second, so a fast run spends nothing on it.
struct ProgressBar {
  let enabled: Bool
  /// The number of inputs, when they were listed before the run (not with `--stdin-jsonl`).
  var total: Int?
  private let started = ProgressBar.now()
  private var lastDraw = -1.0
  private var drawn = false

  init(enabled: Bool, total: Int?) {
    self.enabled = enabled
    self.total = total
  }

  /// Whether stderr is a terminal the bar may draw on.
  static func wanted(quiet: Bool) -> Bool { !quiet && isatty(2) == 1 }

  /// Redraws with `done` inputs finished, unless the last draw was under 0.1 s ago.
  mutating func update(done: Int, force: Bool = false) {
    guard enabled else { return }
    let now = ProgressBar.now()
    guard force || now - lastDraw >= 0.1 else { return }
    lastDraw = now
    let elapsed = max(now - started, 1e-3)
    let rate = Double(done) / elapsed
    var line = "\r"
    if let total, total > 0 {
      let width = 24
      let filled = min(width, done * width / total)
      line += "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
      line += "\(done)/\(total)"
    } else {
      line += "\(done) done"
    }
    line += " · \(ProgressBar.decimal(rate))/s"
    if let total, rate > 0, done < total {
      line += " · ETA " + ProgressBar.clock(Double(total - done) / rate)
    }
    Output.write(line + "\u{1B}[K", to: 2)
    drawn = true
  }

  /// Erases the line, before another message goes to stderr or at the end.
  mutating func clear() {
    guard enabled, drawn else { return }
    Output.write("\r\u{1B}[K", to: 2)
    drawn = false
    lastDraw = -1
  }

  static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  static func decimal(_ value: Double) -> String {
    value >= 100 ? String(Int(value.rounded())) : String((value * 10).rounded() / 10)
  }

  static func clock(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded(.up))
    let minutes = whole / 60
    let rest = whole % 60
    return "\(minutes):" + (rest < 10 ? "0" : "") + String(rest)
  }
}
