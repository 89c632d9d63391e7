import LibreKit

/// STUB (to be replaced): removes quoted replies and signatures.
public enum QuotedReplies {
  public static func strip(_ input: MappedText) -> MappedText { input }
}
