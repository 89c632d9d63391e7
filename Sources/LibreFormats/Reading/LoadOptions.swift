/// How loaders read their input.
public struct LoadOptions: Sendable {
  /// Keep quoted replies and signatures in the text (`--include-quoted`).
  public var includeQuoted = false
  /// How much one input may hold (`--max-input-size`, `--max-line-length`, …).
  public var limits = InputLimits()

  public init(includeQuoted: Bool = false, limits: InputLimits = InputLimits()) {
    self.includeQuoted = includeQuoted
    self.limits = limits
  }
}
