/// A charset name from a message, resolved to the name iconv knows it by and to the way
/// `CharsetFallback` decodes it.
///
/// glibc's iconv knows most IANA names, but not every label mail software writes (`x-sjis`,
/// `ks_c_5601-1987`, `x-mac-roman`, …); the aliases below cover the common ones, in the
/// spirit of the WHATWG Encoding Standard. A few labels are sent to a superset that mail
/// labelled with them routinely needs, as Foundation (the decoder before iconv) also did.
struct IconvCharset: Equatable {
  /// The name passed to `iconv_open`.
  let iconvName: String
  /// Whether the charset is 7-bit with ASCII escape sequences (ISO-2022-*, UTF-7), so a
  /// line of ASCII bytes still has to be decoded.
  let sevenBit: Bool
  /// The UTF-16 or UTF-32 form, decoded as one unit; nil for byte-oriented charsets.
  let wide: WideForm?

  /// The charset of a normalized (lowercased, trimmed) name; nil when the name is not a
  /// plain charset name or is a UTF-16 or UTF-32 form not listed in `WideForm`. Whether
  /// iconv knows the name is for `IconvDecoder` to find out.
  init?(name: String) {
    // Only a bare name: iconv reads suffixes such as `//IGNORE` or `//TRANSLIT` after a
    // slash, and a message must not choose how failures are handled.
    guard !name.isEmpty,
      name.utf8.allSatisfy({ byte in
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "-")
          || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
      })
    else { return nil }
    if let wide = WideForm(name: name) {
      self.init(iconvName: wide.rawValue, sevenBit: false, wide: wide)
      return
    }
    // Another wide form (iconv's internal UCS-4, say) would be cut into lines at bytes that
    // are no line breaks there.
    guard !name.hasPrefix("utf-16") && !name.hasPrefix("utf-32") && !name.hasPrefix("ucs") else { return nil }
    let iconvName = IconvCharset.aliases[name] ?? name
    let compact = String(
      decoding: iconvName.lowercased().utf8.filter { $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: "_") }, as: UTF8.self
    )
    let sevenBit =
      compact.hasPrefix("iso2022") || compact.hasPrefix("csiso2022") || compact == "utf7" || compact.hasPrefix("hz")
    self.init(iconvName: iconvName, sevenBit: sevenBit, wide: nil)
  }

  private init(iconvName: String, sevenBit: Bool, wide: WideForm?) {
    self.iconvName = iconvName
    self.sevenBit = sevenBit
    self.wide = wide
  }

  /// Labels iconv does not know, or knows as a narrower charset than mail needs, with the
  /// iconv name to use instead.
  static let aliases: [String: String] = [
    // Shift_JIS as Windows writes it: glibc's SHIFT_JIS reads 0x5C as ¥ and 0x7E as ‾ and
    // lacks the NEC and IBM extensions (①, Ⅰ, …) that Japanese mail is full of.
    "shift_jis": "CP932", "shift-jis": "CP932", "sjis": "CP932", "x-sjis": "CP932", "ms_kanji": "CP932",
    "csshiftjis": "CP932", "windows-31j": "CP932", "cswindows31j": "CP932", "ms932": "CP932",
    // GB2312 mail is routinely GBK (its superset).
    "gb2312": "GBK", "x-gbk": "GBK", "csgb2312": "GBK", "euc-cn": "GBK", "x-euc-cn": "GBK", "cn-gb": "GBK",
    "gb_2312-80": "GBK", "chinese": "GBK", "iso-ir-58": "GBK", "csiso58gb231280": "GBK", "windows-936": "GBK",
    "ms936": "GBK",
    // EUC-KR mail is routinely Windows-949 (Unified Hangul Code, its superset).
    "euc-kr": "CP949", "cseuckr": "CP949", "ks_c_5601-1987": "CP949", "ks_c_5601-1989": "CP949",
    "ksc5601": "CP949", "ksc_5601": "CP949", "csksc56011987": "CP949", "iso-ir-149": "CP949", "korean": "CP949",
    "windows-949": "CP949",
    "x-euc-jp": "EUC-JP", "cseucpkdfmtjapanese": "EUC-JP",
    // ISO-2022-JP as Windows writes it may switch to half-width katakana (ESC ( I), which
    // glibc's ISO-2022-JP passes through as text; its ISO-2022-JP-3 decodes them, and every
    // JIS X 0208 character the same.
    "iso-2022-jp": "ISO-2022-JP-3", "csiso2022jp": "ISO-2022-JP-3",
    "x-x-big5": "BIG5", "csbig5": "BIG5",
    "x-mac-roman": "MACINTOSH", "macroman": "MACINTOSH", "x-mac": "MACINTOSH", "csmacintosh": "MACINTOSH",
    "x-mac-cyrillic": "MAC-CYRILLIC", "x-mac-ukrainian": "MAC-CYRILLIC",
    "x-mac-ce": "MAC-CENTRALEUROPE", "x-mac-centraleurroman": "MAC-CENTRALEUROPE",
    "unicode-1-1-utf-7": "UTF-7", "csunicode11utf7": "UTF-7", "x-utf-7": "UTF-7",
    // Hebrew and Arabic labels of logical or visual order: the same bytes.
    "iso-8859-8-i": "ISO-8859-8", "iso-8859-8-e": "ISO-8859-8", "csiso88598i": "ISO-8859-8",
    "csiso88598e": "ISO-8859-8", "logical": "ISO-8859-8", "visual": "ISO-8859-8",
    "iso-8859-6-i": "ISO-8859-6", "iso-8859-6-e": "ISO-8859-6", "csiso88596i": "ISO-8859-6",
    "csiso88596e": "ISO-8859-6",
  ]

  /// UTF-16 and UTF-32, whose line breaks are not single bytes.
  enum WideForm: String, Equatable {
    case utf16BigEndian = "UTF-16BE"
    case utf16LittleEndian = "UTF-16LE"
    case utf32BigEndian = "UTF-32BE"
    case utf32LittleEndian = "UTF-32LE"
    /// The forms without a byte order in their name: a byte order mark gives it.
    case utf16 = "UTF-16"
    case utf32 = "UTF-32"

    init?(name: String) {
      switch name {
      case "utf-16be", "utf16be", "ucs-2be", "unicodefffe": self = .utf16BigEndian
      case "utf-16le", "utf16le", "ucs-2le": self = .utf16LittleEndian
      case "utf-16", "utf16", "ucs-2", "ucs2", "iso-10646-ucs-2", "csunicode", "unicode": self = .utf16
      case "utf-32be", "utf32be", "ucs-4be": self = .utf32BigEndian
      case "utf-32le", "utf32le", "ucs-4le": self = .utf32LittleEndian
      case "utf-32", "utf32", "ucs-4", "ucs4", "iso-10646-ucs-4", "csucs4": self = .utf32
      default: return nil
      }
    }

    /// The iconv name to decode `bytes` with, and the length of the byte order mark to skip.
    ///
    /// `utf16` and `utf32` take their byte order from a byte order mark, and are big-endian
    /// without one (RFC 2781, as Foundation read them); glibc's `UTF-16` and `UTF-32` would
    /// read them in the machine's order instead. The explicit forms keep a leading U+FEFF
    /// as text, as iconv and Foundation both do.
    func iconvName(for bytes: [UInt8]) -> (name: String, bomLength: Int) {
      switch self {
      case .utf16:
        if bytes.starts(with: [0xFF, 0xFE]) { return (WideForm.utf16LittleEndian.rawValue, 2) }
        return (WideForm.utf16BigEndian.rawValue, bytes.starts(with: [0xFE, 0xFF]) ? 2 : 0)
      case .utf32:
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) { return (WideForm.utf32LittleEndian.rawValue, 4) }
        return (WideForm.utf32BigEndian.rawValue, bytes.starts(with: [0, 0, 0xFE, 0xFF]) ? 4 : 0)
      default: return (rawValue, 0)
      }
    }
  }
}
