import LibreKit

/// STUB (to be replaced): the text of an HTML document.
public enum HTMLText {
  public static func extract(_ input: MappedText) -> MappedText { input }
}
