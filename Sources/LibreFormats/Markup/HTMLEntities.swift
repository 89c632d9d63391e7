/// HTML character references (`&eacute;`, `&#233;`, `&#xE9;`), shared by the HTML and
/// Markdown extractors (CommonMark decodes entities too).
enum HTMLEntities {
  /// The longest name in the table; a longer run of letters cannot be a known entity.
  static let longestName = 14

  /// Decodes the reference starting at `index` (where `bytes[index]` is `&`), looking no
  /// further than `limit`: the scalar and the offset just past the reference, or nil when
  /// none starts there (an unknown name is left as written, as browsers do).
  static func decode(_ bytes: [UInt8], at index: Int, limit: Int) -> (scalar: Unicode.Scalar, end: Int)? {
    var at = index + 1
    guard at < limit else { return nil }
    if bytes[at] == UInt8(ascii: "#") {
      return numeric(bytes, from: at + 1, limit: limit)
    }
    let nameStart = at
    while at < limit, at - nameStart <= longestName, isAlphanumeric(bytes[at]) { at += 1 }
    guard at > nameStart, at - nameStart <= longestName else { return nil }
    let name = String(decoding: bytes[nameStart..<at], as: UTF8.self)
    let hasSemicolon = at < limit && bytes[at] == UInt8(ascii: ";")
    guard let value = table[name] else { return nil }
    if hasSemicolon { return (value, at + 1) }
    // Browsers accept a few legacy names without `;`; only the ones writers really use.
    guard legacyWithoutSemicolon.contains(name) else { return nil }
    if at < limit, bytes[at] == UInt8(ascii: "=") { return nil }
    return (value, at)
  }

