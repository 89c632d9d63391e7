import LibreKit

/// The header fields of a message that place it among others: who sent it, when, and its
/// identity. Read for every email `libre analyze` takes (a file or an mbox message).
public struct MessageFields: Sendable, Equatable {
  /// `Message-ID`, without its angle brackets.
  public var messageID: String?
  /// `Date`, in seconds since 1970-01-01 UTC.
  public var date: Int?
  /// The `From:` sender.
  public var sender: Sender?

  public init(messageID: String? = nil, date: Int? = nil, sender: Sender? = nil) {
    self.messageID = messageID
    self.date = date
    self.sender = sender
  }

  /// Which fields a run needs: each costs string work on every message.
  public struct Wanted: Sendable, Equatable {
    public var messageID: Bool
    public var date: Bool
    public var sender: Bool

    public init(messageID: Bool = true, date: Bool = true, sender: Bool = true) {
      self.messageID = messageID
      self.date = date
      self.sender = sender
    }

    public var none: Bool { !messageID && !date && !sender }
  }

  /// The fields of the message in `bytes` (an mbox `From ` line before it is passed by);
  /// nil members for fields it lacks, that cannot be read or that are not `wanted`.
  public static func read(_ bytes: [UInt8], wanted: Wanted = Wanted()) -> MessageFields {
    var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    if bytes[start...].starts(with: "From ".utf8) {
      start = min(EmailBytes.lineEnd(bytes, from: start, end: bytes.count) + 1, bytes.count)
    }
    let block = HeaderParser.parse(bytes, start..<min(bytes.count, start + 65_536))
    var fields = MessageFields()
    if wanted.messageID, let value = block.unfoldedValue("Message-ID", in: bytes) {
      var text = Substring(String(decoding: value, as: UTF8.self))
      text = text.drop { $0 == " " || $0 == "<" }
      while let last = text.last, last == ">" || last == " " { text = text.dropLast() }
      if !text.isEmpty { fields.messageID = String(text) }
    }
    if wanted.date, let value = block.unfoldedValue("Date", in: bytes) {
      fields.date = MessageDate.parse(String(decoding: value, as: UTF8.self))
    }
    if wanted.sender, let from = block.field("From", in: bytes) {
      let decoded = EncodedWords.decode(HeaderParser.unfolded(from, in: MappedText(original: bytes)))
      fields.sender = Sender.parse(String(decoding: decoded.bytes, as: UTF8.self))
    }
    return fields
  }
}

/// A message's sender as a rep: the address, normalised and case-folded, is who they are;
/// the display name is how they are shown (its variants, `Smith, John` and `"John Smith"`,
/// are the same person when the address is).
public struct Sender: Sendable, Equatable {
  /// The address, lowercased (`jane@example.com`); empty when the field holds none.
  public var address: String
  /// The display name, unquoted and with spaces collapsed (`Jane Doe`); may be empty.
  public var name: String

  public init(address: String, name: String) {
    self.address = address
    self.name = name
  }

  /// The rep key: the address, else the lowercased name.
  public var key: String { address.isEmpty ? name.lowercased() : address }

  /// Reads `Name <address>`, `"Last, First" <address>`, `address (Name)` and a bare address.
  public static func parse(_ text: String) -> Sender? {
    var value = text.trimmingSpaces
    // Only the first mailbox of a list.
    if let open = value.firstIndex(of: "<"), let close = value[open...].firstIndex(of: ">") {
      let address = String(value[value.index(after: open)..<close])
      let name = String(value[..<open])
      return Sender(address: normalizedAddress(address), name: normalizedName(name))
    }
    var name = ""
    if let open = value.firstIndex(of: "("), let close = value[open...].lastIndex(of: ")") {
      name = String(value[value.index(after: open)..<close])
      value = String(value[..<open]) + String(value[value.index(after: close)...])
    }
    let address = normalizedAddress(value)
    guard address.contains("@") || !name.isEmpty else {
      return value.isEmpty ? nil : Sender(address: "", name: normalizedName(value))
    }
    return Sender(address: address, name: normalizedName(name))
  }

  /// The address as a rep key: lowercased, without quotes, spaces or `mailto:`.
  public static func normalizedAddress(_ text: String) -> String {
    var address = text.trimmingSpaces.lowercased()
    address.removeAll { $0 == "\"" || $0 == " " || $0 == "\t" }
    if address.hasPrefix("mailto:") { address.removeFirst(7) }
    return address
  }

  /// Quotes and extra spaces dropped; `Last, First` turned into `First Last`.
  static func normalizedName(_ text: String) -> String {
    var name = text.filter { $0 != "\"" && $0 != "'" }.split(whereSeparator: { $0 == " " || $0 == "\t" })
      .joined(separator: " ")
    let parts = name.split(separator: ",", omittingEmptySubsequences: true)
    if parts.count == 2 {
      name = parts[1].trimmingSpaces + " " + parts[0].trimmingSpaces
    }
    return name
  }
}

extension StringProtocol {
  fileprivate var trimmingSpaces: String {
    let characters = self.drop { $0 == " " || $0 == "\t" }
    var end = characters.endIndex
    while end > characters.startIndex, characters[characters.index(before: end)] == " " {
      end = characters.index(before: end)
    }
    return String(characters[..<end])
  }
}
