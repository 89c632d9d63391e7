import LibreFormats

#if canImport(Glibc)
  import Glibc
#endif

/// The day a document belongs to for `analyze --by`: an email's `Date:` header; a JSONL
/// line's `date` field (`YYYY-MM-DD…`, or an RFC 5322 date); else the file's modification
/// time (a call export's date as the file system keeps it).
enum DocumentDate {
  static func day(mail: MessageFields?, fields: [String: String], path: String?) -> Int? {
    if let date = mail?.date { return TrendPeriod.day(ofSeconds: date) }
    if let text = fields["date"] {
      if let day = MessageDate.parseDay(String(text.prefix(10))) { return day }
      return MessageDate.parse(text).map(TrendPeriod.day(ofSeconds:))
    }
    guard let path else { return nil }
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return TrendPeriod.day(ofSeconds: Int(info.st_mtim.tv_sec))
  }
}