  private static func numeric(_ bytes: [UInt8], from start: Int, limit: Int) -> (scalar: Unicode.Scalar, end: Int)? {
    var at = start
    var hex = false
    if at < limit, bytes[at] | 0x20 == UInt8(ascii: "x") {
      hex = true
      at += 1
    }
    let digitsStart = at
    var value: UInt32 = 0
    while at < limit, at - digitsStart < 8 {
      let byte = bytes[at]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - 0x30)
      case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: digit = UInt32(byte - 0x61 + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: digit = UInt32(byte - 0x41 + 10)
      default: digit = 99
      }
      if digit == 99 { break }
      value = value * (hex ? 16 : 10) + digit
      at += 1
    }
    guard at > digitsStart else { return nil }
    if at < limit, bytes[at] == UInt8(ascii: ";") { at += 1 }
    return (scalar(forCodePoint: value), at)
  }

  /// What the HTML standard makes of a numeric reference: C1 controls are read as
  /// Windows-1252 (the `&#146;` apostrophe of old mailers), invalid values as U+FFFD.
  static func scalar(forCodePoint value: UInt32) -> Unicode.Scalar {
    if value >= 0x80 && value <= 0x9F {
      let mapped = windows1252C1[Int(value - 0x80)]
      return mapped == 0 ? "\u{FFFD}" : Unicode.Scalar(mapped) ?? "\u{FFFD}"
    }
    if value == 0 { return "\u{FFFD}" }
    return Unicode.Scalar(value) ?? "\u{FFFD}"
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
  }

  private static let legacyWithoutSemicolon: Set<String> = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"]

  /// Windows-1252 for 0x80–0x9F (0 where the code page leaves the byte undefined).
  private static let windows1252C1: [UInt32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E,
    0x0178,
  ]

  /// Latin-1 names in code point order, from U+00A0 to U+00FF.
  private static let latin1Names: [String] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not",
    "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1",
    "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring",
    "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde",
    "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave", "eacute",
    "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde",
    "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
  ]

  /// Greek letters in code point order (capitals from U+0391, small from U+03B1); the
  /// empty name is the unassigned U+03A2.
  private static let greekNames: [String] = [
    "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa", "Lambda", "Mu", "Nu", "Xi",
    "Omicron", "Pi", "Rho", "", "Sigma", "Tau", "Upsilon", "Phi", "Chi", "Psi", "Omega",
  ]

  /// The other names: HTML 4's full set plus the HTML5 names mail and templates use.
  private static let otherNames: [(String, UInt32)] = [
    ("quot", 34), ("amp", 38), ("lt", 60), ("gt", 62), ("apos", 39), ("OElig", 338), ("oelig", 339),
    ("Scaron", 352), ("scaron", 353), ("Yuml", 376), ("fnof", 402), ("circ", 710), ("tilde", 732),
    ("thetasym", 977), ("upsih", 978), ("piv", 982), ("sigmaf", 962), ("ensp", 8194), ("emsp", 8195),
    ("thinsp", 8201), ("zwnj", 8204), ("zwj", 8205), ("lrm", 8206), ("rlm", 8207), ("ndash", 8211),
    ("mdash", 8212), ("lsquo", 8216), ("rsquo", 8217), ("sbquo", 8218), ("ldquo", 8220), ("rdquo", 8221),
    ("bdquo", 8222), ("dagger", 8224), ("Dagger", 8225), ("bull", 8226), ("hellip", 8230), ("permil", 8240),
    ("prime", 8242), ("Prime", 8243), ("lsaquo", 8249), ("rsaquo", 8250), ("oline", 8254), ("frasl", 8260),
    ("euro", 8364), ("image", 8465), ("weierp", 8472), ("real", 8476), ("trade", 8482), ("alefsym", 8501),
    ("larr", 8592), ("uarr", 8593), ("rarr", 8594), ("darr", 8595), ("harr", 8596), ("crarr", 8629),
    ("lArr", 8656), ("uArr", 8657), ("rArr", 8658), ("dArr", 8659), ("hArr", 8660), ("forall", 8704),
    ("part", 8706), ("exist", 8707), ("empty", 8709), ("nabla", 8711), ("isin", 8712), ("notin", 8713),
    ("ni", 8715), ("prod", 8719), ("sum", 8721), ("minus", 8722), ("lowast", 8727), ("radic", 8730),
    ("prop", 8733), ("infin", 8734), ("ang", 8736), ("and", 8743), ("or", 8744), ("cap", 8745), ("cup", 8746),
    ("int", 8747), ("there4", 8756), ("sim", 8764), ("cong", 8773), ("asymp", 8776), ("ne", 8800),
    ("equiv", 8801), ("le", 8804), ("ge", 8805), ("sub", 8834), ("sup", 8835), ("nsub", 8836), ("sube", 8838),
    ("supe", 8839), ("oplus", 8853), ("otimes", 8855), ("perp", 8869), ("sdot", 8901), ("lceil", 8968),
    ("rceil", 8969), ("lfloor", 8970), ("rfloor", 8971), ("lang", 9001), ("rang", 9002), ("loz", 9674),
    ("spades", 9824), ("clubs", 9827), ("hearts", 9829), ("diams", 9830),
    // HTML5 names seen in mail and templates.
    ("Tab", 9), ("NewLine", 10), ("excl", 33), ("num", 35), ("dollar", 36), ("percnt", 37), ("lpar", 40),
    ("rpar", 41), ("ast", 42), ("plus", 43), ("comma", 44), ("period", 46), ("sol", 47), ("colon", 58),
    ("semi", 59), ("equals", 61), ("quest", 63), ("commat", 64), ("lsqb", 91), ("lbrack", 91), ("bsol", 92),
    ("rsqb", 93), ("rbrack", 93), ("Hat", 94), ("lowbar", 95), ("grave", 96), ("lcub", 123), ("lbrace", 123),
    ("verbar", 124), ("vert", 124), ("rcub", 125), ("rbrace", 125), ("hyphen", 8208), ("dash", 8208),
    ("numsp", 8199), ("puncsp", 8200), ("hairsp", 8202), ("ZeroWidthSpace", 8203), ("NoBreak", 8288),
    ("mldr", 8230), ("nldr", 8229), ("lsquor", 8218), ("rsquor", 8217), ("ldquor", 8222), ("rdquor", 8221),
    ("laquo", 171), ("raquo", 187), ("check", 10003), ("cross", 10007), ("star", 9734), ("starf", 9733),
    ("phone", 9742), ("female", 9792), ("male", 9794), ("half", 189), ("centerdot", 183), ("middot", 183),
    ("copysr", 8471), ("trade", 8482), ("TRADE", 8482), ("COPY", 169), ("REG", 174), ("AMP", 38), ("LT", 60),
    ("GT", 62), ("QUOT", 34), ("nbsp", 160),
  ]

  /// Name → scalar, built once.
  static let table: [String: Unicode.Scalar] = {
    var table: [String: Unicode.Scalar] = [:]
    for (offset, name) in latin1Names.enumerated() { table[name] = Unicode.Scalar(UInt8(0xA0 + offset)) }
    for (offset, name) in greekNames.enumerated() where !name.isEmpty {
      table[name] = Unicode.Scalar(UInt32(0x391 + offset))
      table[name.lowercased()] = Unicode.Scalar(UInt32(0x3B1 + offset))
    }
    for (name, value) in otherNames {
      table[name] = Unicode.Scalar(value)
    }
    return table
  }()
}
