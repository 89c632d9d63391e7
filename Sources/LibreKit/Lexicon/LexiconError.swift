/// A mistake in a lexicon file, with where it is.
public struct LexiconError: Error, Sendable, Equatable, CustomStringConvertible {
  public var location: SourceLocation
  public var message: String

  public init(location: SourceLocation, message: String) {
    self.location = location
    self.message = message
  }

  /// `FILE:LINE:COL: message`, the shape compilers use.
  public var description: String { "\(location): \(message)" }
}

/// Several lexicon mistakes, reported together.
public struct LexiconErrors: Error, Sendable, CustomStringConvertible {
  public var errors: [LexiconError]

  public init(_ errors: [LexiconError]) { self.errors = errors }

  public var description: String { errors.map(\.description).joined(separator: "\n") }
}
