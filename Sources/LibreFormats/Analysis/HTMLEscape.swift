/// Text made safe for an HTML (and XHTML) page: every piece of input text goes through
/// `HTMLEscape.text` before it reaches the report, in element content and in attributes.
public enum HTMLEscape {
  /// `text` with `&`, `<`, `>`, `"` and `'` as character references, and the control
  /// characters XML forbids (all C0 but tab, LF and CR) as U+FFFD, so a transcript holding
  /// `<script>` shows as text and the page stays well-formed XML.
  public static func text(_ text: String) -> String {
    ScalarEscaping.escape(text) { scalar in
      switch scalar {
      case "&": "&amp;"
      case "<": "&lt;"
      case ">": "&gt;"
      case "\"": "&quot;"
      case "'": "&#39;"
      case "\t", "\n", "\r": nil
      default:
        scalar.value < 0x20 || scalar.value == 0x7F || (0xFFFE...0xFFFF).contains(scalar.value) ? "\u{FFFD}" : nil
      }
    }
  }

  /// A number with at most one decimal, for SVG coordinates: `12`, `12.5`.
  static func number(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    let magnitude = abs(tenths)
    return sign + (magnitude % 10 == 0 ? "\(magnitude / 10)" : "\(magnitude / 10).\(magnitude % 10)")
  }

  /// A share as a whole percentage: `0.333` → `33%`.
  static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}
