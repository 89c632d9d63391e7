/// What kind of text a line is, before any rule reads it: prose addressed to the reader, or
/// one of the kinds of text that real mail is full of and that is not (logs, tables,
/// signatures, footers, forwarded headers…). Rules say which regions they read
/// (`Rule.regions`); a phrase found elsewhere is dropped by the context stage.
public struct TextRegions: OptionSet, Sendable, Hashable {
  public let rawValue: UInt16
  public init(rawValue: UInt16) { self.rawValue = rawValue }

  /// Sentences addressed to a reader.
  public static let prose = TextRegions(rawValue: 1 << 0)
  /// A bullet or numbered list item that reads as prose.
  public static let listItem = TextRegions(rawValue: 1 << 1)
  /// A Markdown `#` heading, an underlined title, a short line without sentence punctuation.
  public static let heading = TextRegions(rawValue: 1 << 2)
  /// Log lines, paths, machine messages: mostly symbols, digits and codes.
  public static let machine = TextRegions(rawValue: 1 << 3)
  /// Pipes, tabs or aligned columns.
  public static let table = TextRegions(rawValue: 1 << 4)
  /// A block of `Key: value` lines.
  public static let keyValue = TextRegions(rawValue: 1 << 5)
  /// A signature or contact block (after `-- `, phones, addresses, a sign-off).
  public static let signature = TextRegions(rawValue: 1 << 6)
  /// Rules drawn with symbols (`=====`, `*****`), ASCII art.
  public static let art = TextRegions(rawValue: 1 << 7)
  /// Legal, confidentiality, unsubscribe and mailing-list footers.
  public static let footer = TextRegions(rawValue: 1 << 8)
  /// A forwarded or quoted message's header block (`-----Original Message-----`, `From: … Sent: …`).
  public static let forwarded = TextRegions(rawValue: 1 << 9)
  /// A line made mostly of placeholders (`[First name] [Company]`).
  public static let placeholders = TextRegions(rawValue: 1 << 10)

  /// Every region.
  public static let all = TextRegions(rawValue: (1 << 11) - 1)

  /// What a rule reads when its lexicon entry does not say: prose, list items and headlines
  /// (a headline such as "Offer ends Friday" is still an offer).
  public static let readByDefault: TextRegions = [.prose, .listItem, .heading]
  /// What shouting rules read: sentences and headlines, not logs, tables, signatures or
  /// footers (capitals there were two thirds of the false alarms on real business mail).
  /// In a headline, as in a sentence, a run of capitals counts only when it carries a
  /// pressure word (`ContextStage.shoutingReason`).
  public static let sentencesOnly: TextRegions = [.prose, .listItem, .heading]

  /// The names used in lexicons (`"regions": ["prose", "heading"]`) and in explanations.
  public static let names: [(name: String, region: TextRegions)] = [
    ("prose", .prose), ("list", .listItem), ("heading", .heading), ("machine", .machine), ("table", .table),
    ("key-value", .keyValue), ("signature", .signature), ("art", .art), ("footer", .footer),
    ("forwarded", .forwarded), ("placeholders", .placeholders),
  ]

  /// The region named `name` in a lexicon, if any.
  public static func named(_ name: String) -> TextRegions? {
    names.first { $0.name == name }?.region
  }

  /// The name of a single region (the first one set).
  public var name: String {
    TextRegions.names.first { contains($0.region) }?.name ?? "none"
  }
}
