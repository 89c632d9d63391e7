/// How loaders read their input.
public struct LoadOptions: Sendable {
  /// Keep quoted replies and signatures in the text (`--include-quoted`).
  public var includeQuoted = false

  public init(includeQuoted: Bool = false) { self.includeQuoted = includeQuoted }
}
