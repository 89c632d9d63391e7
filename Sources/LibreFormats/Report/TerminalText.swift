/// Text from documents and settings made safe for a terminal: a control character (ESC,
/// BEL, backspace, CR, …) in a speaker's name, a line or a path would otherwise reach the
/// terminal raw, where ESC sequences can move the cursor, recolor or hide what follows.
///
/// Each C0 control but tab and LF, and DEL, is shown as its Unicode control picture (ESC as
/// `␛` U+241B, BEL as `␇`, CR as `␍`, DEL as `␡`), and each C1 control (U+0080–U+009F) as
/// U+FFFD: one visible character for one character, so the carets under a source line stay
/// in their columns. Applied to every text report and to the error, warning and note lines.
public enum TerminalText {
  /// `text` with its control characters shown as control pictures.
  public static func escape(_ text: String) -> String {
    // Most text has none: look at the bytes before rewriting anything.
    guard text.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A || $0 == 0x7F || $0 == 0xC2 }) else {
      return text
    }
    return ScalarEscaping.escape(text, picture)
  }

  /// The control picture of `scalar`, or nil when it is shown as it is.
  static func picture(_ scalar: Unicode.Scalar) -> String? {
    switch scalar.value {
    case 0x09, 0x0A: return nil
    case 0x00..<0x20: return String(Unicode.Scalar(0x2400 + scalar.value)!)
    case 0x7F: return "\u{2421}"
    case 0x80..<0xA0: return "\u{FFFD}"
    default: return nil
    }
  }
}
