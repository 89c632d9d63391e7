/// Messages of the engine that are not rule texts (see `BuiltInRules` for those).
public enum BuiltInMessages {
  public static func invalidUTF8(_ count: Int) -> String {
    "\(count) malformed UTF-8 sequence\(count == 1 ? "" : "s") read as U+FFFD"
  }
}
